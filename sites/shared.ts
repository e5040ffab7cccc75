import { visibleText } from '../domain/text';
import { SITES } from './descriptors';
import type { ProfileRef } from './types';

/**
 * Helpers shared by the site adapters: text clean-up, the name sanity check, title parsing and
 * the few public-page metadata readers (og:*, JSON-LD). Pure functions of strings and DOM nodes.
 */

/** Collapses runs of white space (including NBSP and newlines in pretty-printed markup), without invisible characters. */
export function cleanText(text: string | null | undefined): string {
  return visibleText(text ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Longest plausible display name; anything longer is a paragraph, not a name. */
const MAX_NAME_LENGTH = 80;
const MAX_NAME_WORDS = 8;
/** Longest plausible headline (LinkedIn allows 220 characters). */
const MAX_HEADLINE_LENGTH = 300;

/**
 * Strings the pages put where a name usually stands: section titles of sub-pages (the 2025
 * details page's h1 is `Erfaring`), self-view buttons, brand names, error pages. Lower case,
 * in the languages the users see (German, English, Scandinavian, the big Romance ones).
 */
const NOT_A_NAME = new Set(
  [
    // brands and error pages
    ...SITES.map((descriptor) => descriptor.label.toLowerCase()),
    'profile not found', 'page not found', 'profil nicht gefunden',
    'seite nicht gefunden', 'not found', '404', 'this page doesn’t exist', "this page doesn't exist",
    'sign in', 'sign up', 'join now', 'log in', 'anmelden', 'einloggen', 'registrieren',
    'security verification', 'sicherheitsüberprüfung',
    // self view
    'edit profile', 'profil bearbeiten', 'edit intro', 'open to', 'add profile section',
    'abschnitt hinzufügen', 'redigera profil', 'rediger profil', 'modifier le profil',
    'editar perfil', 'modifica profilo',
    // generic page and section titles
    'profile', 'profil', 'profiles', 'details', 'overview', 'übersicht', 'home', 'feed',
    'about', 'info', 'about me', 'über mich', 'om', 'om meg', 'om mig',
    'experience', 'berufserfahrung', 'erfahrung', 'erfaring', 'erfarenhet', 'expérience',
    'experiencia', 'esperienza', 'ervaring', 'werdegang', 'lebenslauf', 'cv',
    'education', 'ausbildung', 'bildung', 'utdanning', 'utbildning', 'uddannelse', 'formation',
    'educación', 'istruzione', 'opleiding',
    'skills', 'kenntnisse', 'fähigkeiten', 'ferdigheter', 'kompetenser', 'kompetencer',
    'compétences', 'aptitudes', 'competenze', 'vaardigheden',
    'activity', 'aktivität', 'aktivitäten', 'aktivitet', 'activité', 'actividad', 'attività',
    'posts', 'beiträge', 'featured', 'im fokus', 'highlights', 'contact info', 'kontaktinfo',
    'kontaktinformationen', 'kontaktinformasjon', 'kontaktuppgifter', 'coordonnées',
    'languages', 'sprachen', 'språk', 'interests', 'interessen', 'interesser', 'projects',
    'projekte', 'recommendations', 'empfehlungen', 'anbefalinger', 'volunteering', 'ehrenamt',
    'licenses & certifications', 'bescheinigungen und zertifikate', 'lisenser og sertifiseringer',
    'honors & awards', 'auszeichnungen', 'publications', 'publikationen', 'courses', 'kurse',
    'people also viewed', 'more profiles for you', 'messaging', 'nachrichten', 'notifications',
    'web profiles', 'webprofile', 'portfolio', 'kontakt', 'kontaktdaten', 'persönliches',
    'ich suche', 'ich biete', 'qualifikationen', 'organisationen', 'gemeinsame kontakte',
  ].map((s) => s.normalize('NFC')),
);

/**
 * Whether a string can be shown as a person's name. A wrong name is worse than none, so this
 * rejects section titles, UI labels, brand names, URLs, empty and absurdly long strings.
 */
export function isPlausibleName(candidate: string | null | undefined): boolean {
  if (!candidate) return false;
  const text = cleanText(candidate);
  if (text.length < 2 || text.length > MAX_NAME_LENGTH) return false;
  if (text.split(' ').length > MAX_NAME_WORDS) return false;
  if (!/\p{L}/u.test(text)) return false;
  // Degree markers (`· 3rd`), counters and list bullets; no name starts with a digit or a bullet.
  if (/^[\p{N}·•|,;:/.!?*+#\-–—]/u.test(text)) return false;
  // Separators, links and mail addresses belong to titles and descriptions, not to names.
  if (/[|<>{}\\]|https?:|www\.|@|\.(com|de|net)\b/i.test(text)) return false;
  return !NOT_A_NAME.has(text.normalize('NFC').toLowerCase());
}

/** A cleaned headline, or undefined when the text is empty or not headline-like. */
export function plausibleHeadline(candidate: string | null | undefined): string | undefined {
  const text = cleanText(candidate);
  if (!text || text.length > MAX_HEADLINE_LENGTH || !/\p{L}/u.test(text)) return undefined;
  return text;
}

/**
 * The parts of a page title, without the unread-notifications prefix (`(3) `, `(99+) `) and the
 * site suffix (`| LinkedIn`, `| XING`): `(3) Jana Beispiel | LinkedIn` -> [`Jana Beispiel`],
 * `Erfahrung | Jana Beispiel | LinkedIn` -> [`Erfahrung`, `Jana Beispiel`].
 */
export function titleParts(title: string | null | undefined, siteName: string): string[] {
  let text = cleanText(title).replace(/^\(\d+\+?\)\s*/, '');
  const suffix = new RegExp(`\\s*[|·–—-]\\s*${siteName}\\s*$`, 'i');
  text = text.replace(suffix, '');
  if (new RegExp(`^${siteName}$`, 'i').test(text)) return [];
  return text
    .split(/\s+\|\s+/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * The name in a title part of the public-page style `Name - Position - Company`. Only spaced
 * dashes separate: `Gerner-Mathisen` stays whole.
 */
function nameBeforeDash(part: string): string {
  return part.split(/\s+[-–—]\s+/)[0]?.trim() ?? part;
}

/**
 * The person's name in a page title. A title of one part (`(3) Name | LinkedIn`, public
 * `Name - Position - Company | LinkedIn`) counts as is when `trustSinglePart` (the page is the
 * profile itself); otherwise, and in titles of several parts (`Experience | Name | LinkedIn`),
 * only a part that matches the profile's URL identifier counts.
 */
export function nameFromTitle(
  title: string | null | undefined,
  siteName: string,
  identifier: string | undefined,
  trustSinglePart: boolean,
): string | undefined {
  const parts = titleParts(title, siteName);
  const [only] = parts;
  if (trustSinglePart && parts.length === 1 && only !== undefined) {
    const name = nameBeforeDash(only);
    return isPlausibleName(name) ? name : undefined;
  }
  if (identifier === undefined) return undefined;
  for (const part of parts) {
    const name = nameBeforeDash(part);
    if (isPlausibleName(name) && nameMatchesIdentifier(name, identifier)) return name;
  }
  return undefined;
}

/** Lower-case letters of a name or slug without diacritics, for comparing the two. */
function foldForComparison(text: string, german: boolean): string {
  let folded = text.toLowerCase();
  if (german) folded = folded.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue');
  return folded
    .replace(/ß/g, 'ss')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/đ/g, 'd')
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

/**
 * Whether a name clearly belongs to the profile whose URL identifier (slug, pageName) is given:
 * every word of three or more letters in the name must occur in the identifier, with and without
 * German transliteration (`Jürgen Müller` matches `jurgen-muller-1` and `juergen-mueller`).
 * Used where the page itself does not tie the text to the person (sub-page titles).
 */
function nameMatchesIdentifier(name: string, identifier: string): boolean {
  return [false, true].some((german) => {
    const id = foldForComparison(identifier, german);
    const words = foldForComparison(name, german)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length >= 3);
    return words.length > 0 && words.every((word) => id.includes(word));
  });
}

/** The content of a `<meta property|name=...>` tag in the head. */
function metaContent(doc: Document, key: string): string | undefined {
  const meta = doc.head?.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
  return cleanText(meta?.getAttribute('content')) || undefined;
}

/** The first JSON-LD object of `@type` Person (also inside `@graph`), as public pages carry it. */
function jsonLdPerson(doc: Document): { name?: string; url?: string; jobTitle?: string } | undefined {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const text = script.textContent ?? '';
    // A profile's JSON-LD is tens of kilobytes; a larger blob is not what we look for.
    if (text.length > 500_000) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue;
    }
    const graph = isRecord(data) && Array.isArray(data['@graph']) ? data['@graph'] : [data];
    for (const node of graph) {
      if (!isRecord(node) || node['@type'] !== 'Person') continue;
      return {
        name: typeof node.name === 'string' ? node.name : undefined,
        url: typeof node.url === 'string' ? node.url : undefined,
        jobTitle: typeof node.jobTitle === 'string' ? node.jobTitle : undefined,
      };
    }
  }
  return undefined;
}

/**
 * The name in og:title or a JSON-LD `Person` (public pages), only when their own URL (og:url,
 * the Person's url) is absent or `isThisProfile`: metadata about someone else is no name.
 */
export function nameFromPublicMetadata(
  doc: Document,
  siteName: string,
  isThisProfile: (url: URL) => boolean,
): string | undefined {
  const describesProfile = (href: string | undefined): boolean => {
    if (!href) return true;
    try {
      return isThisProfile(new URL(href));
    } catch {
      return false;
    }
  };
  const ogTitle = metaContent(doc, 'og:title');
  if (ogTitle && describesProfile(metaContent(doc, 'og:url'))) {
    const name = nameFromTitle(ogTitle, siteName, undefined, true);
    if (name !== undefined) return name;
  }
  const person = jsonLdPerson(doc);
  if (person && describesProfile(person.url) && isPlausibleName(person.name)) return cleanText(person.name);
  return undefined;
}

/** Longest JSON object read around a key; a profile object is a few kilobytes. */
const MAX_OBJECT_LENGTH = 200_000;
const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/** Parses JSON from a saved or re-wrapped page, where raw line breaks may stand inside strings. */
function parseLenient(text: string): unknown {
  try {
    // eslint-disable-next-line no-control-regex
    return JSON.parse(text.replace(/[\u0000-\u001f]+/g, ' '));
  } catch {
    return undefined;
  }
}

/**
 * The innermost JSON object in `text` around position `index` (which must lie outside any
 * string, e.g. on a key's opening quote), parsed; undefined when it is not an object, not
 * balanced within MAX_OBJECT_LENGTH characters either way, or not valid JSON. Only this
 * object is parsed, never the blob around it.
 */
export function jsonObjectAround(text: string, index: number): Record<string, unknown> | undefined {
  // Backwards to the unmatched opening brace, skipping strings: a quote is escaped by an odd
  // number of backslashes before it.
  let depth = 0;
  let inString = false;
  let start = -1;
  for (let i = index - 1; i >= 0 && i >= index - MAX_OBJECT_LENGTH; i--) {
    const char = text.charCodeAt(i);
    if (char === QUOTE) {
      let backslashes = 0;
      while (text.charCodeAt(i - 1 - backslashes) === BACKSLASH) backslashes++;
      if (backslashes % 2 === 0) inString = !inString;
    } else if (inString) {
      continue;
    } else if (char === CLOSE_BRACE || char === CLOSE_BRACKET) {
      depth++;
    } else if (char === OPEN_BRACE || char === OPEN_BRACKET) {
      if (depth === 0) {
        if (char === OPEN_BRACE) start = i;
        break;
      }
      depth--;
    }
  }
  if (start < 0) return undefined;
  // Forwards to the matching closing brace.
  depth = 0;
  inString = false;
  for (let i = start; i < text.length && i < start + MAX_OBJECT_LENGTH; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === BACKSLASH) i++;
      else if (char === QUOTE) inString = false;
    } else if (char === QUOTE) {
      inString = true;
    } else if (char === OPEN_BRACE || char === OPEN_BRACKET) {
      depth++;
    } else if ((char === CLOSE_BRACE || char === CLOSE_BRACKET) && --depth === 0) {
      const value = parseLenient(text.slice(start, i + 1));
      return isRecord(value) ? value : undefined;
    }
  }
  return undefined;
}

/** `: "value"` after a key, as raw JSON string content. */
const STRING_VALUE = /\s*:\s*"((?:[^"\\]|\\.)*)"/y;

