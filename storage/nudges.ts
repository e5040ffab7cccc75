import type { Contact, Nudge } from '../domain/model';
import type { DueNudge } from '../domain/schedule';
import type { TiekeeperDb } from './db';
import { profilesByContact } from './profiles';

/** The record of a nudge shown for a contact's due time. */
export function nudgeId(contactId: string, dueAt: number): string {
  return `${contactId}@${dueAt}`;
}

/** The record of a contact shown among the fading ties of the week starting at `week`. */
export function fadingNudgeId(contactId: string, week: number): string {
  return `fading:${nudgeId(contactId, week)}`;
}

/** Contacts whose nudge time has come and whose nudge for that due time has not been shown. */
export async function dueUnnotified(db: TiekeeperDb, now: number): Promise<(DueNudge & { contact: Contact })[]> {
  return db.transaction('r', db.contacts, db.nudges, async () => {
    const due = await db.contacts.where('nextDueAt').belowOrEqual(now).toArray();
    const shown = await db.nudges.bulkGet(due.map((c) => nudgeId(c.id, c.nextDueAt!)));
    return due.filter((_, i) => shown[i] === undefined).map((contact) => ({ contactId: contact.id, dueAt: contact.nextDueAt!, contact }));
  });
}

/** The earliest due time after `now`, or null. */
export async function nextDueAfter(db: TiekeeperDb, now: number): Promise<number | null> {
  const next = await db.contacts.where('nextDueAt').above(now).first();
  return next?.nextDueAt ?? null;
}

/** How many people are due now: the toolbar icon's count. */
export function dueCount(db: TiekeeperDb, now: number): Promise<number> {
  return db.contacts.where('nextDueAt').belowOrEqual(now).count();
}

/** Single notifications shown since `since` (the daily cap counts these). */
export function singlesShownSince(db: TiekeeperDb, since: number): Promise<number> {
  return db.nudges.where('shownAt').aboveOrEqual(since).filter((n) => n.via === 'single').count();
}

export async function recordNudges(db: TiekeeperDb, nudges: readonly Nudge[]): Promise<void> {
  await db.transaction('rw', db.nudges, () => db.nudges.bulkPut([...nudges]));
}

/** Where a notification about a contact leads: their profile (LinkedIn first), if any. */
export async function profileUrlOf(db: TiekeeperDb, contactId: string): Promise<string | null> {
  return (await profilesByContact(db, [contactId])).get(contactId)?.[0]?.url ?? null;
}

/** Of these nudge ids, the ones not shown yet. */
export async function unshownNudges(db: TiekeeperDb, ids: readonly string[]): Promise<string[]> {
  const shown = await db.nudges.bulkGet([...ids]);
  return ids.filter((_, i) => shown[i] === undefined);
}
