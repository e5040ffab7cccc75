import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { linkedinPeople } from '../demo/people';
import { measureBadgeLoads, measureNavigation, DEMO_URL } from './badge';
import { measureLargeBackup } from './backup';
import { BenchBrowser, type ExtensionPage } from './browser';
import { BENCH_DIR, buildExtensions, PRODUCTION_DIR, ROOT } from './build';
import { backupText, createRandom, generateDataset } from './data';
import { measureDashboard } from './dashboard';
import { AREA as DATABASE_AREA, measureBulkChange, measureConnectionsImport, measureDueListScaling, measureDueListWithPopupData } from './database';
import { markdownNotes, markdownTable, median, single, type Figure } from './figures';
import { largestRealProfile } from './fixtures';
import { measureHostCost } from './host';
import { measureListMarkers } from './markers';
import { measureContentMemory, workerHeap, workerHeapFigure } from './memory';
import { measurePanel } from './panel';
import { measurePopup } from './popup';
import { measureRecognition } from './recognition';
import { measureSearch } from './search';
import { entrySizes, measureSizes, type EntrySize } from './sizes';
import { measureSync } from './sync';
import { measureWakes } from './wakes';

export const AREAS = ['sizes', 'search', 'badge', 'navigation', 'popup', 'dashboard', 'panel', 'database', 'wakes', 'memory', 'host', 'markers', 'recognition', 'backup', 'sync'] as const;
export type AreaName = (typeof AREAS)[number];

export interface BenchOptions {
  /** Tiny sizes and few runs: checks that every figure can be measured (the smoke test). */
  quick: boolean;
  /** Only these areas (all when empty). */
  only: readonly AreaName[];
  /** Progress lines; silent when absent. */
  log?: (line: string) => void;
}

/** How much of everything: the real run, and the smoke test's tiny version. */
export function plan(quick: boolean) {
  return quick
    ? {
        host: { demo: 1, real: 1, warmUp: false },
        badgeRuns: 2,
        navigations: 3,
        popupRuns: 2,
        dashboardRuns: 2,
        panelRuns: 2,
        popupData: { contacts: 300, due: 30, upcoming: 10 },
        dueList: { sizes: [50, 200], repeats: 3, due: 10, upcoming: 5 },
        connections: { rows: 200, runs: 1 },
        connectionsLarge: { rows: 1_000, runs: 1 },
        backup: { contacts: 500, notes: 5_000 },
        sync: { contacts: 200, notes: 1_000, runs: 2, newDeviceRuns: 1 },
        bulk: { contacts: 200, runs: 2 },
        search: { contacts: 200, notes: 1_000, repeats: 2 },
        wakeContacts: 200,
        memory: { navigations: 2, more: 2 },
        recognitionRepeats: 3,
      }
    : {
        host: { demo: 12, real: 6, warmUp: true },
        badgeRuns: 25,
        navigations: 20,
        popupRuns: 20,
        dashboardRuns: 15,
        panelRuns: 15,
        popupData: { contacts: 10_000, due: 1_000, upcoming: 300 },
        dueList: { sizes: [1_000, 10_000, 50_000, 100_000], repeats: 15, due: 100, upcoming: 50 },
        connections: { rows: 10_000, runs: 4 },
        connectionsLarge: { rows: 120_000, runs: 2 },
        backup: { contacts: 50_000, notes: 500_000 },
        sync: { contacts: 10_000, notes: 50_000, runs: 7, newDeviceRuns: 3 },
        bulk: { contacts: 5_000, runs: 6 },
        search: { contacts: 10_000, notes: 50_000, repeats: 5 },
        wakeContacts: 10_000,
        memory: { navigations: 100, more: 100 },
        recognitionRepeats: 30,
      };
}

/**
 * A fixed piece of work (sorting a seeded array), timed: how fast this machine was during the
 * run. Figures from runs with a much slower calibration are not comparable.
 */
