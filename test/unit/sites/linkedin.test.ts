import { describe, expect, it } from 'vitest';
import { linkedinAdapter } from '../../../sites/linkedin';
import { fixture, parseHtml, text } from './pages';

const { profileFromUrl, readProfile, findBadgeAnchor } = linkedinAdapter;
const fromUrl = (url: string) => profileFromUrl(new URL(url));
const read = (url: string, doc: Document) => readProfile(new URL(url), doc);

const JANA = 'https://www.linkedin.com/in/jana-beispiel-4a1b2c3/';
/** Fictional ids (see test/fixtures/README.md): bytes 4-7 encode the data-member-id. */
const JANA_ID = 'ACoAABAzxNa-SA0yEOVueFlHlA_t0AetTrBJuEk'; // 271828182
const JANA_SDUI_ID = 'ACoAAA1T-A2NbV2Hce8Cen8kuItFU3rYgsvNKA4';
const VIEWER_ID = 'ACoAABK5sKFh2POrAY6RejCwYAOmCpgur0x3epo'; // Lukas Mustermann, 314159265
const MUTUAL_ID = 'ACoAAApS5ljZKYoQ0bBzWDfcS9hdrGQbDzzvJ6Q';

describe('LinkedIn URL normalisation', () => {
  // One canonical address for Jana's spellings, and the key lower-cased: addresses.test.ts.
  it('treats percent-encoded, raw and decomposed non-ASCII slugs as one person', () => {
    const expected = {
      site: 'linkedin',
      key: 'jürgen-müller-b4792a57',
      url: 'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-b4792a57/',
    };
    expect(fromUrl('https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-b4792a57')).toEqual(expected);
    expect(fromUrl('https://www.linkedin.com/in/jürgen-müller-b4792a57/')).toEqual(expected);
    // Lower-case hex escapes and NFD (u + combining diaeresis) spell the same slug.
    expect(fromUrl('https://de.linkedin.com/in/j%c3%bcrgen-m%c3%bcller-b4792a57')).toEqual(expected);
    expect(fromUrl('https://www.linkedin.com/in/ju%CC%88rgen-mu%CC%88ller-b4792a57')).toEqual(expected);
    expect(fromUrl('https://www.linkedin.com/in/J%C3%BCrgen-M%C3%BCller-b4792a57')?.key).toBe(expected.key);
  });

  it('keys member-id URLs by the id, case kept (it is base64)', () => {
    expect(fromUrl(`https://www.linkedin.com/in/${JANA_ID}/overlay/contact-info/`)).toEqual({
      site: 'linkedin',
      key: JANA_ID,
      url: `https://www.linkedin.com/in/${JANA_ID}/`,
    });
    // Lower-cased, it is no member id any more, just an odd slug.
    expect(fromUrl(`https://www.linkedin.com/in/${JANA_ID.toLowerCase()}`)?.key).toBe(JANA_ID.toLowerCase());
  });

  it('keys legacy /pub/ URLs as pub:<name>/<a>/<b>/<c>, lower-cased', () => {
    expect(fromUrl('http://de.linkedin.com/pub/Jana-Beispiel/12/3A4/5b6/de')).toEqual({
      site: 'linkedin',
      key: 'pub:jana-beispiel/12/3a4/5b6',
      url: 'https://www.linkedin.com/pub/Jana-Beispiel/12/3A4/5b6',
    });
    expect(fromUrl('https://www.linkedin.com/pub/jana-beispiel/12/3a4')).toBeNull();
  });

  it.each([
    ['https://www.linkedin.com/in/me/', 'redirects to the viewer, names nobody'],
    ['https://www.linkedin.com/in/', 'no slug'],
    ['https://www.linkedin.com/in/%E0%A4%A/', 'malformed percent-encoding'],
    ['https://www.linkedin.com/in/a%2Fb/', 'an encoded slash is no slug'],
    ['https://www.linkedin.com/public-profile/in/jana-beispiel-4a1b2c3/', 'the guest page wrapper'],
    ['https://www.linkedin.com/pub/dir/Jana/Beispiel', 'the people directory'],
    ['https://linkedin.com.example.org/in/jana-beispiel-4a1b2c3', 'a look-alike host'],
    ['https://notlinkedin.com/in/jana-beispiel-4a1b2c3', 'another domain'],
    ['ftp://www.linkedin.com/in/jana-beispiel-4a1b2c3', 'not http(s)'],
  ])('%s is not a profile (%s)', (url) => {
    expect(fromUrl(url)).toBeNull();
  });

  it('is responsible for linkedin.com and its subdomains only', () => {
    expect(linkedinAdapter.matchesHost('www.linkedin.com')).toBe(true);
    expect(linkedinAdapter.matchesHost('de.linkedin.com')).toBe(true);
    expect(linkedinAdapter.matchesHost('linkedin.com')).toBe(true);
    expect(linkedinAdapter.matchesHost('WWW.LinkedIn.com')).toBe(true);
    expect(linkedinAdapter.matchesHost('linkedin.com.example.org')).toBe(false);
    expect(linkedinAdapter.matchesHost('www.xing.com')).toBe(false);
  });
});

