import { otherPerson, type IntroductionView } from '../../domain/introductions';
import { t } from '../../i18n';
import { contactName } from '../../i18n/format';
import { IntroductionFields, type IntroductionUpdate } from './IntroductionFields';

export interface IntroductionListProps {
  /** The person on the page (null while unknown: then there is no list). */
  contactId: string | null;
  /** Open first. */
  introductions: readonly IntroductionView[];
  onUpdate: (id: string, update: IntroductionUpdate) => Promise<boolean>;
}

/** The person's introductions, each followed to its outcome; nothing while there are none. */
export function IntroductionList({ contactId, introductions, onUpdate }: IntroductionListProps) {
  if (!contactId || introductions.length === 0) return null;
  return (
    <ul className="tk-intro-list">
      {introductions.map((intro) => (
        <IntroductionRow key={intro.id} intro={intro} contactId={contactId} onUpdate={onUpdate} />
      ))}
    </ul>
  );
}

function IntroductionRow({ intro, contactId, onUpdate }: { intro: IntroductionView; contactId: string; onUpdate: IntroductionListProps['onUpdate'] }) {
  const other = contactName(otherPerson(intro, contactId));
  return (
    <li className={`tk-intro tk-intro-${intro.status}`}>
      <strong>{t('introWith', other)}</strong>
      <IntroductionFields
        intro={intro}
        statusLabel={t('introStatusFor', other)}
        noteLabel={t('introNoteFor', other)}
        statusClassName="tk-intro-status"
        noteClassName="tk-wide"
        onUpdate={(update) => onUpdate(intro.id, update)}
      />
    </li>
  );
}
