import { useEffect, useId, useRef, type ReactNode } from 'react';
import { t } from '../../i18n';

/**
 * A modal dialog: the browser's <dialog> keeps focus inside and turns Escape into "cancel".
 * Focus returns to where it was when the dialog closes.
 */
export function Dialog(props: { title: string; onClose: () => void; children: ReactNode; wide?: boolean; describedBy?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { onClose } = props;

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal?.();
    dialog?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog?.open) dialog.close?.();
      // Back to the button that opened the dialog, if it is still there.
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dash-dialog${props.wide ? ' dash-dialog-wide' : ''}`}
      aria-labelledby={titleId}
      aria-describedby={props.describedBy}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="dash-dialog-header">
        <h2 id={titleId}>{props.title}</h2>
        <button type="button" className="tk-icon-button" onClick={onClose} aria-label={t('dialogClose')}>
          ×
        </button>
      </header>
      <div className="dash-dialog-body">{props.children}</div>
    </dialog>
  );
}
