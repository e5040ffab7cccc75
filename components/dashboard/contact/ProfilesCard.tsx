import { useMemo, useState } from 'react';
import type { ContactState } from '../../../domain/contacts';
import { planSplit } from '../../../domain/merge';
import type { Contact, MergeRecord, Profile } from '../../../domain/model';
import { t } from '../../../i18n';
import { contactName, formatDate, formatNumber } from '../../../i18n/format';
import { send } from '../../../messaging/client';
import { ConfirmDialog } from '../ConfirmDialog';
import { SITE_NAMES, siteDescriptor } from '../../../sites/descriptors';
import { useAnnounce } from '../ui';

function recordOf(contact: Contact, profileId: string): MergeRecord | undefined {
  return contact.mergedFrom?.find((record) => record.profileIds.includes(profileId));
}

export function ProfileList({ state, onSplit }: { state: ContactState; onSplit: (profile: Profile) => void }) {
  const { contact, profiles } = state;
  if (profiles.length === 0) return <p className="dash-muted">{t('profilesNone')}</p>;
  return (
    <ul className="dash-profiles">
      {profiles.map((profile) => {
        const record = recordOf(contact, profile.id);
        const splittable = record !== undefined || profiles.length > 1;
        return (
          <li key={profile.id}>
            <a href={profile.url} target="_blank" rel="noopener noreferrer" className={`dash-site dash-site-${siteDescriptor(profile.site).colour}`}>
              {SITE_NAMES[profile.site]}
            </a>{' '}
            <a href={profile.url} target="_blank" rel="noopener noreferrer" className="dash-profile-url">
              {profile.seenName ?? profile.key}
              <span className="tk-sr"> ({t('opensInNewTab')})</span>
            </a>
            {record && (
              <span className="dash-muted dash-profile-note">
                {t('profileFromMerge', contactName(record.contact), formatDate(record.mergedAt))}
              </span>
            )}
            {splittable && (
              <button type="button" className="tk-link" onClick={() => onSplit(profile)}>
                {t('splitOff')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function SplitDialog({ state, profile, onClose }: { state: ContactState; profile: Profile; onClose: () => void }) {
  const announce = useAnnounce();
  const [now] = useState(() => Date.now());
  const plan = useMemo(() => {
    try {
      return planSplit(state, profile.id, now, 'preview');
    } catch {
      return null;
    }
  }, [state, profile.id, now]);
  const site = SITE_NAMES[profile.site];
  return (
    <ConfirmDialog
      title={t('splitTitle', site)}
      confirmLabel={t('splitOff')}
      onClose={onClose}
      onConfirm={async () => {
        const result = await send('contacts.split', { contactId: state.contact.id, profileId: profile.id });
        announce(t('splitDone', contactName(result.created)));
        onClose();
      }}
    >
      {plan ? (
        plan.fromRecord ? (
          <>
            <p>{t('splitExplainRecord', site, contactName(plan.created))}</p>
            <p>{t('splitCounts', formatNumber(plan.move.profileIds.length), formatNumber(plan.move.noteIds.length), formatNumber(plan.move.interactionIds.length))}</p>
            <p className="dash-hint">{t('splitAfterMerge')}</p>
          </>
        ) : (
          <p>{t('splitExplainAlone', site, contactName(plan.created))}</p>
        )
      ) : (
        <p>{t('errorProfileNotFound')}</p>
      )}
    </ConfirmDialog>
  );
}
