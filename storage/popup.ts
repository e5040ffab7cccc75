import { weekStartOf, weeklyFadingPicks, type FadingEstimate } from '../domain/fading';
import { meetingSuggestions } from '../domain/meet-in-person';
import { congratulateFor } from '../domain/roles';
import type { Contact, Profile } from '../domain/model';
import { byUrgency } from '../domain/schedule';
import { dueList, listContacts } from './contacts';
import type { TiekeeperDb } from './db';
import { contactCount, profilesByContact } from './profiles';
import { tiesBefore } from './ties';

/** The popup is a glance, not a list to scroll: the most urgent few, the rest in the dashboard. */
export const POPUP_LIMIT = 20;
/** The next days are a preview below the due list. */
export const UPCOMING_LIMIT = 10;
/** Suggestions are a few, never a list to work through. */
export const SUGGESTION_LIMIT = 3;

export interface PopupItem {
  contact: Contact;
  profile: Profile | null;
}

export interface FadingItem extends PopupItem {
  estimate: FadingEstimate;
}

export interface PopupData {
  due: PopupItem[];
  dueTotal: number;
  upcoming: PopupItem[];
  upcomingTotal: number;
  contactTotal: number;
}

export async function readPopupData(db: TiekeeperDb, now: number): Promise<PopupData> {
  const list = await dueList(db, now);
  const due = byUrgency(list.due, now).slice(0, POPUP_LIMIT);
  const upcoming = byUrgency(list.upcoming, now).slice(0, UPCOMING_LIMIT);
  const [profiles, contactTotal] = await Promise.all([
    profilesByContact(db, [...due, ...upcoming].map((c) => c.id)),
    contactCount(db),
  ]);
  const item = (contact: Contact): PopupItem => ({ contact, profile: profiles.get(contact.id)?.[0] ?? null });
  return {
    due: due.map(item),
    dueTotal: list.due.length,
    upcoming: upcoming.map(item),
    upcomingTotal: list.upcoming.length,
    contactTotal,
  };
}

export interface PopupSuggestions {
  /** This week's fading ties (at most three a week, see `weeklyFadingPicks`). */
  fading: FadingItem[];
  /** People worth meeting whom the user has only been in touch with remotely of late. */
  meet: PopupItem[];
  /** People seen in a new role lately, newest first (domain/roles.ts): a chance to give first. */
  congratulate: PopupItem[];
}

/**
 * The suggestions, read apart from the due list: they rank every contact (their stored
 * figures, not their interactions), which takes longer than the due list's index query with
 * many thousands of people, and the due list should not wait for them. Interactions are read
 * only for the few people without a rhythm who were in touch since the week began.
 */
export async function readSuggestions(db: TiekeeperDb, now: number): Promise<PopupSuggestions> {
  const contacts = await listContacts(db);
  const weekStart = weekStartOf(now);
  const touched = contacts.filter((c) => c.cadenceDays === null && !c.archived && c.lastContactAt !== null && c.lastContactAt >= weekStart);
  const fading = weeklyFadingPicks(contacts, now, await tiesBefore(db, touched, weekStart), SUGGESTION_LIMIT);
  const meet = meetingSuggestions(contacts, SUGGESTION_LIMIT);
  const congratulate = contacts
    .map((contact) => ({ contact, role: congratulateFor(contact, now) }))
    .filter((entry) => entry.role !== null)
    .sort((a, b) => b.role!.at - a.role!.at || a.contact.id.localeCompare(b.contact.id))
    .slice(0, SUGGESTION_LIMIT)
    .map((entry) => entry.contact);
  const ids = [...fading.map((f) => f.contact.id), ...meet.map((c) => c.id), ...congratulate.map((c) => c.id)];
  const profiles = await profilesByContact(db, [...new Set(ids)]);
  const item = (contact: Contact): PopupItem => ({ contact, profile: profiles.get(contact.id)?.[0] ?? null });
  return {
    fading: fading.map(({ contact, estimate }) => ({ ...item(contact), estimate })),
    meet: meet.map(item),
    congratulate: congratulate.map(item),
  };
}
