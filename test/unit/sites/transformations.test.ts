import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkedinAdapter } from '../../../sites/linkedin';
import type { SiteAdapter } from '../../../sites/types';
import { xingAdapter } from '../../../sites/xing';
import { fictionalPages, showsName, variants } from '../../shared/page-variants';
import { SHARED_LINKEDIN_DIR, parseHtml, readSharedIndex, text } from './pages';

/*
 * Markup nobody has seen yet: every page, real and fictional, rewritten three ways that a
 * redesign could plausibly bring (test/shared/page-variants.ts). Whatever survives, the adapters must still give the right key,
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

const ADAPTERS: Record<string, SiteAdapter> = { linkedin: linkedinAdapter, xing: xingAdapter };

const fictionalCases: Case[] = fictionalPages().map((page) => {
  const adapter = ADAPTERS[page.site];
  if (!adapter) throw new Error(`no adapter for ${page.site}`);
  return { label: `fictional ${page.site}/${page.file}`, adapter, html: page.html, url: page.url, key: page.key, name: page.name };
});

const cases = [...realCases, ...fictionalCases];

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
