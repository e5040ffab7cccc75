import { useId, useState } from 'react';
import { otherPerson, type IntroductionView } from '../../domain/introductions';
import type { Interaction, InteractionKind } from '../../domain/model';
import { t } from '../../i18n';
import { contactName, relativeTime, toDateInput } from '../../i18n/format';
import { FAVOUR_LABELS, KIND_LABELS } from '../../i18n/tie-text';
import { MAX_TEXT_LENGTH } from '../../domain/constants';

/** The kinds offered for "in touch today"; favours and introductions have their own places. */
export const TOUCH_KINDS = ['message', 'call', 'meeting', 'event', 'other'] as const satisfies readonly InteractionKind[];


/** The time for a date picked in the form: now for today, midday (local) for an earlier day. */
export function timeForDate(date: string, now: number): number {
  if (!date || date === toDateInput(now)) return now;
  const [year, month, day] = date.split('-').map(Number);
  return Math.min(now, new Date(year!, month! - 1, day!, 12).getTime());
}

/**
 * What a timeline entry says: the kind, the favour's type, or for an introduction whom they were
 * introduced to (its note is the introduction's). A deleted other person leaves "Introduction".
 */
export function describeInteraction(interaction: Interaction, contactId: string | null, introductions: readonly IntroductionView[]): { what: string; note: string } {
  const intro = interaction.introductionId === null ? undefined : introductions.find((i) => i.id === interaction.introductionId);
  if (interaction.kind === 'introduction' && intro && contactId) {
    return { what: t('timelineIntroducedTo', contactName(otherPerson(intro, contactId))), note: intro.note };
  }
  const kind = t(KIND_LABELS[interaction.kind]);
  const what = interaction.favour ? `${kind} · ${t(FAVOUR_LABELS[interaction.favour])}` : kind;
  return { what: interaction.automatic ? `${what} · ${t('timelineAutomatic')}` : what, note: interaction.note };
}

export function TouchSection(props: {
  interactions: readonly Interaction[];
  contactId: string | null;
  introductions: readonly IntroductionView[];
  now: () => number;
  onLog: (input: { kind: InteractionKind; at: number; note: string }) => Promise<boolean>;
}) {
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
    <section className="tk-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('touchTitle')}</h3>
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
      <label className="tk-sr" htmlFor={`${id}-note`}>
        {t('touchNote')}
      </label>
      <input
        id={`${id}-note`}
        className="tk-wide"
        maxLength={MAX_TEXT_LENGTH}
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
      {props.interactions.length > 0 && (
        <ul className="tk-timeline" aria-label={t('touchHistory')}>
          {props.interactions.slice(0, 5).map((interaction) => {
            const { what, note } = describeInteraction(interaction, props.contactId, props.introductions);
            return (
              <li key={interaction.id}>
                <strong>{what}</strong> · {relativeTime(interaction.at, props.now())}
                {note && <span className="tk-muted"> · {note}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
