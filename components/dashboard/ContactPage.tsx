import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useId, useMemo, useState, type ReactNode } from 'react';
import type { ContactPatch, ContactState } from '../../domain/contacts';
import type { DuplicateSuggestion } from '../../domain/duplicates';
import { fadingEstimate } from '../../domain/fading';
import { otherPerson, type IntroductionView } from '../../domain/introductions';
import { suggestMeeting } from '../../domain/meet-in-person';
import { planSplit } from '../../domain/merge';
import type { Contact, Interaction, MergeRecord, Note, Profile } from '../../domain/model';
import { snoozeUntil, type SnoozeChoice } from '../../domain/schedule';
import { t, tCount } from '../../i18n';
import { contactName, formatDate, formatNumber } from '../../i18n/format';
import { send } from '../../messaging/client';
import { getContactState } from '../../storage/contacts';
import { readDb } from '../../storage/instance';
import { DetailsSection } from '../panel/DetailsSection';
import { GiveTakeSection } from '../panel/GiveTakeSection';
import { IntroductionsSection } from '../panel/IntroductionsSection';
import { NoteItem, NotesSection } from '../panel/NotesSection';
import type { NoteEditBase } from '../profile/api';
import { describeInteraction, TouchSection } from '../panel/TouchSection';
import { ReminderField, type Reminder } from '../shared/ReminderField';
import { RoleOffer } from '../shared/RoleOffer';
import { RhythmField } from '../shared/RhythmField';
import { FADING_LABELS, fadingWhy } from '../../i18n/tie-text';
import { ConfirmDialog } from './ConfirmDialog';
import type { Search } from './data';
import { SITE_NAMES, siteDescriptor } from '../../sites/descriptors';
import { followUpText, lastContactText } from './format';
import { MergeDialog, MergePickerDialog } from './MergeDialog';
import { PageHeading } from './PageHeading';
import { navigate, routeHref } from './route';
import { ErrorMessage, interpolate, useAnnounce } from './ui';
import { MAX_COMPANY_LENGTH, MAX_EMAIL_LENGTH, MAX_HEADLINE_LENGTH, MAX_NAME_LENGTH } from '../../domain/constants';

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
  const [error, setError] = useState<unknown>(null);
  const [modal, setModal] = useState<Modal>(null);
  // Stable, so that a re-render does not restart the search's debounce.
  const searchContacts = useCallback((query: string, excludeId?: string) => send('contacts.search', { query, excludeId }), []);

  /** Runs a change through the background; the page follows the database by itself. */
  const save = async (change: () => Promise<unknown>, done = t('panelSaved')): Promise<boolean> => {
    setError(null);
    try {
      await change();
      announce(done);
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    }
  };

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
  const update = (patch: ContactPatch) => save(() => send('contact.update', { id: contact.id, patch }));
  const related = duplicates
    .filter((d) => d.ids.includes(contact.id))
    .map((d) => (d.ids[0] === contact.id ? d.ids[1] : d.ids[0]));
  const byId = new Map(contacts.map((c) => [c.id, c]));
  // Fields keep what the user typed until they leave them; a merge or split changes what they
  // show, so they start afresh then.
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
        <RoleOffer contact={contact} onUse={(headline) => void update({ headline })} />
      </header>
      {error !== null && <ErrorMessage error={error} />}

      <div className="dash-contact-grid">
        <div className="dash-column">
          <FollowUpCard key={formKey} contact={contact} now={now} onUpdate={update} onSnooze={(choice) =>
            save(() => send('contact.snooze', { id: contact.id, until: choice === null ? null : snoozeUntil(choice, Date.now()) }))
          } onRemind={(reminder) => save(() => send('contact.remind', { id: contact.id, reminder }))} />

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
            <TouchSection
              interactions={[]}
              contactId={contact.id}
              introductions={[]}
              now={Date.now}
              onLog={(input) => save(() => send('interaction.log', { contactId: contact.id, ...input }), t('touchSaved'))}
            />
            <NotesSection
              notes={[]}
              onAdd={(body) => save(() => send('note.add', { contactId: contact.id, body }), t('noteSaved'))}
              onEdit={() => Promise.resolve(false)}
              onDelete={() => Promise.resolve(null)}
              onRestore={() => Promise.resolve(false)}
            />
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

function Card({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <section className={`dash-card${className ? ` ${className}` : ''}`} aria-labelledby={id}>
      <h3 id={id} className="dash-card-title">
        {title}
      </h3>
      {children}
    </section>
  );
}

/**
 * A text field that saves when left. It shows the stored value until the user types, so that a
 * change made elsewhere (an import, a merge) shows, and leaving an untouched field never writes.
 */
