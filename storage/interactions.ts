import { applyInteraction, withLastContactAt } from '../domain/contacts';
import { invalid, notFound } from '../domain/errors';
import type { Contact, FavourType, Interaction, InteractionKind } from '../domain/model';
import type { TiekeeperDb } from './db';
import { interactionsOf, withTie } from './ties';

export interface LogInteraction {
  contactId: string;
  kind: InteractionKind;
  /** When it happened; defaults to now. May be earlier (logging after the fact), never later. */
  at?: number;
  note?: string;
  favour?: FavourType | null;
  /** Logged by Tiekeeper itself, not by the user's hand. */
  automatic?: boolean;
}

const FAVOUR_KINDS: readonly InteractionKind[] = ['favour-given', 'favour-received'];
/** Clocks of two devices and a date picker's rounding: allow "now" to be slightly ahead. */
const FUTURE_TOLERANCE_MS = 60_000;

/**
 * Records an interaction and, in the same transaction, the contact's last contact, next due time
 * and tie figures (ledger, typical gap, remote streak), so they can never disagree.
 */
export async function logInteraction(
  db: TiekeeperDb,
  input: LogInteraction,
  now: number,
): Promise<{ interaction: Interaction; contact: Contact }> {
  const at = input.at ?? now;
  if (at > now + FUTURE_TOLERANCE_MS) throw invalid('errorInteractionInFuture');
  const favour = input.favour ?? null;
  if (favour !== null && !FAVOUR_KINDS.includes(input.kind)) throw invalid('errorFavourWithoutFavourKind');

  return db.transaction('rw', db.contacts, db.interactions, async () => {
    const contact = await db.contacts.get(input.contactId);
    if (!contact) throw notFound('errorContactNotFound', input.contactId);
    const interaction: Interaction = {
      id: crypto.randomUUID(),
      contactId: contact.id,
      at,
      kind: input.kind,
      favour,
      note: input.note ?? '',
      introductionId: null,
      createdAt: now,
      ...(input.automatic ? { automatic: true } : {}),
    };
    await db.interactions.add(interaction);
    const next = await withTie(db, applyInteraction(contact, at, now));
    await db.contacts.put(next);
    return { interaction, contact: next };
  });
}

/**
 * Takes back an interaction just logged ("Undo"): it goes, and in the same transaction the
 * contact's last contact becomes the latest one left, with the schedule and tie figures that
 * follow. `snoozedUntil` is the snooze the logging ended, put back.
 */
export async function undoInteraction(
  db: TiekeeperDb,
  input: { id: string; snoozedUntil?: number | null },
  now: number,
): Promise<{ contact: Contact }> {
  return db.transaction('rw', db.contacts, db.interactions, async () => {
    const interaction = await db.interactions.get(input.id);
    if (!interaction) throw notFound('errorInteractionNotFound', input.id);
    if (interaction.introductionId !== null) throw invalid('errorInteractionOfIntroduction');
    const contact = await db.contacts.get(interaction.contactId);
    if (!contact) throw notFound('errorContactNotFound', interaction.contactId);
    await db.interactions.delete(interaction.id);
    const latest = (await interactionsOf(db, contact.id)).reduce<number | null>((max, x) => (max === null || x.at > max ? x.at : max), null);
    const restored = input.snoozedUntil !== undefined && input.snoozedUntil !== null ? { ...contact, snoozedUntil: input.snoozedUntil } : contact;
    const next = await withTie(db, withLastContactAt(restored, latest, now));
    await db.contacts.put(next);
    return { contact: next };
  });
}
