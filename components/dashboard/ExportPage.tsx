import { useId, useState } from 'react';
import { t } from '../../i18n';
import { send } from '../../messaging/client';
import type { ExportFile } from '../../messaging/protocol';
import { PageHeading } from './PageHeading';
import { ErrorMessage, useAnnounce } from './ui';

/** Saves a file through the browser's own download, without the downloads permission. */
export function download(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mimeType }));
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

export function ExportPage() {
  const id = useId();
  const announce = useAnnounce();
  const [busy, setBusy] = useState<Kind | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const run = async (kind: Kind) => {
    setBusy(kind);
    setError(null);
    setSaved(null);
    try {
      const file = await send(kind === 'backup' ? 'export.backup' : 'export.csv', {});
      download(file);
      setSaved(file.filename);
      announce(t('exportSaved', file.filename));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
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
