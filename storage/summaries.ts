import { contactSummary, type ContactSummary } from '../domain/summary';
import type { TiekeeperDb } from './db';

/** The badge summary for every profile of the given contacts (of everyone when omitted), by profile id. */
export async function summariesByProfile(db: TiekeeperDb, contactIds?: readonly string[]): Promise<Map<string, ContactSummary>> {
  return db.transaction('r', db.profiles, db.contacts, async () => {
    const profiles = contactIds
      ? await db.profiles.where('contactId').anyOf([...contactIds]).toArray()
      : await db.profiles.toArray();
    const contacts = contactIds
      ? await db.contacts.bulkGet([...new Set(profiles.map((p) => p.contactId))])
      : await db.contacts.toArray();
    const byId = new Map(contacts.filter((c) => c !== undefined).map((c) => [c.id, contactSummary(c)]));
    const entries = new Map<string, ContactSummary>();
    for (const profile of profiles) {
      const summary = byId.get(profile.contactId);
      if (summary) entries.set(profile.id, summary);
    }
    return entries;
  });
}

/** The ids of a contact's profiles (read before the contact is deleted). */
export async function profileIdsOf(db: TiekeeperDb, contactId: string): Promise<string[]> {
  return (await db.profiles.where('contactId').equals(contactId).primaryKeys()) as string[];
}
