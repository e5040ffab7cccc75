import { useId, useState } from 'react';
import { isMade, type IntroductionPerson, type IntroductionView } from '../../domain/introductions';
import { t } from '../../i18n';
import { contactName, formatDate, relativeTime } from '../../i18n/format';
import { send } from '../../messaging/client';
import { IntroductionFields, type IntroductionUpdate } from '../sections/IntroductionFields';
import { PageHeading } from './PageHeading';
import { routeHref } from './route';
import { ErrorMessage, interpolate, useAnnounce } from './ui';

export interface IntroductionsPageProps {
  /** The open introductions, most recently changed first; undefined while loading. */
  introductions: readonly IntroductionView[] | undefined;
  now: number;
}

/**
 * The open introductions: who to introduce to whom, how far it got, and why. The status changes
 * in place; once made, an introduction leaves this list for both people's timelines.
 */
export function IntroductionsPage({ introductions, now }: IntroductionsPageProps) {
  const id = useId();
  const [error, setError] = useState<unknown>(null);
  const announce = useAnnounce();

  const update = async (intro: IntroductionView, patch: IntroductionUpdate): Promise<boolean> => {
    setError(null);
    try {
      await send('introduction.update', { id: intro.id, ...patch });
      announce(
        patch.status && isMade(patch.status)
          ? t('introMadeAnnounce', contactName(intro.a), contactName(intro.b))
          : t('panelSaved'),
      );
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    }
  };

  return (
    <section className="dash-page dash-narrow" aria-labelledby={`${id}-title`}>
      <PageHeading id={`${id}-title`}>{t('introductionsTitle')}</PageHeading>
      <p className="dash-hint">{t('introductionsExplain')}</p>
      {error !== null && <ErrorMessage error={error} />}
      {introductions === undefined ? (
        <p>{t('loading')}</p>
      ) : introductions.length === 0 ? (
        <p className="dash-empty">{t('introductionsNone')}</p>
      ) : (
        <ul className="dash-intros">
          {introductions.map((intro) => (
            <IntroductionItem key={intro.id} intro={intro} now={now} onUpdate={(patch) => update(intro, patch)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function PersonLink({ person }: { person: IntroductionPerson }) {
  return (
    <a href={routeHref({ page: 'contact', id: person.id })} title={person.headline || undefined}>
      {contactName(person)}
    </a>
  );
}

function IntroductionItem({ intro, now, onUpdate }: { intro: IntroductionView; now: number; onUpdate: (update: IntroductionUpdate) => Promise<boolean> }) {
  const a = contactName(intro.a);
  const b = contactName(intro.b);
  return (
    <li className="dash-card dash-intro">
      <p className="dash-intro-who">{interpolate('introPlanned', <PersonLink person={intro.a} />, <PersonLink person={intro.b} />)}</p>
      {(intro.a.headline || intro.b.headline) && (
        <p className="dash-muted dash-intro-headlines">
          {[intro.a.headline && `${a}: ${intro.a.headline}`, intro.b.headline && `${b}: ${intro.b.headline}`].filter(Boolean).join(' · ')}
        </p>
      )}
      <div className="dash-intro-fields">
        <IntroductionFields
          intro={intro}
          statusLabel={t('introListStatusFor', a, b)}
          noteLabel={t('introListNoteFor', a, b)}
          statusClassName="dash-intro-status"
          onUpdate={onUpdate}
        />
      </div>
      <p className="dash-muted dash-intro-when" title={formatDate(intro.updatedAt)}>
        {t('introChanged', relativeTime(intro.updatedAt, now))}
      </p>
    </li>
  );
}
