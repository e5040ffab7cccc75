import { addDays, addMonths, addWeeks, startOfDay } from 'date-fns';
import type { Contact, Settings } from './model';
import { DAY_MS, LATEST_TIME } from './constants';

/**
 * Keep-in-touch timing: pure functions of the contact, the settings and `now` (epoch ms), so
 * that every rule is tested with a fixed clock. Local time (quiet hours, "today") is the
 * machine's time zone.
 */

/**
 * The connection date, a staggered first due time and a one-off reminder may be left out: they
 * then count as none.
 */
type ScheduleFields = Pick<Contact, 'cadenceDays' | 'cadenceSetAt' | 'lastContactAt' | 'snoozedUntil' | 'archived'> &
  Partial<Pick<Contact, 'connectedAt' | 'firstDueAt' | 'reminderAt'>>;

/**
 * When the tie was last known to be alive: the latest of the last interaction and the day the
 * two connected (LinkedIn's "Connected On"). Null when there is neither.
 */
export function lastTouchAt(contact: Pick<Contact, 'lastContactAt'> & Partial<Pick<Contact, 'connectedAt'>>): number | null {
  const { lastContactAt } = contact;
  const connectedAt = contact.connectedAt ?? null;
  if (lastContactAt === null) return connectedAt;
  if (connectedAt === null) return lastContactAt;
  return Math.max(lastContactAt, connectedAt);
}

/**
 * When the current keep-in-touch cycle is due: one rhythm after the latest of the last
 * interaction and the connection date, or one rhythm after the rhythm was set when there is
 * neither. A staggered first due time (`firstDueAt`) stands instead until the next interaction.
 * Null without a rhythm.
 */
export function cycleDueAt(contact: Omit<ScheduleFields, 'snoozedUntil' | 'archived'>): number | null {
  if (contact.cadenceDays === null) return null;
  if (contact.firstDueAt != null) return contact.firstDueAt;
  const anchor = lastTouchAt(contact) ?? contact.cadenceSetAt;
  if (anchor === null) return null;
  // Stored like every time, so within the range of stored times (an interaction dated in 2199).
  return Math.min(anchor + contact.cadenceDays * DAY_MS, LATEST_TIME);
}

/**
 * When the next nudge is due, as stored in `contacts.nextDueAt`: the earlier of the cycle's due
 * time, moved by a snooze (a snooze only ever moves it later), and a one-off reminder; null for
 * archived contacts.
 */
export function nextDueAt(contact: ScheduleFields): number | null {
  if (contact.archived) return null;
  const reminderAt = contact.reminderAt ?? null;
  const due = cycleDueAt(contact);
  const rhythmAt = due === null ? null : contact.snoozedUntil !== null && contact.snoozedUntil > due ? contact.snoozedUntil : due;
  if (rhythmAt === null) return reminderAt;
  return reminderAt === null ? rhythmAt : Math.min(rhythmAt, reminderAt);
}

export type SnoozeChoice = '1d' | '1w' | '1m' | { until: number };

/** The time a snooze moves this cycle's nudge to. */
export function snoozeUntil(choice: SnoozeChoice, now: number): number {
  if (typeof choice === 'object') return choice.until;
  const date = new Date(now);
  const until = choice === '1d' ? addDays(date, 1) : choice === '1w' ? addWeeks(date, 1) : addMonths(date, 1);
  return until.getTime();
}

/**
 * The window in which getting back in touch is on time: ideally at the due time, at the latest a
 * quarter of the rhythm later (at least 3 days, at most 30). After that the contact is overdue.
 */
export function dueWindow(cadenceDays: number, dueAt: number): { idealAt: number; latestAt: number } {
  const slackDays = Math.min(30, Math.max(3, Math.round(cadenceDays * 0.25)));
  return { idealAt: dueAt, latestAt: dueAt + slackDays * DAY_MS };
}

/** Within this many days before the due time a contact counts as "due soon". */
export const DUE_SOON_DAYS = 7;

/** `reminder`: the due time is a one-off reminder's rather than the rhythm's. */
export type FollowUpStatus =
  | { kind: 'none' }
  | { kind: 'scheduled'; dueAt: number; reminder?: true }
  | { kind: 'soon'; dueAt: number; reminder?: true }
  | { kind: 'due'; dueAt: number; latestAt: number; reminder?: true }
  | { kind: 'overdue'; dueAt: number; latestAt: number }
  | { kind: 'snoozed'; dueAt: number; snoozedUntil: number };

