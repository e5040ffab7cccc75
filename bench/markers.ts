import type { Page } from 'playwright-core';
import type { BackupData } from '../domain/backup';
import { peopleListPage } from '../demo/messaging';
import { ClosedShadow } from '../scripts/closed-shadow';
import { initScript, type BenchBrowser } from './browser';
import { fromSamples, type Figure } from './figures';
import { waitForIdle } from './probes';

const AREA = '1. Cost on the host page';
const PEOPLE = 100;
const LIST_URL = 'https://www.linkedin.com/search/results/people/';
/** The same page, whose links lead to companies: no people, so no markers. */
const CONTROL_URL = 'https://www.linkedin.com/search/results/companies/';

/** Half the list are people kept in the database (with profiles there), half are strangers. */
function listPeople(data: BackupData): { slug: string; name: string; headline: string }[] {
  const names = new Map(data.contacts.map((c) => [c.id, c.displayName]));
  const known = data.profiles
    .filter((p) => p.site === 'linkedin')
    .slice(0, PEOPLE / 2)
    .map((p) => ({ slug: decodeURIComponent(new URL(p.url).pathname.split('/')[2] ?? ''), name: names.get(p.contactId) ?? 'Known Person', headline: 'Kept in Tiekeeper' }));
  const strangers = Array.from({ length: PEOPLE - known.length }, (_, i) => ({ slug: `stranger-${i}-b3n4`, name: `Stranger ${i}`, headline: 'Not kept' }));
  // Interleaved, as a real list would have them.
  return known.flatMap((person, i) => [person, strangers[i]!]).concat(strangers.slice(known.length));
}

async function waitForMarkers(page: Page, count: number, timeoutMs = 10_000): Promise<void> {
  const shadow = await ClosedShadow.of(page, '.tk-marker');
  try {
    const deadline = performance.now() + timeoutMs;
    while ((await shadow.hostCount()) < count) {
      if (performance.now() > deadline) throw new Error(`fewer than ${count} markers within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    await shadow.close();
  }
}

/** One load: the page's script time, and (with the extension, on the list) the layout shift seen. */
async function load(browser: BenchBrowser, url: string, markers: number): Promise<{ script: number; shift: number }> {
  const page = await browser.newPage();
  try {
    await page.addInitScript(
      initScript(() => {
        const scope = window as unknown as { __shift: number };
        scope.__shift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) scope.__shift += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
      }, null),
    );
    const cdp = await browser.cdp(page);
    // Thread time: the main thread's CPU time in scripts, which other work on a shared machine
    // does not inflate (wall time does, by whenever the thread was waiting for a core).
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(url, { waitUntil: 'load' });
    if (markers > 0) await waitForMarkers(page, markers);
    await waitForIdle(page);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const script = (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? Number.NaN) * 1000;
    const shift = await page.evaluate(() => (window as unknown as { __shift: number }).__shift);
    return { script, shift };
  } finally {
    await page.close();
  }
}

/**
 * The markers beside people in a list (issue 15): a 2026-markup list of 100 people, half of them
 * kept, loaded with and without the extension; the same page with company links instead of people
 * is the control, so that what the content script costs on every page is not counted twice.
 */
export async function measureListMarkers(
  withExtension: BenchBrowser,
  without: BenchBrowser,
  data: BackupData,
  runs: { count: number; warmUp: boolean },
): Promise<Figure[]> {
  const people = listPeople(data);
  const known = people.filter((p) => p.headline === 'Kept in Tiekeeper').length;
  const list = peopleListPage(people);
  const control = list.replaceAll('/in/', '/company/');
  for (const browser of [withExtension, without]) {
    browser.serve(LIST_URL, list, { scripts: false });
    browser.serve(CONTROL_URL, control, { scripts: false });
  }
  const loadAll = async (first: 'with' | 'without') => {
    const order = first === 'with' ? [withExtension, without] : [without, withExtension];
    const results = new Map<BenchBrowser, { list: { script: number; shift: number }; control: { script: number } }>();
    for (const browser of order) {
      const markers = browser === withExtension ? known : 0;
      results.set(browser, { list: await load(browser, LIST_URL, markers), control: await load(browser, CONTROL_URL, 0) });
    }
    return { with: results.get(withExtension)!, without: results.get(without)! };
  };
  if (runs.warmUp) await loadAll('with');
  const added: number[] = [];
  const shifts: number[] = [];
  for (let i = 0; i < runs.count; i++) {
    // Which browser goes first alternates, as in the other host-page figures.
    const run = await loadAll(i % 2 === 0 ? 'with' : 'without');
    added.push(run.with.list.script - run.without.list.script - (run.with.control.script - run.without.control.script));
    shifts.push(run.with.list.shift - run.without.list.shift);
  }
  return [
    fromSamples(
      {
        area: AREA,
        id: 'host.markers.script',
        label: `list of ${PEOPLE} people (${known} kept): script time the markers add`,
        unit: 'ms',
        target: { max: 5, source: 'issue 15: markers add at most 5 ms of script time to a page listing 100 people' },
        note:
          `production build against Chromium without it; per run, (list with − without) − (the same page with company links instead of people: with − without), ` +
          `so the content script's cost on every page is not counted; DevTools ScriptDuration in thread time (the main thread's CPU time, not wall time) once the ${known} markers are drawn (polled through DevTools) and the page is idle. ` +
          `Median of ${runs.count} runs${runs.warmUp ? ' after one warm-up' : ''}.`,
      },
      added,
    ),
    fromSamples(
      {
        area: AREA,
        id: 'host.markers.shift',
        label: `list of ${PEOPLE} people: layout shift the markers cause`,
        unit: 'ratio',
        target: { max: 0, source: 'issue 15: markers cause no layout shift' },
        note: 'The page\'s own PerformanceObserver for layout-shift entries (without recent input), summed, with the extension minus without.',
      },
      shifts,
    ),
  ];
}
