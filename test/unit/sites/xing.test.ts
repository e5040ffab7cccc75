import { describe, expect, it } from 'vitest';
import { xingAdapter } from '../../../sites/xing';
import { fixture, parseHtml, text } from './pages';

const { profileFromUrl, readProfile, findBadgeAnchor } = xingAdapter;
const fromUrl = (url: string) => profileFromUrl(new URL(url));
const read = (url: string, doc: Document) => readProfile(new URL(url), doc);

const JANA = 'https://www.xing.com/profile/Jana_Beispiel';
const JANA_XING_ID = '27182818.8f3a2b';
const VIEWER_XING_ID = '31415926.5b1c0d';

describe('XING URL normalisation', () => {
  // One canonical address for Jana's spellings, and the key lower-cased: addresses.test.ts.
  it('keeps numbered duplicates apart', () => {
    expect(fromUrl('https://www.xing.com/profile/Lukas_Mustermann2')?.key).toBe('lukas_mustermann2');
    expect(fromUrl('https://www.xing.com/profile/Lukas_Mustermann')?.key).toBe('lukas_mustermann');
  });

  it('decodes non-ASCII pageNames', () => {
    expect(fromUrl('https://www.xing.com/profile/J%C3%BCrgen_M%C3%BCller')).toEqual({
      site: 'xing',
      key: 'jürgen_müller',
      url: 'https://www.xing.com/profile/J%C3%BCrgen_M%C3%BCller',
    });
  });

  // The site's own addresses that are no profile are in the adapter's examples (contract test).
  it.each(['https://www.xing.com.example.org/profile/Jana_Beispiel', 'https://www.linkedin.com/profile/Jana_Beispiel'])(
    '%s, on another host, is not a XING profile',
    (url) => {
      expect(fromUrl(url)).toBeNull();
    },
  );
});