/**
 * The JSON objects in `text` (a data blob of the page) that have the string field `field` with
 * a value for which `matches` holds, in document order. Each is found by searching for the key
 * and parsed alone, so a blob of megabytes is searched, not parsed.
 */
export function* jsonObjectsWithField(
  text: string,
  field: string,
  matches: (value: string) => boolean,
): Generator<Record<string, unknown>> {
  const key = `"${field}"`;
  for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + key.length)) {
    STRING_VALUE.lastIndex = at + key.length;
    const raw = STRING_VALUE.exec(text)?.[1];
    if (raw === undefined) continue; // e.g. a schema entry `"publicIdentifier":{"type":"string"}`
    const value = parseLenient(`"${raw}"`);
    if (typeof value !== 'string' || !matches(value)) continue;
    const object = jsonObjectAround(text, at);
    if (object && object[field] === value) yield object;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text of an element, cleaned. */
export function textOf(element: Element | null | undefined): string {
  return cleanText(element?.textContent);
}

/** The first element matching one of the selectors, tried in order (priority, not document order). */
export function firstMatch(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const element = root.querySelector(selector);
    if (element) return element;
  }
  return null;
}

/** The first element matching one of the selectors whose text is a plausible name. */
export function firstNameElement(
  root: ParentNode,
  selectors: readonly string[],
): { element: Element; name: string } | null {
  for (const selector of selectors) {
    for (const element of root.querySelectorAll(selector)) {
      const name = textOf(element);
      if (isPlausibleName(name)) return { element, name };
    }
  }
  return null;
}