function TextField(props: { label: string; value: string; onSave: (value: string) => Promise<boolean>; type?: string; maxLength: number; className?: string; required?: boolean }) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const commit = async () => {
    if (draft === null) return;
    const value = draft.trim();
    if (value === props.value || (props.required && value === '')) {
      setDraft(null);
      return;
    }
    if (await props.onSave(value)) setDraft(null);
  };
  return (
    <div className="tk-field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        className={props.className}
        type={props.type ?? 'text'}
        value={draft ?? props.value}
        maxLength={props.maxLength}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void commit();
          if (event.key === 'Escape' && draft !== null) {
            event.preventDefault();
            setDraft(null);
          }
        }}
      />
    </div>
  );
}

function ContactFields({ contact, onSave }: { contact: Contact; onSave: (patch: ContactPatch) => Promise<boolean> }) {
  return (
    <div className="dash-fields">
      <TextField label={t('panelName')} value={contact.displayName} maxLength={MAX_NAME_LENGTH} className="tk-name" required onSave={(displayName) => onSave({ displayName })} />
      <TextField label={t('fieldHeadline')} value={contact.headline} maxLength={MAX_HEADLINE_LENGTH} onSave={(headline) => onSave({ headline })} />
      <TextField label={t('fieldCompany')} value={contact.company} maxLength={MAX_COMPANY_LENGTH} onSave={(company) => onSave({ company })} />
      <TextField label={t('fieldEmail')} type="email" value={contact.email} maxLength={MAX_EMAIL_LENGTH} onSave={(email) => onSave({ email })} />
    </div>
  );
}

function FollowUpCard(props: {
  contact: Contact;
  now: number;
  onUpdate: (patch: ContactPatch) => Promise<boolean>;
  onSnooze: (choice: SnoozeChoice | null) => Promise<boolean>;
  onRemind: (reminder: Reminder | null) => Promise<boolean>;
}) {
  const { contact, now } = props;
  const followUp = followUpText(contact, now);
  const canSnooze = followUp.tone === 'due' || followUp.tone === 'overdue';
  const fading = fadingEstimate(contact, now);
  return (
    <Card title={t('followUpTitle')}>
      <RhythmField value={contact.cadenceDays} onChange={(cadenceDays) => void props.onUpdate({ cadenceDays })} />
      <label className="dash-check">
        <input type="checkbox" checked={contact.meetInPerson} onChange={(event) => void props.onUpdate({ meetInPerson: event.target.checked })} />
        {t('fieldMeetInPerson')}
      </label>
      {suggestMeeting(contact) && (
        <p className="tk-suggestion dash-meet-suggestion" role="status">
          {tCount('meetSuggestion', contact.tie?.remoteStreak ?? 0)}
        </p>
      )}
      <dl className="dash-facts">
        <div>
          <dt>{t('columnLastContact')}</dt>
          <dd>
            {lastContactText(contact, now)}
            {contact.lastContactAt !== null && <span className="dash-muted"> ({formatDate(contact.lastContactAt)})</span>}
          </dd>
        </div>
        {contact.connectedAt !== null && (
          <div>
            <dt>{t('columnConnected')}</dt>
            <dd>{formatDate(contact.connectedAt)}</dd>
          </div>
        )}
        <div>
          <dt>{t('columnNextDue')}</dt>
          <dd>
            {followUp.text ? (
              <span className={`dash-tone dash-tone-${followUp.tone}`}>{followUp.text}</span>
            ) : (
              <span className="dash-muted">{t('followUpNone')}</span>
            )}
            {followUp.title && <span className="dash-muted"> ({followUp.title})</span>}
          </dd>
        </div>
        {fading && (
          <div>
            <dt>{t('columnFading')}</dt>
            <dd>
              <span className={`dash-tone dash-fading-${fading.level}`}>{t(FADING_LABELS[fading.level])}</span>
              <span className="dash-muted"> · {fadingWhy(fading)}</span>
            </dd>
          </div>
        )}
      </dl>
      {(canSnooze || followUp.tone === 'snoozed') && (
        <div className="tk-row tk-wrap" role="group" aria-label={t('snoozeLabel')}>
          {followUp.tone === 'snoozed' ? (
            <button type="button" className="tk-button" onClick={() => void props.onSnooze(null)}>
              {t('snoozeEnd')}
            </button>
          ) : (
            <>
              <span className="dash-muted">{t('snoozeLabel')}:</span>
              {(['1d', '1w', '1m'] as const).map((choice) => (
                <button key={choice} type="button" className="tk-button" onClick={() => void props.onSnooze(choice)}>
                  {t(choice === '1d' ? 'snooze1d' : choice === '1w' ? 'snooze1w' : 'snooze1m')}
                </button>
              ))}
            </>
          )}
        </div>
      )}
      <ReminderField contact={contact} now={Date.now} onSet={props.onRemind} />
    </Card>
  );
}

