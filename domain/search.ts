import MiniSearch, { type Query } from 'minisearch';
import { termVariants, tokenize } from './fold';
import type { Contact, Note, Profile } from './model';

/**
 * Full-text search over everyone: names, headlines, companies, notes, hooks, how-we-met and
 * tags. German names come in several spellings ("Müller", "Mueller", "Muller"), so every term is
 * indexed folded (lower case, without diacritics, ß as ss) and, when it has an umlaut, also in
 * its ae/oe/ue spelling. A query term is folded the same way and matches any of its spellings:
 * "Müller" finds "Müller", "Mueller" and "Muller"; "Mueller" and "muller" find "Müller".
 * Terms are matched as prefixes, so results come while typing.
 */

export interface SearchDoc {
  id: string;
  name: string;
  headline: string;
  company: string;
  howWeMet: string;
  hooks: string;
  tags: string;
  notes: string;
  /** Changes whenever any indexed text may have changed; not indexed itself. */
  version: string;
}

/** One contact with the rows whose text is searched. */
export interface SearchSource {
  contact: Contact;
  notes: readonly Note[];
  profiles: readonly Profile[];
}

const FIELDS = ['name', 'headline', 'company', 'howWeMet', 'hooks', 'tags', 'notes'] as const;
/** A match in the name counts most, then tags and company; a word deep in a note least. */
const BOOST: Partial<Record<(typeof FIELDS)[number], number>> = { name: 4, tags: 2, company: 1.5, headline: 1.5 };

/**
 * A cheap fingerprint of everything a doc is made of: the contact's `updatedAt` covers its own
 * fields; notes are covered by their count and the sum of their `updatedAt` (adding, editing,
 * deleting or moving a note changes one of the two); the names seen on the profiles by the
 * names themselves. Comparing it avoids rebuilding the text of unchanged contacts.
 */
export function sourceVersion({ contact, notes, profiles }: SearchSource): string {
  let sum = 0;
  for (const note of notes) sum += note.updatedAt;
  const seen = profiles.map((p) => p.seenName ?? '').join('\u0001');
  return `${contact.updatedAt}:${notes.length}:${sum}:${seen}`;
}

export function searchDoc(source: SearchSource): SearchDoc {
  const { contact, notes, profiles } = source;
  // Names seen on the sites too: after a merge, or when the user shortened the name.
  const names = new Set([contact.displayName]);
  for (const profile of profiles) if (profile.seenName) names.add(profile.seenName);
  return {
    id: contact.id,
    name: [...names].join(' '),
    headline: contact.headline,
    company: contact.company,
    howWeMet: contact.howWeMet,
    hooks: contact.hooks,
    tags: contact.tags.join(' '),
    notes: notes.map((note) => note.body).join('\n'),
    version: sourceVersion(source),
  };
}

/** Groups notes and profiles by contact, in one pass each. */
export function searchSources(
  contacts: readonly Contact[],
  notes: readonly Note[],
  profiles: readonly Profile[],
): SearchSource[] {
  const notesOf = groupBy(notes, (n) => n.contactId);
  const profilesOf = groupBy(profiles, (p) => p.contactId);
  return contacts.map((contact) => ({
    contact,
    notes: notesOf.get(contact.id) ?? [],
    profiles: profilesOf.get(contact.id) ?? [],
  }));
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

export interface SearchIndex {
  readonly engine: MiniSearch<SearchDoc>;
  /** The version each contact was indexed at. */
  readonly versions: Map<string, string>;
}

function newEngine(): MiniSearch<SearchDoc> {
  return new MiniSearch<SearchDoc>({
    idField: 'id',
    fields: [...FIELDS],
    storeFields: [],
    tokenize,
    processTerm: (term) => {
      const variants = termVariants(term);
      return variants.length === 0 ? null : variants;
    },
    // Query terms arrive folded already (see `searchContacts`).
    searchOptions: { tokenize: (text) => [text], processTerm: (term) => term },
    // Discarded docs are cleaned out in the background once enough have piled up.
    autoVacuum: { minDirtCount: 200, minDirtFactor: 0.1, batchSize: 2_000, batchWait: 20 },
  });
}

export function createSearchIndex(docs: readonly SearchDoc[]): SearchIndex {
  const engine = newEngine();
  engine.addAll(docs);
  return { engine, versions: new Map(docs.map((doc) => [doc.id, doc.version])) };
}

/**
 * The same, in chunks with a pause in between, so that a page stays responsive while it indexes
 * thousands of contacts (about a second for 10,000 contacts with 50,000 notes).
 */
export async function buildSearchIndex(
  docs: readonly SearchDoc[],
  options: { chunkSize?: number; onProgress?: (done: number, total: number) => void; pause?: () => Promise<void> } = {},
): Promise<SearchIndex> {
  const { chunkSize = 500, onProgress, pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0)) } = options;
  const index = createSearchIndex([]);
  for (let i = 0; i < docs.length; i += chunkSize) {
    if (i > 0) await pause();
    const chunk = docs.slice(i, i + chunkSize);
    index.engine.addAll(chunk);
    for (const doc of chunk) index.versions.set(doc.id, doc.version);
    onProgress?.(Math.min(docs.length, i + chunkSize), docs.length);
  }
  return index;
}

export interface SyncStats {
  added: number;
  replaced: number;
  removed: number;
}

/**
 * Brings the index in line with the sources: only contacts whose version changed are indexed
 * again, and contacts that are gone are discarded.
 */
export function syncSearchIndex(index: SearchIndex, sources: readonly SearchSource[]): SyncStats {
  const stats: SyncStats = { added: 0, replaced: 0, removed: 0 };
  const present = new Set<string>();
  for (const source of sources) {
    const { id } = source.contact;
    present.add(id);
    const version = sourceVersion(source);
    const indexed = index.versions.get(id);
    if (indexed === version) continue;
    const doc = searchDoc(source);
    if (indexed === undefined) {
      index.engine.add(doc);
      stats.added++;
    } else {
      index.engine.replace(doc);
      stats.replaced++;
    }
    index.versions.set(id, version);
  }
  for (const id of [...index.versions.keys()]) {
    if (present.has(id)) continue;
    index.engine.discard(id);
    index.versions.delete(id);
    stats.removed++;
  }
  return stats;
}

export interface SearchHit {
  id: string;
  score: number;
}

/**
 * The query as MiniSearch runs it: every word must match (AND), each in any of its spellings
 * (OR), as a prefix. Null for a query without words.
 */
export function searchQuery(query: string): Query | null {
  const words = tokenize(query)
    .map(termVariants)
    .filter((variants) => variants.length > 0);
  if (words.length === 0) return null;
  return { combineWith: 'AND', queries: words.map((variants) => ({ combineWith: 'OR', queries: variants })) };
}

/** Best match first; null when the query has no words (show everyone). */
export function searchContacts(index: SearchIndex, query: string): SearchHit[] | null {
  const expression = searchQuery(query);
  if (expression === null) return null;
  return index.engine
    .search(expression, { prefix: true, boost: BOOST, combineWith: 'AND' })
    .map((result) => ({ id: result.id as string, score: result.score }));
}
