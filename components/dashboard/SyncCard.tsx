import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState } from 'react';
import { t, tCount } from '../../i18n';
import { send } from '../../messaging/client';
import { readDb } from '../../storage/instance';
import { backupsRow } from '../../storage/backup-state';
import { keepFolder, keptFolder, syncStatus } from '../../storage/sync-state';
import type { PickedSyncFile, SyncDownload, SyncFolderHandle, SyncStatusRow } from '../../storage/sync-rows';
import { download } from './backup-download';
import { isSyncFileName, passphraseError, problemText, readPickedFiles, syncStep, syncTimeText, unsentChanges } from './sync-model';
import { ErrorMessage } from './ui';

interface DirectoryPicker {
  showDirectoryPicker(options: { mode: 'readwrite'; id?: string }): Promise<SyncFolderHandle>;
}
const picker = () => (globalThis as unknown as Partial<DirectoryPicker>).showDirectoryPicker;

/** "Stop syncing", from either card; a refusal shows where it was asked. */
async function stopSyncing(setError: (error: unknown) => void): Promise<void> {
  setError(null);
  try {
    await send('sync.stop', {});
  } catch (failure) {
    setError(failure);
  }
}

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

  const stop = () => stopSyncing(setError);

  if (!data) return null;
  // Firefox keeps no folder for an extension: the user syncs by hand.
  if (!picker() && !folder) return <SyncByHand />;
  const { status } = data;
  const step = syncStep({ hasFolder: folder !== null, permission: folder?.queryPermission ? permission : null, hasKeys: data.hasKeys, status });

  return (
    <div className="dash-card" aria-labelledby={`${id}-title`} role="region">
      <h3 className="dash-card-title" id={`${id}-title`}>
        {t('syncTitle')}
      </h3>
      <p className="dash-hint">{t('syncIntro')}</p>
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
      <Problems status={status} />
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
      {error !== null && <ErrorMessage error={error} />}
    </div>
  );
}

/** What the last sync found wrong with files, each in words. */
function Problems({ status }: { status: SyncStatusRow | null }) {
  if (!status || status.problems.length === 0) return null;
  return (
    <>
      <h4>{t('syncProblemsTitle')}</h4>
      <ul>
        {status.problems.map((problem, i) => (
          <li key={i}>{problemText(problem)}</li>
        ))}
      </ul>
    </>
  );
}

const saveFile = (file: SyncDownload) => download({ filename: file.name, blob: new Blob([file.text], { type: 'text/plain' }) });

/**
 * Firefox (docs/sync.md): "Sync now" reads the files the user picked from the synced folder and
 * downloads this device's new changes as a new segment, for the user to save in that folder. The
 * folder's files are read first, so that under a passphrase other than the folder's nothing is
 * written that the other computers could not read.
 */
function SyncByHand() {
  const id = useId();
  const db = readDb();
  const data = useLiveQuery(
    async () => {
      const downloads = await db.syncMeta.get('downloads');
      return {
        hasKeys: (await db.syncMeta.get('keys')) !== undefined,
        status: await syncStatus(db),
        waiting: downloads?.id === 'downloads' ? downloads.files : [],
        unsent: unsentChanges(await db.syncOutbox.toArray(), Date.now()),
      };
    },
    [db],
  );
  const folderInput = useRef<HTMLInputElement>(null);
  const filesInput = useRef<HTMLInputElement>(null);
  const [picked, setPicked] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async (passphrase?: string) => {
    setBusy(true);
    setError(null);
    try {
      const files: PickedSyncFile[] = await readPickedFiles(picked);
      const { status, downloads } = await send('sync.manual', { files, ...(passphrase !== undefined && { passphrase }) });
      for (const file of downloads) saveFile(file);
      // Read: the next sync reads the folder as it is then. Files waiting for the passphrase
      // stay chosen, so that entering it is all the user has to do.
      const asks = status.state === 'wrong-passphrase' || status.problems.some((problem) => problem.problem === 'needs-passphrase');
      if (!asks) setPicked([]);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const stop = () => stopSyncing(setError);

  if (!data) return null;
  const { status } = data;
  const step = syncStep({ hasFolder: true, permission: null, hasKeys: data.hasKeys, status });
  const choose = (files: FileList | null) => setPicked([...(files ?? [])].filter((file) => isSyncFileName(file.name)));

  return (
    <div className="dash-card" aria-labelledby={`${id}-title`} role="region">
      <h3 className="dash-card-title" id={`${id}-title`}>
        {t('syncTitle')}
      </h3>
      <p className="dash-hint">{t('syncIntro')}</p>
      <p>{t('syncByHand')}</p>
      <div className="tk-row tk-wrap">
        {/* The buttons stand for them: hidden, they are no second, unlabelled controls. */}
        <input
          ref={folderInput}
          hidden
          type="file"
          multiple
          {...{ webkitdirectory: '' }}
          aria-label={t('syncChooseFolder')}
          onChange={(event) => {
            choose(event.target.files);
            event.target.value = '';
          }}
        />
        <input
          ref={filesInput}
          hidden
          type="file"
          multiple
          accept=".log"
          aria-label={t('syncChooseFiles')}
          onChange={(event) => {
            choose(event.target.files);
            event.target.value = '';
          }}
        />
        <button type="button" className="tk-button" disabled={busy} onClick={() => folderInput.current?.click()}>
          {t('syncChooseFolder')}
        </button>
        <button type="button" className="tk-button" disabled={busy} onClick={() => filesInput.current?.click()}>
          {t('syncChooseFiles')}
        </button>
      </div>
      <p aria-live="polite">{picked.length > 0 ? tCount('syncPicked', picked.length) : t('syncPickedNone')}</p>
      {(step === 'first-passphrase' || step === 'passphrase-again') && (
        <PassphraseForm twice={step === 'first-passphrase'} busy={busy} onSubmit={(passphrase) => void run(passphrase)} />
      )}
      {step === 'ready' && (
        <div className="tk-row tk-wrap">
          <button type="button" className="tk-button tk-primary" disabled={busy} onClick={() => void run()}>
            {t('syncNow')}
          </button>
        </div>
      )}
      {status?.state === 'wrong-passphrase' && <p className="dash-field-error">{t('syncWrongPassphrase')}</p>}
      {status?.state === 'failed' && <p className="dash-field-error">{t('syncFailed', status.error ?? '')}</p>}
      <p aria-live="polite">{busy ? t('syncRunning') : status?.lastSyncedAt ? t('syncLast', syncTimeText(status.lastSyncedAt)) : t('syncNever')}</p>
      {!busy && status?.state === 'synced' && (
        <p>
          {tCount('syncRead', status.read)}, {tCount('syncWritten', status.written)}
        </p>
      )}
      {data.unsent !== null && <p>{tCount('syncUnsent', data.unsent)}</p>}
      {data.waiting.length > 0 && (
        <>
          <h4>{t('syncSaveTitle')}</h4>
          <p className="dash-hint">{t('syncSaveText')}</p>
          <ul>
            {data.waiting.map((file) => (
              <li key={file.name}>
                {file.name}{' '}
                <button type="button" className="tk-link" aria-label={t('syncDownloadAgainNamed', file.name)} onClick={() => saveFile(file)}>
                  {t('syncDownloadAgain')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <Problems status={status} />
      {data.hasKeys && (
        <div className="tk-row tk-wrap">
          <button type="button" className="tk-button" onClick={() => void stop()}>
            {t('syncStop')}
          </button>
        </div>
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
