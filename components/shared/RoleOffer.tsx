import type { Contact } from '../../domain/model';
import { sameHeadline } from '../../domain/roles';
import { t } from '../../i18n';

/**
 * A new role noticed on the profile page while the user keeps their own wording of the
 * headline: the page's headline is offered, never written over theirs.
 */
export function RoleOffer({ contact, onUse }: { contact: Pick<Contact, 'headline' | 'roleChanges'>; onUse: (headline: string) => void }) {
  const latest = contact.roleChanges?.at(-1);
  if (!latest || sameHeadline(contact.headline, latest.headline)) return null;
  return (
    <p className="tk-role-offer tk-row tk-wrap">
      <span>{t('roleNew', latest.headline)}</span>
      <button type="button" className="tk-button" onClick={() => onUse(latest.headline)}>
        {t('roleUseHeadline')}
      </button>
    </p>
  );
}
