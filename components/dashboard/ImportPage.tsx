import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import type { BackupCounts, TableCounts } from '../../domain/backup';
import { IMPORT_RHYTHM_DAYS } from '../../domain/connections';
import { TiekeeperError } from '../../domain/errors';
import { MAX_IMPORT_CHARS } from '../../domain/import-text';
import { userMessage } from '../../domain/errors';
import { t, type MessageKey } from '../../i18n';
import { formatDateTime, formatNumber, rhythmText } from '../../i18n/format';
import { importWithProgress, send, sendBackupFile } from '../../messaging/client';
import type { ImportInput, ImportSummary } from '../../messaging/protocol';
import { decryptBackup, firstLineOf, isEncryptedBackupStart, keyOpensBackup, readBackupHeader, type EncryptedBackupHeader } from '../../domain/encrypted-backup';
import { deriveKey, fromBase64 } from '../../domain/sync/crypto';
import { readDb } from '../../storage/instance';
import { backupFirst } from './backup-download';
import { backupFilePieces } from './backup-file';
import { fileSizeProblem, isJsonStart } from './import-model';
import { PageHeading } from './PageHeading';
import { routeHref } from './route';
import { ErrorMessage, useAnnounce } from './ui';

/** A backup file, or the plain text of an encrypted one as it is decrypted. */
interface BackupSource {
  readonly size: number;
  stream(): ReadableStream<Uint8Array>;
}

/** What is imported: a Connections.csv's text, or a backup file, read in pieces each time. */
type Source = { kind: 'connections'; input: Extract<ImportInput, { kind: 'connections' }> } | { kind: 'backup'; file: BackupSource; mode: 'merge' | 'replace' };

/** An encrypted backup (the weekly one from the sync folder) as the import reads it: decrypted a chunk at a time. */
function decrypted(file: File, key: CryptoKey): BackupSource {
  // Base64 holds 3 bytes in 4 characters: about the plain file's size, for the progress bar.
  return { size: Math.round((file.size * 3) / 4), stream: () => decryptBackup(file, key) };
}

type Phase =
  | { step: 'idle' }
  | { step: 'reading' }
  | { step: 'passphrase'; file: File; header: EncryptedBackupHeader }
  | { step: 'preview'; fileName: string; source: Source; summary: ImportSummary }
  | { step: 'applying'; fileName: string; done: number; total: number; bytes: boolean; saving?: boolean }
  | { step: 'done'; fileName: string; summary: ImportSummary };

const MB = 1024 * 1024;

/**
 * Importing LinkedIn's Connections.csv or a Tiekeeper backup: pick or drop a file, see what the
 * import would do, then import it with a progress bar. Nothing is written before the user
 * confirms, and a failed import changes nothing (the background imports in one transaction).
 */
