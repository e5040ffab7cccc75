import { describe, expect, it } from 'vitest';
import { newContact } from '../../../domain/contacts';
import type { Contact } from '../../../domain/model';
import { foldForSearch, searchNames, SEARCH_LIMIT } from '../../../domain/name-search';

const contact = (id: string, displayName: string, extra: Partial<Contact> = {}): Contact => ({
  ...newContact(id, { displayName, headline: `Headline of ${displayName}` }, 0),
  ...extra,
});

const people = [
  contact('1', 'Lukas Mustermann', { company: 'Musterwerk' }),
  contact('2', 'Jürgen Müller'),
  contact('3', 'Anna Lukaschek'),
  contact('4', 'Jana Beispiel', { company: 'Lukas & Partner' }),
  contact('5', 'Lukas Archiv', { archived: true }),
];
const names = (query: string, excludeId?: string) => searchNames(people, query, { excludeId }).map((h) => h.displayName);

describe('contact search for "introduce to…"', () => {
  it('ignores case and accents', () => {
    expect(foldForSearch('  Jürgen MÜLLER ')).toBe('jurgen muller');
    expect(foldForSearch('Strauß')).toBe('strauss');
    expect(names('jurgen')).toEqual(['Jürgen Müller']);
  });

  it('folds spelling as the dashboard does: umlauts written out, or left off, or typed', () => {
    for (const query of ['mueller', 'muller', 'Mül', 'juergen mue', 'JÜRGEN']) expect(names(query), query).toEqual(['Jürgen Müller']);
    expect(names('mueler')).toEqual([]);
  });

  it('ranks the name’s start first, then a word of the name, then the company', () => {
    expect(names('luk')).toEqual(['Lukas Mustermann', 'Anna Lukaschek', 'Jana Beispiel']);
    expect(names('mus luk')).toEqual(['Lukas Mustermann']);
  });

  it('leaves out archived people and the person on the page', () => {
    expect(names('lukas', '1')).toEqual(['Anna Lukaschek', 'Jana Beispiel']);
  });

  it('returns only id, name and headline, at most a few', () => {
    const crowd = Array.from({ length: 20 }, (_, i) => contact(`c${i}`, `Lena ${i}`, { howWeMet: 'secret' }));
    const hits = searchNames(crowd, 'lena');
    expect(hits).toHaveLength(SEARCH_LIMIT);
    expect(Object.keys(hits[0]!).sort()).toEqual(['displayName', 'headline', 'id']);
  });

  it('finds nothing for an empty query', () => {
    expect(names('   ')).toEqual([]);
    expect(names('-')).toEqual([]);
  });
});
