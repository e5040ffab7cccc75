import { useId, useState, type ReactNode } from 'react';
import { t } from '../../i18n';
import { Dialog } from './Dialog';
import { ErrorMessage } from './ui';

/** Asks before doing something; shows the failure in place if it fails. */
export function ConfirmDialog(props: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await props.onConfirm();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };
  return (
    <Dialog title={props.title} onClose={props.onClose} describedBy={`${id}-text`}>
      <div id={`${id}-text`} className="dash-dialog-text">
        {props.children}
      </div>
      {error !== null && <ErrorMessage error={error} />}
      <div className="dash-actions">
        <button type="button" className="tk-button" onClick={props.onClose} data-autofocus>
          {t('cancel')}
        </button>
        <button
          type="button"
          className={`tk-button ${props.danger ? 'dash-danger-button' : 'tk-primary'}`}
          disabled={busy}
          onClick={() => void confirm()}
        >
          {props.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
