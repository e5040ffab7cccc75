import type { ContactPatch, ContactState } from '../../domain/contacts';
import type { FavourType, InteractionKind, Introduction, IntroductionStatus, Note } from '../../domain/model';
import type { ContactHit } from '../../domain/name-search';
import type { CommandInput, CommandName, CommandOutput } from '../../messaging/protocol';
import type { ProfileRef } from '../../sites/types';

/**
 * What the panel can do. The implementation sends messages to the background (the database's
 * only writer); tests pass their own.
 */
export interface ProfileApi {
  /** The person's full state, or null when Tiekeeper does not know them yet. */
  load(ref: ProfileRef): Promise<ContactState | null>;
  /** Finds or creates the contact for this profile. */
  ensure(ref: ProfileRef): Promise<ContactState>;
  updateContact(id: string, patch: ContactPatch): Promise<unknown>;
  addNote(contactId: string, body: string): Promise<Note>;
  /** `base`: the text the editor started from, and the user's choice after a conflict. */
  editNote(id: string, body: string, base?: NoteEditBase): Promise<Note>;
  deleteNote(id: string): Promise<Note>;
  restoreNote(note: Note): Promise<Note>;
  logInteraction(input: { contactId: string; kind: InteractionKind; at?: number; note?: string; favour?: FavourType | null }): Promise<unknown>;
  snooze(id: string, until: number | null): Promise<unknown>;
  /** Sets a one-off reminder, or removes it with null. */
  remind(id: string, reminder: { at: number; reason: string } | null): Promise<unknown>;
  /** A few of the user's contacts matching what was typed (id, name, headline), for "introduce to…". */
  searchContacts(query: string, excludeId?: string): Promise<ContactHit[]>;
  createIntroduction(input: { aId: string; bId: string; note?: string }): Promise<Introduction>;
  updateIntroduction(id: string, patch: { status?: IntroductionStatus; note?: string }): Promise<Introduction>;
  openDashboard(contactId: string | null): Promise<void>;
}

export type NoteEditBase = Pick<CommandInput<'note.edit'>, 'expected' | 'resolve'>;

export type SendCommand = <N extends CommandName>(name: N, input: CommandInput<N>) => Promise<CommandOutput<N>>;

/** The panel's API as commands to the background sent by `send`. */
export function commandProfileApi(send: SendCommand): ProfileApi {
  return {
    load: (ref) => send('profile.get', { site: ref.site, key: ref.key }),
    ensure: (ref) => send('profile.ensure', ref),
    updateContact: (id, patch) => send('contact.update', { id, patch }),
    addNote: (contactId, body) => send('note.add', { contactId, body }),
    editNote: (id, body, base) => send('note.edit', { id, body, ...base }),
    deleteNote: (id) => send('note.delete', { id }),
    restoreNote: (note) => send('note.restore', { note }),
    logInteraction: (input) => send('interaction.log', input),
    snooze: (id, until) => send('contact.snooze', { id, until }),
    remind: (id, reminder) => send('contact.remind', { id, reminder }),
    searchContacts: (query, excludeId) => send('contacts.search', { query, excludeId }),
    createIntroduction: (input) => send('introduction.create', input),
    updateIntroduction: (id, patch) => send('introduction.update', { id, ...patch }),
    openDashboard: async (contactId) => {
      await send('dashboard.open', { contactId });
    },
  };
}
