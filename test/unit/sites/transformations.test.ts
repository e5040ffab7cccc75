import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkedinAdapter } from '@/sites/linkedin';
import type { SiteAdapter } from '@/sites/types';
import { xingAdapter } from '@/sites/xing';
import { FIXTURES_DIR, SHARED_LINKEDIN_DIR, parseHtml, readSharedIndex, text } from './pages';

/*
 * Markup nobody has seen yet: every page, real and fictional, rewritten three ways that a
 * redesign could plausibly bring. Whatever survives, the adapters must still give the right key,
 * a name only when it is the right one (losing it is acceptable, a wrong one is not), and the
 * badge anchor on the name wherever the page still shows it.
 */

interface Case {
  /** Where the page comes from, for the test names. */
  label: string;
  adapter: SiteAdapter;
  html: () => string;
  url: string;
  /** The key, or null for a page that shows nobody (not found). */
  key: string | null;
  /** The person's name, or undefined where the page must yield none (a sub-page). */
  name: string | undefined;
}

const sharedRows = readSharedIndex();
if (sharedRows.length === 0) {
  console.warn(`Skipping the real LinkedIn pages in the transformation tests: ${SHARED_LINKEDIN_DIR} is missing (it lives next to the checkout, in ../shared).`);
}

const realCases: Case[] = sharedRows.map((row) => ({
  label: `real ${row.file}`,
  adapter: linkedinAdapter,
  html: () => fs.readFileSync(path.join(SHARED_LINKEDIN_DIR, row.file), 'utf8'),
  url: row.servedAt,
  key: row.kind.startsWith('not found') ? null : row.slug,
  name: row.name || undefined,
}));

const JANA_LINKEDIN = 'https://www.linkedin.com/in/jana-beispiel-4a1b2c3/';
const JANA_XING = 'https://www.xing.com/profile/Jana_Beispiel';

/** The fictional pages and the invented person each shows (see test/fixtures/README.md). */
const FICTIONAL: Record<string, Record<string, { url: string; key: string | null; name?: string }>> = {
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

const ADAPTERS: Record<string, SiteAdapter> = { linkedin: linkedinAdapter, xing: xingAdapter };

const fictionalCases: Case[] = Object.entries(FICTIONAL).flatMap(([site, pages]) => {
  const files = fs.readdirSync(path.join(FIXTURES_DIR, site)).filter((file) => file.endsWith('.html'));
  return files.map((file) => {
    const known = pages[file];
    if (!known) throw new Error(`test/fixtures/${site}/${file}: add the person it shows to FICTIONAL`);
    const adapter = ADAPTERS[site];
    if (!adapter) throw new Error(`no adapter for ${site}`);
    return {
      label: `fictional ${site}/${file}`,
      adapter,
      html: () => fs.readFileSync(path.join(FIXTURES_DIR, site, file), 'utf8'),
      url: known.url,
      key: known.key,
      name: known.name,
    };
  });
});

/** Elements whose text the page does not show. */
const NOT_TEXT = new Set(['script', 'style', 'template', 'noscript']);

/** The text of an element's own text nodes, white space collapsed. */
function ownText(element: Element): string {
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

const VARIANTS = {
  'class and id stripped': withoutClassesAndIds,
  'h1 turned into div': withoutH1,
  'title and text only': textOnly,
} satisfies Record<string, (doc: Document) => Document>;

/** Whether the variant still shows the name as an element's own text, where the anchor rule looks. */
function showsName(doc: Document, name: string): boolean {
  const root = doc.querySelector('main') ?? doc.body;
  for (const element of root.querySelectorAll('*')) {
    if (NOT_TEXT.has(element.localName) || element.closest('code, template, [hidden]')) continue;
    if (ownText(element) === name) return true;
  }
  return false;
}

const cases = [...realCases, ...fictionalCases];
const variants = Object.entries(VARIANTS).map(([variant, transform]) => ({ variant, transform }));

describe.each(cases)('$label', (page) => {
  it.each(variants)('$variant: the right key, the right name or none, the anchor on the name', ({ transform }) => {
    const doc = transform(parseHtml(page.html()));
    const url = new URL(page.url);
    const profile = page.adapter.readProfile(url, doc);

    if (page.key === null) {
      expect(profile).toBeNull();
      expect(page.adapter.findBadgeAnchor(doc)).toBeNull();
      return;
    }
    expect(profile?.key).toBe(page.key);
    const name = profile?.name;
    // A wrong name is worse than none: the expected one, or nothing.
    if (page.name === undefined) expect(name).toBeUndefined();
    else expect([page.name, undefined]).toContain(name);

    // Without a name passed in, the adapter reads one itself: never a wrong one either.
    const ownAnchor = page.adapter.findBadgeAnchor(doc);
    if (ownAnchor) expect(text(ownAnchor)).toBe(page.name);

    if (name === undefined) return;
    const anchor = page.adapter.findBadgeAnchor(doc, name);
    if (showsName(doc, name)) {
      expect(text(anchor)).toBe(name);
      expect(anchor?.closest('head')).toBeNull();
    } else {
      expect(anchor).toBeNull();
    }
  });
});

describe('the section-title sub-page under every variant', () => {
  const subPages = realCases.filter((page) => page.key !== null && page.name === undefined);

  it.skipIf(subPages.length === 0).each(variants)('$variant: never names the section ("Erfaring")', ({ transform }) => {
    for (const page of subPages) {
      const original = parseHtml(page.html());
      const sectionTitle = text(original.querySelector('h1'));
      expect(sectionTitle).toBeTruthy();
      const profile = page.adapter.readProfile(new URL(page.url), transform(original));
      expect(profile?.key).toBe(page.key);
      expect(profile?.name).not.toBe(sectionTitle);
      expect(profile?.name).toBeUndefined();
    }
  });
});
