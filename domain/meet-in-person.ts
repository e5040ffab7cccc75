import type { Contact } from './model';

/**
 * "Meet in person": for people the user marked as worth it, suggest a real meeting once the
 * last three interactions were all remote. Only a meeting or an event counts as in person
 * (IN_PERSON_KINDS in domain/ties.ts); messages, calls, favours, introductions and "other" do
 * not. With fewer than three interactions there is nothing to suggest yet. Logging a meeting
 * or an event ends the suggestion.
 */
export const MEET_AFTER_REMOTE = 3;

export type MeetFields = Pick<Contact, 'meetInPerson' | 'archived' | 'tie'>;

export function suggestMeeting(contact: MeetFields): boolean {
  return contact.meetInPerson && !contact.archived && (contact.tie?.remoteStreak ?? 0) >= MEET_AFTER_REMOTE;
}

/** The people to suggest meeting, longest remote run first, then least recently in touch. */
export function meetingSuggestions<T extends MeetFields & Pick<Contact, 'id' | 'lastContactAt'>>(contacts: readonly T[], limit: number): T[] {
  return contacts
    .filter(suggestMeeting)
    .sort(
      (a, b) =>
        (b.tie?.remoteStreak ?? 0) - (a.tie?.remoteStreak ?? 0) ||
        (a.lastContactAt ?? 0) - (b.lastContactAt ?? 0) ||
        a.id.localeCompare(b.id),
    )
    .slice(0, limit);
}
