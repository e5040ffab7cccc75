import { describe, expect, it } from 'vitest';
import { newContact } from '../../../domain/contacts';
import type { Contact, Note, Profile } from '../../../domain/model';
import { foldTerm, termVariants, tokenize } from '../../../domain/fold';
import {
  createSearchIndex,
  searchContacts,
  searchDoc,
  searchQuery,
  searchSources,
  syncSearchIndex,
  type SearchSource,
} from '../../../domain/search';

const T0 = Date.UTC(2026, 5, 1, 9);

function contact(id: string, displayName: string, fields: Partial<Contact> = {}): Contact {
  return { ...newContact(id, { displayName }, T0), ...fields };
}

function note(contactId: string, body: string, n = 0): Note {
  return { id: `${contactId}-note-${n}`, contactId, body, createdAt: T0, updatedAt: T0 + n };
}

function index(sources: SearchSource[]) {
  return createSearchIndex(sources.map(searchDoc));
}

const ids = (hits: { id: string }[] | null) => (hits ?? []).map((hit) => hit.id);
const source = (c: Contact, notes: Note[] = [], profiles: Profile[] = []): SearchSource => ({ contact: c, notes, profiles });

describe('folding', () => {
  it('lower-cases, strips diacritics and spells ß as ss', () => {
    expect(foldTerm('Jürgen')).toBe('jurgen');
    expect(foldTerm('STRAẞE')).toBe('strasse');
    expect(foldTerm('Straße')).toBe('strasse');
    expect(foldTerm('Ørsted')).toBe('orsted');
    expect(foldTerm('Łódź')).toBe('lodz');
    expect(foldTerm('Renée')).toBe('renee');
  });

  it('indexes words with umlauts in both spellings, decomposed input included', () => {
    expect(termVariants('Müller')).toEqual(['muller', 'mueller']);
    expect(termVariants('Mu\u0308ller')).toEqual(['muller', 'mueller']);
    expect(termVariants('Öztürk')).toEqual(['ozturk', 'oeztuerk']);
    expect(termVariants('Mueller')).toEqual(['mueller']);
    expect(termVariants('Weiß')).toEqual(['weiss']);
    expect(termVariants('\u0301')).toEqual([]);
  });

  it('splits on anything but letters and digits', () => {
    expect(tokenize('Müller-Lüdenscheidt, Dr. (Bremen) anna@example.de 2026')).toEqual([
      'Müller',
      'Lüdenscheidt',
      'Dr',
      'Bremen',
      'anna',
      'example',
      'de',
      '2026',
    ]);
  });

  it('turns a query into AND over words and OR over spellings', () => {
    expect(searchQuery('  ')).toBeNull();
    expect(searchQuery('Jürgen Weiß')).toEqual({
      combineWith: 'AND',
      queries: [
        { combineWith: 'OR', queries: ['jurgen', 'juergen'] },
        { combineWith: 'OR', queries: ['weiss'] },
      ],
    });
  });
});

