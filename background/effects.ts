import type { CommandName, CommandOutput, ParsedInput } from '../messaging/protocol';
import type { TiekeeperDb } from '../storage/db';
import { profileIdsOf } from '../storage/summaries';
import type { Handlers } from './handlers';
import type { SummaryCache } from './summary-cache';

export interface Effects {
  db: TiekeeperDb;
  summaries: SummaryCache;
  /** Brings notifications, the alarm and the toolbar count in line with the database. */
  reconcile: () => Promise<void>;
}

type ContactsOf = { [N in CommandName]?: (input: ParsedInput<N>, output: CommandOutput<N>) => string[] };

/**
 * Commands that change some people's badges or schedules, and whose. A merge moves the other
 * contact's profiles to the kept one, so writing the kept contact's entries covers them all; a
 * split changes both contacts; an introduction made (or set back) changes both people's last
 * contact and ledger.
 */
const CHANGES_CONTACTS: ContactsOf = {
  'profile.ensure': (_input, output) => [output.contact.id],
  'contact.update': (input) => [input.id],
  'contact.snooze': (input) => [input.id],
  'interaction.log': (input) => [input.contactId],
  'contacts.merge': (_input, output) => [output.contact.id],
  'contacts.split': (_input, output) => [output.kept.id, output.created.id],
  'introduction.create': (_input, output) => [output.aId, output.bId],
  'introduction.update': (_input, output) => [output.aId, output.bId],
};

/** Commands after which the whole cache is rebuilt. */
const CHANGES_EVERYONE: readonly CommandName[] = ['import.apply', 'data.deleteAll'];
/** Commands that change no badge but may change what is due. */
const CHANGES_SCHEDULE: readonly CommandName[] = ['settings.update'];

/**
 * What follows a change, after its transaction has committed: the badge summaries kept for the
 * profile pages, and the follow-up schedule. A failure here is logged, never reported as the
 * command's failure: the change itself is saved, and the next reconcile repairs the rest.
 */
export function withEffects(handlers: Handlers, effects: Effects): Handlers {
  const wrapped = { ...handlers } as Record<CommandName, (input: unknown, context: object) => Promise<unknown>>;
  const after = async (work: () => Promise<void>) => {
    try {
      await work();
      await effects.reconcile();
    } catch (error) {
      console.error('Tiekeeper: follow-up work after a change failed', error);
    }
  };

  for (const name of Object.keys(handlers) as CommandName[]) {
    const handler = handlers[name] as (input: unknown, context: object) => Promise<unknown>;
    const contactsOf = CHANGES_CONTACTS[name] as ((input: unknown, output: unknown) => string[]) | undefined;
    if (contactsOf) {
      wrapped[name] = async (input, context) => {
        const output = await handler(input, context);
        await after(() => effects.summaries.write(contactsOf(input, output)));
        return output;
      };
    } else if (CHANGES_EVERYONE.includes(name)) {
      wrapped[name] = async (input, context) => {
        const output = await handler(input, context);
        await after(() => effects.summaries.rebuild());
        return output;
      };
    } else if (CHANGES_SCHEDULE.includes(name)) {
      wrapped[name] = async (input, context) => {
        const output = await handler(input, context);
        await after(async () => {});
        return output;
      };
    } else if (name === 'contact.delete') {
      wrapped[name] = async (input, context) => {
        const profileIds = await profileIdsOf(effects.db, (input as { id: string }).id);
        const output = await handler(input, context);
        await after(() => effects.summaries.remove(profileIds));
        return output;
      };
    }
  }
  return wrapped as Handlers;
}