describe('LinkedIn pages (fictional fixtures)', () => {
  it('2026 SDUI: name from the top card, not the "(3) " title prefix; id from the top card, not the viewer', () => {
    const doc = fixture('linkedin', '2026-sdui-notification-title.html');
    expect(read(JANA, doc)).toEqual({
      site: 'linkedin',
      key: 'jana-beispiel-4a1b2c3',
      url: JANA,
      name: 'Jana Beispiel',
      headline: 'Head of Data Platform at Beispiel AG | Data Engineering | Mentoring',
      memberId: JANA_SDUI_ID,
    });
  });

  it('2026 SDUI: the badge anchor is the top card link around the name, not the sticky header', () => {
    const doc = fixture('linkedin', '2026-sdui-notification-title.html');
    const anchor = findBadgeAnchor(doc);
    const topCard = doc.querySelector('section[componentkey$="Topcard"]');
    expect(anchor?.tagName).toBe('A');
    expect(text(anchor)).toBe('Jana Beispiel');
    expect(topCard?.contains(anchor)).toBe(true);
  });

  it.each([`${JANA}overlay/contact-info/`, `${JANA}de/`])('%s still shows the top card and reads it', (url) => {
    const doc = fixture('linkedin', '2026-sdui-notification-title.html');
    expect(read(url, doc)).toMatchObject({ key: 'jana-beispiel-4a1b2c3', name: 'Jana Beispiel', memberId: JANA_SDUI_ID });
  });

  it('a sub-page takes neither headline nor id from a top card; its title names the person of the slug', () => {
    const doc = fixture('linkedin', '2026-sdui-notification-title.html');
    expect(read(`${JANA}recent-activity/all/`, doc)).toEqual({
      site: 'linkedin',
      key: 'jana-beispiel-4a1b2c3',
      url: JANA,
      name: 'Jana Beispiel',
    });
  });

  it('2026 SDUI without a heading: name from the title, anchor found by its text inside the top card', () => {
    const doc = fixture('linkedin', '2026-sdui-name-without-heading.html');
    expect(read(JANA, doc)).toMatchObject({ name: 'Jana Beispiel', headline: 'Head of Data Platform at Beispiel AG' });
    const anchor = findBadgeAnchor(doc);
    expect(text(anchor)).toBe('Jana Beispiel');
    expect(doc.querySelector('main')?.contains(anchor)).toBe(true);
  });

  it('self view: "Profil bearbeiten" is never the name or the anchor; the own id is tied to the top card', () => {
    const doc = fixture('linkedin', '2026-sdui-self-view-de.html');
    const url = 'https://www.linkedin.com/in/lukas-mustermann-self/';
    expect(read(url, doc)).toEqual({
      site: 'linkedin',
      key: 'lukas-mustermann-self',
      url,
      name: 'Lukas Mustermann',
      headline: 'Softwareentwickler bei Muster GmbH',
      memberId: 'ACoAAAht6yxUtfuxYk0tcQx9PVDwqYowBOSZdMY',
    });
    expect(text(findBadgeAnchor(doc))).toBe('Lukas Mustermann');
  });

  it('the edit sub-page titled "Profil bearbeiten" yields the person without a name', () => {
    const doc = fixture('linkedin', '2026-sdui-self-view-de.html');
    doc.title = 'Profil bearbeiten | LinkedIn';
    const profile = read('https://www.linkedin.com/in/lukas-mustermann-self/edit/intro/', doc);
    expect(profile).toEqual({
      site: 'linkedin',
      key: 'lukas-mustermann-self',
      url: 'https://www.linkedin.com/in/lukas-mustermann-self/',
    });
  });

  it('a non-ASCII slug page is the same person under both URL spellings', () => {
    const doc = fixture('linkedin', '2025-non-ascii-slug.html');
    const expected = {
      site: 'linkedin',
      key: 'jürgen-müller-b4792a57',
      url: 'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-b4792a57/',
      name: 'Jürgen Müller',
      headline: 'Vertriebsleiter DACH bei Müller & Söhne KG',
      memberId: 'ACoAAAmk7IaqCmiEViH_1p8EtTMMQEmSpf7S5bE',
    };
    expect(read('https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-b4792a57/', doc)).toEqual(expected);
    expect(read('https://de.linkedin.com/in/jürgen-müller-b4792a57', doc)).toEqual(expected);
    // The h1 sits in a link to "about this profile": the badge goes beside the link, not into it.
    expect(findBadgeAnchor(doc)?.tagName).toBe('A');
    expect(text(findBadgeAnchor(doc))).toBe('Jürgen Müller');
  });

  it("takes the profile's id tied to the top card, never the viewer's own id or a mutual connection's", () => {
    const doc = fixture('linkedin', '2025-viewer-and-profile-ids.html');
    // The viewer's id really is all over the page, before the profile's.
    expect(doc.querySelector('code')?.textContent).toContain(VIEWER_ID);
    expect(doc.querySelector('main a[href*="ACoAA"]')?.getAttribute('href')).toContain(MUTUAL_ID);
    expect(read(JANA, doc)).toEqual({
      site: 'linkedin',
      key: 'jana-beispiel-4a1b2c3',
      url: JANA,
      name: 'Jana Beispiel',
      headline: 'Head of Data Platform at Beispiel AG',
      memberId: JANA_ID,
    });
  });

  it('sets no member id when the top card does not name one', () => {
    const doc = fixture('linkedin', '2025-viewer-and-profile-ids.html');
    doc.querySelector('section[data-member-id]')?.removeAttribute('data-member-id');
    const profile = read(JANA, doc);
    expect(profile?.name).toBe('Jana Beispiel');
    expect(profile?.memberId).toBeUndefined();
  });

  it('sets no member id when no link on the page carries the top card member number', () => {
    const doc = fixture('linkedin', '2025-viewer-and-profile-ids.html');
    for (const link of doc.querySelectorAll(`a[href*="${JANA_ID}"]`)) link.remove();
    expect(read(JANA, doc)?.memberId).toBeUndefined();
  });

  it('a member-id URL is its own member id', () => {
    const doc = fixture('linkedin', '2025-viewer-and-profile-ids.html');
    expect(read(`https://www.linkedin.com/in/${JANA_ID}/`, doc)).toMatchObject({
      key: JANA_ID,
      memberId: JANA_ID,
      name: 'Jana Beispiel',
    });
  });
});

