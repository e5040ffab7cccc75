import fs from 'node:fs';
import path from 'node:path';

/** The project's own fictional pages (test/fixtures/<site>/). */
export const FIXTURES_DIR = path.resolve(__dirname, '../../fixtures');

/**
 * Real saved LinkedIn pages, kept OUTSIDE the repository because they show real people: the
 * shared folder next to the checkout (/work/shared next to /work/<checkout>).
 */
export const SHARED_LINKEDIN_DIR = path.resolve(__dirname, '../../../../shared/fixtures/linkedin');

/** Parses HTML the way the content script sees it (no scripts run). */
export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** A fictional page from test/fixtures/<site>/<file>. */
export function fixture(site: string, file: string): Document {
  return parseHtml(fs.readFileSync(path.join(FIXTURES_DIR, site, file), 'utf8'));
}

/** Trimmed, whitespace-collapsed text of an element. */
export function text(element: Element | null | undefined): string | undefined {
  return element?.textContent?.replace(/\s+/g, ' ').trim();
}
