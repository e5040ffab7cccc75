import { endOfDay, startOfDay } from 'date-fns';
import { TiekeeperError, userMessage } from '../domain/errors';
import type { Contact, Interaction } from '../domain/model';
import type { ProfileRef } from '../sites/types';
import { ensureContactForProfile } from './contacts';
import type { TiekeeperDb } from './db';
import { logInteraction, undoInteraction } from './interactions';

/** How long after an automatic log its toast may still take it back. */
export const AUTO_UNDO_WINDOW_MS = 10 * 60_000;

export interface SentMessageLog {
  contact: Contact;
  /** The interaction logged, or null when there was a message that day already. */
  interaction: Interaction | null;
  /** The snooze that the log ended, for an undo to put back. */
  snoozedUntil: number | null;
}

/**
 * A message the user sent to the person behind `ref`: an interaction of kind "message", marked
 * automatic, at most one a (local) day per person. A person not kept yet becomes a contact with
 * the name and profile the page showed. Who and when only: there is no field for what was written.
 */
export async function logSentMessage(db: TiekeeperDb, ref: ProfileRef, now: number): Promise<SentMessageLog> {
  return db.transaction('rw', [db.contacts, db.profiles, db.notes, db.interactions, db.introductions, db.settings], async () => {
    const { contact } = await ensureContactForProfile(db, ref, now);
    const today = await db.interactions
      .where('[contactId+at]')
      .between([contact.id, startOfDay(now).getTime()], [contact.id, endOfDay(now).getTime()], true, true)
      .toArray();
    // A message logged by hand today counts as well: the day is already "in touch by message".
    if (today.some((interaction) => interaction.kind === 'message')) return { contact, interaction: null, snoozedUntil: null };
    const logged = await logInteraction(db, { contactId: contact.id, kind: 'message', automatic: true }, now);
    return { ...logged, snoozedUntil: contact.snoozedUntil };
  });
}

/**
 * The undo of an automatic log, as its toast on the site asks: only an automatic interaction,
 * and only for a short while, so that a site's page can never take back what the user logged.
 */
export async function undoSentMessage(db: TiekeeperDb, input: { id: string; snoozedUntil: number | null }, now: number): Promise<void> {
  await db.transaction('rw', db.contacts, db.interactions, async () => {
    const interaction = await db.interactions.get(input.id);
    if (!interaction?.automatic || now - interaction.createdAt > AUTO_UNDO_WINDOW_MS) {
      throw new TiekeeperError('forbidden', userMessage('errorForbidden'));
    }
    await undoInteraction(db, input, now);
  });
}