function recordOf(contact: Contact, profileId: string): MergeRecord | undefined {
  return contact.mergedFrom?.find((record) => record.profileIds.includes(profileId));
}

function ProfileList({ state, onSplit }: { state: ContactState; onSplit: (profile: Profile) => void }) {
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

function SplitDialog({ state, profile, onClose }: { state: ContactState; profile: Profile; onClose: () => void }) {
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

type Entry =
  | { kind: 'note'; at: number; note: Note }
  | { kind: 'interaction'; at: number; interaction: Interaction }
  | { kind: 'connected'; at: number }
  | { kind: 'role'; at: number; headline: string };

/**
 * Notes and interactions together, newest first, the day the tie began (LinkedIn's "Connected
 * On") and the new roles noticed on the user's visits; a deleted note can be brought back.
 */
function Timeline(props: {
  contactId: string;
  connectedAt: number | null;
  roleChanges: readonly { at: number; headline: string }[];
  notes: readonly Note[];
  interactions: readonly Interaction[];
  introductions: readonly IntroductionView[];
  now: number;
  onEdit: (id: string, body: string, base: NoteEditBase) => Promise<boolean>;
  onDelete: (id: string) => Promise<Note | null>;
  onRestore: (note: Note) => Promise<boolean>;
}) {
  const [deleted, setDeleted] = useState<Note | null>(null);
  const entries = useMemo(() => {
    const all: Entry[] = [
      ...props.notes.map((note): Entry => ({ kind: 'note', at: note.createdAt, note })),
      ...props.interactions.map((interaction): Entry => ({ kind: 'interaction', at: interaction.at, interaction })),
    ];
    if (props.connectedAt !== null) all.push({ kind: 'connected', at: props.connectedAt });
    for (const role of props.roleChanges) all.push({ kind: 'role', ...role });
    return all.sort((a, b) => b.at - a.at);
  }, [props.notes, props.interactions, props.connectedAt, props.roleChanges]);

  return (
    // Inside the card titled "Timeline": a second region of that name would only repeat it.
    <div className="tk-section">
      {deleted && (
        <div className="tk-toast" role="status">
          <span>{t('notesDeleted')}</span>
          <button
            type="button"
            className="tk-link"
            onClick={async () => {
              if (await props.onRestore(deleted)) setDeleted(null);
            }}
          >
            {t('undo')}
          </button>
        </div>
      )}
      {entries.length === 0 ? (
        <p className="dash-muted">{t('timelineEmpty')}</p>
      ) : (
        <ol className="tk-notes dash-timeline">
          {entries.map((entry) =>
            entry.kind === 'note' ? (
              <NoteItem key={entry.note.id} note={entry.note} onEdit={props.onEdit} onDelete={props.onDelete} onDeleted={setDeleted} />
            ) : entry.kind === 'connected' || entry.kind === 'role' ? (
              <li key={`${entry.kind}-${entry.at}`} className="tk-note dash-event">
                <div className="tk-note-meta">
                  <time dateTime={new Date(entry.at).toISOString()}>{formatDate(entry.at)}</time>
                </div>
                <p className="tk-note-body">
                  <strong>{t(entry.kind === 'role' ? 'timelineNewRole' : 'timelineConnected')}</strong>
                  {entry.kind === 'role' && <> · {entry.headline}</>}
                </p>
              </li>
            ) : (
              <li key={entry.interaction.id} className="tk-note dash-event">
                <div className="tk-note-meta">
                  <time dateTime={new Date(entry.at).toISOString()}>{formatDate(entry.at)}</time>
                </div>
                <InteractionBody interaction={entry.interaction} contactId={props.contactId} introductions={props.introductions} />
              </li>
            ),
          )}
        </ol>
      )}
    </div>
  );
}

/** An interaction on the timeline; an introduction names the other person, with a link to them. */
function InteractionBody({ interaction, contactId, introductions }: { interaction: Interaction; contactId: string; introductions: readonly IntroductionView[] }) {
  const intro = interaction.introductionId === null ? undefined : introductions.find((i) => i.id === interaction.introductionId);
  if (interaction.kind === 'introduction' && intro) {
    const other = otherPerson(intro, contactId);
    const link = <a href={routeHref({ page: 'contact', id: other.id })}>{contactName(other)}</a>;
    return (
      <p className="tk-note-body">
        <strong>{interpolate('timelineIntroducedTo', link)}</strong>
        {intro.note && <> · {intro.note}</>}
      </p>
    );
  }
  const { what, note } = describeInteraction(interaction, contactId, introductions);
  return (
    <p className="tk-note-body">
      <strong>{what}</strong>
      {note && <> · {note}</>}
    </p>
  );
}
