import type { BenchBrowser } from './browser';
import { fromSamples, median, unavailable, type Figure, type Target } from './figures';
import { MISSING_FIXTURES, type RealPage } from './fixtures';
import { waitForBadge, waitForIdle } from './probes';

const AREA = '1. Cost on the host page';

interface LoadMetrics {
  /** Chrome's cumulative metrics for the page's renderer, in ms. */
  script: number;
  task: number;
  /** JS heap after a full garbage collection, in bytes (the content script's world included). */
  heap: number;
}

/**
 * One page load in a new tab: Chrome's metrics once the page (and, with the extension, the
 * badge) is done and the page has gone idle. The DevTools metrics count every script on the
 * page's main thread, the content script's isolated world included.
 */
async function load(browser: BenchBrowser, url: string, badge: boolean): Promise<LoadMetrics> {
  const page = await browser.newPage();
  try {
    const cdp = await browser.cdp(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load' });
    if (browser.extensionId && badge) await waitForBadge(page, null);
    await waitForIdle(page);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => {
      const found = metrics.find((m) => m.name === name);
      if (!found) throw new Error(`Chrome reported no ${name}`);
      return found.value;
    };
    const script = metric('ScriptDuration') * 1000;
    const task = metric('TaskDuration') * 1000;
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    return { script, task, heap };
  } finally {
    await page.close();
  }
}

export interface HostPage {
  id: string;
  label: string;
  url: string;
  /** A profile: the extension shows its badge there (else it only loads and looks). */
  badge: boolean;
  /** What the extension may add at most. */
  targets?: { script?: Target; heap?: Target };
}

/**
 * Loads the page alternately with and without the extension (which one goes first alternates
 * too), `runs` times after one warm-up load each (unless `warmUp` is false), and reports what
 * the extension adds.
 */
export async function measureHostPage(withExtension: BenchBrowser, without: BenchBrowser, target: HostPage, runs: number, warmUp: boolean): Promise<Figure[]> {
  if (warmUp) {
    await load(withExtension, target.url, target.badge);
    await load(without, target.url, false);
  }
  const pairs: { with: LoadMetrics; without: LoadMetrics }[] = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      const a = await load(withExtension, target.url, target.badge);
      pairs.push({ with: a, without: await load(without, target.url, false) });
    } else {
      const b = await load(without, target.url, false);
      pairs.push({ with: await load(withExtension, target.url, target.badge), without: b });
    }
  }
  const kB = 1024;
  const describe = (key: keyof LoadMetrics, unit: string, scale: number) =>
    `with the extension ${(median(pairs.map((p) => p.with[key])) / scale).toFixed(1)} ${unit}, without ${(median(pairs.map((p) => p.without[key])) / scale).toFixed(1)} ${unit} (medians of ${runs} side-by-side loads)`;
  const base = { area: AREA };
  return [
    fromSamples(
      {
        ...base,
        id: `host.${target.id}.script`,
        label: `${target.label}: script time added`,
        unit: 'ms',
        target: target.targets?.script,
        note:
          `production build against the same Chromium without it, both serving the page at its URL with a strict CSP; a new tab per load; ` +
          `DevTools Performance.getMetrics ScriptDuration (all scripts on the page's main thread, the content script's isolated world included) once the badge is drawn (on a profile; found through DevTools by polling its closed shadow root every 10 ms, which adds a little DevTools work to the main thread's task time, not to its script time) and the page is idle; ` +
          `${describe('script', 'ms', 1)}; the value is the median of the per-pair differences.`,
      },
      pairs.map((p) => p.with.script - p.without.script),
    ),
    fromSamples(
      { ...base, id: `host.${target.id}.scriptRatio`, label: `${target.label}: script time with / without`, unit: 'ratio' },
      pairs.map((p) => p.with.script / p.without.script),
    ),
    fromSamples(
      {
        ...base,
        id: `host.${target.id}.task`,
        label: `${target.label}: main-thread task time added`,
        unit: 'ms',
        note: `TaskDuration (all main-thread work: scripts, style, layout, parsing); ${describe('task', 'ms', 1)}.`,
      },
      pairs.map((p) => p.with.task - p.without.task),
    ),
    fromSamples(
      { ...base, id: `host.${target.id}.taskRatio`, label: `${target.label}: task time with / without`, unit: 'ratio' },
      pairs.map((p) => p.with.task / p.without.task),
    ),
    fromSamples(
      {
        ...base,
        id: `host.${target.id}.heap`,
        label: `${target.label}: JS heap added`,
        unit: 'kB',
        target: target.targets?.heap,
        note: `Runtime.getHeapUsage after a forced garbage collection (the page's isolate holds the content script's world too); ${describe('heap', 'kB', kB)}.`,
      },
      pairs.map((p) => (p.with.heap - p.without.heap) / kB),
    ),
  ];
}

export async function measureHostCost(
  withExtension: BenchBrowser,
  without: BenchBrowser,
  demo: HostPage[],
  real: RealPage | null,
  runs: { demo: number; real: number; warmUp: boolean },
): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const page of demo) figures.push(...(await measureHostPage(withExtension, without, page, runs.demo, runs.warmUp)));
  const realPage = { id: 'real', label: 'real LinkedIn page (largest saved)', url: real?.url ?? '', badge: true };
  if (!real) {
    for (const [id, label, unit] of [
      ['script', 'script time added', 'ms'],
      ['task', 'main-thread task time added', 'ms'],
      ['heap', 'JS heap added', 'kB'],
    ] as const) {
      figures.push(unavailable({ area: AREA, id: `host.real.${id}`, label: `${realPage.label}: ${label}`, unit }, MISSING_FIXTURES));
    }
    return figures;
  }
  // The page's own scripts stay blocked (they would fetch from LinkedIn); its styles apply.
  withExtension.serve(real.url, real.html, { scripts: false });
  without.serve(real.url, real.html, { scripts: false });
  const measured = await measureHostPage(withExtension, without, { ...realPage, label: `${realPage.label}, ${(real.bytes / 1e6).toFixed(1)} MB` }, runs.real, runs.warmUp);
  for (const figure of measured) if (figure.note) figure.note = `${real.file} served at ${real.url} with its scripts blocked by the CSP. ${figure.note}`;
  return [...figures, ...measured];
}
