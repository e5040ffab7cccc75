import type { Contact } from './model';
import { foldTerm, termVariants } from './fold';

/**
 * Finding a contact by name as the user types, for "introduce to…": case and accents do not
 * matter ("jurgen" finds "Jürgen"), every word typed must begin a word of the name (or of the
 * company), and better matches come first.
 */

export type ContactHit = Pick<Contact, 'id' | 'displayName' | 'headline'>;

/** At most this many hits: a short list to pick from, never a way to read out the contacts. */
export const SEARCH_LIMIT = 8;

/** Folded like the dashboard's search: case, accents and ß do not matter. */
export function foldForSearch(text: string): string {
  return foldTerm(text).trim();
}

const words = (folded: string) => folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * How well a contact matches a folded query: 0 the name starts with it, 1 every query word
 * begins a word of the name, 2 of the name or company; null no match.
 */
export function matchRank(contact: Pick<Contact, 'displayName' | 'company'>, foldedQuery: string): number | null {
  const queryWords = words(foldedQuery);
  if (queryWords.length === 0) return null;
  // Both spellings of a name with umlauts, as the dashboard's search: "Müller" is "muller" and "mueller".
  const names = spellings(contact.displayName);
  if (names.some((name) => name.startsWith(foldedQuery))) return 0;
  const nameWords = names.flatMap(words);
  const covers = (pool: string[]) => queryWords.every((q) => pool.some((w) => w.startsWith(q)));
  if (covers(nameWords)) return 1;
  if (covers([...nameWords, ...spellings(contact.company).flatMap(words)])) return 2;
  return null;
}

const spellings = (text: string) => termVariants(text.trim()).map((variant) => variant.trim());

/** The best `limit` matches among `contacts`, archived people and `excludeId` left out. */
export function searchNames(
  contacts: Iterable<Contact>,
  query: string,
  options: { excludeId?: string; limit?: number } = {},
): ContactHit[] {
  const folded = foldForSearch(query);
  if (folded === '') return [];
  const hits: { contact: Contact; rank: number }[] = [];
  for (const contact of contacts) {
    if (contact.archived || contact.id === options.excludeId) continue;
    const rank = matchRank(contact, folded);
    if (rank !== null) hits.push({ contact, rank });
  }
  hits.sort((x, y) => x.rank - y.rank || x.contact.displayName.localeCompare(y.contact.displayName) || x.contact.id.localeCompare(y.contact.id));
  return hits.slice(0, options.limit ?? SEARCH_LIMIT).map(({ contact: { id, displayName, headline } }) => ({ id, displayName, headline }));
}