export function followUpStatus(contact: ScheduleFields, now: number): FollowUpStatus {
  const due = nextDueAt(contact);
  if (due === null) return { kind: 'none' };
  if (contact.reminderAt != null && contact.reminderAt === due) {
    // A reminder is due on its day and stays due until it is done: it has no rhythm to be late against.
    if (due > now) return due - now <= DUE_SOON_DAYS * DAY_MS ? { kind: 'soon', dueAt: due, reminder: true } : { kind: 'scheduled', dueAt: due, reminder: true };
    return { kind: 'due', dueAt: due, latestAt: due, reminder: true };
  }
  if (contact.cadenceDays === null) return { kind: 'none' };
  if (contact.snoozedUntil !== null && contact.snoozedUntil === due && due > now) {
    return { kind: 'snoozed', dueAt: due, snoozedUntil: contact.snoozedUntil };
  }
  if (due > now) return due - now <= DUE_SOON_DAYS * DAY_MS ? { kind: 'soon', dueAt: due } : { kind: 'scheduled', dueAt: due };
  const { latestAt } = dueWindow(contact.cadenceDays, due);
  return now < latestAt ? { kind: 'due', dueAt: due, latestAt } : { kind: 'overdue', dueAt: due, latestAt };
}

type UrgencyFields = Pick<Contact, 'id' | 'cadenceDays' | 'nextDueAt'>;

/**
 * Most urgent first. Overdue contacts by how late they are relative to their rhythm (three weeks
 * late on a monthly rhythm before three weeks late on a yearly one), then the upcoming ones by
 * due time. Contacts without a due time go last. Ties keep a stable order by id.
 */
export function byUrgency<T extends UrgencyFields>(contacts: readonly T[], now: number): T[] {
  const lateness = (c: T) => (now - (c.nextDueAt ?? now)) / ((c.cadenceDays ?? 365) * DAY_MS);
  return [...contacts].sort((a, b) => {
    if (a.nextDueAt === null || b.nextDueAt === null) {
      return (a.nextDueAt === null ? 1 : 0) - (b.nextDueAt === null ? 1 : 0) || a.id.localeCompare(b.id);
    }
    const aLate = a.nextDueAt <= now;
    const bLate = b.nextDueAt <= now;
    if (aLate !== bLate) return aLate ? -1 : 1;
    if (aLate) return lateness(b) - lateness(a) || a.id.localeCompare(b.id);
    return a.nextDueAt - b.nextDueAt || a.id.localeCompare(b.id);
  });
}

type QuietHours = Pick<Settings, 'quietStartMinute' | 'quietEndMinute'>;

function minuteOfDay(time: number): number {
  const date = new Date(time);
  return date.getHours() * 60 + date.getMinutes();
}

/** Whether `time` falls in the quiet hours (local time); start after end spans midnight. */
export function isQuietTime(time: number, quiet: QuietHours): boolean {
  const { quietStartMinute: start, quietEndMinute: end } = quiet;
  if (start === end) return false;
  const minute = minuteOfDay(time);
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** `time` itself when it is not in the quiet hours, else the moment they end. */
export function afterQuietHours(time: number, quiet: QuietHours): number {
  if (!isQuietTime(time, quiet)) return time;
  const day = startOfDay(new Date(time));
  const endToday = new Date(day);
  endToday.setHours(Math.floor(quiet.quietEndMinute / 60), quiet.quietEndMinute % 60, 0, 0);
  if (endToday.getTime() > time) return endToday.getTime();
  const endTomorrow = addDays(day, 1);
  endTomorrow.setHours(Math.floor(quiet.quietEndMinute / 60), quiet.quietEndMinute % 60, 0, 0);
  return endTomorrow.getTime();
}

/** A follow-up whose nudge time has come and that has not been shown for this due time. */
export interface DueNudge {
  contactId: string;
  dueAt: number;
}

export interface NudgePlan {
  /** What to show now: one notification per person, or one digest for all. */
  show: { via: 'single' | 'digest'; nudges: DueNudge[] } | null;
  /** When to wake up next (the one alarm), or null when nothing is scheduled. */
  wakeAt: number | null;
}

/**
 * What the background shows on a wake-up, and when it wakes next. Nudges that fall in the quiet
 * hours wait for their end; more due people than today's remaining cap become one digest.
 */
export function planNudges(input: {
  due: readonly DueNudge[];
  /** The earliest `nextDueAt` after `now`, if any. */
  nextDueAt: number | null;
  /** Single notifications already shown today (local day). */
  shownToday: number;
  settings: Pick<Settings, 'quietStartMinute' | 'quietEndMinute' | 'dailyNotificationCap'>;
  now: number;
}): NudgePlan {
  const { due, settings, now } = input;
  const later = input.nextDueAt === null ? null : afterQuietHours(input.nextDueAt, settings);
  if (due.length === 0) return { show: null, wakeAt: later };
  if (isQuietTime(now, settings)) return { show: null, wakeAt: afterQuietHours(now, settings) };
  const room = Math.max(0, settings.dailyNotificationCap - input.shownToday);
  const via = due.length <= room ? 'single' : 'digest';
  return { show: { via, nudges: [...due] }, wakeAt: later };
}
