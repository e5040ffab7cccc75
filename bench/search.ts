import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BackupData } from '../domain/backup';
import { ROOT } from './build';
import { generateDataset } from './data';
import { fromSamples, median, single, unavailable, type Figure } from './figures';

const AREA = '5. Database';

/**
 * The dashboard's search, from `domain/search.ts`. It is written on another branch; until that is
 * merged, the figure is reported as not available. Only this interface is assumed.
 */
interface SearchModule {
  createSearchIndex(docs: readonly unknown[]): unknown;
  searchContacts(index: unknown, query: string): readonly unknown[] | null;
  /** Optional helpers to build the documents the way the dashboard does. */
  searchSources?(contacts: BackupData['contacts'], notes: BackupData['notes'], profiles: BackupData['profiles']): unknown[];
  searchDoc?(source: unknown): unknown;
}

export const SEARCH_MODULE = path.join(ROOT, 'domain/search.ts');

async function loadSearch(): Promise<SearchModule | string> {
  if (!existsSync(SEARCH_MODULE)) return 'domain/search.ts does not exist on this branch (the dashboard search is not merged yet)';
  // A computed specifier: the module may not exist, so the type checker must not resolve it.
  const module = (await import(pathToFileURL(SEARCH_MODULE).href)) as Partial<SearchModule>;
  if (typeof module.createSearchIndex !== 'function' || typeof module.searchContacts !== 'function') {
    return 'domain/search.ts does not export createSearchIndex(docs) and searchContacts(index, query)';
  }
  return module as SearchModule;
}

/** The documents the dashboard indexes: its own builders when the module has them. */
function documents(search: SearchModule, data: BackupData): unknown[] {
  if (search.searchSources && search.searchDoc) {
    const toDoc = search.searchDoc;
    return search.searchSources(data.contacts, data.notes, data.profiles).map((source) => toDoc(source));
  }
  const notesOf = new Map<string, string[]>();
  for (const note of data.notes) notesOf.set(note.contactId, [...(notesOf.get(note.contactId) ?? []), note.body]);
  return data.contacts.map((c) => ({
    id: c.id,
    name: c.displayName,
    headline: c.headline,
    company: c.company,
    howWeMet: c.howWeMet,
    hooks: c.hooks,
    tags: c.tags.join(' '),
    notes: (notesOf.get(c.id) ?? []).join('\n'),
    version: String(c.updatedAt),
  }));
}

/** What people type: names (with and without umlauts), prefixes while typing, words from notes. */
export const QUERIES = [
  'müller', 'mueller', 'muller', 'jana', 'ja', 'j', 'schmidt', 'anna schm', 'hamburg', 'kassel training',
  'postgres', 'beispiel ag', 'st. pauli', 'sch', 'ömer', 'groß', 'weiterbildung konferenz', 'mentor', 'xyzzy', 'product manager',
];

/** Search in Node (the code is pure): index build once, then each query repeated. */
export async function measureSearch(options: { contacts: number; notes: number; repeats: number }): Promise<Figure[]> {
  const label = `dashboard search, ${options.contacts.toLocaleString('en-GB')} contacts and ${options.notes.toLocaleString('en-GB')} notes`;
  const target = { max: 50, source: 'issue 9: dashboard search under 50 ms per query' };
  const search = await loadSearch();
  if (typeof search === 'string') {
    return [
      unavailable({ id: 'search.query', area: AREA, label: `${label}: per query`, unit: 'ms', target }, search),
      unavailable({ id: 'search.index', area: AREA, label: `${label}: building the index`, unit: 'ms' }, search),
    ];
  }
  const data = generateDataset({ now: Date.now(), seed: 21, contacts: options.contacts, notes: options.notes });
  const start = performance.now();
  const index = search.createSearchIndex(documents(search, data));
  const built = performance.now() - start;
  const perQuery: number[] = [];
  const hits: Record<string, number> = {};
  for (const query of QUERIES) {
    hits[query] = search.searchContacts(index, query)?.length ?? 0;
    const samples: number[] = [];
    for (let i = 0; i < options.repeats; i++) {
      const t = performance.now();
      search.searchContacts(index, query);
      samples.push(performance.now() - t);
    }
    perQuery.push(median(samples));
  }
  const slowest = QUERIES[perQuery.indexOf(Math.max(...perQuery))]!;
  return [
    fromSamples(
      {
        id: 'search.query',
        area: AREA,
        label: `${label}: per query`,
        unit: 'ms',
        target,
        note:
          `in Node, createSearchIndex/searchContacts from domain/search.ts; ${QUERIES.length} queries (the spread is over their medians of ${options.repeats} runs); ` +
          `slowest “${slowest}”; per query (hits, median ms): ${QUERIES.map((q, i) => `${q} (${hits[q]}, ${perQuery[i]!.toFixed(1)})`).join(', ')}.`,
      },
      perQuery,
    ),
    single({ id: 'search.slowest', area: AREA, label: `${label}: slowest query`, unit: 'ms', target }, Math.max(...perQuery)),
    single({ id: 'search.index', area: AREA, label: `${label}: building the index`, unit: 'ms' }, built),
  ];
}
