import { profileId } from '../domain/contacts';
import { contactSummary, type ContactSummary } from '../domain/summary';
import type { ProfileRef } from '../sites/types';
import type { TiekeeperDb } from './db';

/** What the badge needs about the person behind a profile, or null when nobody is kept for it. */
export async function summaryForProfile(db: TiekeeperDb, site: string, key: string): Promise<ContactSummary | null> {
  return db.transaction('r', db.profiles, db.contacts, async () => {
    const profile = await db.profiles.get(profileId(site, key));
    const contact = profile && (await db.contacts.get(profile.contactId));
    return contact ? contactSummary(contact) : null;
  });
}

/**
 * The badge summaries of the people behind many profiles of one site at once (the markers in a
 * list): only those kept, with the name to announce. Two bulk reads, whatever the count.
 */
export async function summariesForKeys(
  db: TiekeeperDb,
  site: string,
  keys: readonly string[],
): Promise<{ key: string; summary: ContactSummary; name: string }[]> {
  return db.transaction('r', db.profiles, db.contacts, async () => {
    const unique = [...new Set(keys)];
    const profiles = await db.profiles.bulkGet(unique.map((key) => profileId(site, key)));
    const contacts = await db.contacts.bulkGet(profiles.map((profile) => profile?.contactId ?? ''));
    return unique.flatMap((key, i) => {
      const contact = contacts[i];
      return contact ? [{ key, summary: contactSummary(contact), name: contact.displayName || profiles[i]?.seenName || '' }] : [];
    });
  });
}

/** The profile as the panel takes it, for a person kept under that key; null when nobody is. */
export async function profileRefByKey(db: TiekeeperDb, site: string, key: string): Promise<ProfileRef | null> {
  return db.transaction('r', db.profiles, db.contacts, async () => {
    const profile = await db.profiles.get(profileId(site, key));
    const contact = profile && (await db.contacts.get(profile.contactId));
    if (!profile || !contact) return null;
    const name = contact.displayName || profile.seenName;
    return { site: profile.site, key: profile.key, url: profile.url, ...(name ? { name } : {}) };
  });
}