describe('searchContacts', () => {
  const people = [
    source(contact('umlaut', 'Jürgen Müller', { company: 'Stadtwerke Kassel' })),
    source(contact('ue', 'Hans Mueller')),
    source(contact('u', 'Karl Muller')),
    source(contact('other', 'Mullerson Wei', { headline: 'Product at Weiß GmbH' })),
    source(contact('noted', 'Anna Schmidt', { hooks: 'Werder Bremen', howWeMet: 'Schulung in Kassel', tags: ['Wasser', 'Mentoring'] }), [
      note('noted', 'Zwei Kinder; mag Segeln.\nFragt nach dem Förderantrag.'),
    ]),
  ];
  const idx = index(people);

  it('"Müller" finds Müller, Mueller and Muller, the exact spelling first', () => {
    const hits = ids(searchContacts(idx, 'Müller'));
    expect(hits.slice(0, 3)).toEqual(expect.arrayContaining(['umlaut', 'ue', 'u']));
    expect(hits[0]).toBe('umlaut');
  });

  it('"Mueller" and "muller" both find Müller', () => {
    expect(ids(searchContacts(idx, 'Mueller'))).toEqual(expect.arrayContaining(['umlaut', 'ue']));
    expect(ids(searchContacts(idx, 'Mueller'))).not.toContain('u');
    expect(ids(searchContacts(idx, 'muller'))).toEqual(expect.arrayContaining(['umlaut', 'u']));
  });

  it('matches prefixes while typing, in either spelling', () => {
    expect(ids(searchContacts(idx, 'jür'))).toEqual(['umlaut']);
    expect(ids(searchContacts(idx, 'juer'))).toEqual(['umlaut']);
    expect(ids(searchContacts(idx, 'mü'))).toEqual(expect.arrayContaining(['umlaut', 'ue', 'u', 'other']));
  });

  it('searches headlines, companies, notes, hooks, how-we-met and tags', () => {
    expect(ids(searchContacts(idx, 'weiss'))).toEqual(['other']);
    expect(ids(searchContacts(idx, 'Förderantrag'))).toEqual(['noted']);
    expect(ids(searchContacts(idx, 'foerderantrag'))).toEqual(['noted']);
    expect(ids(searchContacts(idx, 'segeln'))).toEqual(['noted']);
    expect(ids(searchContacts(idx, 'werder'))).toEqual(['noted']);
    expect(ids(searchContacts(idx, 'schulung'))).toEqual(['noted']);
    expect(ids(searchContacts(idx, 'mentoring'))).toEqual(['noted']);
  });

  it('needs every word, in any field', () => {
    expect(ids(searchContacts(idx, 'anna kassel'))).toEqual(['noted']);
    expect(ids(searchContacts(idx, 'jürgen kassel'))).toEqual(['umlaut']);
    expect(ids(searchContacts(idx, 'anna nobody'))).toEqual([]);
  });

  it('ranks a name match above a match in a note', () => {
    const idx2 = index([
      source(contact('in-note', 'Lena Weber'), [note('in-note', 'Kennt Kassel gut')]),
      source(contact('in-name', 'Kassel Becker')),
    ]);
    expect(ids(searchContacts(idx2, 'kassel'))).toEqual(['in-name', 'in-note']);
  });

  it('finds names seen on the profiles too', () => {
    const profile: Profile = {
      id: 'xing:sofia_probst',
      contactId: 'sofia',
      site: 'xing',
      key: 'sofia_probst',
      url: 'https://www.xing.com/profile/Sofia_Probst',
      memberId: null,
      seenName: 'Sofia Probst-Ñúñez',
      seenHeadline: null,
      createdAt: T0,
      seenAt: T0,
    };
    const idx2 = index([source(contact('sofia', 'Sofia'), [], [profile])]);
    expect(ids(searchContacts(idx2, 'nunez'))).toEqual(['sofia']);
  });

  it('returns null for an empty query (everyone is shown)', () => {
    expect(searchContacts(idx, ' ,; ')).toBeNull();
  });
});

describe('syncSearchIndex', () => {
  it('indexes only what changed and forgets deleted contacts', () => {
    const anna = contact('anna', 'Anna Schmidt');
    const ben = contact('ben', 'Ben Otto');
    const notes = [note('anna', 'Segeln auf der Weser')];
    const idx = createSearchIndex(searchSources([anna, ben], notes, []).map(searchDoc));
    expect(syncSearchIndex(idx, searchSources([anna, ben], notes, []))).toEqual({ added: 0, replaced: 0, removed: 0 });

    // A new note (contact unchanged), an edited contact, a new contact, a deleted contact.
    const moreNotes = [...notes, note('anna', 'Tochter studiert in Graz', 1)];
    const renamed = { ...ben, displayName: 'Benedikt Otto', updatedAt: T0 + 5 };
    const carla = contact('carla', 'Carla Weiß');
    expect(syncSearchIndex(idx, searchSources([anna, renamed, carla], moreNotes, []))).toEqual({ added: 1, replaced: 2, removed: 0 });
    expect(ids(searchContacts(idx, 'graz'))).toEqual(['anna']);
    expect(ids(searchContacts(idx, 'benedikt'))).toEqual(['ben']);
    expect(ids(searchContacts(idx, 'weiss'))).toEqual(['carla']);

    // A note deleted, another edited: both change the version.
    const edited = [{ ...moreNotes[1]!, body: 'Sohn studiert in Linz', updatedAt: T0 + 9 }];
    expect(syncSearchIndex(idx, searchSources([anna, carla], edited, []))).toEqual({ added: 0, replaced: 1, removed: 1 });
    expect(ids(searchContacts(idx, 'graz'))).toEqual([]);
    expect(ids(searchContacts(idx, 'segeln'))).toEqual([]);
    expect(ids(searchContacts(idx, 'linz'))).toEqual(['anna']);
    expect(ids(searchContacts(idx, 'benedikt'))).toEqual([]);
  });
});
