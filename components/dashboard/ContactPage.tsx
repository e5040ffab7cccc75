import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useState } from 'react';
import type { ContactPatch, EditBase } from '../../domain/contacts';
import type { DuplicateSuggestion } from '../../domain/duplicates';
import type { Contact, Note, Profile } from '../../domain/model';
import { snoozeUntil } from '../../domain/schedule';
import { t } from '../../i18n';
import { contactName, formatNumber } from '../../i18n/format';
import { send } from '../../messaging/client';
import { getContactState } from '../../storage/contacts';
import { readDb } from '../../storage/instance';
import { DetailsSection } from '../sections/DetailsSection';
import { GiveTakeSection } from '../sections/GiveTakeSection';
import { IntroductionsSection } from '../sections/IntroductionsSection';
import { NoteForm } from '../sections/NoteForm';
import { Section } from '../sections/Section';
import { TouchForm } from '../sections/TouchForm';
import { RoleOffer } from '../shared/RoleOffer';
import { useSave } from '../shared/use-save';
import { ConfirmDialog } from './ConfirmDialog';
import type { Search } from './data';
import { MergeDialog, MergePickerDialog } from './MergeDialog';
import { PageHeading } from './PageHeading';
import { navigate, routeHref } from './route';
import { ErrorMessage, useAnnounce } from './ui';
import { Card, ContactFields } from './contact/DetailsCard';
import { FollowUpCard } from './contact/FollowUpCard';
import { ProfileList, SplitDialog } from './contact/ProfilesCard';
import { Timeline } from './contact/Timeline';

export interface ContactPageProps {
  id: string;
  contacts: readonly Contact[];
  search: Search;
  duplicates: readonly DuplicateSuggestion[];
  now: number;
}

type Modal =
  | { kind: 'merge'; otherId: string }
  | { kind: 'pick' }
  | { kind: 'split'; profile: Profile }
  | { kind: 'archive' }
  | { kind: 'delete' }
  | null;