describe('XING pages (fictional fixtures)', () => {
  it("current markup: name from #XingIdModule, the profile's XingId and not the viewer's", () => {
    const doc = fixture('xing', 'current-profile.html');
    expect(read(JANA, doc)).toEqual({
      site: 'xing',
      key: 'jana_beispiel',
      url: JANA,
      name: 'Jana Beispiel',
      headline: 'Projektleiterin Digitalisierung',
      memberId: JANA_XING_ID,
    });
    const anchor = findBadgeAnchor(doc);
    expect(anchor?.tagName).toBe('H1');
    expect(text(anchor)).toBe('Jana Beispiel');
  });

  it('finds the XingId by its pageName when the ROOT_QUERY pointer is missing', () => {
    const doc = fixture('xing', 'current-profile.html');
    const script = doc.querySelector('script#runtime-config');
    if (script) script.textContent = (script.textContent ?? '').replace(/"xingIdWithError[^}]*\}/, '"x":{}');
    expect(script?.textContent).not.toContain('xingIdWithError');
    // The viewer's XingId comes first in the state; only the profile's pageName matches.
    expect(script?.textContent?.indexOf(VIEWER_XING_ID)).toBeLessThan(script?.textContent?.indexOf(JANA_XING_ID) ?? 0);
    expect(read(JANA, doc)?.memberId).toBe(JANA_XING_ID);
  });

  it('sets no member id when the state has no XingId for this pageName', () => {
    const doc = fixture('xing', 'current-profile.html');
    expect(read('https://www.xing.com/profile/Erika_Beispielfrau', doc)?.memberId).toBeUndefined();
  });

  it('2020 markup: #profile-xingid-container h1 and data-qa occupations', () => {
    const doc = fixture('xing', 'legacy-profile.html');
    expect(read('https://www.xing.com/profiles/Lukas_Mustermann2', doc)).toEqual({
      site: 'xing',
      key: 'lukas_mustermann2',
      url: 'https://www.xing.com/profile/Lukas_Mustermann2',
      name: 'Lukas Mustermann',
      headline: 'Softwareentwickler',
    });
    expect(text(findBadgeAnchor(doc))).toBe('Lukas Mustermann');
  });

  it('2019 markup: h2[data-qa=malt-profile-display-name], with a title that names nobody', () => {
    const doc = fixture('xing', 'malt-2019-profile.html');
    expect(read('https://www.xing.com/profile/Juergen_Mueller', doc)).toMatchObject({
      key: 'juergen_mueller',
      name: 'Jürgen Müller',
      headline: 'Vertriebsleiter DACH',
    });
    expect(findBadgeAnchor(doc)?.tagName).toBe('H2');
  });

  it('self view: "Profil bearbeiten" is never the name; the name is the first line of the Hero', () => {
    const doc = fixture('xing', 'self-view.html');
    expect(read(JANA, doc)).toEqual({
      site: 'xing',
      key: 'jana_beispiel',
      url: JANA,
      name: 'Jana Beispiel',
      headline: 'Projektleiterin Digitalisierung',
      memberId: JANA_XING_ID,
    });
    expect(text(findBadgeAnchor(doc))).toBe('Jana Beispiel');
  });

  it('the 404 page is no profile', () => {
    const doc = fixture('xing', 'not-found.html');
    expect(read('https://www.xing.com/profile/Niemand_Hier', doc)).toBeNull();
    expect(findBadgeAnchor(doc)).toBeNull();
  });
});

describe('XING names from the title and public metadata', () => {
  const page = (head: string, body = '') => parseHtml(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`);

  it.each([
    ['Jana Beispiel | XING', 'Jana Beispiel'],
    ['(2) Jana Beispiel | XING', 'Jana Beispiel'],
    ['Jana Beispiel - Projektleiterin - Beispiel AG | XING', 'Jana Beispiel'],
    ['Lebenslauf | Jana Beispiel | XING', 'Jana Beispiel'],
  ])('title %j names %j', (title, name) => {
    expect(read(JANA, page(`<title>${title}</title>`))?.name).toBe(name);
  });

  it.each(['XING', 'Profil bearbeiten | XING', 'Lebenslauf | Lukas Mustermann | XING', ''])('title %j yields no name', (title) => {
    const profile = read(JANA, page(`<title>${title}</title>`));
    expect(profile?.key).toBe('jana_beispiel');
    expect(profile?.name).toBeUndefined();
  });

  it('refuses a blocked heading in the XingId module and falls back to the title', () => {
    const doc = page('<title>Jana Beispiel | XING</title>', '<div id="XingIdModule"><h2>Profil bearbeiten</h2></div>');
    expect(read(JANA, doc)?.name).toBe('Jana Beispiel');
    expect(findBadgeAnchor(doc)).toBeNull();
  });

  it('markup without the XingId module: the anchor is the element showing the name from the title', () => {
    const doc = page('<title>Jana Beispiel | XING</title>', '<main><div><div><p>Jana Beispiel</p></div><p>Projektleiterin</p></div></main>');
    expect(read(JANA, doc)?.name).toBe('Jana Beispiel');
    expect(findBadgeAnchor(doc)?.tagName).toBe('P');
    expect(findBadgeAnchor(doc, 'Jana Beispiel')?.tagName).toBe('P');
    expect(findBadgeAnchor(page('<title>XING</title>', '<main><h1>Jana Beispiel</h1></main>'))).toBeNull();
  });

  it('og:title counts only when og:url is this profile', () => {
    const og = (url: string) =>
      `<meta property="og:title" content="Jana Beispiel - Projektleiterin | XING"><meta property="og:url" content="${url}">`;
    expect(read(JANA, page(og('https://www.xing.com/profile/Jana_Beispiel')))?.name).toBe('Jana Beispiel');
    expect(read(JANA, page(og('https://www.xing.com/profile/Lukas_Mustermann2')))?.name).toBeUndefined();
  });
});