describe("LinkedIn names in the page's data (profile objects in <code> and JSON scripts)", () => {
  it('reads firstName and lastName of the object whose publicIdentifier is the slug', () => {
    const doc = fixture('linkedin', '2025-name-only-in-data.html');
    expect(doc.title).toBe('LinkedIn');
    expect(read(JANA, doc)).toEqual({ site: 'linkedin', key: 'jana-beispiel-4a1b2c3', url: JANA, name: 'Jana Beispiel' });
    // The page does not show the name yet: no anchor, the badge floats.
    expect(findBadgeAnchor(doc, 'Jana Beispiel')).toBeNull();
  });

  it("never takes the viewer's own object, a sidebar person's or one nested in the profile's", () => {
    const doc = fixture('linkedin', '2025-viewer-object-first.html');
    const data = doc.querySelector('script#profile-state')?.textContent ?? '';
    expect(data.indexOf('"Lukas"')).toBeLessThan(data.indexOf('"Jana"'));
    expect(read(JANA, doc)?.name).toBe('Jana Beispiel');
    expect(read('https://www.linkedin.com/in/someone-not-on-this-page/', doc)?.name).toBeUndefined();
    // The viewer's name is on the page (nav) but is nobody's badge anchor here.
    expect(findBadgeAnchor(doc, read(JANA, doc)?.name)).toBeNull();
  });

  it('member-id URLs: the object whose entityUrn is the profile URN of the id', () => {
    const doc = fixture('linkedin', '2025-viewer-object-first.html');
    expect(read(`https://www.linkedin.com/in/${JANA_ID}/`, doc)?.name).toBe('Jana Beispiel');
    expect(read(`https://www.linkedin.com/in/${MUTUAL_ID}/`, doc)?.name).toBe('Erika Beispielfrau');
    expect(read('https://www.linkedin.com/in/ACoAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/', doc)?.name).toBeUndefined();
  });

  it('compares the slug decoded and NFC-normalised, as JSON may escape it', () => {
    const object = { firstName: 'Jürgen', lastName: 'Müller', publicIdentifier: 'jürgen-müller-b4792a57' };
    const escaped = JSON.stringify({ included: [object] }).replace(/ü/g, '\\u00fc');
    expect(escaped).toContain('j\\u00fcrgen');
    const doc = parseHtml(`<title>LinkedIn</title><code style="display:none">${escaped}</code>`);
    expect(read('https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-b4792a57/', doc)?.name).toBe('Jürgen Müller');
  });

  it('comes after the top card and the title, and is not used on sub-pages', () => {
    const doc = fixture('linkedin', '2025-viewer-object-first.html');
    doc.title = 'Jana B. | LinkedIn';
    expect(read(JANA, doc)?.name).toBe('Jana B.');
    doc.title = 'LinkedIn';
    expect(read(`${JANA}details/experience/`, doc)?.name).toBeUndefined();
  });

  it('refuses data names that are no plausible name, and broken JSON', () => {
    const page = (data: string) => parseHtml(`<title>LinkedIn</title><script type="application/json">${data}</script>`);
    expect(read(JANA, page('{"firstName":"LinkedIn","lastName":"","publicIdentifier":"jana-beispiel-4a1b2c3"}'))?.name).toBeUndefined();
    expect(read(JANA, page('{"firstName":"Jana","lastName":"Beispiel","publicIdentifier":"jana-beispiel-4a1b2c3"'))?.name).toBeUndefined();
    expect(read(JANA, page('{"firstName":"Jana","publicIdentifier":{"type":"string"}}'))?.name).toBeUndefined();
  });
});

