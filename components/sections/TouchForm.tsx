import { useId, useState } from 'react';
import type { InteractionKind } from '../../domain/model';
import { t } from '../../i18n';
import { toDateInput } from '../../i18n/format';
import { KIND_LABELS } from '../../i18n/tie-text';
import { NoteField } from './NoteField';

/** The kinds offered for "in touch today"; favours and introductions have their own places. */
export const TOUCH_KINDS = ['message', 'call', 'meeting', 'event', 'other'] as const satisfies readonly InteractionKind[];

/** The time for a date picked in the form: now for today, midday (local) for an earlier day. */
export function timeForDate(date: string, now: number): number {
  if (!date || date === toDateInput(now)) return now;
  const [year, month, day] = date.split('-').map(Number);
  return Math.min(now, new Date(year!, month! - 1, day!, 12).getTime());
}

/** "In touch today" (or on an earlier day): the kind, the day and a note, logged with the button or Enter. */
export function TouchForm(props: { now: () => number; onLog: (input: { kind: InteractionKind; at: number; note: string }) => Promise<boolean> }) {
  const id = useId();
  const [kind, setKind] = useState<InteractionKind>('message');
  const [date, setDate] = useState(() => toDateInput(props.now()));
  const [note, setNote] = useState('');

  const log = async () => {
    const now = props.now();
    if (await props.onLog({ kind, at: timeForDate(date, now), note: note.trim() })) {
      setNote('');
      setDate(toDateInput(now));
    }
  };

  return (
    <>
      <fieldset className="tk-kinds">
        <legend className="tk-sr">{t('touchKind')}</legend>
        {TOUCH_KINDS.map((option) => (
          <label key={option} className={`tk-chip${kind === option ? ' tk-chip-on' : ''}`}>
            <input type="radio" name={`${id}-kind`} value={option} checked={kind === option} onChange={() => setKind(option)} />
            {t(KIND_LABELS[option])}
          </label>
        ))}
      </fieldset>
      <div className="tk-row tk-wrap">
        <label className="tk-inline">
          <span>{t('touchDate')}</span>
          <input type="date" value={date} max={toDateInput(props.now())} onChange={(event) => setDate(event.target.value)} />
        </label>
      </div>
      <NoteField
        id={`${id}-note`}
        label={t('touchNote')}
        className="tk-wide"
        placeholder={t('touchNotePlaceholder')}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        onKeyDown={(event) => event.key === 'Enter' && void log()}
      />
      <div className="tk-row">
        <button type="button" className="tk-button tk-primary" onClick={() => void log()}>
          {date === toDateInput(props.now()) ? t('touchToday') : t('touchLog')}
        </button>
      </div>
    </>
  );
}