/**
 * The element in `root` whose own text (its direct text nodes) equals `name`, preferring
 * heading-like elements. For markup without stable hooks around the name (2026 SDUI).
 */
export function elementWithOwnText(root: Element, name: string): Element | null {
  let fallback: Element | null = null;
  for (const element of root.querySelectorAll('h1, h2, h3, h4, p, span, a, div, strong')) {
    let own = '';
    for (const node of element.childNodes) if (node.nodeType === 3) own += node.textContent ?? '';
    if (cleanText(own) !== name) continue;
    if (/^H[1-4]$/.test(element.tagName)) return element;
    fallback ??= element;
  }
  return fallback;
}

/** Elements whose text the page does not show (or shows as data, like LinkedIn's `<code>` blobs). */
const NOT_SHOWN = new Set(['head', 'title', 'script', 'style', 'template', 'noscript', 'code', 'svg', 'textarea', 'select', 'option']);
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const HIDDEN_CLASS = /(^|\s)(visually-hidden|sr-only|a11y-text)(\s|$)/;

/** Whether the element itself is hidden by its markup (no layout: computed styles are too slow here). */
function isHiddenByMarkup(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  const style = element.getAttribute('style');
  if (style !== null && HIDDEN_STYLE.test(style)) return true;
  const classes = element.getAttribute('class');
  return classes !== null && HIDDEN_CLASS.test(classes);
}

