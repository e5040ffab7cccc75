import type { Contact, Profile } from '@/domain/model';
import { byUrgency } from '@/domain/schedule';
import { dueList } from '@/storage/contacts';
import type { TiekeeperDb } from '@/storage/db';
import { contactCount, profilesByContact } from '@/storage/profiles';

/** The popup is a glance, not a list to scroll: the most urgent few, the rest in the dashboard. */
export const POPUP_LIMIT = 25;

export interface PopupItem {
  contact: Contact;
  profile: Profile | null;
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
  const upcoming = byUrgency(list.upcoming, now).slice(0, POPUP_LIMIT);
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
