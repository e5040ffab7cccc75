import Dexie from 'dexie';
import {
  applyContactPatch,
  applyReminder,
  applySnooze,
  fieldsChangedElsewhere,
  newContact,
  profileId,
  type ContactPatch,
  type ContactState,
  type EditBase,
  type DeletedCounts,
  type DueList,
} from '../domain/contacts';
import { changedElsewhereError, notFound } from '../domain/errors';
import { isNewRole, withNewRole } from '../domain/roles';
import { visibleText } from '../domain/text';
import type { Contact, Profile } from '../domain/model';
import { DAY_MS } from '../domain/constants';
import { searchNames, type ContactHit } from '../domain/name-search';
import type { ProfileRef } from '../sites/types';
import { SETTINGS_ID, type TiekeeperDb } from './db';
import { introductionsOf } from './introductions';
import { settingsFromRow } from './settings';

export const UPCOMING_DAYS = 7;

function contactNotFound(id: string) {
  return notFound('errorContactNotFound', id);
}

async function readState(db: TiekeeperDb, contact: Contact): Promise<ContactState> {
  const [profiles, notes, interactions, introductions] = await Promise.all([
    db.profiles.where('contactId').equals(contact.id).toArray(),
    db.notes.where('contactId').equals(contact.id).toArray(),
    db.interactions
      .where('[contactId+at]')
      .between([contact.id, Dexie.minKey], [contact.id, Dexie.maxKey])
      .reverse()
      .toArray(),
    introductionsOf(db, contact.id),
  ]);
  notes.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
  return { contact, profiles, notes, interactions, introductions };
}

const stateTables = (db: TiekeeperDb) => [db.contacts, db.profiles, db.notes, db.interactions, db.introductions];

export async function getContactState(db: TiekeeperDb, contactId: string): Promise<ContactState | null> {
  return db.transaction('r', stateTables(db), async () => {
    const contact = await db.contacts.get(contactId);
    return contact ? readState(db, contact) : null;
  });
}

/** The state for a profile page, or null when the person is not known yet. Never writes. */
export async function getProfileState(
  db: TiekeeperDb,
  ref: Pick<ProfileRef, 'site' | 'key'>,
): Promise<ContactState | null> {
  return db.transaction('r', stateTables(db), async () => {
    const profile = await db.profiles.get(profileId(ref.site, ref.key));
    const contact = profile && (await db.contacts.get(profile.contactId));
    return contact ? readState(db, contact) : null;
  });
}

/**
 * The contact behind a profile page, created when new. Found by the profile id, else by the
 * site's member id (the person changed their URL: the new URL becomes another profile of the
 * same contact, the old one is kept so older links and imports still find them). Records what
 * the page showed.
 */
export async function ensureContactForProfile(db: TiekeeperDb, ref: ProfileRef, now: number): Promise<ContactState> {
  return db.transaction('rw', [...stateTables(db), db.settings], async () => {
    const id = profileId(ref.site, ref.key);
    let profile = await db.profiles.get(id);
    if (!profile && ref.memberId) {
      const sameMember = await db.profiles.where('memberId').equals(ref.memberId).toArray();
      const alias = sameMember.find((p) => p.site === ref.site);
      if (alias) profile = { ...alias, id, key: ref.key, createdAt: now };
    }

    let contact = profile && (await db.contacts.get(profile.contactId));
    if (!contact) {
      const settings = settingsFromRow(await db.settings.get(SETTINGS_ID));
      contact = newContact(
        crypto.randomUUID(),
        { displayName: ref.name ?? '', headline: ref.headline ?? '', cadenceDays: settings.defaultCadenceDays },
        now,
      );
      await db.contacts.add(contact);
    } else if ((contact.displayName === '' && ref.name) || (contact.headline === '' && ref.headline)) {
      // Filled in once from the page (e.g. a contact imported without a name); the user's own
      // wording is never overwritten by what the page shows.
      contact = {
        ...contact,
        displayName: contact.displayName || (ref.name ?? ''),
        headline: contact.headline || (ref.headline ?? ''),
        updatedAt: now,
      };
      await db.contacts.put(contact);
    }

    const seen: Profile = {
      id,
      contactId: contact.id,
      site: ref.site,
      key: ref.key,
      url: ref.url,
      memberId: ref.memberId ?? profile?.memberId ?? null,
      seenName: ref.name ?? profile?.seenName ?? null,
      seenHeadline: ref.headline ?? profile?.seenHeadline ?? null,
      createdAt: profile?.createdAt ?? now,
      seenAt: now,
    };
    await db.profiles.put(seen);
    return readState(db, contact);
  });
}