/**
 * Whether the page shows the element's text: not when it or an ancestor is data or hidden;
 * `aria-hidden` only when nothing else shows the name, because it marks both duplicates (the
 * 2026 sticky header) and whole pages behind a modal (the 2024 guest page's <main>).
 */
function visibility(element: Element): 'shown' | 'aria-hidden' | 'hidden' {
  let ariaHidden = false;
  for (let current: Element | null = element; current; current = current.parentElement) {
    if (NOT_SHOWN.has(current.localName) || isHiddenByMarkup(current)) return 'hidden';
    if (current.getAttribute('aria-hidden') === 'true') ariaHidden = true;
  }
  return ariaHidden ? 'aria-hidden' : 'shown';
}

function isHeading(element: Element): boolean {
  const tag = element.localName;
  return tag === 'h1' || tag === 'h2' || element.getAttribute('role') === 'heading';
}

/** The text of an element's own text nodes, without its child elements' text. */
function ownText(element: Element): string {
  let own = '';
  for (const node of element.childNodes) if (node.nodeType === 3) own += node.nodeValue ?? '';
  return cleanText(own);
}

/**
 * The element a text node shows `name` in: its parent when the parent's own text is the name
 * (also when React split it into several text nodes), or a close ancestor whose whole text is
 * the name when inline elements split it (`<h1><span>Jana</span> <span>Beispiel</span></h1>`).
 */
function elementShowing(text: Text, name: string): Element | null {
  const parent = text.parentElement;
  if (!parent) return null;
  if (ownText(parent) === name) return parent;
  let ancestor: Element | null = parent;
  for (let level = 0; level < 3 && ancestor; level++, ancestor = ancestor.parentElement) {
    if (textOf(ancestor) === name) return ancestor;
  }
  return null;
}

/** The heading that is the name element or wraps only it (`<h2><span>Name</span></h2>`), if any. */
function headingAround(element: Element, name: string): Element | null {
  let current: Element | null = element;
  for (let level = 0; level < 3 && current; level++, current = current.parentElement) {
    if (isHeading(current) && (current === element || textOf(current) === name)) return current;
  }
  return null;
}

