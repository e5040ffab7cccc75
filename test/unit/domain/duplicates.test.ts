import { describe, expect, it } from 'vitest';
import { normaliseCompany, normaliseName, similarNames, suggestDuplicates, nameWords } from '../../../domain/duplicates';

let clock = 0;
const person = (id: string, displayName: string, company = '', archived = false) => ({
  id,
  displayName,
  company,
  archived,
  createdAt: ++clock,
});

describe('name normalisation', () => {
  it('ignores case, accents, umlaut spelling, titles and word order', () => {
    const same = ['Dr. Jürgen Müller', 'Mueller, Juergen', 'jürgen MÜLLER', 'Prof. Dr.-Ing. Juergen Müller'];
    expect(new Set(same.map(normaliseName))).toEqual(new Set(['juergen mueller']));
    expect(normaliseName('Jurgen Muller')).not.toBe(normaliseName('Jürgen Müller'));
    expect(normaliseName('   ')).toBe('');
  });

  it('drops legal forms from company names', () => {
    expect(normaliseCompany('Stadtwerke Kassel GmbH')).toBe(normaliseCompany('stadtwerke kassel'));
    expect(normaliseCompany('Beispiel AG & Co. KG')).toBe('beispiel');
  });

  it('calls names similar when one holds the other or a typo apart', () => {
    expect(similarNames(nameWords('Anna Schmidt'), nameWords('Anna Maria Schmidt'))).toBe(true);
    expect(similarNames(nameWords('Jon Smith'), nameWords('John Smith'))).toBe(true);
    expect(similarNames(nameWords('Anna Weber'), nameWords('Anna Becker'))).toBe(false);
    expect(similarNames(nameWords('Anna'), nameWords('Anna Becker'))).toBe(false);
  });
});

describe('suggestDuplicates', () => {
  it('suggests the same name across sites and the same company with a similar name', () => {
    const contacts = [
      person('li-sofia', 'Sofia Probst', 'Beispiel AG'),
      person('xi-sofia', 'Sofia Probst'),
      person('anna', 'Anna Schmidt', 'Stadtwerke Kassel GmbH'),
      person('anna-maria', 'Anna Maria Schmidt', 'Stadtwerke Kassel'),
      person('weber', 'Anna Weber', 'Stadtwerke Kassel'),
      person('other-anna', 'Anna Maria Schmidt', 'Musterwerk'),
    ];
    expect(suggestDuplicates(contacts)).toEqual([
      { ids: ['li-sofia', 'xi-sofia'], reason: 'name' },
      { ids: ['anna-maria', 'other-anna'], reason: 'name' },
      { ids: ['anna', 'anna-maria'], reason: 'company' },
    ]);
  });

  it('pairs every member of a same-name group with its oldest contact, once', () => {
    const contacts = [person('a', 'Lena Koch', 'X'), person('b', 'Koch, Lena', 'X'), person('c', 'LENA KOCH', 'X')];
    expect(suggestDuplicates(contacts)).toEqual([
      { ids: ['a', 'b'], reason: 'name' },
      { ids: ['a', 'c'], reason: 'name' },
    ]);
  });

  it('leaves out archived and unnamed contacts, and different people', () => {
    const contacts = [
      person('a', 'Lena Koch'),
      person('b', 'Lena Koch', '', true),
      person('c', ''),
      person('d', ''),
      person('e', 'Lena Kochs-Weber'),
      person('f', 'Max Koch', 'X'),
      person('g', 'Lena Koch', 'Y'),
    ];
    expect(suggestDuplicates(contacts)).toEqual([{ ids: ['a', 'g'], reason: 'name' }]);
  });

  it('stays fast and quiet with 10,000 distinct people', () => {
    const first = ['Jürgen', 'Anna', 'Lukas', 'Sofia', 'Thomas', 'Özlem', 'Björn', 'Käthe', 'Max', 'Lena'];
    const many = Array.from({ length: 10_000 }, (_, i) =>
      person(`p${i}`, `${first[i % 10]} Person${i}`, ['SAP', 'Siemens', 'Bosch'][i % 3]),
    );
    const start = performance.now();
    expect(suggestDuplicates(many)).toEqual([]);
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});
