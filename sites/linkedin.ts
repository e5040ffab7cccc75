import { defineAdapter, withDetails } from './page/adapter';
import { elementWithOwnText, firstMatch, firstNameElement, textOf } from './page/dom';
import { jsonObjectsWithField } from './page/json-blobs';
import { nameFromPublicMetadata, nameFromTitle, titleParts } from './page/metadata';
import { isPlausibleName, plausibleHeadline } from './page/names';
import { cleanText } from './page/text';
import { linkedinSite } from './descriptors';
import type { ProfileRef } from './types';
import { parseLinkedinUrl, type ParsedLinkedinUrl } from './urls/linkedin';

/*
 * LinkedIn profile recognition.
 *
 * Keys (stable identity, see the examples at the end):
 * - `/in/<slug>`: the slug, percent-decoded, NFC-normalised and lower-cased (LinkedIn treats
 *   slugs case-insensitively; `/in/j%C3%BCrgen-x` and `/in/jürgen-x` are one person). The URL
 *   is `https://www.linkedin.com/in/<slug>/` with the slug as spelled (case kept, percent-encoded).
 * - `/in/ACoAA…`: the member id itself, case kept (it is base64url, so case matters).
 * - legacy `/pub/<name>/<a>/<b>/<c>`: `pub:<name>/<a>/<b>/<c>`, decoded and lower-cased. These
 *   URLs predate vanity slugs and cannot be mapped to one offline; the prefix keeps the two key
 *   spaces apart.
 * These URL rules are in urls/linkedin.ts: no DOM there, so the Connections.csv import uses them too.
 *
 * memberId is the `ACoAA…` id (the one `/in/ACoAA…` URLs and `fsd_profile` URNs use), set only
 * when the page ties it to the person shown: the URL itself, the 2026 SDUI top card's
 * componentkey, or the Ember top card's numeric `data-member-id` matched against an `ACoAA…` id
 * that encodes the same number. Logged-in pages carry the VIEWER's own id too (nav, `<code>`
 * blobs, share links with `rcm=`), so an id is never taken just because it is on the page.
 *
 * Name and headline come from the top card, found per markup generation (see TOP_CARDS), then
 * from the title, the public metadata and the profile object in the page's data (see
 * nameFromEmbeddedData); sub-pages take only a title that names the person of the slug. For the
 * 2026 SDUI page, which has no <h1> and only hashed classes, the top card signals are: the
 * <section> whose componentkey ends in `Topcard`, the heading inside a link to `/in/`, and
 * failing that the element whose own text is the name from `<title>`
 * (test/fixtures/linkedin/2026-sdui-name-without-heading.html).
 *
 * The badge anchor needs no knowledge of the markup: it is the element whose own text is the
 * recognised name (findNameElement in page/badge-anchor.ts: inside <main>, headings preferred, hidden
 * elements and data skipped), or the link or button wrapping only it (2024 guest modal button,
 * 2025 "about this profile" link, 2026 SDUI profile link), so the badge sits beside it.
 */

/** LinkedIn's member id anywhere in a text (see MEMBER_ID in urls/linkedin.ts). */
const MEMBER_IDS_IN_TEXT = /ACoAA[A-Za-z0-9_-]{34}/g;

/** One markup generation of the top card: how to know it, and where its name and headline are. */
interface TopCardMarkup {
  /** Whether a <section> (or the element with `id`) is this generation's top card. */
  isCard: (element: Element) => boolean;
  /** Top cards found by id instead of among the sections. */
  id?: string;
  /** Tried in order; the first element with a plausible name wins. */
  name: readonly string[];
  headline: readonly string[] | 'sdui';
}

const hasClass = (name: string) => (element: Element) => element.classList.contains(name);

