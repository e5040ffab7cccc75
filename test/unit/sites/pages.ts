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

/** One row of ../shared/fixtures/linkedin/INDEX.tsv: a saved page and the person it shows. */
export interface IndexRow {
  file: string;
  servedAt: string;
  /** Expected key; empty for the not-found page. */
  slug: string;
  /** Expected name; empty where the page names nobody (sub-page, not found). */
  name: string;
  kind: string;
}

/** The rows of the shared INDEX.tsv, or [] when ../shared is absent. */
export function readSharedIndex(): IndexRow[] {
  const indexFile = path.join(SHARED_LINKEDIN_DIR, 'INDEX.tsv');
  if (!fs.existsSync(indexFile)) return [];
  const [header = '', ...lines] = fs.readFileSync(indexFile, 'utf8').trim().split('\n');
  const columns = header.split('\t');
  const column = (cells: string[], name: string) => cells[columns.indexOf(name)] ?? '';
  return lines.map((line) => {
    const cells = line.split('\t');
    return {
      file: column(cells, 'file'),
      servedAt: column(cells, 'served_at_url'),
      slug: column(cells, 'expected_slug'),
      name: column(cells, 'expected_name'),
      kind: column(cells, 'kind'),
    };
  });
}
