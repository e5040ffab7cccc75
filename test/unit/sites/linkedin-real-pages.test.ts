import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileFromUrl, recogniseProfile } from '../../../sites';
import { linkedinAdapter } from '../../../sites/linkedin';
import { type IndexRow, SHARED_LINKEDIN_DIR, parseHtml, readSharedIndex, text } from './pages';

/*
 * Real LinkedIn pages saved 2015-2026, read from ../shared (never copied into the project: they
 * show real people). INDEX.tsv gives the URL each was served at and the expected person.
 */
const indexFile = path.join(SHARED_LINKEDIN_DIR, 'INDEX.tsv');
const present = fs.existsSync(indexFile);
if (!present) {
  console.warn(`Skipping the real LinkedIn page tests: ${SHARED_LINKEDIN_DIR} is missing (it lives next to the checkout, in ../shared).`);
}

const rows = readSharedIndex();
const parsed = new Map<string, Document>();
/** Parses each page once; the tests here only read the documents. */
function load(row: IndexRow): Document {
  let doc = parsed.get(row.file);
  if (!doc) {
    doc = parseHtml(fs.readFileSync(path.join(SHARED_LINKEDIN_DIR, row.file), 'utf8'));
    parsed.set(row.file, doc);
  }
  return doc;
}

/** Independent decoding of the number an ACoAA id embeds (bytes 4-7), to check the adapter's. */
const embeddedNumber = (id: string) => Buffer.from(id, 'base64url').readUInt32BE(4);

/** Pages whose top card ties the profile's member id (data-member-id or SDUI componentkey). */
const TOP_CARD_NAMES_ID = /loggedin-(xlarge|hashed|sdui)/;

describe.skipIf(!present)('real LinkedIn pages (../shared/fixtures/linkedin)', () => {
  it('lists every kind of page: profiles, a sub-page and the not-found page', () => {
    expect(rows.filter((row) => row.kind === 'profile').length).toBeGreaterThanOrEqual(7);
    expect(rows.some((row) => row.kind.startsWith('subpage'))).toBe(true);
    expect(rows.some((row) => row.kind.startsWith('not found'))).toBe(true);
  });

  it('happy-dom parses the largest page (about 1.9 MB) completely', () => {
    const largest = [...rows].sort(
      (a, b) => fs.statSync(path.join(SHARED_LINKEDIN_DIR, b.file)).size - fs.statSync(path.join(SHARED_LINKEDIN_DIR, a.file)).size,
    )[0];
    expect(largest).toBeDefined();
    if (!largest) return;
    expect(fs.statSync(path.join(SHARED_LINKEDIN_DIR, largest.file)).size).toBeGreaterThan(1_500_000);
    const doc = load(largest);
    expect(doc.querySelectorAll('*').length).toBeGreaterThan(2000);
    // The page ends with the footer scripts: nothing was cut off.
    expect(doc.body.lastElementChild).not.toBeNull();
    expect(recogniseProfile(new URL(largest.servedAt), doc)?.key).toBe(largest.slug);
  });

  describe.each(rows.filter((row) => row.kind === 'profile'))('$file', (row) => {
    it('yields the expected key, name and canonical URL', () => {
      const profile = recogniseProfile(new URL(row.servedAt), load(row));
      expect(profile).toMatchObject({
        site: 'linkedin',
        key: row.slug,
        url: `https://www.linkedin.com/in/${row.slug}/`,
        name: row.name,
      });
      expect(profile?.headline?.length ?? 0).toBeGreaterThan(3);
    });

    it('anchors the badge on the name in the top card', () => {
      const doc = load(row);
      const anchor = linkedinAdapter.findBadgeAnchor(doc);
      expect(text(anchor)).toBe(row.name);
      // Not the sticky header, the nav or a post further down: inside <main> where there is one.
      const main = doc.querySelector('main');
      if (main) expect(main.contains(anchor)).toBe(true);
    });

    it('takes a member id only from the top card', () => {
      const doc = load(row);
      const profile = recogniseProfile(new URL(row.servedAt), doc);
      if (!TOP_CARD_NAMES_ID.test(row.file)) {
        expect(profile?.memberId).toBeUndefined();
        return;
      }
      const memberId = profile?.memberId ?? '';
      expect(memberId).toMatch(/^ACoAA[\w-]{34}$/);
      const section = doc.querySelector('section[data-member-id]');
      if (section) expect(embeddedNumber(memberId)).toBe(Number(section.getAttribute('data-member-id')));
      else expect(doc.querySelector(`[componentkey$="${memberId}Topcard"]`)).not.toBeNull();
      // The viewer's own profile URN in the "Me" menu data is someone else on these pages.
      const html = doc.documentElement.outerHTML;
      const viewer = /"meMenu":\{[^{}]*?"\*profile":"urn:li:fsd_profile:(ACoAA[\w-]{34})"/.exec(html)?.[1];
      if (viewer) expect(memberId).not.toBe(viewer);
    });
  });

  describe.each(rows.filter((row) => row.kind.startsWith('subpage')))('$file', (row) => {
    it('is the same person, without taking the section title as the name', () => {
      const doc = load(row);
      const sectionTitle = text(doc.querySelector('h1'));
      expect(sectionTitle).toBeTruthy();
      const profile = recogniseProfile(new URL(row.servedAt), doc);
      expect(profile).toEqual({ site: 'linkedin', key: row.slug, url: `https://www.linkedin.com/in/${row.slug}/` });
      expect(profile?.name).not.toBe(sectionTitle);
    });

    it('has no badge anchor (no top card on a sub-page)', () => {
      expect(linkedinAdapter.findBadgeAnchor(load(row))).toBeNull();
    });
  });

  describe.each(rows.filter((row) => row.kind.startsWith('not found')))('$file', (row) => {
    it('is no profile although the URL looks like one', () => {
      const url = new URL(row.servedAt);
      expect(profileFromUrl(url)).not.toBeNull();
      expect(recogniseProfile(url, load(row))).toBeNull();
      expect(linkedinAdapter.findBadgeAnchor(load(row))).toBeNull();
    });
  });
});
