import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import type { ContactState } from '../../domain/contacts';
import { planMerge, type MergedField, type MergePlan } from '../../domain/merge';
import type { Contact } from '../../domain/model';
import { t, type MessageKey } from '../../i18n';
import { contactName, formatNumber } from '../../i18n/format';
import { send } from '../../messaging/client';
import { getContactState } from '../../storage/contacts';
import { readDb } from '../../storage/instance';
import type { Search } from './data';
import { Dialog } from './Dialog';
import { SITE_NAMES } from '../../sites/descriptors';
import { rhythmText } from './format';
import { ErrorMessage, useAnnounce } from './ui';

const PREVIEW_FIELDS: { field: MergedField; label: MessageKey }[] = [
  { field: 'displayName', label: 'panelName' },
  { field: 'headline', label: 'fieldHeadline' },
  { field: 'company', label: 'fieldCompany' },
  { field: 'email', label: 'fieldEmail' },
  { field: 'howWeMet', label: 'detailsHowWeMet' },
  { field: 'hooks', label: 'detailsHooks' },
  { field: 'tags', label: 'detailsTags' },
  { field: 'cadenceDays', label: 'rhythmLabel' },
];

function fieldText(contact: Contact, field: MergedField): string {
  if (field === 'tags') return contact.tags.join(', ');
  if (field === 'cadenceDays') return rhythmText(contact.cadenceDays) || t('rhythmNone');
  return contact[field];
}

/**
 * Merging two contacts, with a preview of exactly what the merge keeps (computed by the same
 * function the background runs). Either contact can be the one kept.
 */
export function MergeDialog(props: { firstId: string; secondId: string; onClose: () => void; onMerged: (keptId: string) => void }) {
  const announce = useAnnounce();
  const [swapped, setSwapped] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [keepId, otherId] = swapped ? [props.secondId, props.firstId] : [props.firstId, props.secondId];
  const states = useLiveQuery(
    async () => Promise.all([getContactState(readDb(), props.firstId), getContactState(readDb(), props.secondId)]),
    [props.firstId, props.secondId],
  );
  const [first, second] = states ?? [undefined, undefined];
  const keep = swapped ? second : first;
  const other = swapped ? first : second;
  const [now] = useState(() => Date.now());
  const plan = useMemo<MergePlan | null>(() => (keep && other ? planMerge(keep, other, now) : null), [keep, other, now]);

  const merge = async () => {
    setBusy(true);
    setError(null);
    try {
      await send('contacts.merge', { keepId, otherId });
      announce(t('mergeDone'));
      props.onMerged(keepId);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  const gone = states !== undefined && (!first || !second);
  return (
    <Dialog title={t('mergeTitle')} onClose={props.onClose} wide>
      {gone && <p className="dash-error">{t('errorContactNotFound')}</p>}
      {keep && other && plan && (
        <>
          <div className="dash-merge-sides">
            <ContactSummaryCard state={keep} role={t('mergeKept')} />
            <button type="button" className="tk-button dash-swap" onClick={() => setSwapped(!swapped)} data-autofocus>
              <span aria-hidden="true">⇄ </span>
              {t('mergeSwap')}
            </button>
            <ContactSummaryCard state={other} role={t('mergeMergedIn')} />
          </div>
          <h3 className="dash-subtitle">{t('mergeResult')}</h3>
          <dl className="dash-merge-preview">
            {PREVIEW_FIELDS.map(({ field, label }) => {
              const value = fieldText(plan.contact, field);
              if (!value) return null;
              return (
                <div key={field}>
                  <dt>{t(label)}</dt>
                  <dd>
                    <span className="dash-preline">{value}</span>
                    {plan.fromOther.includes(field) && <span className="dash-pill">{t('mergeFromOther', contactName(other.contact))}</span>}
                  </dd>
                </div>
              );
            })}
            <div>
              <dt>{t('profilesTitle')}</dt>
              <dd>{[...keep.profiles, ...other.profiles].map((p) => `${SITE_NAMES[p.site]} (${p.seenName ?? p.key})`).join(', ') || '—'}</dd>
            </div>
          </dl>
          <p className="dash-merge-counts">
            {t(
              'mergeCounts',
              formatNumber(plan.total.profiles),
              formatNumber(plan.total.notes),
              formatNumber(plan.total.interactions),
            )}
          </p>
          <p className="dash-hint">{t('mergeExplain', contactName(other.contact))}</p>
          {error !== null && <ErrorMessage error={error} />}
          <div className="dash-actions">
            <button type="button" className="tk-button" onClick={props.onClose}>
              {t('cancel')}
            </button>
            <button type="button" className="tk-button tk-primary" disabled={busy} onClick={() => void merge()}>
              {t('mergeConfirm')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}

function ContactSummaryCard({ state, role }: { state: ContactState; role: string }) {
  const { contact, profiles, notes, interactions } = state;
  return (
    <div className="dash-merge-card">
      <p className="dash-merge-role">{role}</p>
      <p className="dash-merge-name">{contactName(contact)}</p>
      {(contact.headline || contact.company) && <p className="dash-muted">{[contact.headline, contact.company].filter(Boolean).join(' · ')}</p>}
      <p className="dash-muted">
        {profiles.map((p) => SITE_NAMES[p.site]).join(', ') || t('profilesNone')} ·{' '}
        {t('mergeCardCounts', formatNumber(notes.length), formatNumber(interactions.length))}
      </p>
    </div>
  );
}

/** Finding the other contact to merge with, by name or anything else the search knows. */
export function MergePickerDialog(props: {
  contactId: string;
  contacts: readonly Contact[];
  search: Search;
  onPick: (otherId: string) => void;
  onClose: () => void;
}) {
  const id = useId();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const byId = useMemo(() => new Map(props.contacts.map((c) => [c.id, c])), [props.contacts]);
  const results = useMemo(() => {
    const hits = props.search.run(deferred) ?? [];
    return hits
      .filter((hit) => hit.id !== props.contactId)
      .slice(0, 20)
      .map((hit) => byId.get(hit.id))
      .filter((c): c is Contact => c !== undefined);
  }, [props.search, deferred, props.contactId, byId]);

  return (
    <Dialog title={t('mergePickTitle')} onClose={props.onClose}>
      <div className="tk-field">
        <label htmlFor={`${id}-q`}>{t('mergePickLabel')}</label>
        <input id={`${id}-q`} type="search" data-autofocus value={query} autoComplete="off" onChange={(event) => setQuery(event.target.value)} />
      </div>
      <ul className="dash-pick-list" aria-label={t('mergePickResults')}>
        {results.map((contact) => (
          <li key={contact.id}>
            <button type="button" className="dash-pick" onClick={() => props.onPick(contact.id)}>
              <span className="dash-merge-name">{contactName(contact)}</span>
              {(contact.headline || contact.company) && (
                <span className="dash-muted"> · {[contact.headline, contact.company].filter(Boolean).join(' · ')}</span>
              )}
            </button>
          </li>
        ))}
      </ul>
      {deferred.trim() !== '' && results.length === 0 && <p className="dash-muted">{props.search.ready ? t('emptyNoMatch') : t('searchPreparing', formatNumber(Math.round(props.search.progress * 100)))}</p>}
    </Dialog>
  );
}
