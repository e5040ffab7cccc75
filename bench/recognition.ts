import path from 'node:path';
import { Window } from 'happy-dom';
import { build } from 'vite';
import { run, type BenchBrowser } from './browser';
import { ROOT } from './build';
import { fromSamples, single, unavailable, type Figure } from './figures';
import { MISSING_FIXTURES, type RealPage } from './fixtures';

const AREA = '9. Recognition';
const GLOBAL = 'TiekeeperSites';

interface Sites {
  recogniseProfile(url: URL, doc: Document): { key: string; name?: string } | null;
  adapterForUrl(url: URL): { findBadgeAnchor(doc: Document): Element | null } | undefined;
}

/** sites/index.ts bundled and minified as in the extension (Vite resolves its import.meta.glob). */
export async function bundleSites(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    build: { write: false, minify: true, lib: { entry: path.join(ROOT, 'sites/index.ts'), formats: ['iife'], name: GLOBAL } },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const output of outputs) {
    if (!('output' in output)) continue;
    for (const chunk of output.output) if (chunk.type === 'chunk') return chunk.code;
  }
  throw new Error('Vite produced no bundle of sites/index.ts');
}

/** Calls per timed sample: the page's clock is coarse (100 µs) outside cross-origin isolation. */
const BATCH = 5;

/**
 * `recogniseProfile` (and the badge-anchor lookup the content script does with it) on the
 * largest real page, in Chromium: the page is served at its URL with its own scripts blocked,
 * the adapters are injected as one script, and the calls are timed in the page.
 */
export async function measureRecognition(browser: BenchBrowser, real: RealPage | null, repeats: number): Promise<Figure[]> {
  const label = (what: string) => `${what} on the largest real page${real ? ` (${(real.bytes / 1e6).toFixed(1)} MB)` : ''}`;
  const target = { max: 5, source: 'issue 9: recognition under 5 ms' };
  if (!real) {
    return [
      unavailable({ id: 'recognition.chromium', area: AREA, label: label('recogniseProfile in Chromium'), unit: 'ms', target }, MISSING_FIXTURES),
      unavailable({ id: 'recognition.happyDom', area: AREA, label: label('recogniseProfile in Node/happy-dom'), unit: 'ms' }, MISSING_FIXTURES),
    ];
  }
  const code = await bundleSites();

  browser.serve(real.url, real.html, { scripts: false });
  const page = await browser.newPage();
  let chromium: { first: number; recognise: number[]; anchor: number[]; key: string | null; name: string | null };
  try {
    await page.goto(real.url);
    await page.evaluate(code);
    chromium = await run(
      page,
      ({ repeats, batch, global }) => {
        const sites = (window as unknown as Record<string, Sites>)[global]!;
        const url = new URL(location.href);
        let start = performance.now();
        const ref = sites.recogniseProfile(url, document);
        const first = performance.now() - start;
        const recognise: number[] = [];
        const anchor: number[] = [];
        const adapter = sites.adapterForUrl(url)!;
        for (let i = 0; i < repeats; i++) {
          start = performance.now();
          for (let k = 0; k < batch; k++) sites.recogniseProfile(url, document);
          recognise.push((performance.now() - start) / batch);
          start = performance.now();
          for (let k = 0; k < batch; k++) {
            sites.recogniseProfile(url, document);
            adapter.findBadgeAnchor(document);
          }
          anchor.push((performance.now() - start) / batch);
        }
        return { first, recognise, anchor, key: ref?.key ?? null, name: ref?.name ?? null };
      },
      { repeats, batch: BATCH, global: GLOBAL },
    );
  } finally {
    await page.close();
  }
  if (chromium.key !== real.slug) throw new Error(`recogniseProfile found ${chromium.key} on ${real.file}, expected ${real.slug}`);

  // Node with happy-dom: a fresh window for the page, as the unit tests parse saved pages.
  const sites = new Function(`${code}\nreturn ${GLOBAL};`)() as Sites;
  const window = new Window({
    url: real.url,
    settings: { disableJavaScriptFileLoading: true, disableJavaScriptEvaluation: true, disableComputedStyleRendering: true, disableCSSFileLoading: true },
  });
  const happy: number[] = [];
  try {
    const doc = new window.DOMParser().parseFromString(real.html, 'text/html') as unknown as Document;
    const url = new URL(real.url);
    sites.recogniseProfile(url, doc);
    for (let i = 0; i < repeats; i++) {
      const start = performance.now();
      sites.recogniseProfile(url, doc);
      happy.push(performance.now() - start);
    }
  } finally {
    await window.happyDOM.close();
  }

  const where = `${real.file} served at ${real.url} (its scripts blocked)`;
  return [
    fromSamples(
      {
        id: 'recognition.chromium',
        area: AREA,
        label: label('recogniseProfile in Chromium'),
        unit: 'ms',
        target,
        note: `${where}; sites/index.ts bundled by Vite and injected into the page; each sample is the mean of ${BATCH} calls (the page clock has 100 µs steps). Found “${chromium.name}” (${chromium.key}).`,
      },
      chromium.recognise,
    ),
    single({ id: 'recognition.chromium.first', area: AREA, label: label('first recogniseProfile call in Chromium (cold)'), unit: 'ms' }, chromium.first),
    fromSamples(
      { id: 'recognition.chromium.withAnchor', area: AREA, label: label('recogniseProfile + findBadgeAnchor in Chromium (one content-script check)'), unit: 'ms', target },
      chromium.anchor,
    ),
    fromSamples(
      { id: 'recognition.happyDom', area: AREA, label: label('recogniseProfile in Node/happy-dom'), unit: 'ms', note: 'secondary: the same bundle on the page parsed by happy-dom in a fresh Window.' },
      happy,
    ),
  ];
}
