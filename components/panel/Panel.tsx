import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ContactPatch, ContactState, EditBase } from '../../domain/contacts';
import { snoozeUntil, type SnoozeChoice } from '../../domain/schedule';
import { contactSummary } from '../../domain/summary';
import type { ProfileRef } from '../../sites/types';
import { t } from '../../i18n';
import { badgeStatus } from '../../i18n/badge-status';
import { formatDate, nameOrUnnamed } from '../../i18n/format';
import { errorText } from '../shared/errors';
import { useSave } from '../shared/use-save';
import { ReminderField } from '../shared/ReminderField';
import { RoleOffer } from '../shared/RoleOffer';
import { RhythmField } from '../shared/RhythmField';
import type { ProfileApi } from '../profile/api';
import { DetailsSection } from '../sections/DetailsSection';
import { Fold } from './Fold';
import { GiveTakeSection } from '../sections/GiveTakeSection';
import { IntroductionsSection } from '../sections/IntroductionsSection';
import { MeetInPerson } from './MeetInPerson';
import { NotesSection } from '../sections/NotesSection';
import { TouchSection } from '../sections/TouchSection';
import { MAX_NAME_LENGTH } from '../../domain/constants';
import { DraftTextField } from '../shared/DraftTextField';
import { saveField, type SaveDraft } from '../shared/use-draft';

export interface PanelProps {
  api: ProfileApi;
  profile: ProfileRef;
  /**
   * What the database holds about them, read live by the caller: every change shows through it,
   * so the panel never reads it back itself. null: not known yet; the first change creates them.
   */
  state: ContactState | null;
  onClose: () => void;
  now: () => number;
}

