import { isPlausibleName } from './names';
import { cleanText } from './text';

/* Small readers of the DOM the adapters use for their own markup hooks. */

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

/** The document's own address (the page's URL in a content script), or null (e.g. `about:blank`). */
export function documentAddress(doc: Document): URL | null {
  try {
    const url = new URL(doc.URL);
    return /^https?:$/.test(url.protocol) ? url : null;
  } catch {
    return null;
  }
}
