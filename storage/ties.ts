import Dexie from 'dexie';
import type { Contact, Interaction, TieStats } from '../domain/model';
import { tieStats } from '../domain/ties';
import type { TiekeeperDb } from './db';

/**
 * Keeps `contact.tie` (domain/ties.ts) in step with the interactions. The functions taking a
 * contact run inside the caller's read-write transaction over contacts and interactions, so the
 * figures change in the same transaction as the interactions they come from.
 */

/** Above this many contacts, one pass over all interactions beats one index query per contact. */
const BULK_THRESHOLD = 200;

export function interactionsOf(db: TiekeeperDb, contactId: string): Promise<Interaction[]> {
  return db.interactions.where('[contactId+at]').between([contactId, Dexie.minKey], [contactId, Dexie.maxKey]).toArray();
}

/** The contact with its figures recomputed from its stored interactions. */
export async function withTie(db: TiekeeperDb, contact: Contact): Promise<Contact> {
  return { ...contact, tie: tieStats(await interactionsOf(db, contact.id)) };
}

const sameTie = (a: TieStats | undefined, b: TieStats) =>
  a !== undefined && a.given === b.given && a.received === b.received && a.typicalGapDays === b.typicalGapDays && a.remoteStreak === b.remoteStreak;

/** Recomputes the figures of these contacts (all when omitted); writes only those that changed. */
export async function refreshTies(db: TiekeeperDb, contactIds?: Iterable<string>): Promise<number> {
  const ids = contactIds === undefined ? null : [...new Set(contactIds)];
  const contacts = (ids === null ? await db.contacts.toArray() : await db.contacts.bulkGet(ids)).filter(
    (c): c is Contact => c !== undefined,
  );
  let byContact: Map<string, Interaction[]> | null = null;
  if (contacts.length > BULK_THRESHOLD) {
    byContact = new Map();
    await db.interactions.each((x) => {
      const list = byContact!.get(x.contactId);
      if (list) list.push(x);
      else byContact!.set(x.contactId, [x]);
    });
  }
  const changed: Contact[] = [];
  for (const contact of contacts) {
    const tie = tieStats(byContact ? (byContact.get(contact.id) ?? []) : await interactionsOf(db, contact.id));
    if (!sameTie(contact.tie, tie)) changed.push({ ...contact, tie });
  }
  if (changed.length > 0) await db.contacts.bulkPut(changed);
  return changed.length;
}

/**
 * Fills in the figures of contacts stored before they existed (run after an update). Contacts
 * are not otherwise changed: their `updatedAt` stays, as the user changed nothing.
 */
export async function backfillTies(db: TiekeeperDb): Promise<number> {
  return db.transaction('rw', db.contacts, db.interactions, async () => {
    const missing = await db.contacts.filter((c) => c.tie === undefined).primaryKeys();
    return missing.length === 0 ? 0 : refreshTies(db, missing as string[]);
  });
}

/**
 * How these contacts stood before `time`: their last contact and tie figures from the
 * interactions before it. For the few people in touch since the week began (see
 * `weeklyFadingPicks`), read through the index, one contact at a time.
 */
export async function tiesBefore(db: TiekeeperDb, contacts: readonly Contact[], time: number): Promise<Map<string, Contact>> {
  if (contacts.length === 0) return new Map();
  return db.transaction('r', db.interactions, async () => {
    const out = new Map<string, Contact>();
    for (const contact of contacts) {
      const earlier = await db.interactions.where('[contactId+at]').between([contact.id, Dexie.minKey], [contact.id, time]).toArray();
      const last = earlier.reduce<number | null>((max, x) => (max === null || x.at > max ? x.at : max), null);
      out.set(contact.id, { ...contact, lastContactAt: last, tie: tieStats(earlier) });
    }
    return out;
  });
}
