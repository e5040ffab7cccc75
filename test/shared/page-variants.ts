import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIR, parseHtml } from '../unit/sites/pages';

/*
 * Markup nobody has seen yet: a page rewritten three ways that a redesign could plausibly bring.
 * The adapters' unit tests (test/unit/sites/transformations.test.ts) and the end-to-end test in
 * Chromium (test/e2e/transformations.test.ts) build the same variants from here.
 */

/** Elements whose text the page does not show. */
export const NOT_TEXT = new Set(['script', 'style', 'template', 'noscript']);

/** The text of an element's own text nodes, white space collapsed. */
export function ownText(element: Element): string {
  let own = '';
  for (const node of element.childNodes) if (node.nodeType === 3) own += node.nodeValue ?? '';
  return own.replace(/\s+/g, ' ').trim();
}

/** (a) Every class and id attribute stripped. */
function withoutClassesAndIds(doc: Document): Document {
  for (const element of doc.querySelectorAll('[class], [id]')) {
    element.removeAttribute('class');
    element.removeAttribute('id');
  }
  return doc;
}

/** (b) Every <h1> turned into a <div> with the same attributes and children. */
function withoutH1(doc: Document): Document {
  for (const heading of doc.querySelectorAll('h1')) {
    const div = doc.createElement('div');
    for (const { name, value } of heading.attributes) div.setAttribute(name, value);
    div.append(...heading.childNodes);
    heading.replaceWith(div);
  }
  return doc;
}

/** (c) Only the title and the body's text: one text-only paragraph per element with text of its own. */
function textOnly(doc: Document): Document {
  const result = parseHtml('<!DOCTYPE html><html><head></head><body></body></html>');
  if (doc.title) result.title = doc.title;
  for (const element of doc.body.querySelectorAll('*')) {
    if (NOT_TEXT.has(element.localName) || element.closest('template')) continue;
    const own = ownText(element);
    if (!own) continue;
    const paragraph = result.createElement('p');
    paragraph.textContent = own;
    result.body.append(paragraph);
  }
  return result;
}

export const VARIANTS = {
  'class and id stripped': withoutClassesAndIds,
  'h1 turned into div': withoutH1,
  'title and text only': textOnly,
} satisfies Record<string, (doc: Document) => Document>;

export type VariantName = keyof typeof VARIANTS;

export const variants = Object.entries(VARIANTS).map(([variant, transform]) => ({ variant: variant as VariantName, transform }));

/** A page's variant as HTML again, to serve to a browser. */
export function variantHtml(html: string, variant: VariantName): string {
  const doc = VARIANTS[variant](parseHtml(html));
  return `<!DOCTYPE html>\n${doc.documentElement.outerHTML}`;
}

/** Whether the variant still shows the name as an element's own text, where the anchor rule looks. */
export function showsName(doc: Document, name: string): boolean {
  const root = doc.querySelector('main') ?? doc.body;
  for (const element of root.querySelectorAll('*')) {
    if (NOT_TEXT.has(element.localName) || element.closest('code, template, [hidden]')) continue;
    if (ownText(element) === name) return true;
  }
  return false;
}

const JANA_LINKEDIN = 'https://www.linkedin.com/in/jana-beispiel-4a1b2c3/';
const JANA_XING = 'https://www.xing.com/profile/Jana_Beispiel';

/** The project's fictional pages (test/fixtures/<site>/) and the invented person each shows (see test/fixtures/README.md). */
export const FICTIONAL: Record<'linkedin' | 'xing', Record<string, { url: string; key: string | null; name?: string }>> = {
  linkedin: {
    '2025-name-only-in-data.html': { url: JANA_LINKEDIN, key: 'jana-beispiel-4a1b2c3', name: 'Jana Beispiel' },
    '2025-non-ascii-slug.html': {
      url: 'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-b4792a57/',
      key: 'jürgen-müller-b4792a57',
      name: 'Jürgen Müller',
    },
    '2025-viewer-and-profile-ids.html': { url: JANA_LINKEDIN, key: 'jana-beispiel-4a1b2c3', name: 'Jana Beispiel' },
    '2025-viewer-object-first.html': { url: JANA_LINKEDIN, key: 'jana-beispiel-4a1b2c3', name: 'Jana Beispiel' },
    '2026-sdui-name-without-heading.html': { url: JANA_LINKEDIN, key: 'jana-beispiel-4a1b2c3', name: 'Jana Beispiel' },
    '2026-sdui-notification-title.html': { url: JANA_LINKEDIN, key: 'jana-beispiel-4a1b2c3', name: 'Jana Beispiel' },
    '2026-sdui-self-view-de.html': {
      url: 'https://www.linkedin.com/in/lukas-mustermann-self/',
      key: 'lukas-mustermann-self',
      name: 'Lukas Mustermann',
    },
  },
  xing: {
    'current-profile.html': { url: JANA_XING, key: 'jana_beispiel', name: 'Jana Beispiel' },
    'legacy-profile.html': { url: 'https://www.xing.com/profile/Lukas_Mustermann2', key: 'lukas_mustermann2', name: 'Lukas Mustermann' },
    'malt-2019-profile.html': { url: 'https://www.xing.com/profile/Juergen_Mueller', key: 'juergen_mueller', name: 'Jürgen Müller' },
    'self-view.html': { url: JANA_XING, key: 'jana_beispiel', name: 'Jana Beispiel' },
    'not-found.html': { url: 'https://www.xing.com/profile/Niemand_Hier', key: null },
  },
};

export interface FictionalPage {
  site: 'linkedin' | 'xing';
  file: string;
  url: string;
  /** The key, or null for a page that shows nobody (not found). */
  key: string | null;
  name: string | undefined;
  html: () => string;
}

/** Every fictional page in test/fixtures/<site>/; one missing from FICTIONAL is an error. */
export function fictionalPages(): FictionalPage[] {
  return (Object.keys(FICTIONAL) as (keyof typeof FICTIONAL)[]).flatMap((site) => {
    const files = fs.readdirSync(path.join(FIXTURES_DIR, site)).filter((file) => file.endsWith('.html'));
    return files.map((file) => {
      const known = FICTIONAL[site][file];
      if (!known) throw new Error(`test/fixtures/${site}/${file}: add the person it shows to FICTIONAL`);
      return { site, file, url: known.url, key: known.key, name: known.name, html: () => fs.readFileSync(path.join(FIXTURES_DIR, site, file), 'utf8') };
    });
  });
}