const TOP_CARDS: readonly TopCardMarkup[] = [
  // 2025-2026 server-driven UI (2026-loggedin-sdui-kate-kallot): no <h1>, 8-hex hashed classes.
  // The top card is the <section> whose componentkey is `com.linkedin.sdui.profile.card.ref<id>Topcard`
  // (a wrapper <div> repeats the key); the name is an <h2> inside a link to the profile itself.
  // The headline has no hook (see sduiHeadline); without a heading, the name is found by its text.
  {
    isCard: (element) => /^com\.linkedin\.sdui\.profile\.card\.ref.*Topcard$/.test(element.getAttribute('componentkey') ?? ''),
    name: ['h1', 'a[href*="/in/"] h2', 'h2'],
    headline: 'sdui',
  },
  // 2021-2025 Ember: `section[data-member-id]` holds the top card. Its h1 kept `text-heading-xlarge`
  // until 2023 (2022-loggedin-xlarge-austin-oboyle) and has 30+ char random classes since
  // 2025 (2025-loggedin-hashed-jarle-trandokken); `text-body-medium` survived on the headline.
  { isCard: (element) => element.hasAttribute('data-member-id'), name: ['h1'], headline: ['div.text-body-medium'] },
  // 2019-2021 Ember `section.pv-top-card` without data-member-id (no saved page; from scraper code).
  {
    isCard: hasClass('pv-top-card'),
    name: ['h1', '.pv-top-card--list > li:first-child'],
    headline: ['div.text-body-medium', 'h2'],
  },
  // 2017-2018 Ember (2018-loggedin-ember-austin-oboyle; a self view with no <title>).
  {
    isCard: hasClass('pv-top-card-section'),
    name: ['h1.pv-top-card-section__name'],
    headline: ['h2.pv-top-card-section__headline'],
  },
  // 2020-2024 guest page (2024-public-topcard-eduardo-alvarez-nowak); its top card also holds a
  // sign-in modal with an <h2> "Sign in to view Eduardo’s full profile".
  {
    isCard: hasClass('top-card-layout'),
    name: ['h1.top-card-layout__title'],
    headline: ['h2.top-card-layout__headline'],
  },
  // 2016-2017 public_profile_v3 (2016-public-elon-musk): section#topcard.
  { isCard: () => true, id: 'topcard', name: ['h1#name', 'h1'], headline: ['p.headline'] },
  // 2014-2015 nprofile_v2 (2015-public-jeff-weiner): div#top-card.
  { isCard: () => true, id: 'top-card', name: ['#name h1', 'h1'], headline: ['#headline p.title'] },
];

interface TopCard {
  card: Element;
  nameElement?: Element;
  name?: string;
  headline?: string;
}

// Selectors name the tag wherever the markup is known: happy-dom (and to a lesser degree any
// engine) tests the tag before building an element's class list.

/**
 * The top card and its generation. A query that finds nothing walks every element of the page
 * (about 3 ms on the 1.9 MB 2025-loggedin-hashed page in happy-dom), so this takes the first
 * <section> of <main> (the top card on every logged-in page since 2021, found after a few
 * elements), then walks the other sections once, then looks up the two oldest generations by id.
 */
function findTopCardElement(doc: Document): { card: Element; markup: TopCardMarkup } | null {
  const root = doc.querySelector('main') ?? doc;
  const generationOf = (section: Element) =>
    TOP_CARDS.find((candidate) => candidate.id === undefined && candidate.isCard(section));
  const first = root.querySelector('section');
  const firstMarkup = first && generationOf(first);
  if (first && firstMarkup) return { card: first, markup: firstMarkup };
  for (const section of root.getElementsByTagName('section')) {
    const markup = generationOf(section);
    if (markup) return { card: section, markup };
  }
  for (const markup of TOP_CARDS) {
    const card = markup.id === undefined ? null : doc.getElementById(markup.id);
    if (card) return { card, markup };
  }
  return null;
}

function findTopCard(doc: Document): TopCard | null {
  const found = findTopCardElement(doc);
  if (!found) return null;
  const { card, markup } = found;
  const named = firstNameElement(card, markup.name) ?? nameByText(card, doc);
  if (!named) return { card };
  const headline =
    markup.headline === 'sdui'
      ? sduiHeadline(card, named.element)
      : plausibleHeadline(textOf(firstMatch(card, markup.headline)));
  return { card, nameElement: named.element, name: named.name, headline };
}

/**
 * Markup without a usable heading (SDUI may turn the <h2> into a <p> any day): the element in
 * the top card whose own text equals the name in `<title>`, headings first.
 */