/**
 * The user visited the profile page of someone they keep: the headline the page shows is
 * remembered, and one that tells of a new role is recorded (domain/roles.ts). Writes only when
 * the page shows something new; nobody is created. Resolves whether a new role was noticed.
 */
export async function recordProfileVisit(db: TiekeeperDb, ref: ProfileRef, now: number): Promise<boolean> {
  const shown = visibleText(ref.headline ?? '').trim();
  if (shown === '') return false;
  return db.transaction('rw', db.profiles, db.contacts, async () => {
    const profile = await db.profiles.get(profileId(ref.site, ref.key));
    if (!profile || (profile.seenAt !== null && profile.seenHeadline === shown)) return false;
    const contact = await db.contacts.get(profile.contactId);
    if (!contact) return false;
    // Only a headline seen on the page before counts; an import's position is not one.
    const seen = profile.seenAt === null ? null : profile.seenHeadline;
    await db.profiles.put({ ...profile, seenHeadline: shown, seenAt: now });
    if (!isNewRole(seen, shown)) return false;
    await db.contacts.put(withNewRole(contact, seen!, shown, now));
    return true;
  });
}

/**
 * A user's edit of some fields; fields it does not name are never touched, so that edits of
 * different fields in two places both stay. With `expected`, a field changed elsewhere since
 * the editor showed it is not overwritten silently: the edit is refused, naming the fields,
 * until the user chooses (`resolve`).
 */
export async function updateContact(
  db: TiekeeperDb,
  id: string,
  patch: ContactPatch,
  now: number,
  base: EditBase<ContactPatch> = {},
): Promise<Contact> {
  return db.transaction('rw', db.contacts, async () => {
    const contact = await db.contacts.get(id);
    if (!contact) throw contactNotFound(id);
    let apply = patch;
    if (base.expected && base.resolve !== 'mine') {
      const changed = fieldsChangedElsewhere(contact, patch, base.expected);
      if (changed.length > 0 && !base.resolve) throw changedElsewhereError(changed);
      // Theirs: the fields changed elsewhere keep what they hold; the rest of the edit stands.
      apply = Object.fromEntries(Object.entries(patch).filter(([field]) => !changed.includes(field as keyof ContactPatch)));
      if (Object.keys(apply).length === 0) return contact;
    }
    const next = applyContactPatch(contact, apply, now);
    await db.contacts.put(next);
    return next;
  });
}

/** Moves this cycle's nudge to `until`; null ends the snooze. */
export async function snoozeContact(db: TiekeeperDb, id: string, until: number | null, now: number): Promise<Contact> {
  return db.transaction('rw', db.contacts, async () => {
    const contact = await db.contacts.get(id);
    if (!contact) throw contactNotFound(id);
    const next = applySnooze(contact, until, now);
    await db.contacts.put(next);
    return next;
  });
}

export type ReminderValue = { at: number; reason: string } | null;

/**
 * Sets a one-off reminder, or removes it with null; with `snooze`, this cycle's nudge waits for it
 * too. With `expected` (the reminder the editor showed), a reminder changed elsewhere meanwhile
 * is not replaced silently: as with the other fields (see updateContact).
 */
