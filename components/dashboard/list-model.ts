import { FADING_THRESHOLDS, fadingEstimate } from '../../domain/fading';
import type { Contact, Profile } from '../../domain/model';
import { SITES, siteOrder, type SiteDescriptor, type SiteId } from '../../sites/descriptors';

/**
 * What the contact table shows, filters and sorts: pure functions, so that the rules are tested
 * without a browser and the table only renders.
 */

export interface Row {
  contact: Contact;
  /** LinkedIn first. */
  profiles: Profile[];
}

export const SORT_KEYS = ['name', 'sites', 'lastContact', 'nextDue', 'rhythm', 'fading', 'tags'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';
export interface Sort {
  key: SortKey;
  direction: SortDirection;
}

export type SiteFilter = 'any' | SiteId | 'none';
export type ArchivedFilter = 'active' | 'archived' | 'all';

export interface Filters {
  /** Only people whose follow-up is due now. */
  due: boolean;
  /** Only people never contacted (no interaction logged). */
  never: boolean;
  /** Only people without a rhythm whose tie is fading or faded (see domain/fading.ts). */
  fading: boolean;
  tag: string | null;
  site: SiteFilter;
  /** Archived contacts are hidden unless asked for. */
  archived: ArchivedFilter;
}

export const DEFAULT_FILTERS: Filters = { due: false, never: false, fading: false, tag: null, site: 'any', archived: 'active' };

/**
 * The choices of the site filter between "any" and "no profile": one per site, by its own name
 * (the same in every language, so not a UI text).
 */
export function siteFilterOptions(sites: readonly SiteDescriptor[] = SITES): { value: SiteId; label: string }[] {
  return sites.map((descriptor) => ({ value: descriptor.site as SiteId, label: descriptor.label }));
}

/** One row per contact, with its profiles (LinkedIn first). */
export function buildRows(contacts: readonly Contact[], profiles: readonly Profile[]): Row[] {
  const byContact = new Map<string, Profile[]>();
  for (const profile of profiles) {
    const list = byContact.get(profile.contactId);
    if (list) list.push(profile);
    else byContact.set(profile.contactId, [profile]);
  }
  for (const list of byContact.values()) list.sort((a, b) => siteOrder(a.site) - siteOrder(b.site) || a.id.localeCompare(b.id));
  return contacts.map((contact) => ({ contact, profiles: byContact.get(contact.id) ?? [] }));
}

export function isDue(contact: Pick<Contact, 'nextDueAt'>, now: number): boolean {
  return contact.nextDueAt !== null && contact.nextDueAt <= now;
}

/** Who comes due next after `now` (not archived), for a due list with nobody on it. */
export function nextDueRow(rows: readonly Row[], now: number): Row | null {
  let next: Row | null = null;
  for (const row of rows) {
    const at = row.contact.nextDueAt;
    if (row.contact.archived || at === null || at <= now) continue;
    if (next === null || at < next.contact.nextDueAt!) next = row;
  }
  return next;
}

/** `matches`: the ids a search found, or null when there is no search. */
export function filterRows(rows: readonly Row[], filters: Filters, now: number, matches: ReadonlySet<string> | null = null): Row[] {
  return rows.filter(({ contact, profiles }) => {
    if (matches && !matches.has(contact.id)) return false;
    if (filters.archived === 'active' && contact.archived) return false;
    if (filters.archived === 'archived' && !contact.archived) return false;
    if (filters.due && !isDue(contact, now)) return false;
    if (filters.never && contact.lastContactAt !== null) return false;
    if (filters.fading && (fadingEstimate(contact, now)?.score ?? 0) < FADING_THRESHOLDS.fading) return false;
    if (filters.tag !== null && !contact.tags.includes(filters.tag)) return false;
    if (filters.site === 'none' && profiles.length > 0) return false;
    if (filters.site !== 'any' && filters.site !== 'none' && !profiles.some((p) => p.site === filters.site)) return false;
    return true;
  });
}

type Key = string | number | null;

/** The value a column sorts by; null (nothing to show) always goes last. */
function sortValue(row: Row, key: SortKey, now: number): Key {
  const { contact, profiles } = row;
  switch (key) {
    case 'name':
      return contact.displayName.trim() || null;
    case 'sites':
      return profiles.length === 0 ? null : [...new Set(profiles.map((p) => siteOrder(p.site)))].join(',');
    case 'lastContact':
      return contact.lastContactAt;
    case 'nextDue':
      return contact.nextDueAt;
    case 'rhythm':
      return contact.cadenceDays;
    case 'fading':
      // People with a rhythm, never contacted or archived have no estimate: last, like empty cells.
      return fadingEstimate(contact, now)?.score ?? null;
    case 'tags':
      return contact.tags.length === 0 ? null : [...contact.tags].sort((a, b) => a.localeCompare(b)).join(', ');
  }
}

/**
 * Sorted by the column, empty values last in both directions, then by name. With a search and
 * no column chosen (`sort` null), the best matches come first (`relevance`: id -> score).
 * `now` is the moment the fading estimates are taken at.
 */
export function sortRows(
  rows: readonly Row[],
  sort: Sort | null,
  collator: Intl.Collator,
  relevance: ReadonlyMap<string, number> | null,
  now: number,
): Row[] {
  const compareText = (a: Key, b: Key) => (typeof a === 'string' && typeof b === 'string' ? collator.compare(a, b) : Number(a) - Number(b));
  // The keys are computed once per row, not once per comparison.
  const keyed = rows.map((row) => ({
    row,
    value: sort ? sortValue(row, sort.key, now) : null,
    name: sortValue(row, 'name', now),
    score: relevance?.get(row.contact.id) ?? 0,
  }));
  const byName = (a: (typeof keyed)[number], b: (typeof keyed)[number]) => {
    if (a.name === null || b.name === null) return (a.name === null ? 1 : 0) - (b.name === null ? 1 : 0);
    return compareText(a.name, b.name) || (a.row.contact.id < b.row.contact.id ? -1 : 1);
  };
  keyed.sort((a, b) => {
    if (sort === null) return relevance ? b.score - a.score || byName(a, b) : byName(a, b);
    if (a.value === null || b.value === null) {
      return (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0) || byName(a, b);
    }
    const order = compareText(a.value, b.value);
    return (sort.direction === 'asc' ? order : -order) || byName(a, b);
  });
  return keyed.map((k) => k.row);
}

/**
 * Clicking a column header: ascending first, then reversed. Descending first where the top is
 * what one looks for: the newest last contact, the most faded tie.
 */
export function nextSort(current: Sort | null, key: SortKey): Sort {
  if (current?.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: key === 'lastContact' || key === 'fading' ? 'desc' : 'asc' };
}

/** Every tag in use, sorted, with how many contacts have it. */
export function tagCounts(contacts: readonly Contact[], collator: Intl.Collator): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const contact of contacts) for (const tag of contact.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => collator.compare(a.tag, b.tag));
}
