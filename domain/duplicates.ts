import type { Contact } from './model';
import { foldTerm, tokenize } from './fold';

/**
 * Likely duplicates: the same person as two contacts, typically their LinkedIn and their XING
 * profile, or an import next to a contact made on a profile page. Suggested, never merged
 * without the user. Two rules:
 * - the same name once normalised: case, accents, umlaut spellings ("Müller" = "Mueller"),
 *   academic titles and word order do not count ("Dr. Jürgen Müller" = "Mueller, Juergen");
 * - the same company and a similar name: one name contains the other's words ("Anna Schmidt"
 *   and "Anna Maria Schmidt"), or the names are a typo apart ("Jon Smith", "John Smith").
 * Archived contacts and contacts without a name are left out.
 */

export type DuplicateReason = 'name' | 'company';

export interface DuplicateSuggestion {
  /** The older contact first: the one a merge keeps unless the user swaps them. */
  ids: [string, string];
  reason: DuplicateReason;
}

const TITLES = new Set(['dr', 'prof', 'dipl', 'ing', 'med', 'rer', 'nat', 'phil', 'jur', 'mba', 'phd', 'msc', 'bsc', 'ma', 'ba', 'mag', 'herr', 'frau', 'mr', 'mrs', 'ms']);
const UMLAUTS: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue' };

/** A name's words, folded with umlauts transcribed, without titles. */
export function nameWords(name: string): string[] {
  return tokenize(name.toLowerCase().replace(/[äöü]/g, (umlaut) => UMLAUTS[umlaut] ?? umlaut))
    .map(foldTerm)
    .filter((word) => word !== '' && !TITLES.has(word));
}

/** The name as the duplicate check compares it: its words, sorted. Empty for no name. */
export function normaliseName(name: string): string {
  return nameWords(name).sort().join(' ');
}

export function normaliseCompany(company: string): string {
  return tokenize(foldTerm(company))
    .filter((word) => !['gmbh', 'ag', 'se', 'kg', 'co', 'inc', 'ltd', 'llc', 'mbh', 'ug', 'eg', 'ev'].includes(word))
    .join(' ');
}

/** Edit distance, stopping early once it exceeds `max`. */
function withinDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return false;
    previous = current;
  }
  return previous[b.length]! <= max;
}

/** Names similar enough to suggest when the company is the same as well. */
export function similarNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (shorter.length >= 2 && shorter.every((word) => longer.includes(word))) return true;
  const x = [...a].sort().join(' ');
  const y = [...b].sort().join(' ');
  return x.length >= 6 && withinDistance(x, y, x.length >= 12 ? 2 : 1);
}

export const MAX_SUGGESTIONS = 200;

type Candidate = Pick<Contact, 'id' | 'displayName' | 'company' | 'archived' | 'createdAt'>;

export function suggestDuplicates(contacts: readonly Candidate[], limit = MAX_SUGGESTIONS): DuplicateSuggestion[] {
  const older = (a: Candidate, b: Candidate) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);
  const active = contacts.filter((c) => !c.archived && c.displayName.trim() !== '').sort(older);
  const words = new Map(active.map((c) => [c.id, nameWords(c.displayName)]));
  const keys = new Map(active.map((c) => [c.id, [...(words.get(c.id) ?? [])].sort().join(' ')]));
  const nameKey = (c: Candidate) => keys.get(c.id) ?? '';

  const suggestions: DuplicateSuggestion[] = [];
  const seen = new Set<string>();
  const suggest = (a: Candidate, b: Candidate, reason: DuplicateReason) => {
    const key = `${a.id}\u0000${b.id}`;
    if (seen.has(key)) return;
    seen.add(key);
    suggestions.push({ ids: [a.id, b.id], reason });
  };

  // Same name: everyone in a group is paired with the group's oldest contact.
  const byName = new Map<string, Candidate[]>();
  for (const contact of active) {
    const key = nameKey(contact);
    if (key === '') continue;
    const group = byName.get(key);
    if (group) group.push(contact);
    else byName.set(key, [contact]);
  }
  for (const group of byName.values()) {
    const [first, ...rest] = group;
    if (first) for (const other of rest) suggest(first, other, 'name');
  }

  // Same company and a similar name: only contacts sharing the company and one name word are
  // compared, so this stays linear in practice.
  const buckets = new Map<string, Candidate[]>();
  for (const contact of active) {
    const company = normaliseCompany(contact.company);
    if (company === '') continue;
    for (const word of new Set(words.get(contact.id))) {
      const key = `${company}\u0000${word}`;
      const bucket = buckets.get(key);
      if (bucket) bucket.push(contact);
      else buckets.set(key, [contact]);
    }
  }
  for (const bucket of buckets.values()) {
    if (bucket.length > 50) continue; // a common first name at a large employer says nothing
    for (let i = 0; i < bucket.length; i++) {
      for (let j = i + 1; j < bucket.length; j++) {
        const a = bucket[i]!;
        const b = bucket[j]!;
        // The same name is already suggested (paired with the oldest of its group).
        if (nameKey(a) === nameKey(b)) continue;
        if (similarNames(words.get(a.id) ?? [], words.get(b.id) ?? [])) suggest(a, b, 'company');
      }
    }
  }
  return suggestions.slice(0, limit);
}