/** The white space cleanText removes, at the start of a string. */
const LEADING_SPACE = /[\s\u00a0\u200b\u200e\u200f]*/y;
/** Longest text node looked at: the name plus the indentation of pretty-printed markup. */
const NAME_NODE_SLACK = 200;
/** After a match that is no heading, how many further text nodes may still show a heading with the name. */
const HEADING_LOOKAHEAD = 150;

function nameElementIn(root: Element, name: string): Element | null {
  const doc = root.ownerDocument;
  // 4 = NodeFilter.SHOW_TEXT (the constant, so that this also runs on parsed documents).
  const walker = doc.createTreeWalker(root, 4);
  let fallback: Element | null = null;
  let sinceFallback = 0;
  let ariaHidden: { element: Element; heading: boolean } | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (fallback && ++sinceFallback > HEADING_LOOKAHEAD) break;
    const data = node.nodeValue ?? '';
    if (data.length > name.length + NAME_NODE_SLACK) continue;
    // Most text nodes fail on their first visible character, before any string is built.
    LEADING_SPACE.lastIndex = 0;
    LEADING_SPACE.test(data);
    if (data[LEADING_SPACE.lastIndex] !== name[0]) continue;
    const text = cleanText(data);
    // The whole name, or its first word(s) when the name is split over several nodes.
    if (text === '' || !name.startsWith(text) || (text !== name && name[text.length] !== ' ')) continue;
    const found = elementShowing(node as Text, name);
    const shown = found && visibility(found);
    if (!found || !shown || shown === 'hidden') continue;
    const heading = headingAround(found, name);
    if (shown === 'aria-hidden') {
      if (!ariaHidden || (heading && !ariaHidden.heading)) ariaHidden = { element: heading ?? found, heading: !!heading };
      continue;
    }
    if (heading) return heading;
    fallback ??= found;
  }
  return fallback ?? ariaHidden?.element ?? null;
}

/**
 * The element that shows the person's name, by a rule that needs no knowledge of the markup:
 * the first element in document order, inside <main> (the body when there is none), whose own
 * text is the name (trimmed, white space collapsed). Hidden elements and data (`<code>`,
 * scripts, templates) are skipped, aria-hidden ones taken only when the page shows the name
 * nowhere else. A heading (h1, h2, role=heading) is preferred when one follows the first match
 * closely; of nested matches, the innermost element (or the heading wrapping only it) is taken,
 * never a wrapper around more. Null when the name is not plausible or not shown. A TreeWalker
 * over text nodes that stops at the first heading hit keeps this cheap.
 */
export function findNameElement(doc: Document, name: string | undefined): Element | null {
  const wanted = cleanText(name);
  if (!isPlausibleName(wanted)) return null;
  // The main content where the page marks it (the saved LinkedIn pages since 2016 except the
  // 2018 Ember one): outside it are the sticky header, the nav and the viewer's own name.
  const root = doc.querySelector('main') ?? doc.body;
  return root ? nameElementIn(root, wanted) : null;
}

/** The document's own address (the page's URL in a content script), or null (e.g. `about:blank`). */
export function documentAddress(doc: Document): URL | null {
  try {
    const url = new URL(doc.URL);
    return /^https?:$/.test(url.protocol) ? url : null;
  } catch {
    return null;
  }
}

/**
 * Where the badge goes: the name element, or the link or button wrapping nothing but the name
 * (2025 Ember and 2026 SDUI put the heading inside a link, the 2024 guest page inside a modal
 * button), so that the badge is placed beside the link instead of inside it, where a click on
 * the badge would follow the link.
 */
export function badgeAnchorFor(nameElement: Element): Element {
  const wrapper = nameElement.parentElement?.closest('a, button');
  if (wrapper && textOf(wrapper) === textOf(nameElement)) return wrapper;
  return nameElement;
}

/** A profile reference with the details the page gave, leaving out the unknown ones. */
export function withDetails(
  ref: Pick<ProfileRef, 'site' | 'key' | 'url'>,
  details: Pick<ProfileRef, 'name' | 'headline' | 'memberId'>,
): ProfileRef {
  const profile: ProfileRef = { ...ref };
  if (details.name !== undefined) profile.name = details.name;
  if (details.headline !== undefined) profile.headline = details.headline;
  if (details.memberId !== undefined) profile.memberId = details.memberId;
  return profile;
}
