import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './build';

/**
 * Real LinkedIn pages saved by others, kept next to the checkout (never in the repository:
 * they show real people). Figures that need them are reported as not available without them.
 */
export const SHARED_LINKEDIN_DIR = path.resolve(ROOT, '../shared/fixtures/linkedin');

export interface RealPage {
  file: string;
  /** The URL the page was saved from, where the benchmark serves it. */
  url: string;
  slug: string;
  name: string;
  bytes: number;
  html: string;
}

export const MISSING_FIXTURES = `the real LinkedIn pages are not there (${path.relative(ROOT, SHARED_LINKEDIN_DIR)} relative to the repository)`;

/** The largest saved profile page, or null when the shared folder is absent. */
export function largestRealProfile(): RealPage | null {
  const index = path.join(SHARED_LINKEDIN_DIR, 'INDEX.tsv');
  if (!existsSync(index)) return null;
  const [header = '', ...lines] = readFileSync(index, 'utf8').trim().split('\n');
  const columns = header.split('\t');
  const cell = (cells: string[], name: string) => cells[columns.indexOf(name)] ?? '';
  const pages = lines
    .map((line) => line.split('\t'))
    .filter((cells) => cell(cells, 'kind') === 'profile' && existsSync(path.join(SHARED_LINKEDIN_DIR, cell(cells, 'file'))))
    .map((cells) => ({
      file: cell(cells, 'file'),
      url: cell(cells, 'served_at_url'),
      slug: cell(cells, 'expected_slug'),
      name: cell(cells, 'expected_name'),
      bytes: statSync(path.join(SHARED_LINKEDIN_DIR, cell(cells, 'file'))).size,
    }))
    .sort((a, b) => b.bytes - a.bytes);
  const largest = pages[0];
  if (!largest) return null;
  return { ...largest, html: readFileSync(path.join(SHARED_LINKEDIN_DIR, largest.file), 'utf8') };
}
