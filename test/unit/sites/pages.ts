import fs from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';

/** The project's own fictional pages (test/fixtures/<site>/). */
export const FIXTURES_DIR = path.resolve(__dirname, '../../fixtures');

/**
 * Real saved LinkedIn pages, kept OUTSIDE the repository because they show real people: the
 * shared folder next to the checkout (/work/shared next to /work/<checkout>).
 */
export const SHARED_LINKEDIN_DIR = path.resolve(__dirname, '../../../../shared/fixtures/linkedin');

/**
 * A window of its own for parsing saved pages: scripts never run, and the stylesheets, iframes
 * and scripts the pages link to are skipped quietly instead of each logging an error.
 */
const parserWindow = new Window({
  settings: {
    disableJavaScriptFileLoading: true,
    disableComputedStyleRendering: true,
    handleDisabledFileLoadingAsSuccess: true,
  },
});

/** Parses HTML into a Document (as the content script sees the page, minus running scripts). */
export function parseHtml(html: string): Document {
  return new parserWindow.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** A fictional page from test/fixtures/<site>/<file>. */
export function fixture(site: string, file: string): Document {
  return parseHtml(fs.readFileSync(path.join(FIXTURES_DIR, site, file), 'utf8'));
}

/** Trimmed, whitespace-collapsed text of an element. */
export function text(element: Element | null | undefined): string | undefined {
  return element?.textContent?.replace(/\s+/g, ' ').trim();
}
