import type { ProfileRef, SiteAdapter } from '../types';
import { documentAddress, textOf } from './dom';
import { nameFromTitle } from './metadata';
import { isPlausibleName } from './names';
import { cleanText } from './text';

/*
 * Where the badge goes: the element that shows the person's name, found by a rule that needs
 * no knowledge of the markup, or the link wrapping only it.
 */

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

/** What badgeAnchorFinder needs to know of a site. */
export interface BadgeAnchorSite {
  /** The site's name, as its page titles end (`| LinkedIn`). */
  label: string;
  /** Whether the address is one of the site's profiles. */
  isProfile(url: URL): boolean;
  readProfile(url: URL, doc: Document): ProfileRef | null;
  isNotFoundPage(doc: Document): boolean;
  /** The name the profile view's own markup shows (LinkedIn's top card, XING's XingId module). */
  shownName(doc: Document): string | undefined;
}

/**
 * An adapter's findBadgeAnchor: the element showing the name (see findNameElement), or the link
 * wrapping only it. Without a name from the caller, the name is what readProfile reads for the
 * document's own address; for a document without one (parsed from a string), what the profile
 * view shows, then a one-part title.
 */
export function badgeAnchorFinder(site: BadgeAnchorSite): SiteAdapter['findBadgeAnchor'] {
  const recognisedName = (doc: Document): string | undefined => {
    const address = documentAddress(doc);
    if (address && site.isProfile(address)) return site.readProfile(address, doc)?.name;
    if (site.isNotFoundPage(doc)) return undefined;
    return site.shownName(doc) ?? nameFromTitle(doc.title, site.label, undefined, true);
  };
  return (doc, name) => {
    const element = findNameElement(doc, name ?? recognisedName(doc));
    return element && badgeAnchorFor(element);
  };
}
