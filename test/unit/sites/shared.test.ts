import { describe, expect, it } from 'vitest';
import {
  badgeAnchorFor,
  elementWithOwnText,
  findNameElement,
  isPlausibleName,
  jsonObjectAround,
  jsonObjectsWithField,
  nameFromTitle,
  titleParts,
} from '../../../sites/shared';
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

describe('findNameElement: the element showing the name, whatever the markup', () => {
  const body = (html: string) => parseHtml(`<!DOCTYPE html><html><head><title>Jana Beispiel | LinkedIn</title></head><body>${html}</body></html>`);
  const find = (html: string, name = 'Jana Beispiel') => findNameElement(body(html), name);

  it('takes the first element whose own text is the name, white space collapsed', () => {
    const found = find('<div><span>Head of Data</span><div class="x">\n   Jana\u00a0 Beispiel\n </div><p>Jana Beispiel</p></div>');
    expect(found?.getAttribute('class')).toBe('x');
  });

  it('prefers a heading (h1, h2, role=heading) that closely follows the first match', () => {
    expect(find('<p>Jana Beispiel</p><h2>Jana Beispiel</h2>')?.tagName).toBe('H2');
    expect(find('<span>Jana Beispiel</span><div role="heading" aria-level="1">Jana Beispiel</div>')?.getAttribute('role')).toBe('heading');
    // A heading far down the page (a post, a "people also viewed" card) does not outrank the match.
    const filler = '<p>filler</p>'.repeat(300);
    expect(find(`<p>Jana Beispiel</p>${filler}<h2>Jana Beispiel</h2>`)?.tagName).toBe('P');
  });

  it('takes the innermost element, or the heading wrapping only it, never a wrapper around more', () => {
    expect(find('<div><div><span>Jana Beispiel</span></div><p>Hamburg</p></div>')?.tagName).toBe('SPAN');
    expect(find('<h1><span><span>Jana Beispiel</span></span></h1>')?.tagName).toBe('H1');
    expect(find('<p>Jana Beispiel <b>✓</b></p>')?.tagName).toBe('P');
  });

  it('finds a name split into several text nodes or inline elements', () => {
    expect(find('<h2>Jana<!-- --> <!-- -->Beispiel</h2>')?.tagName).toBe('H2');
    expect(find('<div><h1><span>Jana</span> <span>Beispiel</span></h1></div>')?.tagName).toBe('H1');
    // The first name alone, in a text that goes on differently, is not the name.
    expect(find('<p><span>Jana</span> Beispielfrau</p><p>Jana</p>')).toBeNull();
  });

  it('skips the head, data, scripts, templates and hidden elements', () => {
    const hidden = [
      '<code style="display: none">Jana Beispiel</code>',
      '<script type="application/json">Jana Beispiel</script>',
      '<template><h1>Jana Beispiel</h1></template>',
      '<noscript>Jana Beispiel</noscript>',
      '<div hidden><h1>Jana Beispiel</h1></div>',
      '<div style="display:none"><h1>Jana Beispiel</h1></div>',
      '<h2 class="visually-hidden">Jana Beispiel</h2>',
    ];
    for (const html of hidden) expect(find(html), html).toBeNull();
    expect(find(`${hidden.join('')}<p>Jana Beispiel</p>`)?.tagName).toBe('P');
  });

  it('takes aria-hidden elements only when nothing else shows the name', () => {
    expect(find('<div aria-hidden="true"><h1>Jana Beispiel</h1></div><p>Jana Beispiel</p>')?.tagName).toBe('P');
    // A modal dialog hides the whole page behind it from screen readers (the 2024 guest page).
    expect(find('<main aria-hidden="true"><p>Jana Beispiel</p><h1>Jana Beispiel</h1></main>')?.tagName).toBe('H1');
  });

  it('searches <main> when the page has one: the sticky header and the nav are outside', () => {
    const doc = body('<header><p>Jana Beispiel</p></header><main><section><p>Head of Data</p></section></main>');
    expect(findNameElement(doc, 'Jana Beispiel')).toBeNull();
    const withName = body('<header><p>Jana Beispiel</p></header><main><div><p>Jana Beispiel</p></div></main>');
    expect(withName.querySelector('main')?.contains(findNameElement(withName, 'Jana Beispiel'))).toBe(true);
  });

  it('never matches the title or a longer text, and needs a plausible name', () => {
    expect(find('<p>Jana Beispiel, MBA</p><p>Über Jana Beispiel</p>')).toBeNull();
    expect(find('<h1>Profil bearbeiten</h1>', 'Profil bearbeiten')).toBeNull();
    expect(find('<h1>Jana Beispiel</h1>', '')).toBeNull();
    expect(findNameElement(body('<h1>Jana Beispiel</h1>'), undefined)).toBeNull();
  });
});

describe('JSON objects in data blobs, found by a key and parsed alone', () => {
  const blob = JSON.stringify({
    data: { note: 'a string with { and } and \\" inside', list: [1, { a: '}' }] },
    included: [
      { publicIdentifier: 'lukas', firstName: 'Lukas', nested: { publicIdentifier: 'max', firstName: 'Max' } },
      { lastName: 'Beispiel', picture: { sizes: [100, 200] }, publicIdentifier: 'jana', firstName: 'Jana' },
    ],
  });

  it('yields the innermost object around each matching key, skipping braces in strings', () => {
    const found = [...jsonObjectsWithField(blob, 'publicIdentifier', (value) => value === 'jana')];
    expect(found).toEqual([{ lastName: 'Beispiel', picture: { sizes: [100, 200] }, publicIdentifier: 'jana', firstName: 'Jana' }]);
    const nested = [...jsonObjectsWithField(blob, 'publicIdentifier', (value) => value === 'max')];
    expect(nested).toEqual([{ publicIdentifier: 'max', firstName: 'Max' }]);
    expect([...jsonObjectsWithField(blob, 'publicIdentifier', () => true)].map((object) => object.firstName)).toEqual([
      'Lukas',
      'Max',
      'Jana',
    ]);
  });

  it('skips keys whose value is no string, and unbalanced or broken objects', () => {
    expect([...jsonObjectsWithField('{"publicIdentifier":{"type":"string"}}', 'publicIdentifier', () => true)]).toEqual([]);
    expect([...jsonObjectsWithField('{"a":1,"publicIdentifier":"jana"', 'publicIdentifier', () => true)]).toEqual([]);
    expect([...jsonObjectsWithField('["publicIdentifier","jana"]', 'publicIdentifier', () => true)]).toEqual([]);
  });

  it('reads strings with raw line breaks (re-wrapped saved pages)', () => {
    const text = '{"x":{"headline":"Head of\n   Data","publicIdentifier":"jana"}}';
    expect(jsonObjectAround(text, text.indexOf('"publicIdentifier"'))).toEqual({ headline: 'Head of    Data', publicIdentifier: 'jana' });
  });
});
