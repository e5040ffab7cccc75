import { createSearchIndex, searchContacts, searchDoc, searchSources } from '../domain/search';
import { generateDataset } from './data';
import { fromSamples, median, single, type Figure } from './figures';

const AREA = '5. Database';

/** What people type: names (with and without umlauts), prefixes while typing, words from notes. */
export const QUERIES = [
  'müller', 'mueller', 'muller', 'jana', 'ja', 'j', 'schmidt', 'anna schm', 'hamburg', 'kassel training',
  'postgres', 'beispiel ag', 'st. pauli', 'sch', 'ömer', 'groß', 'weiterbildung konferenz', 'mentor', 'xyzzy', 'product manager',
];

/** Search in Node (the code is pure): index build once, then each query repeated. */
export function measureSearch(options: { contacts: number; notes: number; repeats: number }): Figure[] {
  const label = `dashboard search, ${options.contacts.toLocaleString('en-GB')} contacts and ${options.notes.toLocaleString('en-GB')} notes`;
  const target = { max: 50, source: 'issue 9: dashboard search under 50 ms per query' };
  const data = generateDataset({ now: Date.now(), seed: 21, contacts: options.contacts, notes: options.notes });
  const start = performance.now();
  // The documents as the dashboard builds them: each contact with its notes and profiles.
  const index = createSearchIndex(searchSources(data.contacts, data.notes, data.profiles).map(searchDoc));
  const built = performance.now() - start;
  const perQuery: number[] = [];
  const hits: Record<string, number> = {};
  for (const query of QUERIES) {
    hits[query] = searchContacts(index, query)?.length ?? 0;
    const samples: number[] = [];
    for (let i = 0; i < options.repeats; i++) {
      const t = performance.now();
      searchContacts(index, query);
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
