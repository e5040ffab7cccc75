import { followUpStatus } from '@/domain/schedule';
import type { ContactSummary } from '@/domain/summary';
import { t } from '@/i18n';
import { duration, formatDate, relativeTime } from '@/i18n/format';

export type BadgeTone = 'new' | 'calm' | 'soon' | 'due' | 'overdue' | 'snoozed';

export interface BadgeStatus {
  tone: BadgeTone;
  /** The state in words (colour only repeats it). */
  label: string;
  /** When the label is about the follow-up: the last contact, for the tooltip and screen readers. */
  detail: string | null;
}

/** What the badge says about a person (null: not yet known to Tiekeeper). */
export function badgeStatus(summary: ContactSummary | null, now: number): BadgeStatus {
  if (!summary) return { tone: 'new', label: t('badgeAddNote'), detail: null };
  const last = summary.lastContactAt === null ? t('badgeNeverContacted') : t('badgeLastContact', relativeTime(summary.lastContactAt, now));
  const status = followUpStatus(summary, now);
  switch (status.kind) {
    case 'overdue':
      return { tone: 'overdue', label: t('badgeOverdue', duration(now - status.dueAt)), detail: last };
    case 'due':
      return { tone: 'due', label: t('badgeDueNow'), detail: last };
    case 'snoozed':
      return { tone: 'snoozed', label: t('badgeSnoozed', formatDate(status.snoozedUntil)), detail: last };
    case 'soon':
      return { tone: 'soon', label: `${last} · ${t('badgeDueSoon', relativeTime(status.dueAt, now))}`, detail: null };
    default:
      return { tone: 'calm', label: last, detail: null };
  }
}
