import { describe, expect, it } from 'vitest';
import { badgeAnchorFor, elementWithOwnText, isPlausibleName, nameFromTitle, titleParts } from '@/sites/shared';
import { parseHtml } from './pages';

describe('isPlausibleName', () => {
  it.each(['Jana Beispiel', "Austin O'Boyle", 'Anna-Lena Gerner-Mathisen', 'Jürgen Müller', 'Dr. Jana Beispiel, MBA', '李娜', 'Łukasz Żółw', '🚀 Jana Beispiel', '„Jana“ Beispiel'])(
    'takes %j',
    (name) => {
      expect(isPlausibleName(name)).toBe(true);
    },
  );

  it.each([
    'Erfaring',
    'Experience',
    'Berufserfahrung',
    'Profil bearbeiten',
    'PROFIL  BEARBEITEN',
    'Edit profile',
    'LinkedIn',
    'XING',
    'Profile Not Found',
    'Details',
    '',
    '   ',
    'J',
    '12345',
    '· 3rd',
    '3rd',
    '- Jana',
    'Jana Beispiel | LinkedIn',
    'https://www.linkedin.com/in/jana',
    'jana@example.org',
    'Jana Beispiel '.repeat(7),
    'x'.repeat(81),
  ])('refuses %j', (candidate) => {
    expect(isPlausibleName(candidate)).toBe(false);
  });
});

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

describe('badge anchor helpers', () => {
  it('places the badge beside a link that wraps only the name, not inside it', () => {
    const doc = parseHtml('<div><a href="/in/jana/"><div><h2>Jana Beispiel</h2></div></a><p>She/Her</p></div>');
    const heading = doc.querySelector('h2');
    expect(heading && badgeAnchorFor(heading).tagName).toBe('A');
  });

  it('keeps the heading when the link around it holds more than the name', () => {
    const doc = parseHtml('<a href="/in/jana/"><h1>Jana Beispiel</h1><span>2nd</span></a>');
    const heading = doc.querySelector('h1');
    expect(heading && badgeAnchorFor(heading).tagName).toBe('H1');
  });

  it('finds the element by its own text, headings first', () => {
    const doc = parseHtml('<section><p>Jana Beispiel</p><div><span>Jana Beispiel</span></div><h2>Jana Beispiel</h2></section>');
    const section = doc.querySelector('section');
    expect(section && elementWithOwnText(section, 'Jana Beispiel')?.tagName).toBe('H2');
    const withoutHeading = parseHtml('<section><div><p>Jana Beispiel <b>✓</b></p></div></section>').querySelector('section');
    expect(withoutHeading && elementWithOwnText(withoutHeading, 'Jana Beispiel')?.tagName).toBe('P');
  });
});