describe('LinkedIn names: a wrong name is worse than none', () => {
  const page = (head: string, body = '') => parseHtml(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`);
  const emberTopCard = (h1: string) =>
    `<main><section class="artdeco-card" data-member-id="271828182"><h1>${h1}</h1><div class="text-body-medium">Head of Data</div></section></main>`;

  it.each([
    ['(3) Jana Beispiel | LinkedIn', 'Jana Beispiel'],
    ['(99+) Jana Beispiel | LinkedIn', 'Jana Beispiel'],
    ['Jana Beispiel | LinkedIn', 'Jana Beispiel'],
    ['Jana Beispiel - Head of Data - Beispiel AG | LinkedIn', 'Jana Beispiel'],
    ['Jana Beispiel – Beispiel AG | LinkedIn', 'Jana Beispiel'],
    ['Anna-Lena Gerner-Mathisen | LinkedIn', 'Anna-Lena Gerner-Mathisen'],
    ['Experience | Jana Beispiel | LinkedIn', 'Jana Beispiel'],
  ])('title %j names %j on the profile page', (title, name) => {
    expect(read(JANA, page(`<title>${title}</title>`))?.name).toBe(name);
  });

  it.each([
    'LinkedIn',
    '(3) LinkedIn',
    'Feed | LinkedIn',
    'Edit profile | LinkedIn',
    'Profil bearbeiten | LinkedIn',
    'Experience | LinkedIn',
    'Berufserfahrung | LinkedIn',
    'Details',
    ' | LinkedIn',
    `${'Jana Beispiel '.repeat(10)}| LinkedIn`,
    // Several parts: one must name the person of the URL.
    'Lukas Mustermann | Experience | LinkedIn',
  ])('title %j yields no name', (title) => {
    const profile = read(JANA, page(`<title>${title}</title>`));
    expect(profile?.key).toBe('jana-beispiel-4a1b2c3');
    expect(profile?.name).toBeUndefined();
  });

  it('a section title in the top card heading falls back to the title', () => {
    const doc = page('<title>Jana Beispiel | LinkedIn</title>', emberTopCard('Edit profile'));
    expect(read(JANA, doc)?.name).toBe('Jana Beispiel');
    expect(findBadgeAnchor(doc)).toBeNull();
  });

  it('markup of no known generation: the anchor is the element showing the recognised name', () => {
    const doc = page(
      '<title>(2) Jana Beispiel | LinkedIn</title>',
      '<header><p>Jana Beispiel</p></header><main><div><div><a href="/in/jana-beispiel-4a1b2c3/"><span>Jana Beispiel</span></a>' +
        '<p>Head of Data</p></div></div><aside><p>Jana Beispiel</p></aside></main>',
    );
    expect(read(JANA, doc)?.name).toBe('Jana Beispiel');
    // Passed in by the caller, or read from the page when not.
    expect(findBadgeAnchor(doc, 'Jana Beispiel')?.tagName).toBe('A');
    expect(findBadgeAnchor(doc)).toBe(findBadgeAnchor(doc, 'Jana Beispiel'));
    expect(findBadgeAnchor(doc, 'Lukas Mustermann')).toBeNull();
  });

  it('no reliable name, no anchor: the badge floats', () => {
    expect(findBadgeAnchor(page('<title>LinkedIn</title>', '<main><h1>Jana Beispiel</h1></main>'))).toBeNull();
    expect(findBadgeAnchor(page('<title>Profile Not Found | LinkedIn</title>', '<main><h1>Profile Not Found</h1></main>'))).toBeNull();
  });

  it('sub-pages ignore the DOM, even a stale top card of the previous profile', () => {
    const doc = page('<title>Details</title>', emberTopCard('Lukas Mustermann') + '<h1>Experience</h1>');
    expect(read(`${JANA}details/experience/`, doc)).toEqual({
      site: 'linkedin',
      key: 'jana-beispiel-4a1b2c3',
      url: JANA,
    });
  });

  it('sub-pages take a title only when it clearly names the person of the URL', () => {
    const subPage = `${JANA}details/experience/`;
    expect(read(subPage, page('<title>Experience | Jana Beispiel | LinkedIn</title>'))?.name).toBe('Jana Beispiel');
    expect(read(subPage, page('<title>(2) Erfahrung | Jana Beispiel | LinkedIn</title>'))?.name).toBe('Jana Beispiel');
    expect(read(subPage, page('<title>Lukas Mustermann | LinkedIn</title>'))?.name).toBeUndefined();
    expect(read(subPage, page('<title>Experience | LinkedIn</title>'))?.name).toBeUndefined();
    // German transliteration in the slug still matches the name.
    const juergen = 'https://www.linkedin.com/in/juergen-mueller-1a2b3c/recent-activity/all/';
    expect(read(juergen, page('<title>Aktivitäten | Jürgen Müller | LinkedIn</title>'))?.name).toBe('Jürgen Müller');
  });

  it('public pages: og:title and JSON-LD Person when they describe the profile at this URL', () => {
    const og = (url: string) =>
      `<meta property="og:title" content="Jana Beispiel - Head of Data - Beispiel AG | LinkedIn"><meta property="og:url" content="${url}">`;
    expect(read(JANA, page(og('https://de.linkedin.com/in/jana-beispiel-4a1b2c3')))?.name).toBe('Jana Beispiel');
    expect(read(JANA, page(og('https://de.linkedin.com/in/someone-else')))?.name).toBeUndefined();

    const ld = (url: string) =>
      `<script type="application/ld+json">${JSON.stringify({
        '@context': 'http://schema.org',
        '@graph': [{ '@type': 'WebPage', name: 'LinkedIn' }, { '@type': 'Person', name: 'Jana Beispiel', url }],
      })}</script>`;
    expect(read(JANA, page(ld('https://se.linkedin.com/in/jana-beispiel-4a1b2c3')))?.name).toBe('Jana Beispiel');
    expect(read(JANA, page(ld('https://se.linkedin.com/in/someone-else')))?.name).toBeUndefined();
    expect(read(JANA, page('<script type="application/ld+json">{not json</script>'))?.name).toBeUndefined();
  });

  it.each([
    ['<title>Profile Not Found | LinkedIn</title>', ''],
    ['<title>LinkedIn</title>', '<main><h1 class="page-not-found__headline">An exact match for jana could not be found.</h1></main>'],
  ])('the not-found page is no profile: %j', (head, body) => {
    expect(read(JANA, page(head, body))).toBeNull();
  });

  it('is null for URLs that are not profiles, whatever the page shows', () => {
    const doc = fixture('linkedin', '2025-viewer-and-profile-ids.html');
    expect(read('https://www.linkedin.com/feed/', doc)).toBeNull();
  });
});