/** Everything the user keeps about one person, on their profile page. Every change saves at once. */
export function Panel({ api, profile, state, onClose, now }: PanelProps) {
  const titleId = useId();
  const [announcement, setAnnouncement] = useState('');
  const dialog = useRef<HTMLDivElement>(null);
  const contact = state?.contact ?? null;

  useEffect(() => {
    // Ready for typing a note, with the top (who, the status, in touch) still in view.
    dialog.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus({ preventScroll: true });
  }, []);

  const saving = useSave(() => setAnnouncement(t('panelSaved')));
  /** A change about this person, who is created by the first one; the live state shows it. */
  const save = (change: (contactId: string) => Promise<unknown>): Promise<boolean> =>
    saving.save(async () => change(contact?.id ?? (await api.ensure(profile)).contact.id));
  const error = saving.failure === null ? null : errorText(saving.failure);
  const update = (patch: ContactPatch, base?: EditBase<ContactPatch>) => save((id) => api.updateContact(id, patch, base));
  // While the contact has no name of its own, the field shows the page's: its version is then none.
  const saveName: SaveDraft<string> = (displayName, expected, resolve) =>
    update({ displayName }, { expected: { displayName: contact?.displayName === '' ? '' : expected }, resolve });
  const snooze = (choice: SnoozeChoice | null) => save((id) => api.snooze(id, choice === null ? null : snoozeUntil(choice, now())));
  // Stable, so that a re-render does not restart the search's debounce.
  const search = useCallback((query: string, excludeId?: string) => api.searchContacts(query, excludeId), [api]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    }
  };

  const status = badgeStatus(contact && contactSummary(contact), now());
  const isDue = status.tone === 'due' || status.tone === 'overdue';
  const name = contact?.displayName || profile.name || '';

  return (
    <div ref={dialog} className="tk-panel" role="dialog" aria-modal="false" aria-labelledby={titleId} onKeyDown={onKeyDown}>
      <header className="tk-panel-header">
        <h2 id={titleId} className="tk-panel-title">
          <span className="tk-brand">Tiekeeper</span>
          <span className="tk-panel-name">{nameOrUnnamed(name)}</span>
        </h2>
        <button type="button" className="tk-icon-button" onClick={onClose} aria-label={t('panelClose')}>
          ×
        </button>
      </header>

      <div className="tk-panel-body">
        <DraftTextField
          key={`name:${contact?.id ?? 'new'}`}
          label={t('panelName')}
          className="tk-name"
          value={name}
          maxLength={MAX_NAME_LENGTH}
          required
          onSave={saveName}
        />
        {(contact?.headline || profile.headline) && <p className="tk-muted">{contact?.headline || profile.headline}</p>}
        {contact && <RoleOffer contact={contact} onUse={(headline) => void update({ headline }, { expected: { headline: contact.headline } })} />}
        {contact && contact.connectedAt !== null && contact.lastContactAt !== null && (
          <p className="tk-muted">{t('badgeConnected', formatDate(contact.connectedAt))}</p>
        )}

        <p className={`tk-status tk-tone-${status.tone}`}>
          <strong>{status.label}</strong>
          {status.detail && <span> · {status.detail}</span>}
          {status.next && <span className="tk-next"> · {status.next}</span>}
        </p>
        {contact && (isDue || status.tone === 'snoozed') && (
          <div className="tk-row tk-wrap" role="group" aria-label={t('snoozeLabel')}>
            <span className="tk-muted" aria-hidden="true">
              {t('snoozeLabel')}:
            </span>
            {status.tone === 'snoozed' ? (
              <button type="button" className="tk-button" onClick={() => void snooze(null)}>
                {t('snoozeEnd')}
              </button>
            ) : (
              (['1d', '1w', '1m'] as const).map((choice) => (
                <button key={choice} type="button" className="tk-button" onClick={() => void snooze(choice)}>
                  {t(choice === '1d' ? 'snooze1d' : choice === '1w' ? 'snooze1w' : 'snooze1m')}
                </button>
              ))
            )}
          </div>
        )}

        {/* Keys differ between siblings: a duplicate would leave a stale copy in the page. */}
        <ReminderField key={`reminder:${contact?.id ?? 'new'}`} contact={contact ?? {}} now={now} onSet={(reminder, expected, resolve) => save((id) => api.remind(id, reminder, { expected, resolve }))} />

        {error && (
          <p className="tk-error" role="alert">
            {error}
          </p>
        )}

        <TouchSection
          interactions={state?.interactions ?? []}
          contactId={contact?.id ?? null}
          introductions={state?.introductions ?? []}
          now={now}
          onLog={(input) => save((contactId) => api.logInteraction({ contactId, ...input }))}
        />

        <NotesSection
          notes={state?.notes ?? []}
          onAdd={(body) => save((contactId) => api.addNote(contactId, body))}
          onEdit={(id, body, base) => save(() => api.editNote(id, body, base))}
          onDelete={async (id) => {
            let deleted = null;
            const ok = await save(async () => {
              deleted = await api.deleteNote(id);
            });
            return ok ? deleted : null;
          }}
          onRestore={(note) => save(() => api.restoreNote(note))}
        />

        <section className="tk-section">
          <RhythmField key={contact?.id ?? 'new'} value={contact?.cadenceDays ?? null} onChange={saveField(update, 'cadenceDays')} />
        </section>
        <MeetInPerson contact={contact} onChange={(meetInPerson) => void update({ meetInPerson }, { expected: { meetInPerson: contact?.meetInPerson ?? false } })} />

        <Fold name="give" title={t('giveTitle')}>
          <GiveTakeSection contact={contact} onLog={(input) => save((contactId) => api.logInteraction({ contactId, ...input }))} />
        </Fold>
        <Fold name="introductions" title={t('introTitle')}>
          <IntroductionsSection
            contactId={contact?.id ?? null}
            name={name}
            introductions={state?.introductions ?? []}
            search={search}
            onCreate={(otherId, note) => save((contactId) => api.createIntroduction({ aId: contactId, bId: otherId, note }))}
            onUpdate={(id, patch) => save(() => api.updateIntroduction(id, patch))}
          />
        </Fold>
        <Fold name="details" title={t('detailsTitle')}>
          <DetailsSection key={contact?.id ?? 'new'} contact={contact} onSave={update} />
        </Fold>

        <footer className="tk-panel-footer">
          <button type="button" className="tk-link" onClick={() => void api.openDashboard(contact?.id ?? null)}>
            {t('panelOpenDashboard')}
          </button>
        </footer>
      </div>
      <p className="tk-sr" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
