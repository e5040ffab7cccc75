import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Real LinkedIn pages saved by others, kept outside the repository (they show real people):
 * `../shared/fixtures/linkedin` next to the checkout, listed in its INDEX.tsv.
 */
export const SHARED_LINKEDIN = path.resolve(import.meta.dirname, '../../../shared/fixtures/linkedin');
export const SHARED_AVAILABLE = existsSync(path.join(SHARED_LINKEDIN, 'INDEX.tsv'));
if (!SHARED_AVAILABLE) {
  console.warn(`Skipping the tests on real LinkedIn pages: ${SHARED_LINKEDIN} is not there.`);
}

export interface SavedPage {
  file: string;
  url: string;
  name: string;
  html: string;
}

/** A saved real page by file name, with the URL it was served at and the person it shows. */
export function sharedPage(file: string): SavedPage {
  const rows = readFileSync(path.join(SHARED_LINKEDIN, 'INDEX.tsv'), 'utf8').trim().split('\n').slice(1);
  const row = rows.map((line) => line.split('\t')).find((cells) => cells[0] === file);
  if (!row) throw new Error(`${file} is not listed in ${SHARED_LINKEDIN}/INDEX.tsv`);
  return { file, url: row[1]!, name: row[3]!, html: readFileSync(path.join(SHARED_LINKEDIN, file), 'utf8') };
}

/** One of the project's own fictional pages. */
export function projectPage(relative: string): string {
  return readFileSync(path.resolve(import.meta.dirname, '../fixtures', relative), 'utf8');
}
