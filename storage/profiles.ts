import type { Profile } from '../domain/model';
import { siteOrder } from '../sites/descriptors';
import type { TiekeeperDb } from './db';

/** The profiles of these contacts, LinkedIn first, by contact id. */
export async function profilesByContact(db: TiekeeperDb, contactIds: readonly string[]): Promise<Map<string, Profile[]>> {
  const profiles = await db.profiles.where('contactId').anyOf([...contactIds]).toArray();
  profiles.sort((a, b) => (a.site === b.site ? a.id.localeCompare(b.id) : siteOrder(a.site) - siteOrder(b.site)));
  const byContact = new Map<string, Profile[]>();
  for (const profile of profiles) byContact.set(profile.contactId, [...(byContact.get(profile.contactId) ?? []), profile]);
  return byContact;
}

export function contactCount(db: TiekeeperDb): Promise<number> {
  return db.contacts.count();
}
