import { otherPerson, type IntroductionView } from '../../domain/introductions';
import type { Interaction } from '../../domain/model';
import { t } from '../../i18n';
import { contactName, relativeTime } from '../../i18n/format';
import { FAVOUR_LABELS, KIND_LABELS } from '../../i18n/tie-text';

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

/** The last five touches, newest first; nothing while there are none. */
export function TouchList(props: {
  interactions: readonly Interaction[];
  contactId: string | null;
  introductions: readonly IntroductionView[];
  now: () => number;
}) {
  if (props.interactions.length === 0) return null;
  return (
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
  );
}