export async function remindContact(
  db: TiekeeperDb,
  id: string,
  reminder: ReminderValue,
  now: number,
  snooze = false,
  base: EditBase<ReminderValue> = {},
): Promise<Contact> {
  return db.transaction('rw', db.contacts, async () => {
    const contact = await db.contacts.get(id);
    if (!contact) throw contactNotFound(id);
    if (base.expected !== undefined && base.resolve !== 'mine') {
      const stored = contact.reminderAt == null ? null : { at: contact.reminderAt, reason: contact.reminderReason ?? '' };
      const same = (a: ReminderValue, b: ReminderValue) => a === b || (a !== null && b !== null && a.at === b.at && a.reason.trim() === b.reason.trim());
      if (!same(stored, base.expected) && !same(stored, reminder)) {
        if (!base.resolve) throw changedElsewhereError(['reminder']);
        return contact;
      }
    }
    const reminded = applyReminder(contact, reminder, now);
    const next = snooze && reminder ? applySnooze(reminded, reminder.at, now) : reminded;
    await db.contacts.put(next);
    return next;
  });
}

/** Contacts due at `until` or earlier, most overdue first (from the index, not a scan). */
export async function contactsDueBy(db: TiekeeperDb, until: number): Promise<Contact[]> {
  return db.contacts.where('nextDueAt').belowOrEqual(until).toArray();
}

export async function dueList(db: TiekeeperDb, now: number): Promise<DueList> {
  const rows = await contactsDueBy(db, now + UPCOMING_DAYS * DAY_MS);
  const due: Contact[] = [];
  const upcoming: Contact[] = [];
  for (const contact of rows) ((contact.nextDueAt ?? 0) <= now ? due : upcoming).push(contact);
  return { due, upcoming };
}

/**
 * Contacts whose name (or company) matches what the user typed, for "introduce to…" on a
 * profile page: at most a few, and only their id, name and headline. A scan: names are not
 * indexed, and a few thousand short rows are read faster than the user types.
 */
export async function findContacts(db: TiekeeperDb, query: string, excludeId?: string): Promise<ContactHit[]> {
  if (query.trim() === '') return [];
  return searchNames(await db.contacts.toArray(), query, { excludeId });
}

export async function listContacts(db: TiekeeperDb): Promise<Contact[]> {
  return db.contacts.toArray();
}

/** Every profile, for the dashboard's site links and filters. */
export async function listProfiles(db: TiekeeperDb): Promise<Profile[]> {
  return db.profiles.toArray();
}

export async function contactsWithTag(db: TiekeeperDb, tag: string): Promise<Contact[]> {
  return db.contacts.where('tags').equals(tag).toArray();
}

/** Every tag in use, sorted, for the dashboard's filter. */
export async function allTags(db: TiekeeperDb): Promise<string[]> {
  return (await db.contacts.orderBy('tags').uniqueKeys()) as string[];
}

/** Deletes a person with everything that belongs to them. */
export async function deleteContact(db: TiekeeperDb, id: string): Promise<DeletedCounts> {
  return db.transaction(
    'rw',
    [db.contacts, db.profiles, db.notes, db.interactions, db.introductions, db.nudges],
    async () => {
      if (!(await db.contacts.get(id))) throw contactNotFound(id);
      const introductions = await db.introductions.where('aId').equals(id).or('bId').equals(id).toArray();
      // The other person keeps their interaction "introduced to ...", without the dangling link.
      for (const intro of introductions) {
        const other = intro.aId === id ? intro.bId : intro.aId;
        await db.interactions
          .where('contactId')
          .equals(other)
          .filter((i) => i.introductionId === intro.id)
          .modify({ introductionId: null });
      }
      const counts: DeletedCounts = {
        introductions: await db.introductions.bulkDelete(introductions.map((i) => i.id)).then(() => introductions.length),
        notes: await db.notes.where('contactId').equals(id).delete(),
        interactions: await db.interactions.where('contactId').equals(id).delete(),
        profiles: await db.profiles.where('contactId').equals(id).delete(),
        nudges: await db.nudges.where('contactId').equals(id).delete(),
      };
      await db.contacts.delete(id);
      return counts;
    },
  );
}

/** Wipes everything, settings included: the user asked for a clean slate. */
export async function deleteAll(db: TiekeeperDb): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
}
