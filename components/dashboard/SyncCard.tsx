import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState } from 'react';
import { t } from '../../i18n';
import { send } from '../../messaging/client';
import { backupsRow } from '../../storage/backup-state';
import { readDb } from '../../storage/instance';
import { keepFolder, keptFolder, syncStatus } from '../../storage/sync-state';
import type { SyncFolderHandle } from '../../storage/sync-rows';
import { passphraseError, problemText, syncStep, syncTimeText } from './sync-model';
import { ErrorMessage } from './ui';

interface DirectoryPicker {
  showDirectoryPicker(options: { mode: 'readwrite'; id?: string }): Promise<SyncFolderHandle>;
}
const picker = () => (globalThis as unknown as Partial<DirectoryPicker>).showDirectoryPicker;

/**
 * Sync through a folder the user already syncs (docs/sync.md): the folder, the passphrase, the
 * browser's OK, and how the last sync went. The background syncs; this card only asks it to.
 */
export function SyncCard() {
  const id = useId();
  const db = readDb();
  const data = useLiveQuery(
    async () => ({ folder: await keptFolder(db), hasKeys: (await db.syncMeta.get('keys')) !== undefined, status: await syncStatus(db), backups: await backupsRow(db) }),
    [db],
  );
  const [permission, setPermission] = useState<PermissionState | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const folder = data?.folder ?? null;
  // Asked again whenever a sync ended: the browser may have taken its OK back meanwhile.
  useEffect(() => {
    let live = true;
    if (folder?.queryPermission) {
      void folder.queryPermission({ mode: 'readwrite' }).then((state) => live && setPermission(state), () => live && setPermission(null));
    }
    return () => {
      live = false;
    };
  }, [folder, data?.status?.at]);

  const syncNow = async (passphrase?: string) => {
    setBusy(true);
    setError(null);
    try {
      await send('sync.now', passphrase === undefined ? {} : { passphrase });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const choose = async () => {
    const show = picker();
    if (!show) return;
    setError(null);
    try {
      const handle = await show({ mode: 'readwrite', id: 'tiekeeper-sync' });
      await keepFolder(db, handle, Date.now());
      setPermission('granted');
      if (data?.hasKeys) await syncNow();
    } catch (failure) {
      // Closing the picker is no error.
      if (!(failure instanceof DOMException && failure.name === 'AbortError')) setError(failure);
    }
  };

  const allow = async () => {
    if (!folder?.requestPermission) return;
    const state = await folder.requestPermission({ mode: 'readwrite' });
    setPermission(state);
    if (state === 'granted') await syncNow();
  };

  const stop = async () => {
    setError(null);
    try {
      await send('sync.stop', {});
    } catch (failure) {
      setError(failure);
    }
  };

  if (!data) return null;
  const { status } = data;
  const step = syncStep({ hasFolder: folder !== null, permission: folder?.queryPermission ? permission : null, hasKeys: data.hasKeys, status });

  return (
    <div className="dash-card" aria-labelledby={`${id}-title`} role="region">
      <h3 className="dash-card-title" id={`${id}-title`}>
        {t('syncTitle')}
      </h3>
      <p className="dash-hint">{t('syncIntro')}</p>
      {!picker() && !folder ? (
        <p>{t('syncUnavailable')}</p>
      ) : (
        <>
          {folder && <p>{t('syncFolder', folder.name)}</p>}
          {step === 'permission' && (
            <div role="alert">
              <p>
                <strong>{t('syncNeedsOk')}</strong>
              </p>
              <p>{t('syncNeedsOkText')}</p>
              <button type="button" className="tk-button tk-primary" onClick={() => void allow()}>
                {t('syncAllow')}
              </button>
            </div>
          )}
          {(step === 'first-passphrase' || step === 'passphrase-again') && (
            <PassphraseForm twice={step === 'first-passphrase'} busy={busy} onSubmit={(passphrase) => void syncNow(passphrase)} />
          )}
          {status?.state === 'wrong-passphrase' && <p className="dash-field-error">{t('syncWrongPassphrase')}</p>}
          {status?.state === 'failed' && <p className="dash-field-error">{t('syncFailed', status.error ?? '')}</p>}
          <p aria-live="polite">{busy ? t('syncRunning') : status?.lastSyncedAt ? t('syncLast', syncTimeText(status.lastSyncedAt)) : folder ? t('syncNever') : ''}</p>
          {folder && (
            <>
              <p className="dash-hint">{t('syncAutoBackupInfo')}</p>
              {data.backups.lastAutoAt !== null && <p>{t('syncLastAutoBackup', syncTimeText(data.backups.lastAutoAt), data.backups.lastAutoFile ?? '')}</p>}
              {data.backups.autoError !== null && <p className="dash-field-error">{t('syncAutoBackupFailed', data.backups.autoError)}</p>}
            </>
          )}
          {status && status.problems.length > 0 && (
            <>
              <h4>{t('syncProblemsTitle')}</h4>
              <ul>
                {status.problems.map((problem, i) => (
                  <li key={i}>{problemText(problem)}</li>
                ))}
              </ul>
            </>
          )}
          <div className="tk-row tk-wrap">
            {step === 'ready' && (
              <button type="button" className="tk-button tk-primary" disabled={busy} onClick={() => void syncNow()}>
                {t('syncNow')}
              </button>
            )}
            {picker() && (
              <button type="button" className="tk-button" onClick={() => void choose()}>
                {folder ? t('syncChooseOther') : t('syncChooseFolder')}
              </button>
            )}
            {folder && (
              <button type="button" className="tk-button" onClick={() => void stop()}>
                {t('syncStop')}
              </button>
            )}
          </div>
        </>
      )}
      {error !== null && <ErrorMessage error={error} />}
    </div>
  );
}

function PassphraseForm({ twice, busy, onSubmit }: { twice: boolean; busy: boolean; onSubmit: (passphrase: string) => void }) {
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [tried, setTried] = useState(false);
  const problem = passphraseError(passphrase, twice ? again : null);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (problem === null) onSubmit(passphrase);
      }}
    >
      <div className="tk-field">
        <label htmlFor={`${id}-pass`}>{t('syncPassphrase')}</label>
        <input
          id={`${id}-pass`}
          type="password"
          autoComplete="new-password"
          value={passphrase}
          aria-describedby={`${id}-hint`}
          onChange={(event) => setPassphrase(event.target.value)}
        />
      </div>
      {twice && (
        <div className="tk-field">
          <label htmlFor={`${id}-again`}>{t('syncPassphraseAgain')}</label>
          <input id={`${id}-again`} type="password" autoComplete="new-password" value={again} onChange={(event) => setAgain(event.target.value)} />
        </div>
      )}
      <p id={`${id}-hint`} className={tried && problem ? 'dash-field-error' : 'dash-hint'}>
        {tried && problem ? problem : t('syncPassphraseHint')}
      </p>
      <button type="submit" className="tk-button tk-primary" disabled={busy}>
        {twice ? t('syncStart') : t('syncNow')}
      </button>
    </form>
  );
}