export function ImportPage() {
  const id = useId();
  const announce = useAnnounce();
  const picker = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [error, setError] = useState<unknown>(null);
  const [dragging, setDragging] = useState(false);
  // How much of a backup file its preview has read, while it reads.
  const [read, setRead] = useState<{ done: number; total: number } | null>(null);
  const [replaceConfirmed, setReplaceConfirmed] = useState(false);
  // The backup mode as chosen; the preview follows it once the background has answered.
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  // The rhythm for everyone imported (Connections.csv), as chosen; none by default.
  const [rhythmDays, setRhythmDays] = useState<number | null>(null);

  // A file dropped next to the drop zone must not make the browser leave the page to open it.
  useEffect(() => {
    const stop = (event: globalThis.DragEvent) => event.preventDefault();
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);

  /** Runs the import, or its preview; a backup's progress is how much of the file was read. */
  const run = (apply: boolean, source: Source, onProgress: (done: number, total: number) => void): Promise<ImportSummary> => {
    if (source.kind === 'backup') {
      const pieces = backupFilePieces(source.file, (read) => onProgress(read, source.file.size));
      return sendBackupFile(apply ? 'import.apply' : 'import.preview', source.mode, pieces);
    }
    return apply ? importWithProgress(source.input, ({ done, total }) => onProgress(done, total)) : send('import.preview', source.input);
  };

  const preview = async (fileName: string, source: Source) => {
    setError(null);
    setRead({ done: 0, total: 0 });
    try {
      const summary = await run(false, source, (done, total) => setRead({ done, total }));
      setPhase({ step: 'preview', fileName, source, summary });
    } catch (failure) {
      setError(failure);
      setPhase({ step: 'idle' });
    } finally {
      setRead(null);
    }
  };

  const readFile = async (file: File) => {
    setError(null);
    setReplaceConfirmed(false);
    setMode('merge');
    setRhythmDays(null);
    if (file.size === 0) {
      setError(new TiekeeperError('invalid', userMessage('importEmpty')));
      return;
    }
    setPhase({ step: 'reading' });
    let text: string;
    try {
      const start = await file.slice(0, 1024).text();
      if (isEncryptedBackupStart(start)) {
        await openEncrypted(file);
        return;
      }
      // A backup is read in pieces, whatever its size; a Connections.csv is read whole.
      if (isJsonStart(start)) {
        await preview(file.name, { kind: 'backup', file, mode: 'merge' });
        return;
      }
      const sizeProblem = fileSizeProblem(file.size);
      if (sizeProblem) throw new TiekeeperError('invalid', sizeProblem);
      text = await file.text();
    } catch (failure) {
      setError(failure instanceof TiekeeperError ? failure : new TiekeeperError('invalid', userMessage('importUnreadable', file.name)));
      setPhase({ step: 'idle' });
      return;
    }
    // Refused here already, so that a huge file is not sent to the background for nothing.
    if (text.length > MAX_IMPORT_CHARS) {
      setError(new TiekeeperError('invalid', userMessage('importTooLarge', (text.length / MB).toFixed(1), MAX_IMPORT_CHARS / MB)));
      setPhase({ step: 'idle' });
      return;
    }
    await preview(file.name, { kind: 'connections', input: { kind: 'connections', text, rhythmDays: null } });
  };

  /**
   * An encrypted backup: opened with the keys this browser keeps for sync when they fit, else
   * with the passphrase the user types.
   */
  const openEncrypted = async (file: File) => {
    const header = readBackupHeader(await firstLineOf(file));
    const kept = await readDb().syncMeta.get('keys');
    const key = kept?.id === 'keys' ? kept.keys[`${header.iterations}/${header.salt}`] : undefined;
    if (key && (await keyOpensBackup(key, header))) await preview(file.name, { kind: 'backup', file: decrypted(file, key), mode: 'merge' });
    else setPhase({ step: 'passphrase', file, header });
  };

  const unlock = async (file: File, header: EncryptedBackupHeader, passphrase: string) => {
    setError(null);
    try {
      const key = await deriveKey(passphrase, fromBase64(header.salt), header.iterations);
      if (!(await keyOpensBackup(key, header))) throw new TiekeeperError('invalid', userMessage('encryptedBackupWrongPassphrase'));
      setPhase({ step: 'reading' });
      await preview(file.name, { kind: 'backup', file: decrypted(file, key), mode: 'merge' });
    } catch (failure) {
      setError(failure);
    }
  };

  const apply = async (fileName: string, source: Source, previewed?: ImportSummary) => {
    setError(null);
    const bytes = source.kind === 'backup';
    // A replace that, by its preview, changes or deletes nothing here loses nothing: no backup needed.
    const loses = previewed?.kind !== 'backup' || Object.values(previewed.counts).some((counts) => counts.changed > 0 || counts.deleted > 0);
    if (source.kind === 'backup' && source.mode === 'replace' && loses) {
      // Nothing is replaced unless a backup of what is here was saved first.
      setPhase({ step: 'applying', fileName, done: 0, total: 0, bytes, saving: true });
      try {
        const saved = await backupFirst('replace');
        announce(t('safetyBackupSaved', saved));
      } catch (failure) {
        setError(failure);
        if (previewed) setPhase({ step: 'preview', fileName, source, summary: previewed });
        else setPhase({ step: 'idle' });
        return;
      }
    }
    setPhase({ step: 'applying', fileName, done: 0, total: 0, bytes });
    try {
      const summary = await run(true, source, (done, total) => setPhase({ step: 'applying', fileName, done, total, bytes }));
      // A replace writes without comparing: what it changed is what its preview said.
      setPhase({ step: 'done', fileName, summary: source.kind === 'backup' && source.mode === 'replace' && previewed ? previewed : summary });
      announce(t('importDone'));
    } catch (failure) {
      setError(failure);
      setPhase({ step: 'idle' });
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && phase.step !== 'applying') void readFile(file);
  };

  const busy = phase.step === 'reading' || phase.step === 'applying' || read !== null;

  return (
    <section className="dash-page dash-narrow" aria-labelledby={`${id}-title`}>
      <PageHeading id={`${id}-title`}>{t('navImport')}</PageHeading>
      <p className="dash-hint">{t('importIntro')}</p>

      <div
        className={`dash-drop${dragging ? ' dash-drop-active' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="drop-zone"
      >
        <p>{t('importDrop')}</p>
        <input
          ref={picker}
          id={`${id}-file`}
          // The button below stands for it: hidden, it is neither a second, unlabelled control
          // for screen readers nor a tab stop.
          hidden
          type="file"
          accept=".csv,.json,.tkbackup,text/csv,application/json"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void readFile(file);
          }}
        />
        <button type="button" className="tk-button tk-primary" disabled={busy} onClick={() => picker.current?.click()}>
          {t('importChoose')}
        </button>
        <p className="dash-hint">{t('importFormats')}</p>
      </div>

      {error !== null && <ErrorMessage error={error} />}
      {/* Reading a file for its preview (again, when the mode changes): the preview stays. */}
      {(phase.step === 'reading' || read !== null) && (
        <div role="status">
          <p>{t('importReading')}</p>
          {read !== null && read.total > 0 && (
            <>
              <progress className="dash-progress" value={read.done} max={read.total} aria-label={t('importProgress')} />
              <p className="dash-muted">{megabytesRead(read.done, read.total)}</p>
            </>
          )}
        </div>
      )}

      {phase.step === 'passphrase' && (
        <PassphraseCard
          fileName={phase.file.name}
          exportedAt={phase.header.exportedAt}
          onCancel={() => setPhase({ step: 'idle' })}
          onSubmit={(passphrase) => void unlock(phase.file, phase.header, passphrase)}
        />
      )}

      {phase.step === 'preview' && (
        <div className="dash-card">
          <h3 className="dash-card-title">{t('importPreviewTitle', phase.fileName)}</h3>
          {phase.summary.kind === 'connections' ? (
            <>
              <ConnectionsCounts summary={phase.summary.summary} />
              {phase.source.kind === 'connections' && (
                <fieldset className="dash-choice">
                  <legend>{t('importRhythmLabel')}</legend>
                  {([null, ...IMPORT_RHYTHM_DAYS] as const).map((days) => (
                    <label key={days ?? 'none'} className="dash-check">
                      <input
                        type="radio"
                        name={`${id}-rhythm`}
                        value={days ?? ''}
                        checked={rhythmDays === days}
                        onChange={() => {
                          setRhythmDays(days);
                          if (phase.source.kind === 'connections') void preview(phase.fileName, { ...phase.source, input: { ...phase.source.input, rhythmDays: days } });
                        }}
                      />
                      <span>{days === null ? t('importRhythmNone') : rhythmText(days)}</span>
                    </label>
                  ))}
                  <p className="dash-hint">{t('importRhythmHint')}</p>
                </fieldset>
              )}
            </>
          ) : (
            <>
              <p>{t('importBackupFrom', formatDateTime(phase.summary.exportedAt))}</p>
              {phase.source.kind === 'backup' && (
                <fieldset className="dash-choice">
                  <legend>{t('importModeLabel')}</legend>
                  {(['merge', 'replace'] as const).map((choice) => (
                    <label key={choice} className="dash-check">
                      <input
                        type="radio"
                        name={`${id}-mode`}
                        value={choice}
                        checked={choice === mode}
                        onChange={() => {
                          setMode(choice);
                          setReplaceConfirmed(false);
                          if (phase.source.kind !== 'backup' || phase.summary.kind !== 'backup') return;
                          const source = { ...phase.source, mode: choice };
                          // The preview counted both modes; without them, the file is read again.
                          const counts = phase.summary.modes?.[choice];
                          if (counts) setPhase({ ...phase, source, summary: { ...phase.summary, counts } });
                          else void preview(phase.fileName, source);
                        }}
                      />
                      <span>
                        <strong>{t(choice === 'merge' ? 'importModeMerge' : 'importModeReplace')}</strong>
                        <span className="dash-hint"> {t(choice === 'merge' ? 'importModeMergeHint' : 'importModeReplaceHint')}</span>
                      </span>
                    </label>
                  ))}
                </fieldset>
              )}
              <BackupCountsTable counts={phase.summary.counts} replace={phase.source.kind === 'backup' && phase.source.mode === 'replace'} />
              {phase.source.kind === 'backup' && phase.source.mode === 'replace' && (
                <label className="dash-check dash-confirm">
                  <input type="checkbox" checked={replaceConfirmed} onChange={(event) => setReplaceConfirmed(event.target.checked)} />
                  {t('importReplaceConfirm', formatNumber(phase.summary.counts.contacts.deleted), formatNumber(phase.summary.counts.notes.deleted))}
                </label>
              )}
              {phase.source.kind === 'backup' && phase.source.mode === 'replace' && <p className="dash-hint">{t('importReplaceBackupFirst')}</p>}
            </>
          )}
          <div className="dash-actions">
            <button type="button" className="tk-button" onClick={() => setPhase({ step: 'idle' })}>
              {t('cancel')}
            </button>
            <button
              type="button"
              className="tk-button tk-primary"
              disabled={
                phase.source.kind === 'backup'
                  ? phase.source.mode !== mode || (mode === 'replace' && !replaceConfirmed)
                  : (phase.source.input.rhythmDays ?? null) !== rhythmDays
              }
              onClick={() => void apply(phase.fileName, phase.source, phase.summary)}
            >
              {t('importApply')}
            </button>
          </div>
        </div>
      )}

      {phase.step === 'applying' && (
        <div className="dash-card" aria-busy="true">
          <h3 className="dash-card-title">{t('importApplying', phase.fileName)}</h3>
          <progress className="dash-progress" value={phase.done} max={Math.max(1, phase.total)} aria-label={t('importProgress')} />
          <p className="dash-muted">{phase.saving ? t('safetyBackupSaving') : phase.total === 0 ? t('importReading') : phase.bytes ? megabytesRead(phase.done, phase.total) : t('importProgressCount', formatNumber(phase.done), formatNumber(phase.total))}</p>
        </div>
      )}

      {phase.step === 'done' && (
        <div className="dash-card dash-success" role="status">
          <h3 className="dash-card-title">{t('importDoneTitle', phase.fileName)}</h3>
          {phase.summary.kind === 'connections' ? (
            <ConnectionsCounts summary={phase.summary.summary} done />
          ) : (
            <BackupCountsTable counts={phase.summary.counts} replace={false} />
          )}
          <p>
            <a href={routeHref({ page: 'list', due: false })}>{t('importShowEveryone')}</a>
          </p>
        </div>
      )}
    </section>
  );
}

/** The passphrase for an encrypted backup, asked once per file (the keys are not kept from it). */
function PassphraseCard({ fileName, exportedAt, onCancel, onSubmit }: { fileName: string; exportedAt: number; onCancel: () => void; onSubmit: (passphrase: string) => void }) {
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  return (
    <form
      className="dash-card"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        if (passphrase !== '') onSubmit(passphrase);
      }}
    >
      <h3 className="dash-card-title" id={`${id}-title`}>
        {t('importEncryptedTitle', fileName)}
      </h3>
      <p>{t('importEncryptedText', formatDateTime(exportedAt))}</p>
      <div className="tk-field">
        <label htmlFor={`${id}-pass`}>{t('syncPassphrase')}</label>
        <input id={`${id}-pass`} type="password" autoComplete="current-password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} />
      </div>
      <div className="dash-actions">
        <button type="button" className="tk-button" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" className="tk-button tk-primary" disabled={passphrase === ''}>
          {t('importEncryptedOpen')}
        </button>
      </div>
    </form>
  );
}

/** How much of a file is read, in megabytes: "12.5 of 236.1 MB". */
function megabytesRead(done: number, total: number): string {
  return t('importProgressBytes', formatNumber(done / MB, 1), formatNumber(total / MB, 1));
}

function ConnectionsCounts({ summary, done = false }: { summary: Extract<ImportSummary, { kind: 'connections' }>['summary']; done?: boolean }) {
  const lines: [MessageKey, number][] = [
    [done ? 'importCountNewDone' : 'importCountNew', summary.new],
    [done ? 'importCountChangedDone' : 'importCountChanged', summary.changed],
    ['importCountUnchanged', summary.unchanged],
    ['importCountSkippedNoUrl', summary.skippedNoUrl],
    ['importCountSkippedEmpty', summary.skippedEmpty],
    ['importCountDuplicates', summary.duplicates],
  ];
  return (
    <ul className="dash-counts">
      {lines
        .filter(([key, count]) => count > 0 || key.startsWith('importCountNew'))
        .map(([key, count]) => (
          <li key={key}>{t(key, formatNumber(count))}</li>
        ))}
    </ul>
  );
}

const TABLE_LABELS: Record<keyof BackupCounts, MessageKey> = {
  contacts: 'tableContacts',
  profiles: 'tableProfiles',
  notes: 'tableNotes',
  interactions: 'tableInteractions',
  introductions: 'tableIntroductions',
  settings: 'tableSettings',
};

function BackupCountsTable({ counts, replace }: { counts: BackupCounts; replace: boolean }) {
  const columns: (keyof TableCounts)[] = replace ? ['new', 'changed', 'unchanged', 'deleted'] : ['new', 'changed', 'unchanged'];
  const labels: Record<keyof TableCounts, MessageKey> = {
    new: 'countNew',
    changed: 'countChanged',
    unchanged: 'countUnchanged',
    deleted: 'countDeleted',
  };
  return (
    <table className="dash-counts-table">
      <thead>
        <tr>
          <th scope="col">
            <span className="tk-sr">{t('countWhat')}</span>
          </th>
          {columns.map((column) => (
            <th key={column} scope="col">
              {t(labels[column])}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {(Object.keys(TABLE_LABELS) as (keyof BackupCounts)[]).map((table) => (
          <tr key={table}>
            <th scope="row">{t(TABLE_LABELS[table])}</th>
            {columns.map((column) => (
              <td key={column} className={column === 'deleted' && counts[table][column] > 0 ? 'dash-warn' : undefined}>
                {formatNumber(counts[table][column])}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
