import { Component, type ErrorInfo, type ReactNode } from 'react';
import { t } from '../../i18n';

interface Props {
  children: ReactNode;
  /** Where "Go back" leads; without it, the button draws the page again. */
  onBack?: () => void;
}

/**
 * A page that fails to draw (a record the code did not expect, a bug) says so and offers a way
 * on, instead of leaving a blank window. Nothing is changed by the failure: it happened while
 * showing data, not while saving it.
 */
export class ErrorBoundary extends Component<Props, { failure: Error | null }> {
  override state = { failure: null as Error | null };

  static getDerivedStateFromError(failure: unknown) {
    return { failure: failure instanceof Error ? failure : new Error(String(failure)) };
  }

  override componentDidCatch(failure: Error, info: ErrorInfo): void {
    console.error('Tiekeeper could not show this page', failure, info.componentStack);
  }

  override render() {
    const { failure } = this.state;
    if (!failure) return this.props.children;
    return (
      <div className="tk-page-failed" role="alert">
        <p>
          <strong>{t('pageFailed')}</strong>
        </p>
        <p className="tk-muted">{t('pageFailedDetail', failure.message)}</p>
        <button
          type="button"
          className="tk-button"
          onClick={() => {
            this.props.onBack?.();
            this.setState({ failure: null });
          }}
        >
          {this.props.onBack ? t('pageFailedBack') : t('pageFailedRetry')}
        </button>
      </div>
    );
  }
}
