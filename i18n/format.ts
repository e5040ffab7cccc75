import { DAY_MS } from '../domain/constants';
import { t, uiLanguage, type MessageKey } from './index';

/** A person's name as shown: "Unnamed contact" when it is empty or blank. */
export function nameOrUnnamed(name: string): string {
  return name.trim() || t('unnamedContact');
}

/** A contact's name as shown (see nameOrUnnamed). */
export function contactName(contact: { displayName: string }): string {
  return nameOrUnnamed(contact.displayName);
}

/** Locale for Intl formatting in the UI language. */
function locale(): string {
  return uiLanguage() === 'de' ? 'de-DE' : 'en-GB';
}

type Formatter = Intl.RelativeTimeFormat | Intl.NumberFormat | Intl.DateTimeFormat;
const formatters = new Map<string, Formatter>();

/**
 * One formatter per kind and locale, made on first use: creating an Intl formatter costs far
 * more than formatting with it, and the popup formats a few dozen dates and rhythms at once.
 */
function formatter<F extends Formatter>(kind: string, create: (locale: string) => F): F {
  const current = locale();
  const key = `${kind}|${current}`;
  let found = formatters.get(key) as F | undefined;
  if (!found) {
    found = create(current);
    formatters.set(key, found);
  }
  return found;
}

type Unit = 'year' | 'month' | 'week' | 'day';

const unitFormat = (unit: Unit) => formatter(`unit-${unit}`, (l) => new Intl.NumberFormat(l, { style: 'unit', unit, unitDisplay: 'long' }));

const UNITS: [Unit, number][] = [
  ['year', 365 * DAY_MS],
  ['month', 30 * DAY_MS],
  ['week', 7 * DAY_MS],
  ['day', DAY_MS],
];

/** "4 months ago", "in 5 days", "today" in the UI language. Whole days and larger only. */
export function relativeTime(time: number, now: number): string {
  const format = formatter('relative', (l) => new Intl.RelativeTimeFormat(l, { numeric: 'auto' }));
  const diff = time - now;
  const abs = Math.abs(diff);
  for (const [unit, size] of UNITS) {
    if (abs >= size) return format.format(Math.round(diff / size), unit);
  }
  return format.format(0, 'day');
}

/** A span of time without direction: "2 weeks", "3 Wochen". */
export function duration(ms: number): string {
  const abs = Math.abs(ms);
  const [unit, size] = UNITS.find(([, s]) => abs >= s) ?? ['day', DAY_MS];
  const count = Math.max(1, Math.round(abs / size));
  return unitFormat(unit).format(count);
}

/** "15 Jun 2026" / "15. Juni 2026". */
export function formatDate(time: number): string {
  return formatter('date', (l) => new Intl.DateTimeFormat(l, { day: 'numeric', month: 'short', year: 'numeric' })).format(time);
}

/** "14 Jan" / "14. Jan." within the year of `now`, else with the year. */
export function formatShortDate(time: number, now: number): string {
  if (new Date(time).getFullYear() !== new Date(now).getFullYear()) return formatDate(time);
  return formatter('day-month', (l) => new Intl.DateTimeFormat(l, { day: 'numeric', month: 'short' })).format(time);
}

/** "Next: in 3 weeks, 14 Jan": when the next follow-up is due. */
export function nextFollowUpText(dueAt: number, now: number): string {
  return t('badgeNext', relativeTime(dueAt, now), formatShortDate(dueAt, now));
}

/** "Reminder: in 3 weeks, 14 Jan": a one-off reminder the user set. */
export function nextReminderText(at: number, now: number): string {
  return t('badgeReminderNext', relativeTime(at, now), formatShortDate(at, now));
}

export function formatDateTime(time: number): string {
  return formatter('date-time', (l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short' })).format(time);
}

/** A rhythm in days as a count of its natural unit: 91 -> 3 months, 14 -> 2 weeks, 365 -> 1 year. */
function rhythmUnit(cadenceDays: number): { unit: 'year' | 'month' | 'week' | 'day'; count: number } {
  if (cadenceDays % 365 === 0) return { unit: 'year', count: cadenceDays / 365 };
  const months = Math.round(cadenceDays / 30.4);
  if (cadenceDays >= 28 && Math.abs(months * 30.4 - cadenceDays) <= 3) return { unit: 'month', count: months };
  if (cadenceDays % 7 === 0) return { unit: 'week', count: cadenceDays / 7 };
  return { unit: 'day', count: cadenceDays };
}

/** The length of a rhythm: "3 Monate", "2 weeks", "1 year". */
export function rhythmLength(cadenceDays: number): string {
  const { unit, count } = rhythmUnit(cadenceDays);
  return unitFormat(unit).format(count);
}

const EVERY_ONE: Record<ReturnType<typeof rhythmUnit>['unit'], MessageKey> = {
  day: 'rhythmEveryDay',
  week: 'rhythmEveryWeek',
  month: 'rhythmEveryMonth',
  year: 'rhythmEveryYear',
};

/** How often, within a sentence: "every month", "every 3 months", "jeden Monat", "alle 3 Monate". */
export function everyText(cadenceDays: number): string {
  const { unit, count } = rhythmUnit(cadenceDays);
  return count === 1 ? t(EVERY_ONE[unit]) : t('rhythmEveryCount', unitFormat(unit).format(count));
}

/** A rhythm on its own, as a label: "Every month", "Alle 3 Monate". */
export function rhythmText(cadenceDays: number): string {
  const text = everyText(cadenceDays);
  return text.charAt(0).toLocaleUpperCase(locale()) + text.slice(1);
}

/** `YYYY-MM-DD` of a time in local time, for <input type="date">. */
export function toDateInput(time: number): string {
  const d = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "1,234" / "1.234". */
/** A number in the UI language, with exactly `fractionDigits` decimals when given. */
export function formatNumber(value: number, fractionDigits?: number): string {
  const digits = fractionDigits === undefined ? {} : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits };
  return new Intl.NumberFormat(locale(), digits).format(value);
}

/** Sorting names the way the UI language expects ("Ärger" next to "Anton"). */
export function collator(): Intl.Collator {
  return new Intl.Collator(locale(), { sensitivity: 'base', numeric: true });
}
