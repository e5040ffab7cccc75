import { describe, expect, it } from 'vitest';
import { newContact } from '../../../domain/contacts';
import { DAY_MS } from '../../../domain/constants';
import type { Contact, Profile } from '../../../domain/model';
import {
  buildRows,
  DEFAULT_FILTERS,
  filterRows,
  nextDueRow,
  nextSort,
  sortRows,
  tagCounts,
  type Row,
} from '../../../components/dashboard/list-model';

const NOW = Date.UTC(2026, 5, 1, 9);
const collator = new Intl.Collator('de-DE', { sensitivity: 'base', numeric: true });

function contact(id: string, displayName: string, fields: Partial<Contact> = {}): Contact {
  return { ...newContact(id, { displayName }, NOW - 100 * DAY_MS), ...fields };
}

function profile(contactId: string, site: Profile['site']): Profile {
  const key = `${contactId}-${site}`;
  return {
    id: `${site}:${key}`,
    contactId,
    site,
    key,
    url: site === 'linkedin' ? `https://www.linkedin.com/in/${key}` : `https://www.xing.com/profile/${key}`,
    memberId: null,
    seenName: null,
    seenHeadline: null,
    createdAt: NOW,
    seenAt: null,
  };
}

const names = (rows: readonly Row[]) => rows.map((row) => row.contact.displayName);

const contacts = [
  contact('anna', 'Anna Schmidt', { lastContactAt: NOW - 40 * DAY_MS, cadenceDays: 30, nextDueAt: NOW - 10 * DAY_MS, tags: ['Kassel', 'Wasser'] }),
  contact('oe', 'Özlem Yıldız', { lastContactAt: NOW - 2 * DAY_MS, cadenceDays: 91, nextDueAt: NOW + 89 * DAY_MS, tags: ['Mentoring'] }),
  contact('ben', 'Ben Otto'),
  contact('arch', 'Archie Alt', { archived: true, lastContactAt: NOW - 400 * DAY_MS }),
  contact('nameless', ''),
  contact('aerger', 'Ärger Zacharias', { cadenceDays: 365, nextDueAt: NOW + 300 * DAY_MS, tags: ['kassel'] }),
];
const profiles = [profile('anna', 'xing'), profile('anna', 'linkedin'), profile('oe', 'xing'), profile('ben', 'linkedin')];
const rows = buildRows(contacts, profiles);

describe('buildRows', () => {
  it('gives every contact its profiles, LinkedIn first', () => {
    expect(rows.find((r) => r.contact.id === 'anna')?.profiles.map((p) => p.site)).toEqual(['linkedin', 'xing']);
    expect(rows.find((r) => r.contact.id === 'nameless')?.profiles).toEqual([]);
  });
});

describe('filterRows', () => {
  it('hides archived people unless asked', () => {
    expect(names(filterRows(rows, DEFAULT_FILTERS, NOW))).not.toContain('Archie Alt');
    expect(names(filterRows(rows, { ...DEFAULT_FILTERS, archived: 'archived' }, NOW))).toEqual(['Archie Alt']);
    expect(filterRows(rows, { ...DEFAULT_FILTERS, archived: 'all' }, NOW)).toHaveLength(6);
  });

  it('filters by due, never contacted, tag and site, all together', () => {
    expect(names(filterRows(rows, { ...DEFAULT_FILTERS, due: true }, NOW))).toEqual(['Anna Schmidt']);
    expect(names(filterRows(rows, { ...DEFAULT_FILTERS, never: true }, NOW))).toEqual(['Ben Otto', '', 'Ärger Zacharias']);
    expect(names(filterRows(rows, { ...DEFAULT_FILTERS, tag: 'Kassel' }, NOW))).toEqual(['Anna Schmidt']);
    expect(names(filterRows(rows, { ...DEFAULT_FILTERS, site: 'xing' }, NOW))).toEqual(['Anna Schmidt', 'Özlem Yıldız']);
    expect(names(filterRows(rows, { ...DEFAULT_FILTERS, site: 'none' }, NOW))).toEqual(['', 'Ärger Zacharias']);
    expect(names(filterRows(rows, { ...DEFAULT_FILTERS, site: 'linkedin', never: true }, NOW))).toEqual(['Ben Otto']);
  });

  it('keeps only the search matches', () => {
    expect(names(filterRows(rows, DEFAULT_FILTERS, NOW, new Set(['oe', 'arch'])))).toEqual(['Özlem Yıldız']);
  });
});

describe('nextDueRow', () => {
  it('names who comes due next, leaving out the archived and those due already', () => {
    expect(nextDueRow(rows, NOW)?.contact.displayName).toBe('Özlem Yıldız');
    const archivedSoon = buildRows([contact('soon', 'Soon Archived', { archived: true, nextDueAt: NOW + DAY_MS }), ...contacts], profiles);
    expect(nextDueRow(archivedSoon, NOW)?.contact.displayName).toBe('Özlem Yıldız');
    expect(nextDueRow(buildRows([contacts[0]!, contacts[2]!], profiles), NOW)).toBeNull();
  });
});