/** One person: everything about them, editable; every change is saved at once. */
export function ContactPage({ id, contacts, search, duplicates, now }: ContactPageProps) {
  const state = useLiveQuery(() => getContactState(readDb(), id), [id]);
  const announce = useAnnounce();
  const [modal, setModal] = useState<Modal>(null);
  // Stable, so that a re-render does not restart the search's debounce.
  const searchContacts = useCallback((query: string, excludeId?: string) => send('contacts.search', { query, excludeId }), []);

  const { save, failure: error } = useSave((done) => announce(done ?? t('panelSaved')));

  if (state === undefined) return <p className="dash-page">{t('loading')}</p>;
  if (state === null) {
    return (
      <section className="dash-page">
        <PageHeading>{t('contactGone')}</PageHeading>
        <p>
          <a href={routeHref({ page: 'list', due: false })}>{t('backToEveryone')}</a>
        </p>
      </section>
    );
  }

  const { contact } = state;
  const update = (patch: ContactPatch, base?: EditBase<ContactPatch>) => save(() => send('contact.update', { id: contact.id, patch, ...base }));
  const related = duplicates
    .filter((d) => d.ids.includes(contact.id))
    .map((d) => (d.ids[0] === contact.id ? d.ids[1] : d.ids[0]));
  const byId = new Map(contacts.map((c) => [c.id, c]));
  // Fields keep what the user typed until they save it or choose after a change made elsewhere;
  // a merge or split changes what they show, so they start afresh then.
  const formKey = `${contact.id}:${contact.mergedFrom?.length ?? 0}`;

  return (
    <article className="dash-page dash-contact" aria-labelledby={`contact-${contact.id}`}>
      <p className="dash-back">
        <a href={routeHref({ page: 'list', due: false })}>
          <span aria-hidden="true">← </span>
          {t('backToEveryone')}
        </a>
      </p>
      <header className="dash-contact-head">
        <PageHeading id={`contact-${contact.id}`}>{contactName(contact)}</PageHeading>
        {contact.archived && <span className="dash-pill">{t('archivedLabel')}</span>}
        {(contact.headline || contact.company) && (
          <p className="dash-muted dash-contact-sub">{[contact.headline, contact.company].filter(Boolean).join(' · ')}</p>
        )}
        <RoleOffer contact={contact} onUse={(headline) => void update({ headline }, { expected: { headline: contact.headline } })} />
      </header>
      {error !== null && <ErrorMessage error={error} />}

      <div className="dash-contact-grid">
        <div className="dash-column">
          <FollowUpCard key={formKey} contact={contact} now={now} onUpdate={update} onSnooze={(choice) =>
            save(() => send('contact.snooze', { id: contact.id, until: choice === null ? null : snoozeUntil(choice, Date.now()) }))
          } onRemind={(reminder, expected, resolve) => save(() => send('contact.remind', { id: contact.id, reminder, expected, resolve }))} />

          <div className="dash-card dash-section-card">
            <GiveTakeSection
              contact={contact}
              onLog={(input) => save(() => send('interaction.log', { contactId: contact.id, ...input }), t('touchSaved'))}
            />
          </div>

          <div className="dash-card dash-section-card">
            <IntroductionsSection
              contactId={contact.id}
              name={contact.displayName}
              introductions={state.introductions}
              search={searchContacts}
              onCreate={(otherId, note) => save(() => send('introduction.create', { aId: contact.id, bId: otherId, note }))}
              onUpdate={(introId, patch) => save(() => send('introduction.update', { id: introId, ...patch }))}
            />
          </div>

          <Card title={t('contactDetails')}>
            <ContactFields key={formKey} contact={contact} onSave={update} />
            <DetailsSection key={formKey} contact={contact} onSave={update} />
          </Card>

          <Card title={t('profilesTitle')}>
            <ProfileList state={state} onSplit={(profile) => setModal({ kind: 'split', profile })} />
          </Card>

          <Card title={t('mergeSectionTitle')}>
            {related.length > 0 && (
              <ul className="dash-related">
                {related.map((otherId) => {
                  const other = byId.get(otherId);
                  if (!other) return null;
                  return (
                    <li key={otherId}>
                      {t('duplicateOf')}{' '}
                      <a href={routeHref({ page: 'contact', id: otherId })}>{contactName(other)}</a>{' '}
                      <button type="button" className="tk-button" onClick={() => setModal({ kind: 'merge', otherId })}>
                        {t('duplicatesReviewMerge')}
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
            <p className="dash-hint">{t('mergeHint')}</p>
            <div className="dash-actions dash-actions-start">
              <button type="button" className="tk-button" onClick={() => setModal({ kind: 'pick' })}>
                {t('mergeWithOther')}
              </button>
            </div>
          </Card>

          <Card title={t('contactManage')}>
            <div className="dash-actions dash-actions-start">
              {contact.archived ? (
                <button type="button" className="tk-button" onClick={() => void save(() => send('contact.update', { id: contact.id, patch: { archived: false } }), t('unarchived'))}>
                  {t('unarchive')}
                </button>
              ) : (
                <button type="button" className="tk-button" onClick={() => setModal({ kind: 'archive' })}>
                  {t('archive')}
                </button>
              )}
              <button type="button" className="tk-button dash-danger-button" onClick={() => setModal({ kind: 'delete' })}>
                {t('deleteContact')}
              </button>
            </div>
          </Card>
        </div>

        <div className="dash-column">
          <Card title={t('timelineTitle')} className="dash-timeline-card">
            {/* The forms only: the timeline below lists the touches and the notes together. */}
            <Section title={t('touchTitle')}>
              <TouchForm
                now={Date.now}
                onLog={(input) => save(() => send('interaction.log', { contactId: contact.id, ...input }), t('touchSaved'))}
              />
            </Section>
            <Section title={t('notesTitle')}>
              <NoteForm onAdd={(body) => save(() => send('note.add', { contactId: contact.id, body }), t('noteSaved'))} />
            </Section>
            <Timeline
              contactId={contact.id}
              connectedAt={contact.connectedAt}
              roleChanges={contact.roleChanges ?? []}
              notes={state.notes}
              interactions={state.interactions}
              introductions={state.introductions}
              now={now}
              onEdit={(noteId, body, base) => save(() => send('note.edit', { id: noteId, body, ...base }))}
              onDelete={async (noteId) => {
                let deleted: Note | null = null;
                const ok = await save(async () => {
                  deleted = await send('note.delete', { id: noteId });
                }, t('notesDeleted'));
                return ok ? deleted : null;
              }}
              onRestore={(note) => save(() => send('note.restore', { note }))}
            />
          </Card>
        </div>
      </div>

      {modal?.kind === 'pick' && (
        <MergePickerDialog
          contactId={contact.id}
          contacts={contacts}
          search={search}
          onClose={() => setModal(null)}
          onPick={(otherId) => setModal({ kind: 'merge', otherId })}
        />
      )}
      {modal?.kind === 'merge' && (
        <MergeDialog
          firstId={contact.id}
          secondId={modal.otherId}
          onClose={() => setModal(null)}
          onMerged={(keptId) => {
            setModal(null);
            if (keptId !== contact.id) navigate({ page: 'contact', id: keptId });
          }}
        />
      )}
      {modal?.kind === 'split' && <SplitDialog state={state} profile={modal.profile} onClose={() => setModal(null)} />}
      {modal?.kind === 'archive' && (
        <ConfirmDialog
          title={t('archiveTitle', contactName(contact))}
          confirmLabel={t('archive')}
          onClose={() => setModal(null)}
          onConfirm={async () => {
            await send('contact.update', { id: contact.id, patch: { archived: true } });
            announce(t('archived'));
            setModal(null);
          }}
        >
          <p>{t('archiveExplain')}</p>
        </ConfirmDialog>
      )}
      {modal?.kind === 'delete' && (
        <ConfirmDialog
          title={t('deleteTitle', contactName(contact))}
          confirmLabel={t('deleteContact')}
          danger
          onClose={() => setModal(null)}
          onConfirm={async () => {
            await send('contact.delete', { id: contact.id });
            announce(t('deleted', contactName(contact)));
            navigate({ page: 'list', due: false });
          }}
        >
          <p>
            {t(
              'deleteExplain',
              formatNumber(state.notes.length),
              formatNumber(state.interactions.length),
              formatNumber(state.profiles.length),
            )}
          </p>
          <p>{t('deleteArchiveInstead')}</p>
        </ConfirmDialog>
      )}
    </article>
  );
}
