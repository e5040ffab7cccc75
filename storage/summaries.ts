import { profileId } from '../domain/contacts';
import { contactSummary, type ContactSummary } from '../domain/summary';
import type { TiekeeperDb } from './db';

/** What the badge needs about the person behind a profile, or null when nobody is kept for it. */
export async function summaryForProfile(db: TiekeeperDb, site: string, key: string): Promise<ContactSummary | null> {
  return db.transaction('r', db.profiles, db.contacts, async () => {
    const profile = await db.profiles.get(profileId(site, key));
    const contact = profile && (await db.contacts.get(profile.contactId));
    return contact ? contactSummary(contact) : null;
  });
}
