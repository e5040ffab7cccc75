import { ledgerOf } from '../domain/ledger';
import { followUpStatus } from '../domain/schedule';
import type { ContactSummary } from '../domain/summary';
import { t } from './index';
import { duration, formatDate, nextFollowUpText, nextReminderText, relativeTime } from './format';
import type { BadgeStatus, BadgeView } from '../messaging/badge-view';
import { ledgerBadgeNote } from './tie-text';

export type { BadgeStatus, BadgeTone, BadgeView } from '../messaging/badge-view';

/**
 * What the badge says about a person (null: not yet known to Tiekeeper). When the user has asked
 * more than they gave, a short note says so ("you asked twice"): in the label when the badge is
 * calm, else in the detail, so the badge stays short.
 */
export function badgeStatus(summary: ContactSummary | null, now: number): BadgeStatus {
  if (!summary) return { tone: 'new', label: t('badgeAddNote'), detail: null };
  const owed = ledgerBadgeNote(ledgerOf({ given: summary.favoursGiven, received: summary.favoursReceived }));
  const status = followUpStatusOf(summary, now);
  if (!owed) return status;
  if (status.tone === 'calm') return { ...status, label: `${status.label} · ${owed}` };
  return { ...status, detail: status.detail ? `${status.detail} · ${owed}` : owed };
}

function followUpStatusOf(summary: ContactSummary, now: number): BadgeStatus {
  const last = lastContactLabel(summary, now);
  const status = followUpStatus(summary, now);
  switch (status.kind) {
    case 'overdue':
      return { tone: 'overdue', label: t('badgeOverdue', duration(now - status.dueAt)), detail: last };
    case 'due':
      return { tone: 'due', label: t(status.reminder ? 'badgeReminderDue' : 'badgeDueNow'), detail: last };
    case 'snoozed':
      return { tone: 'snoozed', label: t('badgeSnoozed', formatDate(status.snoozedUntil)), detail: last };
    case 'soon':
      return { tone: 'soon', label: `${last} · ${t('badgeDueSoon', relativeTime(status.dueAt, now))}`, detail: null, next: nextText(status, now) };
    case 'scheduled':
      return { tone: summary.lastContactAt === null ? 'none' : 'calm', label: last, detail: null, next: nextText(status, now) };
    default:
      // A note is no contact: "No contact yet" gets no check mark.
      return { tone: summary.lastContactAt === null ? 'none' : 'calm', label: last, detail: null };
  }
}

/** "Next: in 3 weeks, 14 Jan", or "Reminder: …" when a one-off reminder comes first. */
function nextText(status: { dueAt: number; reminder?: true }, now: number): string {
  return status.reminder ? nextReminderText(status.dueAt, now) : nextFollowUpText(status.dueAt, now);
}

/**
 * "Last contact 4 months ago"; without any contact the day the two connected ("Connected 15 Jun
 * 2026", from LinkedIn's export), else "No contact yet".
 */
export function lastContactLabel(summary: Pick<ContactSummary, 'lastContactAt' | 'connectedAt'>, now: number): string {
  return summary.lastContactAt !== null ? lastContactSentence(summary.lastContactAt, now) : beforeFirstContact(summary.connectedAt);
}

/**
 * "Last contact 4 months ago", else "No contact yet": the popup's and the notifications' words,
 * which leave the connection date out (see lastContactLabel for the badge's, which do not).
 */
export function lastContactSentence(lastContactAt: number | null, now: number): string {
  return lastContactAt === null ? t('badgeNeverContacted') : t('badgeLastContact', relativeTime(lastContactAt, now));
}

/** Someone never in touch: "Connected 15 Jun 2026" when the day the tie began is known, else "No contact yet". */
export function beforeFirstContact(connectedAt: number | null): string {
  return connectedAt === null ? t('badgeNeverContacted') : t('badgeConnected', formatDate(connectedAt));
}

export function badgeView(summary: ContactSummary | null, now: number, name: string): BadgeView {
  const status = badgeStatus(summary, now);
  const about = name ? `Tiekeeper, ${name}` : 'Tiekeeper';
  const ariaLabel = status.detail ? `${about}: ${status.label}. ${status.detail}` : `${about}: ${status.label}`;
  const tooltip = [status.detail, status.next].filter(Boolean).join(' · ') || null;
  return { ...status, ariaLabel, tooltip };
}
