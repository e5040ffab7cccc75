import { weekStartOf, weeklyFadingPicks, type FadingEstimate } from '@/domain/fading';
import { meetingSuggestions } from '@/domain/meet-in-person';
import type { Contact, Profile } from '@/domain/model';
import { byUrgency } from '@/domain/schedule';
import { dueList, listContacts } from '@/storage/contacts';
import type { TiekeeperDb } from '@/storage/db';
import { profilesByContact } from '@/storage/profiles';
import { tiesBefore } from '@/storage/ties';

/** The popup is a glance, not a list to scroll: the most urgent few, the rest in the dashboard. */
export const POPUP_LIMIT = 25;
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
  /** This week's fading ties (at most three a week, see `weeklyFadingPicks`). */
  fading: FadingItem[];
  /** People worth meeting whom the user has only been in touch with remotely of late. */
  meet: PopupItem[];
}

export async function readPopupData(db: TiekeeperDb, now: number): Promise<PopupData> {
  const [list, contacts] = await Promise.all([dueList(db, now), listContacts(db)]);
  const due = byUrgency(list.due, now).slice(0, POPUP_LIMIT);
  const upcoming = byUrgency(list.upcoming, now).slice(0, POPUP_LIMIT);

  // The contacts' own figures rank everyone; interactions are read only for the few people
  // without a rhythm who were in touch since the week began (how they stood when it began).
  const weekStart = weekStartOf(now);
  const touched = contacts.filter((c) => c.cadenceDays === null && !c.archived && c.lastContactAt !== null && c.lastContactAt >= weekStart);
  const fading = weeklyFadingPicks(contacts, now, await tiesBefore(db, touched, weekStart), SUGGESTION_LIMIT);
  const meet = meetingSuggestions(contacts, SUGGESTION_LIMIT);

  const shown = [...due, ...upcoming, ...fading.map((f) => f.contact), ...meet];
  const profiles = await profilesByContact(db, [...new Set(shown.map((c) => c.id))]);
  const item = (contact: Contact): PopupItem => ({ contact, profile: profiles.get(contact.id)?.[0] ?? null });
  return {
    due: due.map(item),
    dueTotal: list.due.length,
    upcoming: upcoming.map(item),
    upcomingTotal: list.upcoming.length,
    contactTotal: contacts.length,
    fading: fading.map(({ contact, estimate }) => ({ ...item(contact), estimate })),
    meet: meet.map(item),
  };
}
