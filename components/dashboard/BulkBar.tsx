import { useId, useState } from 'react';
import type { BulkAction } from '../../domain/bulk';
import { CADENCE_PRESETS_DAYS, MAX_TAG_LENGTH } from '../../domain/constants';
import { t, tCount } from '../../i18n';
import { formatNumber, rhythmText } from '../../i18n/format';
import { send, sendWithProgress } from '../../messaging/client';
import { errorText } from '../shared/errors';

/** Above this many people a bulk change shows its progress. */
export const PROGRESS_ABOVE = 500;

export interface BulkBarProps {
  selected: ReadonlySet<string>;
  /** How many people match the search and filters (all can be selected at once). */
  matching: number;
  onSelectAll: () => void;
  onClear: () => void;
}

/** What to do with the selected people: rhythm, tag, archive, each one transaction. */
export function BulkBar({ selected, matching, onSelectAll, onClear }: BulkBarProps) {
  const id = useId();
  const [cadenceDays, setCadenceDays] = useState<number>(CADENCE_PRESETS_DAYS[2]);
  const [tag, setTag] = useState('');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const run = async (action: BulkAction) => {
    const ids = [...selected];
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const { changed } =
        ids.length > PROGRESS_ABOVE
          ? await sendWithProgress('contacts.bulk', { ids, action }, (p) => setProgress(p))
          : await send('contacts.bulk', { ids, action });
      setDone(tCount('bulkDone', changed));
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };
  const trimmed = tag.trim();

  return (
    <div className="dash-card dash-bulk" role="group" aria-label={t('bulkActions')}>
      <div className="tk-row tk-wrap">
        <strong>{tCount('bulkSelected', selected.size)}</strong>
        {selected.size < matching && (
          <button type="button" className="tk-link" onClick={onSelectAll}>
            {tCount('bulkSelectMatching', matching)}
          </button>
        )}
        <button type="button" className="tk-link" onClick={onClear}>
          {t('bulkClearSelection')}
        </button>
      </div>
      <div className="tk-row tk-wrap">
        <label htmlFor={`${id}-rhythm`} className="tk-sr">
          {t('rhythmLabel')}
        </label>
        <select id={`${id}-rhythm`} value={cadenceDays} onChange={(event) => setCadenceDays(Number(event.target.value))} disabled={busy}>
          {CADENCE_PRESETS_DAYS.map((days) => (
            <option key={days} value={days}>
              {rhythmText(days)}
            </option>
          ))}
        </select>
        <button type="button" className="tk-button" disabled={busy} onClick={() => void run({ kind: 'setRhythm', cadenceDays })}>
          {t('bulkSetRhythm')}
        </button>
        <button type="button" className="tk-button" disabled={busy} onClick={() => void run({ kind: 'clearRhythm' })}>
          {t('bulkClearRhythm')}
        </button>
        <label htmlFor={`${id}-tag`} className="tk-sr">
          {t('filterTag')}
        </label>
        <input id={`${id}-tag`} value={tag} maxLength={MAX_TAG_LENGTH} placeholder={t('filterTag')} onChange={(event) => setTag(event.target.value)} disabled={busy} />
        <button type="button" className="tk-button" disabled={busy || trimmed === ''} onClick={() => void run({ kind: 'addTag', tag: trimmed })}>
          {t('bulkAddTag')}
        </button>
        <button type="button" className="tk-button" disabled={busy || trimmed === ''} onClick={() => void run({ kind: 'removeTag', tag: trimmed })}>
          {t('bulkRemoveTag')}
        </button>
        <button type="button" className="tk-button" disabled={busy} onClick={() => void run({ kind: 'archive' })}>
          {t('bulkArchive')}
        </button>
      </div>
      {progress && (
        <div aria-busy="true">
          <progress className="dash-progress" value={progress.done} max={Math.max(1, progress.total)} aria-label={t('bulkProgress')} />
          <p className="dash-muted">{t('importProgressCount', formatNumber(progress.done), formatNumber(progress.total))}</p>
        </div>
      )}
      <p className="dash-muted" role="status">
        {done}
      </p>
      {error && (
        <p className="tk-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
