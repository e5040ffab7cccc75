import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { single, type Figure } from './figures';

const AREA = '6. Sizes (production build)';

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

export interface EntrySize {
  entry: string;
  files: FileSize[];
  raw: number;
  gzip: number;
}

function fileSize(dir: string, file: string): FileSize {
  const bytes = readFileSync(path.join(dir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** The files an HTML page loads (scripts, preloads, styles) and the chunks those import, in order. */
function pageFiles(dir: string, html: string): string[] {
  const text = readFileSync(path.join(dir, html), 'utf8');
  const found: string[] = [html];
  const queue = [...text.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="\/?([^"]+)"/g)].map((m) => m[1]!);
  while (queue.length > 0) {
    const file = path.normalize(queue.shift()!);
    if (found.includes(file) || !existsSync(path.join(dir, file))) continue;
    found.push(file);
    if (file.endsWith('.js')) {
      const source = readFileSync(path.join(dir, file), 'utf8');
      for (const m of source.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+)["']/g)) {
        queue.push(path.join(path.dirname(file), m[1]!));
      }
    }
  }
  return found;
}

/** Each entry point of the built extension with every file it loads. */
export function entrySizes(dir: string): EntrySize[] {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
    background?: { service_worker?: string };
    content_scripts?: { js?: string[]; css?: string[] }[];
    action?: { default_popup?: string };
    options_ui?: { page?: string };
  };
  const entries: { entry: string; files: string[] }[] = [];
  if (manifest.background?.service_worker) entries.push({ entry: 'background', files: [manifest.background.service_worker] });
  const content = (manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]);
  if (content.length > 0) entries.push({ entry: 'content script', files: content });
  if (manifest.action?.default_popup) entries.push({ entry: 'popup', files: pageFiles(dir, manifest.action.default_popup) });
  if (manifest.options_ui?.page) entries.push({ entry: 'dashboard', files: pageFiles(dir, manifest.options_ui.page) });
  return entries.map(({ entry, files }) => {
    const sizes = files.map((file) => fileSize(dir, file));
    return {
      entry,
      files: sizes,
      raw: sizes.reduce((sum, f) => sum + f.raw, 0),
      gzip: sizes.reduce((sum, f) => sum + f.gzip, 0),
    };
  });
}

function allFiles(dir: string, under = ''): string[] {
  return readdirSync(path.join(dir, under), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(under, entry.name);
    return entry.isDirectory() ? allFiles(dir, relative) : [relative];
  });
}

/** The strings only the benchmark build may contain (see content/bench-marks.ts). */
export const BENCH_ONLY = ['tiekeeper:content-start', 'tiekeeper:content-main', 'tiekeeper:badge-visible', 'performance.mark('];

/** Occurrences of the benchmark's instrumentation in a build (must be none in production). */
export function benchInstrumentation(dir: string): { file: string; text: string }[] {
  const hits: { file: string; text: string }[] = [];
  for (const file of allFiles(dir).filter((f) => /\.(js|html)$/.test(f))) {
    const source = readFileSync(path.join(dir, file), 'utf8');
    // `tiekeeper:${name}` is assembled from a template in the bench build: look for the parts too.
    for (const text of [...BENCH_ONLY, 'content-start', 'badge-visible']) if (source.includes(text)) hits.push({ file, text });
  }
  return hits;
}

export function measureSizes(productionDir: string, benchDir: string): { figures: Figure[]; entries: EntrySize[] } {
  const entries = entrySizes(productionDir);
  const figures: Figure[] = [];
  for (const entry of entries) {
    const files = entry.files.map((f) => `${f.file} ${(f.raw / 1024).toFixed(1)} kB`).join(', ');
    const shared = entry.entry === 'popup' ? ' (a page counts every file it loads; the React chunk is shared by the popup and the dashboard)' : '';
    figures.push(
      single({ id: `size.${entry.entry.replace(/\s+/g, '-')}.raw`, area: AREA, label: `${entry.entry}: raw`, unit: 'kB', note: `${files}${shared}; gzip -9 with Node's zlib.` }, entry.raw / 1024),
      single(
        {
          id: `size.${entry.entry.replace(/\s+/g, '-')}.gzip`,
          area: AREA,
          label: `${entry.entry}: gzip`,
          unit: 'kB',
          target: entry.entry === 'content script' ? { max: 15, source: 'issue 13: the code that runs on every page at most 15 KB gzip' } : undefined,
        },
        entry.gzip / 1024,
      ),
    );
  }
  const inProduction = benchInstrumentation(productionDir);
  const inBench = benchInstrumentation(benchDir);
  if (inBench.length === 0) throw new Error(`The bench build at ${benchDir} has no performance marks: is it built with --mode bench?`);
  figures.push(
    single(
      {
        id: 'size.production.benchMarks',
        area: AREA,
        label: 'benchmark marks found in the production build',
        unit: 'count',
        target: { max: 0, source: 'issue 9: bench instrumentation only in the bench build' },
        note:
          `searched every .js and .html file of ${path.basename(productionDir)} for ${[...BENCH_ONLY, 'content-start', 'badge-visible'].join(', ')}: ` +
          (inProduction.length === 0 ? 'none found' : inProduction.map((h) => `${h.text} in ${h.file}`).join('; ')) +
          `; the bench build has ${inBench.length} (${[...new Set(inBench.map((h) => h.text))].join(', ')}).`,
      },
      inProduction.length,
    ),
  );
  return { figures, entries };
}
