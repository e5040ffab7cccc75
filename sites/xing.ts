import { defineAdapter, withDetails } from './page/adapter';
import { textOf } from './page/dom';
import { nameFromPublicMetadata, nameFromTitle, titleParts } from './page/metadata';
import { isPlausibleName, plausibleHeadline } from './page/names';
import { isHostOf, xingSite } from './descriptors';
import type { ProfileRef } from './types';
import { decodeSegment } from './urls/shared';

/*
 * XING profile recognition.
 *
 * No real XING profile page could be saved (see ../shared/fixtures/xing/NOTES.md); the markup
 * hooks below come from scraper code of 2018-2026 and are tested on fictional pages modelled on
 * it (test/fixtures/xing/).
 *
 * Key: the pageName of `/profile/<pageName>` (legacy `/profiles/<pageName>`), decoded,
 * NFC-normalised and lower-cased: XING resolves pageNames case-insensitively, so lower case is
 * the safe identity. The URL keeps the spelling: `https://www.xing.com/profile/<pageName>`.
 *
 * memberId: the `XingId` id (`<digits>.<hex>`) from the Apollo state in `window.crate`, only
 * for the XingId whose pageName is the one in the URL (the state also describes the viewer).
 */

const ORIGIN = 'https://www.xing.com';

/** pageNames look like `Jana_Beispiel` or `Lukas_Mustermann2` (numbered duplicates). */
const PAGE_NAME = /^[\p{L}\p{M}\p{N}._-]{2,100}$/u;

interface ParsedUrl {
  ref: Pick<ProfileRef, 'site' | 'key' | 'url'>;
  pageName: string;
}

function parseUrl(url: URL): ParsedUrl | null {
  if (!isHostOf(xingSite, url.hostname) || !/^https?:$/.test(url.protocol)) return null;
  const [kind, rawPageName] = url.pathname.split('/').filter(Boolean);
  if ((kind !== 'profile' && kind !== 'profiles') || rawPageName === undefined) return null;
  const pageName = decodeSegment(rawPageName);
  if (pageName === null || !PAGE_NAME.test(pageName)) return null;
  return {
    ref: {
      site: 'xing',
      key: pageName.toLowerCase().normalize('NFC'),
      url: `${ORIGIN}/profile/${encodeURIComponent(pageName)}`,
    },
    pageName,
  };
}

/**
 * Where name and headline stand, newest markup first: inside the element with the id `within`
 * (looked up by id, so the search stays inside the module), or anywhere. The module ids outlived
 * every class-name scheme; `data-xds` names XING design-system components (Hero = the big name
 * line, read as its first line because it may hold more); `data-qa` hooks existed in 2019-2020.
 */
type Places = readonly { within?: string; selectors: readonly string[] }[];

const NAME_PLACES: Places = [
  { within: 'XingIdModule', selectors: ['h1', '[data-xds="Hero"]', 'h2'] },
  { within: 'profile-xingid-container', selectors: ['h1'] },
  { selectors: ['h2[data-qa="malt-profile-display-name"]', 'h1[class*="userName"]'] },
];

const HEADLINE_PLACES: Places = [
  { within: 'XingIdModule', selectors: ['[data-xds="Headline"]', 'p[data-xds="BodyCopy"]'] },
  { selectors: ['div[data-qa="profile-occupations"] p'] },
];

function* candidates(doc: Document, places: Places): Generator<Element> {
  for (const { within, selectors } of places) {
    const root = within === undefined ? doc : doc.getElementById(within);
    if (!root) continue;
    for (const selector of selectors) yield* root.querySelectorAll(selector);
  }
}

function findName(doc: Document): { element: Element; name: string } | null {
  for (let element of candidates(doc, NAME_PLACES)) {
    if (element.matches('[data-xds="Hero"]') && element.firstElementChild) element = element.firstElementChild;
    const name = textOf(element);
    if (isPlausibleName(name)) return { element, name };
  }
  return null;
}

function findHeadline(doc: Document, nameElement: Element | undefined): string | undefined {
  for (const element of candidates(doc, HEADLINE_PLACES)) {
    if (nameElement && (element.contains(nameElement) || nameElement.contains(element))) continue;
    const headline = plausibleHeadline(textOf(element));
    if (headline) return headline;
  }
  return undefined;
}

/** XING's 404 page: `<title>404 - Not Found | XING</title>`. */
function isNotFoundPage(doc: Document): boolean {
  const [first] = titleParts(doc.title, xingSite.label);
  return /^404\b|^(page )?not found$|^seite nicht gefunden$/i.test(first ?? '');
}

