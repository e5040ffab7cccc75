import { useMemo, useState } from 'react';
import type { DuplicateSuggestion } from '../../domain/duplicates';
import type { Contact, Profile } from '../../domain/model';
import { t } from '../../i18n';
import { contactName, formatNumber } from '../../i18n/format';
import { SITE_NAMES } from '../../sites/descriptors';
import { MergeDialog } from './MergeDialog';
import { PageHeading } from './PageHeading';
import { navigate, routeHref } from './route';

/**
 * Likely duplicates, each with a one-click review of the merge. "Not the same person" hides a
 * suggestion for this visit only.
 */
export function DuplicatesPage(props: { suggestions: readonly DuplicateSuggestion[]; contacts: readonly Contact[]; profiles: readonly Profile[] }) {
  const [reviewing, setReviewing] = useState<DuplicateSuggestion | null>(null);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const byId = useMemo(() => new Map(props.contacts.map((c) => [c.id, c])), [props.contacts]);
  const sitesOf = useMemo(() => {
    const sites = new Map<string, Set<Profile['site']>>();
    for (const p of props.profiles) sites.set(p.contactId, (sites.get(p.contactId) ?? new Set()).add(p.site));
    return sites;
  }, [props.profiles]);
  const shown = props.suggestions.filter((s) => !dismissed.has(s.ids.join('+')));

  const describe = (contact: Contact) => {
    const sites = [...(sitesOf.get(contact.id) ?? [])].map((site) => SITE_NAMES[site]).join(', ');
    return [contact.headline, contact.company, sites].filter(Boolean).join(' · ');
  };

  return (
    <section className="dash-page" aria-labelledby="duplicates-title">
      <PageHeading id="duplicates-title">{t('navDuplicates')}</PageHeading>
      <p className="dash-hint">{t('duplicatesExplain')}</p>
      {shown.length === 0 ? (
        <p className="dash-empty">{t('duplicatesNone')}</p>
      ) : (
        <>
          <p className="dash-count">{t('duplicatesCount', formatNumber(shown.length))}</p>
          <ul className="dash-duplicates">
            {shown.map((suggestion) => {
              const [a, b] = suggestion.ids.map((id) => byId.get(id));
              if (!a || !b) return null;
              return (
                <li key={suggestion.ids.join('+')} className="dash-card dash-duplicate">
                  <div className="dash-duplicate-people">
                    {[a, b].map((contact) => (
                      <div key={contact.id}>
                        <a className="dash-merge-name" href={routeHref({ page: 'contact', id: contact.id })}>
                          {contactName(contact)}
                        </a>
                        <p className="dash-muted">{describe(contact) || '—'}</p>
                      </div>
                    ))}
                  </div>
                  <p className="dash-muted">{suggestion.reason === 'name' ? t('duplicateReasonName') : t('duplicateReasonCompany')}</p>
                  <div className="dash-actions dash-actions-start">
                    <button type="button" className="tk-button tk-primary" onClick={() => setReviewing(suggestion)}>
                      {t('duplicatesReviewMerge')}
                    </button>
                    <button type="button" className="tk-button" onClick={() => setDismissed(new Set([...dismissed, suggestion.ids.join('+')]))}>
                      {t('duplicatesDismiss')}
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {reviewing && (
        <MergeDialog
          firstId={reviewing.ids[0]}
          secondId={reviewing.ids[1]}
          onClose={() => setReviewing(null)}
          onMerged={(keptId) => {
            setReviewing(null);
            navigate({ page: 'contact', id: keptId });
          }}
        />
      )}
    </section>
  );
}
