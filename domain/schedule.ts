import { DAY_MS, type Contact } from './model';

type ScheduleFields = Pick<Contact, 'cadenceDays' | 'cadenceSetAt' | 'lastContactAt' | 'snoozedUntil' | 'archived'>;

/**
 * When the current keep-in-touch cycle is due: one rhythm after the last interaction, or one
 * rhythm after the rhythm was set when there has been no interaction yet. Null without a rhythm.
 */
export function cycleDueAt(contact: Omit<ScheduleFields, 'snoozedUntil' | 'archived'>): number | null {
  if (contact.cadenceDays === null) return null;
  const anchor = contact.lastContactAt ?? contact.cadenceSetAt;
  if (anchor === null) return null;
  return anchor + contact.cadenceDays * DAY_MS;
}

/**
 * When the next nudge is due, as stored in `contacts.nextDueAt`: the cycle's due time, moved by
 * a snooze (a snooze only ever moves it later), and null for archived contacts.
 */
export function nextDueAt(contact: ScheduleFields): number | null {
  if (contact.archived) return null;
  const due = cycleDueAt(contact);
  if (due === null) return null;
  return contact.snoozedUntil !== null && contact.snoozedUntil > due ? contact.snoozedUntil : due;
}