function nameByText(card: Element, doc: Document): { element: Element; name: string } | null {
  const name = nameFromTitle(doc.title, linkedinSite.label, undefined, true);
  const element = name === undefined ? null : elementWithOwnText(card, name);
  return element && name !== undefined ? { element, name } : null;
}

/**
 * The SDUI headline has no hook (2026-loggedin-sdui-kate-kallot): it is the first <p> after the
 * name in the top card that is not the pronouns (`She/Her`) or the connection degree (`· 3rd`).
 */
function sduiHeadline(card: Element, nameElement: Element): string | undefined {
  const name = textOf(nameElement);
  let looked = 0;
  for (const p of card.querySelectorAll('p')) {
    // Node.DOCUMENT_POSITION_FOLLOWING: only what comes after the name.
    if (!(nameElement.compareDocumentPosition(p) & 4)) continue;
    if (++looked > 6) break;
    const text = textOf(p);
    if (text === name || /^[·•]\s*\S{0,6}$/.test(text)) continue; // `· 3rd`, `· 2.`, a lone `·`
    if (/^\(?\p{L}{1,5}\s*\/\s*\p{L}{1,5}(\s*\/\s*\p{L}{1,5})?\)?$/u.test(text)) continue; // She/Her, Er/Ihm
    return plausibleHeadline(text);
  }
  return undefined;
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The numeric member id an `ACoAA…` id embeds: bytes 4-7, big-endian (the first 12 chars are bytes 0-8). */
function numericMemberId(memberId: string): number {
  let bytes = 0n;
  for (const char of memberId.slice(0, 12)) bytes = (bytes << 6n) | BigInt(BASE64URL.indexOf(char));
  return Number((bytes >> 8n) & 0xffffffffn);
}

/** How many profile links to look through for the top card's id (the 2025 page has ~20). */
const MAX_ID_LINKS = 200;

/** The `ACoAA…` id the top card itself names, or undefined (see the header comment). */
function topCardMemberId(card: Element, doc: Document): string | undefined {
  // SDUI: componentkey="com.linkedin.sdui.profile.card.ref<id>Topcard" on the card.
  const componentKey = card.getAttribute('componentkey') ?? '';
  const keyed = /^com\.linkedin\.sdui\.profile\.card\.ref(ACoAA[A-Za-z0-9_-]{34})Topcard$/.exec(componentKey);
  if (keyed) return keyed[1];

  // Ember: the numeric data-member-id on the top card section. Public pages have a
  // `meta#config[data-member-id]` too, but that is the viewer's ("0" for guests), and it is no section.
  const number = Number(card.getAttribute('data-member-id'));
  if (!Number.isSafeInteger(number) || number <= 0) return undefined;
  // The card's own links first; the query over all of <main> (about 2 ms on the first call on
  // the 1.9 MB 2025 page in happy-dom) only when they do not carry the id.
  let looked = 0;
  for (const root of [card, doc.querySelector('main')]) {
    for (const link of root?.querySelectorAll('a[href*="ACoAA"]') ?? []) {
      if (++looked > MAX_ID_LINKS) return undefined;
      for (const id of link.getAttribute('href')?.match(MEMBER_IDS_IN_TEXT) ?? []) {
        if (numericMemberId(id) === number) return id;
      }
    }
  }
  return undefined;
}

const NOT_FOUND_TITLE = /^(profile not found|page not found|this page doesn.t exist|profil nicht gefunden|seite nicht gefunden)$/i;

/** LinkedIn's guest "Profile Not Found" page (2024-public-profile-not-found) and its kin. */
function isNotFoundPage(doc: Document): boolean {
  const [first] = titleParts(doc.title, linkedinSite.label);
  if (first !== undefined && NOT_FOUND_TITLE.test(first)) return true;
  // The page's first heading; a class query over the whole page would walk every element.
  const heading = (doc.querySelector('main') ?? doc).querySelector('h1');
  return heading?.classList.contains('page-not-found__headline') ?? false;
}

/** Longest data blob searched for the profile object (the saved 2025 pages' largest is 260 KB). */
const MAX_DATA_LENGTH = 5_000_000;

/** The page's data blobs: Ember's `<code>` elements, JSON and JSON-LD scripts. */
function* dataElements(doc: Document): Generator<Element> {
  yield* doc.getElementsByTagName('code');
  for (const script of doc.getElementsByTagName('script')) {
    if (/^application\/(ld\+)?json$/i.test(script.getAttribute('type') ?? '')) yield script;
  }
}

/**
 * The name in the profile object of the page's data (logged-in Ember pages carry them in
 * `<code>` blobs, e.g. 2025-loggedin-details-subpage-jarle-trandokken): `firstName` and
 * `lastName` of the object whose `publicIdentifier` is the slug (for a member-id URL: whose
 * `entityUrn` is the profile URN of the id). Pages hold several profile objects (the viewer's
 * own comes first, then people in the sidebars), so no other object counts.
 */
function nameFromEmbeddedData(doc: Document, parsed: ParsedLinkedinUrl): string | undefined {
  const { memberId } = parsed;
  const field = memberId === undefined ? 'publicIdentifier' : 'entityUrn';
  const matches =
    memberId === undefined
      ? (value: string) => value.toLowerCase().normalize('NFC') === parsed.ref.key
      : (value: string) => value === `urn:li:fsd_profile:${memberId}` || value === `urn:li:fs_miniProfile:${memberId}`;
  for (const element of dataElements(doc)) {
    const text = element.textContent ?? '';
    if (text.length > MAX_DATA_LENGTH || !text.includes(`"${field}"`)) continue;
    for (const object of jsonObjectsWithField(text, field, matches)) {
      const part = (key: string) => (typeof object[key] === 'string' ? object[key] : '');
      const name = cleanText(`${part('firstName')} ${part('lastName')}`);
      if (isPlausibleName(name)) return name;
    }
  }
  return undefined;
}

function readProfile(url: URL, doc: Document): ProfileRef | null {
  const parsed = parseLinkedinUrl(url);
  if (!parsed) return null;
  // On a sub-page the DOM shows sections, not the person (the details page's h1 is `Erfaring`),
  // and right after an in-app navigation it may still show the previous profile.
  const top = parsed.showsTopCard ? findTopCard(doc) : null;
  // A top card with a name is a profile; only without one can this be the not-found page.
  if (top?.name === undefined && isNotFoundPage(doc)) return null;
  // What the page shows first (top card, title), then what it says about itself for others
  // (og, JSON-LD), then its internal data: the last is as sure (tied to the slug) but the
  // dearest to search, and only needed while the page has not rendered the person yet.
  const name =
    top?.name ??
    // Off the profile view, only a title that clearly names this person counts.
    nameFromTitle(doc.title, linkedinSite.label, parsed.identifier, parsed.showsTopCard) ??
    (parsed.showsTopCard
      ? (nameFromPublicMetadata(doc, linkedinSite.label, (other) => parseLinkedinUrl(other)?.ref.key === parsed.ref.key) ??
        nameFromEmbeddedData(doc, parsed))
      : undefined);
  const memberId = parsed.memberId ?? (top ? topCardMemberId(top.card, doc) : undefined);
  return withDetails(parsed.ref, { name, headline: top?.headline, memberId });
}

export const linkedinAdapter = defineAdapter({
  descriptor: linkedinSite,
  parseUrl: parseLinkedinUrl,
  readProfile,
  isNotFoundPage,
  shownName: (doc) => findTopCard(doc)?.name,
  examples: {
    profiles: {
      'jana-beispiel-4a1b2c3': [
        'https://www.linkedin.com/in/jana-beispiel-4a1b2c3',
        'https://www.linkedin.com/in/jana-beispiel-4a1b2c3/',
        'https://linkedin.com/in/jana-beispiel-4a1b2c3/',
        'https://de.linkedin.com/in/jana-beispiel-4a1b2c3',
        'https://se.linkedin.com/in/jana-beispiel-4a1b2c3/',
        'https://sg.linkedin.com/in/jana-beispiel-4a1b2c3',
        'http://www.linkedin.com/in/jana-beispiel-4a1b2c3',
        'https://www.linkedin.com/in/Jana-Beispiel-4A1B2C3/',
        'https://www.linkedin.com/in/jana-beispiel-4a1b2c3/details/experience/',
        'https://www.linkedin.com/in/jana-beispiel-4a1b2c3/overlay/contact-info/',
        'https://www.linkedin.com/in/jana-beispiel-4a1b2c3/recent-activity/all/',
        'https://www.linkedin.com/in/jana-beispiel-4a1b2c3/en/',
        'https://www.linkedin.com/in/jana-beispiel-4a1b2c3/de',
        'https://www.linkedin.com/in/jana-beispiel-4a1b2c3/?lipi=urn%3Ali%3Apage%3Ad_flagship3_feed%3BxYz%3D%3D',
        'https://www.linkedin.com/in/jana-beispiel-4a1b2c3?trk=public_profile_browsemap',
        'https://www.linkedin.com/in/jana-beispiel-4a1b2c3/#experience',
        'https://www.linkedin.com/m/in/jana-beispiel-4a1b2c3',
        'https://de.linkedin.com/in/jana-beispiel-4a1b2c3/',
        'https://se.linkedin.com/in/jana-beispiel-4a1b2c3?trk=public_profile_browsemap',
        'https://sg.linkedin.com/in/jana-beispiel-4a1b2c3/details/experience/',
        'https://www.linkedin.com/in/jana-beispiel-4a1b2c3/?lipi=urn%3Ali%3Apage%3Ad_flagship3_feed%3BxYz',
        'http://linkedin.com/in/jana-beispiel-4a1b2c3#about',
      ],
      'jürgen-müller-b4792a57': [
        'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-b4792a57',
        'https://www.linkedin.com/in/jürgen-müller-b4792a57/',
        'https://www.linkedin.com/in/J%C3%BCrgen-M%C3%BCller-B4792A57',
        // NFD spelling (u + combining diaeresis) is the same person as the NFC one.
        'https://www.linkedin.com/in/ju%CC%88rgen-mu%CC%88ller-b4792a57',
      ],
      'ACoAABAzxNa-SA0yEOVueFlHlA_t0AetTrBJuEk': [
        'https://www.linkedin.com/in/ACoAABAzxNa-SA0yEOVueFlHlA_t0AetTrBJuEk',
        'https://www.linkedin.com/in/ACoAABAzxNa-SA0yEOVueFlHlA_t0AetTrBJuEk/overlay/contact-info/',
      ],
      'pub:jana-beispiel/12/3a4/5b6': [
        'http://www.linkedin.com/pub/jana-beispiel/12/3a4/5b6',
        'https://de.linkedin.com/pub/Jana-Beispiel/12/3A4/5b6/',
      ],
    },
    notProfiles: [
      'https://www.linkedin.com/',
      'https://www.linkedin.com/feed/',
      'https://www.linkedin.com/search/results/people/?keywords=jana%20beispiel',
      'https://www.linkedin.com/jobs/view/1',
      'https://www.linkedin.com/company/acme/',
      'https://www.linkedin.com/school/beispiel-universitaet/',
      'https://www.linkedin.com/messaging/thread/2-YmFzZTY0dGhyZWFkaWQ=/',
      'https://www.linkedin.com/mynetwork/',
      'https://www.linkedin.com/public-profile/in/jana-beispiel-4a1b2c3/',
      'https://www.linkedin.com/in/',
      'https://www.linkedin.com/in',
      'https://www.linkedin.com/in/me/',
      'https://www.linkedin.com/in/%E0%A4%A/',
      'https://www.linkedin.com/pub/dir/Jana/Beispiel',
      'https://www.linkedin.com/pub/dir/?first=Jana&last=Beispiel',
      'https://www.linkedin.com/sales/lead/ACoAABAzxNa-SA0yEOVueFlHlA_t0AetTrBJuEk,NAME_SEARCH,x1y2',
      'https://www.linkedin.com/posts/jana-beispiel-4a1b2c3_activity-7290000000000000000-AbCd',
    ],
  },
});
