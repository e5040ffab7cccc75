import type { Contact } from '../../domain/model';
import { followUpStatus } from '../../domain/schedule';
import { t } from '../../i18n';
import { duration, formatDate, relativeTime, rhythmText as rhythmWords } from '../../i18n/format';
import { beforeFirstContact } from '../../i18n/badge-status';

export type FollowUpTone = 'none' | 'calm' | 'soon' | 'due' | 'overdue' | 'snoozed';

/** The next follow-up in words, with a tone for its colour (the words carry the meaning). */
export function followUpText(contact: Contact, now: number): { text: string; tone: FollowUpTone; title: string | null } {
  const status = followUpStatus(contact, now);
  switch (status.kind) {
    case 'none':
      return { text: '', tone: 'none', title: null };
    case 'overdue':
      return { text: t('badgeOverdue', duration(now - status.dueAt)), tone: 'overdue', title: formatDate(status.dueAt) };
    case 'due':
      return { text: t(status.reminder ? 'badgeReminderDue' : 'badgeDueNow'), tone: 'due', title: formatDate(status.dueAt) };
    case 'snoozed':
      return { text: t('badgeSnoozed', formatDate(status.snoozedUntil)), tone: 'snoozed', title: null };
    case 'soon':
      return { text: relativeTime(status.dueAt, now), tone: 'soon', title: reminderTitle(status, formatDate(status.dueAt)) };
    case 'scheduled':
      return { text: formatDate(status.dueAt), tone: 'calm', title: reminderTitle(status, relativeTime(status.dueAt, now)) };
  }
}

/** A one-off reminder's due time says so in its tooltip: "Reminder: in 3 weeks". */
function reminderTitle(status: { reminder?: true }, when: string): string {
  return status.reminder ? t('nudgeReminder', when) : when;
}

/**
 * The "Last contact" column: "4 months ago" (the column names what), else as the badge says it:
 * "Connected 15 Jun 2026" (LinkedIn's export) or "No contact yet".
 */
export function lastContactText(contact: Pick<Contact, 'lastContactAt' | 'connectedAt'>, now: number): string {
  return contact.lastContactAt !== null ? relativeTime(contact.lastContactAt, now) : beforeFirstContact(contact.connectedAt);
}

/** A contact's rhythm in words, '' without one. */
export function rhythmText(cadenceDays: number | null): string {
  return cadenceDays === null ? '' : rhythmWords(cadenceDays);
}

/** Minutes after midnight as the value of an <input type="time">, and back. */
export function minutesToTime(minutes: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

export function timeToMinutes(value: string): number | null {
  const match = /^(\d{2}):(\d{2})/.exec(value);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes >= 0 && minutes < 24 * 60 ? minutes : null;
}
