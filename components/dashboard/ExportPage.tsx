import { useEffect, useId, useRef, useState } from 'react';
import { format } from 'date-fns';
import { t } from '../../i18n';
import { send } from '../../messaging/client';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { upgradeCopy, upgradeCopyFile, type UpgradeCopy } from '../../storage/pre-upgrade';
import { download, downloadBackup } from './backup-download';
import { routeHref } from './route';
import { PageHeading } from './PageHeading';
import { ErrorMessage, useAnnounce } from './ui';

type Kind = 'backup' | 'csv';

/** `start`: the download starts at once (the popup's "Back up now"), once. */
export function ExportPage({ start = false }: { start?: boolean }) {
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
      let filename: string;
      if (kind === 'backup') {
        filename = await downloadBackup(undefined, (done, total) => setProgress({ done, total }));
      } else {
        const csv = await send('export.csv', {});
        download({ filename: csv.filename, blob: new Blob([csv.text], { type: csv.mimeType }) });
        filename = csv.filename;
      }
      setSaved(filename);
      announce(t('exportSaved', filename));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };

  const started = useRef(false);
  useEffect(() => {
    if (!start || started.current) return;
    started.current = true;
    // A reload of the page must not download again.
    history.replaceState(null, '', routeHref({ page: 'export' }));
    void run('backup');
    // Once, when the page opens with `start`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [start]);

  const [copy, setCopy] = useState<UpgradeCopy | null>(null);
  useEffect(() => {
    let live = true;
    void upgradeCopy().then(
      (found) => live && setCopy(found),
      (failure) => console.error('Tiekeeper: reading the copy from before the update failed', failure),
    );
    return () => {
      live = false;
    };
  }, []);

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
      {copy && (
        <div className="dash-card">
          <h3 className="dash-card-title">{t('exportUpgradeCopyTitle')}</h3>
          <p>{t('exportUpgradeCopyText', formatDateTime(copy.at))}</p>
          <button
            type="button"
            className="tk-button"
            onClick={() => download({ filename: `tiekeeper-before-update-${format(copy.at, 'yyyy-MM-dd')}.json`, blob: upgradeCopyFile(copy) })}
          >
            {t('exportUpgradeCopyButton')}
          </button>
        </div>
      )}
      {saved && (
        <p className="dash-notice" role="status">
          {t('exportSaved', saved)}
        </p>
      )}
      {error !== null && <ErrorMessage error={error} />}
    </section>
  );
}
