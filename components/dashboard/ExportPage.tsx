import { useId, useState } from 'react';
import { t } from '../../i18n';
import { send } from '../../messaging/client';
import { backupFileName } from '../../domain/backup';
import { formatNumber } from '../../i18n/format';
import { writeBackup } from '../../storage/backup';
import { readDb } from '../../storage/instance';
import { PageHeading } from './PageHeading';
import { ErrorMessage, useAnnounce } from './ui';

/** Saves a file through the browser's own download, without the downloads permission. */
export function download(file: { filename: string; blob: Blob }): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the object URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

type Kind = 'backup' | 'csv';

/** Text handed to a Blob in batches of this many characters: the page holds no more at once. */
const BATCH_CHARS = 4 * 1024 * 1024;

/**
 * The backup of everything, however large: the page reads the database itself (reading is what
 * pages do; only writes go through the background) in one snapshot, page by page, and the text
 * goes into the file's Blob batch by batch. No message carries it, so it has no size limit.
 */
async function backupFile(onProgress: (done: number, total: number) => void): Promise<{ filename: string; blob: Blob }> {
  const at = Date.now();
  const blobs: Blob[] = [];
  let batch: string[] = [];
  let chars = 0;
  await writeBackup(
    readDb(),
    at,
    (text) => {
      batch.push(text);
      chars += text.length;
      if (chars < BATCH_CHARS) return;
      blobs.push(new Blob(batch));
      batch = [];
      chars = 0;
    },
    ({ done, total }) => onProgress(done, total),
  );
  blobs.push(new Blob(batch));
  return { filename: backupFileName(at), blob: new Blob(blobs, { type: 'application/json' }) };
}

export function ExportPage() {
  const id = useId();
  const announce = useAnnounce();
  const [busy, setBusy] = useState<Kind | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const run = async (kind: Kind) => {
    setBusy(kind);
    setError(null);
    setSaved(null);
    try {
      const file =
        kind === 'backup'
          ? await backupFile((done, total) => setProgress({ done, total }))
          : await send('export.csv', {}).then((csv) => ({ filename: csv.filename, blob: new Blob([csv.text], { type: csv.mimeType }) }));
      download(file);
      setSaved(file.filename);
      announce(t('exportSaved', file.filename));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };

  return (
    <section className="dash-page dash-narrow" aria-labelledby={`${id}-title`}>
      <PageHeading id={`${id}-title`}>{t('navExport')}</PageHeading>
      <div className="dash-card">
        <h3 className="dash-card-title">{t('exportBackupTitle')}</h3>
        <p>{t('exportBackupText')}</p>
        <button type="button" className="tk-button tk-primary" disabled={busy !== null} onClick={() => void run('backup')}>
          {t('exportBackupButton')}
        </button>
        {busy === 'backup' && progress && progress.total > 0 && (
          <div role="status">
            <progress className="dash-progress" value={progress.done} max={progress.total} aria-label={t('exportProgress')} />
            <p className="dash-muted">{t('importProgressCount', formatNumber(progress.done), formatNumber(progress.total))}</p>
          </div>
        )}
      </div>
      <div className="dash-card">
        <h3 className="dash-card-title">{t('exportCsvTitle')}</h3>
        <p>{t('exportCsvText')}</p>
        <button type="button" className="tk-button" disabled={busy !== null} onClick={() => void run('csv')}>
          {t('exportCsvButton')}
        </button>
      </div>
      {saved && (
        <p className="dash-notice" role="status">
          {t('exportSaved', saved)}
        </p>
      )}
      {error !== null && <ErrorMessage error={error} />}
    </section>
  );
}