describe('sortRows', () => {
  const active = filterRows(rows, DEFAULT_FILTERS, NOW);

  it('sorts names as German speakers expect, unnamed people last', () => {
    expect(names(sortRows(active, null, collator, null, NOW))).toEqual(['Anna Schmidt', 'Ärger Zacharias', 'Ben Otto', 'Özlem Yıldız', '']);
    expect(names(sortRows(active, { key: 'name', direction: 'desc' }, collator, null, NOW))).toEqual([
      'Özlem Yıldız',
      'Ben Otto',
      'Ärger Zacharias',
      'Anna Schmidt',
      '',
    ]);
  });

  it('puts empty values last in both directions, ties by name', () => {
    expect(names(sortRows(active, { key: 'lastContact', direction: 'desc' }, collator, null, NOW))).toEqual([
      'Özlem Yıldız',
      'Anna Schmidt',
      'Ärger Zacharias',
      'Ben Otto',
      '',
    ]);
    expect(names(sortRows(active, { key: 'lastContact', direction: 'asc' }, collator, null, NOW)).slice(0, 2)).toEqual(['Anna Schmidt', 'Özlem Yıldız']);
    expect(names(sortRows(active, { key: 'nextDue', direction: 'asc' }, collator, null, NOW)).slice(0, 3)).toEqual([
      'Anna Schmidt',
      'Özlem Yıldız',
      'Ärger Zacharias',
    ]);
    expect(names(sortRows(active, { key: 'rhythm', direction: 'desc' }, collator, null, NOW)).slice(0, 3)).toEqual([
      'Ärger Zacharias',
      'Özlem Yıldız',
      'Anna Schmidt',
    ]);
    // "kassel" before "Kassel, Wasser": case does not count, the shorter list comes first.
    expect(names(sortRows(active, { key: 'tags', direction: 'asc' }, collator, null, NOW)).slice(0, 3)).toEqual([
      'Ärger Zacharias',
      'Anna Schmidt',
      'Özlem Yıldız',
    ]);
    expect(names(sortRows(active, { key: 'sites', direction: 'asc' }, collator, null, NOW)).slice(0, 3)).toEqual([
      'Ben Otto',
      'Anna Schmidt',
      'Özlem Yıldız',
    ]);
  });

  it('orders search results by relevance until a column is chosen', () => {
    const relevance = new Map([
      ['ben', 9],
      ['anna', 3],
      ['oe', 3],
    ]);
    const matched = filterRows(rows, DEFAULT_FILTERS, NOW, new Set(relevance.keys()));
    expect(names(sortRows(matched, null, collator, relevance, NOW))).toEqual(['Ben Otto', 'Anna Schmidt', 'Özlem Yıldız']);
    expect(names(sortRows(matched, { key: 'name', direction: 'asc' }, collator, relevance, NOW))).toEqual(['Anna Schmidt', 'Ben Otto', 'Özlem Yıldız']);
  });

  it('sorts 10,000 rows quickly', () => {
    const many = buildRows(
      Array.from({ length: 10_000 }, (_, i) => contact(`c${i}`, `Person ${(i * 7919) % 10_000}`, { lastContactAt: i % 3 ? NOW - i * 1000 : null })),
      [],
    );
    const start = performance.now();
    const sorted = sortRows(many, { key: 'name', direction: 'asc' }, collator, null, NOW);
    sortRows(many, { key: 'lastContact', direction: 'desc' }, collator, null, NOW);
    expect(performance.now() - start).toBeLessThan(1_000);
    expect(sorted[0]?.contact.displayName).toBe('Person 0');
    expect(sorted[9_999]?.contact.displayName).toBe('Person 9999');
  });
});

describe('the fading column and filter', () => {
  const tie = (typicalGapDays: number | null) => ({ given: 0, received: 0, typicalGapDays, remoteStreak: 0 });
  const people = buildRows(
    [
      // Monthly before, silent for five months: score 5, faded.
      contact('faded', 'Frieda Fern', { lastContactAt: NOW - 150 * DAY_MS, tie: tie(30) }),
      // One contact 200 days ago: the 90-day default, score 2.2, fading.
      contact('once', 'Otto Einmal', { lastContactAt: NOW - 200 * DAY_MS, tie: tie(null) }),
      contact('fresh', 'Frank Frisch', { lastContactAt: NOW - 10 * DAY_MS, tie: tie(30) }),
      // A rhythm has due dates instead; never contacted is not estimated.
      contact('rhythm', 'Rita Rhythmus', { lastContactAt: NOW - 400 * DAY_MS, cadenceDays: 30, nextDueAt: NOW - 370 * DAY_MS, tie: tie(30) }),
      contact('never', 'Nora Nie', { tie: tie(null) }),
    ],
    [],
  );

  it('sorts the most faded first on descending, people without an estimate last either way', () => {
    expect(names(sortRows(people, { key: 'fading', direction: 'desc' }, collator, null, NOW))).toEqual([
      'Frieda Fern',
      'Otto Einmal',
      'Frank Frisch',
      'Nora Nie',
      'Rita Rhythmus',
    ]);
    expect(names(sortRows(people, { key: 'fading', direction: 'asc' }, collator, null, NOW)).slice(0, 3)).toEqual([
      'Frank Frisch',
      'Otto Einmal',
      'Frieda Fern',
    ]);
    expect(nextSort(null, 'fading')).toEqual({ key: 'fading', direction: 'desc' });
  });

  it('filters to the fading and faded ties', () => {
    expect(names(filterRows(people, { ...DEFAULT_FILTERS, fading: true }, NOW))).toEqual(['Frieda Fern', 'Otto Einmal']);
  });
});

describe('nextSort and tagCounts', () => {
  it('starts ascending (dates of last contact newest first) and reverses on the second click', () => {
    expect(nextSort(null, 'name')).toEqual({ key: 'name', direction: 'asc' });
    expect(nextSort({ key: 'name', direction: 'asc' }, 'name')).toEqual({ key: 'name', direction: 'desc' });
    expect(nextSort({ key: 'name', direction: 'desc' }, 'lastContact')).toEqual({ key: 'lastContact', direction: 'desc' });
  });

  it('counts every tag in use, sorted', () => {
    expect(tagCounts(contacts, collator)).toEqual([
      { tag: 'Kassel', count: 1 },
      { tag: 'kassel', count: 1 },
      { tag: 'Mentoring', count: 1 },
      { tag: 'Wasser', count: 1 },
    ]);
  });
});