/** Bound for the Apollo state text searched for the XingId (the state is a few hundred KB). */
const MAX_STATE_LENGTH = 5_000_000;
const XING_ID = String.raw`(\d+\.[0-9a-f]+)`;
/** `"xingIdWithError({\"id\":\"<pageName>\"})":{"__ref":"XingId:<id>"}`, quoting as in JSON or JS. */
const ROOT_QUERY_REF = new RegExp(
  String.raw`xingIdWithError\(\{\\?["']id\\?["']\s*:\s*\\?["']([^"'\\]+)\\?["']\s*\}\)["']?\s*:\s*\{\s*["']?__ref["']?\s*:\s*["']XingId:` +
    XING_ID,
  'g',
);
/** `"XingId:<id>":{"__typename":"XingId","id":"<id>","pageName":"<pageName>",...}`. */
const XING_ID_OBJECT = new RegExp(String.raw`["']XingId:` + XING_ID + String.raw`["']\s*:\s*\{`, 'g');
const PAGE_NAME_FIELD = /["']?pageName["']?\s*:\s*["']([^"'\\]+)["']/;

function apolloState(doc: Document): string | undefined {
  const config = doc.getElementById('runtime-config');
  const scripts = config ? [config] : doc.querySelectorAll('script:not([src])');
  for (const script of scripts) {
    const text = script.textContent ?? '';
    if (text.length <= MAX_STATE_LENGTH && text.includes('XingId:')) return text;
  }
  return undefined;
}

function memberIdFor(doc: Document, key: string): string | undefined {
  const state = apolloState(doc);
  if (!state) return undefined;
  for (const [, pageName, id] of state.matchAll(ROOT_QUERY_REF)) {
    if (pageName?.toLowerCase().normalize('NFC') === key) return id;
  }
  for (const match of state.matchAll(XING_ID_OBJECT)) {
    const start = match.index + match[0].length;
    // The object's own fields: up to the next XingId key, at most 2,000 characters on.
    let body = state.slice(start, start + 2000);
    const next = body.search(/["']XingId:/);
    if (next >= 0) body = body.slice(0, next);
    const pageName = PAGE_NAME_FIELD.exec(body)?.[1];
    if (pageName?.toLowerCase().normalize('NFC') === key) return match[1];
  }
  return undefined;
}

function readProfile(url: URL, doc: Document): ProfileRef | null {
  const parsed = parseUrl(url);
  if (!parsed || isNotFoundPage(doc)) return null;
  const { key } = parsed.ref;
  const found = findName(doc);
  const name =
    found?.name ??
    nameFromTitle(doc.title, xingSite.label, parsed.pageName, true) ??
    nameFromPublicMetadata(doc, xingSite.label, (other) => parseUrl(other)?.ref.key === key);
  const headline = findHeadline(doc, found?.element);
  const memberId = memberIdFor(doc, key);
  return withDetails(parsed.ref, { name, headline, memberId });
}

export const xingAdapter = defineAdapter({
  descriptor: xingSite,
  parseUrl,
  readProfile,
  isNotFoundPage,
  shownName: (doc) => findName(doc)?.name,
  examples: {
    profiles: {
      jana_beispiel: [
        'https://www.xing.com/profile/Jana_Beispiel',
        'https://www.xing.com/profile/Jana_Beispiel/',
        'https://xing.com/profile/Jana_Beispiel',
        'http://www.xing.com/profile/Jana_Beispiel',
        'https://www.xing.com/profile/jana_beispiel',
        'https://www.xing.com/profile/Jana_Beispiel/cv',
        'https://www.xing.com/profile/Jana_Beispiel/web_profiles',
        'https://www.xing.com/profiles/Jana_Beispiel',
        'https://www.xing.com/profile/Jana_Beispiel?sc_o=da980_e&sc_p=da980_mymk_reco',
        'http://www.xing.com/profile/Jana_Beispiel#cv',
      ],
      lukas_mustermann2: [
        'https://www.xing.com/profile/Lukas_Mustermann2',
      ],
      jürgen_müller: [
        'https://www.xing.com/profile/J%C3%BCrgen_M%C3%BCller',
      ],
    },
    notProfiles: [
      'https://www.xing.com/',
      'https://www.xing.com/profile/',
      'https://www.xing.com/profile',
      'https://www.xing.com/pages/acme',
      'https://www.xing.com/jobs/berlin-projektmanagerin-123456',
      'https://www.xing.com/news/articles/beispiel-artikel-123',
      'https://www.xing.com/search/members?keywords=Jana%20Beispiel',
      'https://www.xing.com/companies/beispielag',
      'https://www.xing.com/profile/%E0%A4%A',
    ],
  },
});
