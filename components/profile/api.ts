import type { ContactPatch, EditBase } from '../../domain/contacts';
import type { Note } from '../../domain/model';
import type { CommandInput, CommandName, CommandOutput } from '../../messaging/protocol';
import type { ProfileRef } from '../../sites/types';

/** What a command answers, as the protocol declares it. */
type Answer<N extends CommandName> = Promise<CommandOutput<N>>;

/**
 * What the panel can do, typed by the protocol's commands. The implementation sends messages to
 * the background (the database's only writer); tests pass their own. The panel reads what it
 * shows from the database, live, so nothing here reads.
 */
export interface ProfileApi {
  /** Finds or creates the contact for this profile. */
  ensure(ref: ProfileRef): Answer<'profile.ensure'>;
  /** `base`: for each field, the value the editor started from, and the user's choice after a conflict. */
  updateContact(id: string, patch: ContactPatch, base?: EditBase<ContactPatch>): Answer<'contact.update'>;
  addNote(contactId: string, body: string): Answer<'note.add'>;
  /** `base`: the text the editor started from, and the user's choice after a conflict. */
  editNote(id: string, body: string, base?: NoteEditBase): Answer<'note.edit'>;
  deleteNote(id: string): Answer<'note.delete'>;
  restoreNote(note: Note): Answer<'note.restore'>;
  logInteraction(input: CommandInput<'interaction.log'>): Answer<'interaction.log'>;
  snooze(id: string, until: number | null): Answer<'contact.snooze'>;
  /** Sets a one-off reminder, or removes it with null. */
  remind(id: string, reminder: CommandInput<'contact.remind'>['reminder'], base?: Pick<CommandInput<'contact.remind'>, 'expected' | 'resolve'>): Answer<'contact.remind'>;
  /** A few of the user's contacts matching what was typed (id, name, headline), for "introduce to…". */
  searchContacts(query: string, excludeId?: string): Answer<'contacts.search'>;
  createIntroduction(input: CommandInput<'introduction.create'>): Answer<'introduction.create'>;
  updateIntroduction(id: string, patch: Omit<CommandInput<'introduction.update'>, 'id'>): Answer<'introduction.update'>;
  openDashboard(contactId: string | null): Promise<void>;
}

export type NoteEditBase = Pick<CommandInput<'note.edit'>, 'expected' | 'resolve'>;

export type SendCommand = <N extends CommandName>(name: N, input: CommandInput<N>) => Promise<CommandOutput<N>>;

/** The panel's API as commands to the background sent by `send`. */
export function commandProfileApi(send: SendCommand): ProfileApi {
  return {
    ensure: (ref) => send('profile.ensure', ref),
    updateContact: (id, patch, base) => send('contact.update', { id, patch, ...base }),
    addNote: (contactId, body) => send('note.add', { contactId, body }),
    editNote: (id, body, base) => send('note.edit', { id, body, ...base }),
    deleteNote: (id) => send('note.delete', { id }),
    restoreNote: (note) => send('note.restore', { note }),
    logInteraction: (input) => send('interaction.log', input),
    snooze: (id, until) => send('contact.snooze', { id, until }),
    remind: (id, reminder, base) => send('contact.remind', { id, reminder, ...base }),
    searchContacts: (query, excludeId) => send('contacts.search', { query, excludeId }),
    createIntroduction: (input) => send('introduction.create', input),
    updateIntroduction: (id, patch) => send('introduction.update', { id, ...patch }),
    openDashboard: async (contactId) => {
      await send('dashboard.open', { contactId });
    },
  };
}