export function calibrate(): number {
  const random = createRandom(5);
  const samples: number[] = [];
  for (let run = 0; run < 5; run++) {
    const values = new Float64Array(300_000).map(() => random.next());
    const start = performance.now();
    values.sort();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

export interface Environment {
  date: string;
  chromium: string;
  node: string;
  platform: string;
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  commit: string;
  quick: boolean;
  /** `calibrate()` in ms at the start and the end of the run. */
  calibrationMs: { start: number; end: number };
  /** The machine's 1-minute load average at the start and the end (other work on it). */
  loadAverage: { start: number; end: number };
}

export interface BenchResults {
  environment: Environment;
  figures: Figure[];
  /** Every built file by entry point (production build). */
  sizes: EntrySize[];
  /** Areas that failed, with the error. */
  errors: { area: AreaName; error: string }[];
  seconds: number;
}

function gitCommit(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    // The results and the README that quotes them do not change what is measured.
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', '.', ':!bench/results.*', ':!README.md'], { cwd: ROOT, encoding: 'utf8' });
    const dirty = status.trim() !== '';
    return dirty ? `${commit} (with uncommitted changes)` : commit;
  } catch {
    return 'unknown';
  }
}

const demoPeople = linkedinPeople.map((p) => ({ name: p.name, url: DEMO_URL(p.slug) }));

/** Runs the benchmark and returns its figures; writing them out is the caller's business. */
export async function runBenchmark(options: BenchOptions): Promise<BenchResults> {
  const started = performance.now();
  const calibrationStart = calibrate();
  const loadStart = os.loadavg()[0]!;
  const log = options.log ?? (() => {});
  const wanted = (area: AreaName) => options.only.length === 0 || options.only.includes(area);
  const sizes = plan(options.quick);
  const figures: Figure[] = [];
  const errors: BenchResults['errors'] = [];
  const browsers: BenchBrowser[] = [];
  let chromium = 'not started';

  const step = async (area: AreaName, work: () => Promise<Figure[]>) => {
    if (!wanted(area)) return;
    const t = performance.now();
    log(`${area}…`);
    try {
      figures.push(...(await work()));
      log(`${area} done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    } catch (error) {
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      errors.push({ area, error: text });
      log(`${area} FAILED: ${text}`);
    }
  };
  const launch = async (dir: string | null) => {
    const browser = await BenchBrowser.launch(dir);
    browsers.push(browser);
    if (chromium === 'not started') {
      const page = await browser.newPage();
      const { product } = await (await browser.cdp(page)).send('Browser.getVersion');
      chromium = product.replace(/^\D+\//, '');
      await page.close();
    }
    return browser;
  };
  const popupDataset = (now: number) => generateDataset({ now, seed: 3, ...sizes.popupData, notes: sizes.popupData.contacts, include: demoPeople });
  const popupData = () => {
    const now = Date.now();
    return backupText(popupDataset(now), now);
  };

  try {
    log('building the extension (production and bench builds)…');
    buildExtensions({ keepProduction: options.quick });

    await step('sizes', async () => measureSizes(PRODUCTION_DIR, BENCH_DIR).figures);
    // The bench build: performance marks in the content script; otherwise the production build.
    const needsBench = (['badge', 'navigation', 'popup', 'dashboard', 'panel', 'database', 'wakes', 'memory'] as const).some(wanted);
    if (needsBench) {
      const bench = await launch(BENCH_DIR);
      const page: ExtensionPage = await bench.extensionPage();
      if (wanted('memory')) {
        await step('memory', async () => [workerHeapFigure('fresh', 'just started, empty database', await workerHeap(bench, page), 'the service worker’s JS heap (DevTools Runtime.getHeapUsage on the worker target after HeapProfiler.collectGarbage, three readings).')]);
      }
      await step('badge', () => measureBadgeLoads(bench, { runs: sizes.badgeRuns, database: 'empty', id: 'empty', withTarget: false }));
      const count = sizes.popupData.contacts.toLocaleString('en-GB');
      const seeded = await page.importBackup(popupData(), 'replace');
      figures.push(
        single(
          {
            id: 'db.import.seed',
            area: DATABASE_AREA,
            label: `backup import (replace), ${count} contacts with profiles, notes and interactions`,
            unit: 's',
            note: 'seeding the bench browser through import.apply; one run, for orientation.',
          },
          seeded / 1000,
        ),
      );
      await step('badge', () => measureBadgeLoads(bench, { runs: sizes.badgeRuns, database: `${count} contacts`, id: 'seeded', withTarget: true }));
      await step('navigation', () => measureNavigation(bench, { navigations: sizes.navigations }));
      await step('popup', () => measurePopup(bench, { runs: sizes.popupRuns, ...sizes.popupData }));
      await step('dashboard', () => measureDashboard(bench, { runs: sizes.dashboardRuns, contacts: sizes.popupData.contacts }));
      await step('panel', () => measurePanel(bench, { runs: sizes.panelRuns, contacts: sizes.popupData.contacts }));
      await step('database', () => measureDueListWithPopupData(page, sizes.dueList.repeats, sizes.popupData.contacts));
      if (wanted('memory')) {
        await step('memory', async () => [workerHeapFigure('seeded', `${count} contacts, after the badge, popup and due-list runs`, await workerHeap(bench, page))]);
      }
      await step('database', () => measureConnectionsImport(page, sizes.connections));
      // In a browser of its own, like a first import: the runs above have written and deleted
      // hundreds of thousands of rows in this profile, and its database files carry them.
      await step('database', async () => {
        const fresh = await launch(PRODUCTION_DIR);
        try {
          return await measureConnectionsImport(await fresh.extensionPage(), sizes.connectionsLarge, 'large');
        } finally {
          await fresh.close();
        }
      });
      await step('database', () => measureBulkChange(page, sizes.bulk));
      await step('wakes', () => measureWakes({ contacts: sizes.wakeContacts, browser: bench, page }));
      await step('database', () => measureDueListScaling(page, sizes.dueList));
      if (wanted('memory') && wanted('database')) {
        const largest = sizes.dueList.sizes.at(-1)!.toLocaleString('en-GB');
        await step('memory', async () => [workerHeapFigure('large', `${largest} contacts, after imports and due-list runs`, await workerHeap(bench, page))]);
      }
      await bench.close();
    }

    const real = largestRealProfile();
    if (wanted('host') || wanted('markers') || wanted('memory') || wanted('recognition')) {
      const plain = await launch(null);
      if (wanted('host') || wanted('markers') || wanted('memory')) {
        // The production build, with the same people known, against Chromium without the extension.
        const production = await launch(PRODUCTION_DIR);
        await (await production.extensionPage()).importBackup(popupData(), 'replace');
        const demoPages = [
          {
            id: 'demo',
            label: 'demo LinkedIn profile (a known, due person)',
            url: DEMO_URL(linkedinPeople[0]!.slug),
            badge: true,
            targets: { script: { max: 15, source: 'issue 13: at most 15 ms of script time added on profile pages' } },
          },
          // The content script runs on every page of the sites: its cost where it shows nothing.
          {
            id: 'feed',
            label: 'demo LinkedIn feed (not a profile)',
            url: 'https://www.linkedin.com/feed/',
            badge: false,
            targets: {
              script: { max: 2, source: 'issue 13: at most 2 ms of script time added on pages without a person' },
              heap: { max: 100, source: 'issue 13: at most 100 KB of JS heap added on pages without a person' },
            },
          },
        ];
        await step('host', () => measureHostCost(production, plain, demoPages, real, sizes.host));
        await step('markers', () =>
          // The same people as imported above (the same seed): half the list is kept.
          measureListMarkers(production, plain, popupDataset(Date.now()), { count: sizes.host.demo, warmUp: sizes.host.warmUp }),
        );
        await step('memory', () => measureContentMemory(production, plain, sizes.memory.navigations, sizes.memory.more));
        await production.close();
      }
      await step('recognition', () => measureRecognition(plain, real, sizes.recognitionRepeats));
      await plain.close();
    }

    if (wanted('backup')) {
      // A browser of its own: the restore replaces everything.
      const production = await launch(PRODUCTION_DIR);
      await step('backup', () => measureLargeBackup(production, sizes.backup));
      await production.close();
    }

    // Two browsers of their own: two computers sharing one folder.
    await step('sync', () => measureSync(() => launch(PRODUCTION_DIR), sizes.sync));

    // Pure code, in Node.
    await step('search', async () => measureSearch(sizes.search));
  } finally {
    for (const browser of browsers) await browser.close().catch(() => undefined);
  }

  const order = (f: Figure) => Number.parseInt(f.area, 10);
  figures.sort((a, b) => order(a) - order(b));
  return {
    environment: {
      date: new Date().toISOString(),
      chromium,
      node: process.version,
      platform: `${os.type()} ${os.release()} ${os.arch()}`,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(os.totalmem() / 1024 ** 3),
      commit: gitCommit(),
      quick: options.quick,
      calibrationMs: { start: calibrationStart, end: calibrate() },
      loadAverage: { start: loadStart, end: os.loadavg()[0]! },
    },
    figures,
    sizes: wanted('sizes') ? entrySizes(PRODUCTION_DIR) : [],
    errors,
    seconds: (performance.now() - started) / 1000,
  };
}

/** The results as the markdown page bench/results.md (also pasted into the README). */
export function resultsMarkdown(results: BenchResults): string {
  const env = results.environment;
  return [
    '# Tiekeeper benchmark results',
    '',
    `${env.date.slice(0, 10)}, commit ${env.commit}${env.quick ? ', **quick run (tiny sizes, not representative)**' : ''}. ` +
      `Chromium ${env.chromium} (headless), Node ${env.node}, ${env.cpus} × ${env.cpuModel}, ${env.memoryGb} GB, ${env.platform}. ` +
      `Took ${Math.round(results.seconds)} s. ${machineLoad(env)} Medians; the spread is min–max and the 90th percentile over the runs (n).`,
    '',
    markdownTable(results.figures),
    '',
    '## How each figure was measured',
    '',
    markdownNotes(results.figures),
    ...(results.errors.length > 0 ? ['', '## Errors', '', ...results.errors.map((e) => `- ${e.area}: ${e.error.split('\n')[0]}`)] : []),
    '',
  ].join('\n');
}

function machineLoad(env: Environment): string {
  const f = (n: number) => n.toFixed(1);
  return `Machine load: 1-minute load average ${f(env.loadAverage.start)} at the start, ${f(env.loadAverage.end)} at the end; calibration (a fixed sort in Node) ${f(env.calibrationMs.start)} and ${f(env.calibrationMs.end)} ms.`;
}

/** The table for the README: when and where it was measured, and the figures. */
export function readmeTable(results: BenchResults): string {
  const env = results.environment;
  return [
    `Latest run: ${env.date.slice(0, 10)}, commit ${env.commit}, Chromium ${env.chromium} headless, Node ${env.node}, ${env.cpus} × ${env.cpuModel}. ` +
      `${machineLoad(env)} How each figure is measured: [bench/results.md](bench/results.md).`,
    '',
    markdownTable(results.figures),
  ].join('\n');
}
