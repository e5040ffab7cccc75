import { getISOWeek, getISOWeekYear, startOfISOWeek } from 'date-fns';
import { DAY_MS } from './constants';
import type { Contact } from './model';
import { lastTouchAt } from './schedule';

/**
 * Ties at risk of fading, for people WITHOUT a keep-in-touch rhythm (a rhythm has due dates
 * instead). How faded a tie is: the time since the last contact divided by how often the two
 * were in touch before (the median gap between their separate contacts, see domain/ties.ts).
 *
 *   score = days since the last contact / typical gap
 *   fresh < 1 <= cooling < 2 <= fading < 4 <= faded
 *
 * - Fewer than two separate contacts: there is no gap yet, so a default of 90 days stands in
 *   (a quarter of a year is a common pace for weak ties); the estimate says so (`basis`).
 * - The typical gap is at least 14 days: three messages in one week must not make a month of
 *   silence look like a fading tie.
 * - The silence counts from the latest of the last contact and the day the two connected
 *   (LinkedIn's "Connected On"): connecting is where the tie began. People with neither are not
 *   estimated: nothing has faded, nothing was there yet.
 * - Archived people, people with a rhythm, and rows whose figures are not known yet: null.
 * Cheap: it reads the contact only, no interactions.
 */

export type FadingLevel = 'fresh' | 'cooling' | 'fading' | 'faded';

export const FADING_THRESHOLDS = { cooling: 1, fading: 2, faded: 4 } as const;
export const DEFAULT_TYPICAL_GAP_DAYS = 90;
export const MIN_TYPICAL_GAP_DAYS = 14;

export interface FadingEstimate {
  /** Days since the last contact over the typical gap; higher is more faded. */
  score: number;
  level: FadingLevel;
  daysSince: number;
  typicalGapDays: number;
  /** `history`: from their past contacts; `default`: fewer than two contacts so far. */
  basis: 'history' | 'default';
}

export type FadingFields = Pick<Contact, 'cadenceDays' | 'archived' | 'lastContactAt' | 'tie'> & Partial<Pick<Contact, 'connectedAt'>>;

export function fadingLevel(score: number): FadingLevel {
  if (score >= FADING_THRESHOLDS.faded) return 'faded';
  if (score >= FADING_THRESHOLDS.fading) return 'fading';
  if (score >= FADING_THRESHOLDS.cooling) return 'cooling';
  return 'fresh';
}

/** How faded the tie is at `asOf`, or null when it is not estimated (see above). */
export function fadingEstimate(contact: FadingFields, asOf: number): FadingEstimate | null {
  const since = lastTouchAt(contact);
  if (contact.cadenceDays !== null || contact.archived || since === null || !contact.tie) return null;
  const known = contact.tie.typicalGapDays;
  const typicalGapDays = known === null ? DEFAULT_TYPICAL_GAP_DAYS : Math.max(MIN_TYPICAL_GAP_DAYS, known);
  const daysSince = Math.max(0, (asOf - since) / DAY_MS);
  const score = daysSince / typicalGapDays;
  return { score, level: fadingLevel(score), daysSince, typicalGapDays, basis: known === null ? 'default' : 'history' };
}

/**
 * The dashboard's "fading" column order: most faded first, people without an estimate last,
 * ties by id (stable). `direction: 'asc'` puts the freshest first, still with the unestimated last.
 */
export function byFading<T extends FadingFields & { id: string }>(contacts: readonly T[], now: number, direction: 'desc' | 'asc' = 'desc'): T[] {
  const scores = new Map(contacts.map((c) => [c.id, fadingEstimate(c, now)?.score ?? null]));
  const sign = direction === 'desc' ? -1 : 1;
  return [...contacts].sort((a, b) => {
    const sa = scores.get(a.id) ?? null;
    const sb = scores.get(b.id) ?? null;
    if (sa === null || sb === null) return (sa === null ? 1 : 0) - (sb === null ? 1 : 0) || a.id.localeCompare(b.id);
    return sign * (sa - sb) || a.id.localeCompare(b.id);
  });
}

/** "2026-W23": the ISO week of `time` in local time. */
export function isoWeekKey(time: number): string {
  return `${getISOWeekYear(time)}-W${String(getISOWeek(time)).padStart(2, '0')}`;
}

/** FNV-1a: a small, stable hash, so a week's picks are the same on every opening and device. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** At most this many fading ties are suggested in a week. */
export const WEEKLY_FADING_LIMIT = 3;

/** Monday 00:00 (local time) of the ISO week of `time`. */
export function weekStartOf(time: number): number {
  return startOfISOWeek(time).getTime();
}

export interface FadingPick<T> {
  contact: T;
  /** As of `now`, for what the UI shows. */
  estimate: FadingEstimate;
}

/**
 * This week's fading suggestions: among the ties that were fading or faded when the ISO week
 * began (Monday, local time), at most `limit`, in an order drawn from the week and the contact
 * id. The week's picks are decided by the state at its start, so they stay the same all week:
 * someone who crosses a threshold mid-week waits for next week, and each week brings others
 * rather than the same most-faded few forever. A pick the user gets in touch with is done and
 * leaves the list without a replacement, so there are never more than `limit` a week.
 *
 * `beforeWeek` holds, for the contacts in touch since the week began, their fields as they were
 * at its start (last contact and figures from the interactions before it); without an entry such
 * a contact is left out of this week's draw.
 */
export function weeklyFadingPicks<T extends FadingFields & { id: string }>(
  contacts: readonly T[],
  now: number,
  beforeWeek: ReadonlyMap<string, FadingFields> = new Map(),
  limit: number = WEEKLY_FADING_LIMIT,
): FadingPick<T>[] {
  const weekStart = weekStartOf(now);
  const week = isoWeekKey(now);
  const candidates: { contact: T; rank: number }[] = [];
  for (const contact of contacts) {
    const touchedThisWeek = contact.lastContactAt !== null && contact.lastContactAt >= weekStart;
    const then = touchedThisWeek ? beforeWeek.get(contact.id) : contact;
    // A rhythm or an archive set during the week counts now: those are the user's decisions.
    if (!then || contact.cadenceDays !== null || contact.archived) continue;
    const atWeekStart = fadingEstimate(then, weekStart);
    if (atWeekStart && atWeekStart.score >= FADING_THRESHOLDS.fading) candidates.push({ contact, rank: hash(`${week}:${contact.id}`) });
  }
  candidates.sort((a, b) => a.rank - b.rank || a.contact.id.localeCompare(b.contact.id));
  const picks: FadingPick<T>[] = [];
  for (const { contact } of candidates.slice(0, limit)) {
    const estimate = fadingEstimate(contact, now);
    if (estimate && (contact.lastContactAt ?? 0) < weekStart) picks.push({ contact, estimate });
  }
  return picks;
}
