import { useId, useState, type FormEvent } from 'react';
import { t } from '../../i18n';
import { send } from '../../messaging/client';
import { backupFirst } from './backup-download';
import { Dialog } from './Dialog';
import { navigate } from './route';
import { ErrorMessage, useAnnounce } from './ui';

/** Whether what was typed is the confirmation word (case and surrounding spaces aside). */
export function confirmsWord(typed: string, word: string): boolean {
  return typed.trim().toLocaleUpperCase() === word.toLocaleUpperCase();
}

/** Wiping everything needs the word shown on screen typed out: no slip of a click does it. */
export function DeleteAllDialog({ onClose }: { onClose: () => void }) {
  const id = useId();
  const announce = useAnnounce();
  const word = t('deleteAllWord');
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const ok = confirmsWord(typed, word);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ok) return;
    setBusy(true);
    setError(null);
    try {
      // Nothing is deleted unless the backup of everything was saved first.
      await backupFirst('delete-all');
      await send('data.deleteAll', { confirm: true });
      announce(t('deleteAllDone'));
      onClose();
      navigate({ page: 'list', due: false });
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('deleteAllTitle')} onClose={onClose} describedBy={`${id}-text`}>
      <form className="dash-form" onSubmit={(event) => void submit(event)}>
        <div id={`${id}-text`}>
          <p>{t('deleteAllWarning')}</p>
          <p>{t('deleteAllBackupFirst')}</p>
        </div>
        <div className="tk-field">
          <label htmlFor={`${id}-word`}>{t('deleteAllTypeWord', word)}</label>
          <input id={`${id}-word`} data-autofocus autoComplete="off" spellCheck={false} value={typed} onChange={(event) => setTyped(event.target.value)} />
        </div>
        {busy && <p role="status">{t('safetyBackupSaving')}</p>}
        {error !== null && <ErrorMessage error={error} />}
        <div className="dash-actions">
          <button type="button" className="tk-button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="tk-button dash-danger-button" disabled={!ok || busy}>
            {t('deleteAllConfirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
