import { describe, expect, it } from 'vitest';
import { nameFromTitle, titleParts } from '../../../../sites/page/metadata';

describe('titleParts', () => {
  it.each([
    ['(3) Jana Beispiel | LinkedIn', 'LinkedIn', ['Jana Beispiel']],
    ['(99+) Jana Beispiel | LinkedIn', 'LinkedIn', ['Jana Beispiel']],
    ['Experience | Jana Beispiel | LinkedIn', 'LinkedIn', ['Experience', 'Jana Beispiel']],
    ['Jana Beispiel - Head of Data - Beispiel AG | LinkedIn', 'LinkedIn', ['Jana Beispiel - Head of Data - Beispiel AG']],
    ['Jana Beispiel | XING', 'XING', ['Jana Beispiel']],
    ['LinkedIn', 'LinkedIn', []],
    ['(2) LinkedIn', 'LinkedIn', []],
    ['', 'XING', []],
  ])('%j -> %j', (title, site, parts) => {
    expect(titleParts(title, site)).toEqual(parts);
  });
});

describe('nameFromTitle', () => {
  it('takes a one-part title on the profile itself, splitting the public " - Position - Company" form', () => {
    expect(nameFromTitle('Jana Beispiel - Head of Data - Beispiel AG | LinkedIn', 'LinkedIn', 'x', true)).toBe('Jana Beispiel');
  });

  it('otherwise takes only a part that matches the URL identifier', () => {
    expect(nameFromTitle('Jana Beispiel | LinkedIn', 'LinkedIn', 'lukas-mustermann', false)).toBeUndefined();
    expect(nameFromTitle('Jana Beispiel | LinkedIn', 'LinkedIn', 'jana-beispiel-4a1b2c3', false)).toBe('Jana Beispiel');
    expect(nameFromTitle('Berufserfahrung | Jürgen Müller | LinkedIn', 'LinkedIn', 'juergen-mueller', false)).toBe('Jürgen Müller');
    expect(nameFromTitle('Berufserfahrung | Jürgen Müller | LinkedIn', 'LinkedIn', 'jürgen-müller-b4792a57', false)).toBe(
      'Jürgen Müller',
    );
    expect(nameFromTitle('Jarle Sørensen | LinkedIn', 'LinkedIn', 'jarle-sorensen', false)).toBe('Jarle Sørensen');
    // Every longer word of the name must be in the identifier, not just one.
    expect(nameFromTitle('Jana Mustermann | LinkedIn', 'LinkedIn', 'jana-beispiel', false)).toBeUndefined();
    expect(nameFromTitle('Experience | Jana Beispiel | LinkedIn', 'LinkedIn', undefined, true)).toBeUndefined();
  });
});
