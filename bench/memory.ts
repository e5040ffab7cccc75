import type { Page } from 'playwright-core';
import { linkedinPeople } from '../demo/people';
import { pageHeapAfterGc, type BenchBrowser, type ExtensionPage } from './browser';
import { DEMO_URL } from './badge';
import { fromSamples, median, single, type Figure } from './figures';
import { countBadges, waitForBadge, waitForHeading, waitForIdle } from './probes';

const AREA = '8. Memory';
const kB = 1024;

/** The worker's heap after a full garbage collection, read a few times. */
export async function workerHeap(browser: BenchBrowser, page: ExtensionPage, readings = 3): Promise<number[]> {
  const session = await browser.workerSession(page);
  try {
    const samples: number[] = [];
    for (let i = 0; i < readings; i++) samples.push(await session.heapAfterGc());
    return samples;
  } finally {
    await session.detach();
  }
}

export function workerHeapFigure(id: string, label: string, samples: number[], note?: string): Figure {
  return fromSamples({ id: `memory.worker.${id}`, area: AREA, label: `worker heap, ${label}`, unit: 'kB', note }, samples.map((s) => s / kB));
}

interface Tab {
  page: Page;
  heap: () => Promise<number>;
}

async function openTab(browser: BenchBrowser): Promise<Tab> {
  const page = await browser.newPage();
  const cdp = await browser.cdp(page);
  await page.goto(DEMO_URL(linkedinPeople[0]!.slug));
  if (browser.extensionId) await waitForBadge(page, linkedinPeople[0]!.name);
  else await waitForHeading(page, linkedinPeople[0]!.name);
  return { page, heap: () => pageHeapAfterGc(cdp) };
}

/** Clicks to the next person and waits until they are shown (with the extension: their badge). */
async function navigate(browser: BenchBrowser, tab: Tab, i: number): Promise<void> {
  const person = linkedinPeople[(i + 1) % linkedinPeople.length]!;
  await tab.page.click(`header a[href="/in/${encodeURIComponent(person.slug)}/"]`);
  if (browser.extensionId) await waitForBadge(tab.page, person.name);
  else await waitForHeading(tab.page, person.name);
}

/**
 * The content script's memory: the same demo tab with and without the extension, side by side,
 * through single-page navigations. The content script's isolated world shares the page's JS
 * heap, so its share is the difference after `navigations`. Then `more` navigations show
 * whether that share keeps growing (a leak: badges or roots not released) once the first
 * navigations have filled V8's and React's caches.
 */
export async function measureContentMemory(withExtension: BenchBrowser, without: BenchBrowser, navigations: number, more: number): Promise<Figure[]> {
  const tabs = { with: await openTab(withExtension), without: await openTab(without) };
  try {
    const readings = async (tab: Tab) => {
      await waitForIdle(tab.page);
      return [await tab.heap(), await tab.heap(), await tab.heap()];
    };
    const loaded = { with: await readings(tabs.with), without: await readings(tabs.without) };
    let after = loaded;
    for (let i = 0; i < navigations + more; i++) {
      await navigate(withExtension, tabs.with, i);
      await navigate(without, tabs.without, i);
      if (i === navigations - 1) after = { with: await readings(tabs.with), without: await readings(tabs.without) };
    }
    const later = { with: await readings(tabs.with), without: await readings(tabs.without) };
    const badges = await countBadges(tabs.with.page);
    if (badges !== 1) throw new Error(`${badges} badges on the page after ${navigations + more} navigations`);
    const m = (samples: number[]) => median(samples) / kB;
    const added = after.with.map((w, i) => (w - after.without[i]!) / kB);
    const growth = (m(later.with) - m(after.with) - (m(later.without) - m(after.without))) / more;
    return [
      fromSamples(
        {
          id: 'memory.content.added',
          area: AREA,
          label: `content script: page JS heap added after ${navigations} single-page navigations`,
          unit: 'kB',
          note:
            `production build; Runtime.getHeapUsage after HeapProfiler.collectGarbage on the demo tab (three readings), with the extension ${m(after.with).toFixed(0)} kB, ` +
            `without ${m(after.without).toFixed(0)} kB; after the first load ${m(loaded.with).toFixed(0)} and ${m(loaded.without).toFixed(0)} kB. One badge on the page at the end.`,
        },
        added,
      ),
      single(
        {
          id: 'memory.content.growthPerNavigation',
          area: AREA,
          label: `content script: heap growth per navigation beyond the page’s own (navigations ${navigations + 1}–${navigations + more})`,
          unit: 'kB',
          note: `((with, after ${navigations + more} − after ${navigations}) − (the same without)) / ${more}: near zero means nothing is kept per navigation.`,
        },
        growth,
      ),
    ];
  } finally {
    await tabs.with.page.close();
    await tabs.without.page.close();
  }
}
