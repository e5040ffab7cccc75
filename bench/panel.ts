import type { Page } from 'playwright-core';
import { linkedinPeople } from '../demo/people';
import { ClosedShadow } from '../scripts/closed-shadow';
import { DEMO_URL } from './badge';
import { initScript, run, type BenchBrowser } from './browser';
import { fromSamples, single, type Figure } from './figures';
import { waitForBadge } from './probes';

const AREA = '10. Panel';

interface PanelOpen {
  tabId: number;
  /** `performance.timeOrigin + performance.now()` in the worker when `sidePanel.open` was called. */
  at: number;
  /** What the browser said: 'resolved', 'rejected: …', or 'pending'. */
  outcome: string;
}

/**
 * Wraps `chrome.sidePanel.open` in the background worker (again after the worker was replaced)
 * so that every call is recorded with its time; the call itself still goes to the browser.
 */
function recordPanelOpens(): void {
  const scope = globalThis as unknown as {
    chrome: { sidePanel: { open: (o: { tabId: number }) => Promise<void> } };
    __benchPanelOpens?: PanelOpen[];
  };
  if (scope.__benchPanelOpens) return;
  const opens: PanelOpen[] = [];
  scope.__benchPanelOpens = opens;
  const sidePanel = scope.chrome.sidePanel;
  const open = sidePanel.open.bind(sidePanel);
  sidePanel.open = (options) => {
    const entry: PanelOpen = { tabId: options.tabId, at: performance.timeOrigin + performance.now(), outcome: 'pending' };
    opens.push(entry);
    return open(options).then(
      () => {
        entry.outcome = 'resolved';
      },
      (error: Error) => {
        entry.outcome = `rejected: ${error.message}`;
        throw error;
      },
    );
  };
}

/** Notes in the page (main world) the time of every click that reaches it, the badge's included. */
function recordClicks(): void {
  const clicks: number[] = [];
  (window as unknown as { __benchClicks: number[] }).__benchClicks = clicks;
  window.addEventListener('click', (event) => clicks.push(performance.timeOrigin + event.timeStamp), true);
}

/** Notes in the side panel's page when its name field first holds `name` (time since navigation start). */
function watchForName(name: string): void {
  const state = window as unknown as { __benchNameAt?: number };
  const check = () => {
    if (state.__benchNameAt !== undefined) return;
    if (document.querySelector<HTMLInputElement>('input.tk-name')?.value === name) {
      state.__benchNameAt = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

async function nameShownAt(page: Page, timeoutMs = 10_000): Promise<number> {
  return run(
    page,
    (timeoutMs) =>
      new Promise<number>((resolve, reject) => {
        const state = window as unknown as { __benchNameAt?: number };
        if (state.__benchNameAt !== undefined) return resolve(state.__benchNameAt);
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`the panel did not show the name within ${timeoutMs} ms`));
        }, timeoutMs);
        const observer = new MutationObserver(() => {
          if (state.__benchNameAt === undefined) return;
          clearTimeout(timer);
          observer.disconnect();
          resolve(state.__benchNameAt);
        });
        observer.observe(document, { childList: true, subtree: true, attributes: true });
      }),
    timeoutMs,
  );
}

/** Polls (in Node, with a cap) until `read` gives a value. */
async function until<T>(read: () => Promise<T | undefined>, what: string, timeoutMs = 5_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * Click on the badge → the panel showing the person. A real mouse click on the badge (through
 * DevTools: its root is closed), the background asking the browser to open the side panel
 * (timed where it calls `chrome.sidePanel.open`), and then, as headless Chromium draws no side
 * panel, the side panel's page for that tab opened in a tab of its own, timed from its
 * navigation start to the person's name in its name field.
 */
export async function measurePanel(browser: BenchBrowser, options: { runs: number; contacts: number }): Promise<Figure[]> {
  const person = linkedinPeople[0]!;
  const worker = await browser.worker();
  const page = await browser.newPage();
  await page.addInitScript(initScript(recordClicks, null));
  const toOpen: number[] = [];
  const toName: number[] = [];
  const sums: number[] = [];
  let cold = { toOpen: 0, toName: 0 };
  const outcomes = new Set<string>();
  const shadow = await ClosedShadow.of(page, '.tk-badge');
  try {
    await page.goto(DEMO_URL(person.slug));
    await waitForBadge(page, person.name);
    for (let i = 0; i <= options.runs; i++) {
      // The worker may have been replaced since (it sleeps when idle): wrap the new one.
      const current = browser.context.serviceWorkers().find((w) => w.url().startsWith(browser.origin)) ?? worker;
      await run(current, recordPanelOpens, null);
      const before = await run(current, () => (globalThis as unknown as { __benchPanelOpens: unknown[] }).__benchPanelOpens.length, null);
      await shadow.click('.tk-badge');
      const opened = await until(
        async () => run(current, (n) => (globalThis as unknown as { __benchPanelOpens: PanelOpen[] }).__benchPanelOpens[n], before),
        'the background did not ask to open the side panel',
      );
      const clicked = (await run(page, () => (window as unknown as { __benchClicks: number[] }).__benchClicks.at(-1), null))!;
      outcomes.add((await run(current, (n) => (globalThis as unknown as { __benchPanelOpens: PanelOpen[] }).__benchPanelOpens[n]!.outcome, before)));

      const panel = await browser.newPage();
      try {
        await panel.addInitScript(initScript(watchForName, person.name));
        await panel.goto(`${browser.origin}/sidepanel.html?tab=${opened.tabId}`);
        const named = await nameShownAt(panel);
        const a = opened.at - clicked;
        if (i === 0) cold = { toOpen: a, toName: named };
        else {
          toOpen.push(a);
          toName.push(named);
          sums.push(a + named);
        }
      } finally {
        await panel.close();
      }
      // Windows the background opened instead of the side panel (where the browser refused it) go too.
      for (const other of browser.context.pages()) if (other !== page && other.url().includes('/sidepanel.html')) await other.close();
    }
  } finally {
    await shadow.close();
    await page.close();
  }
  const browserSaid = [...outcomes].join('; ');
  return [
    fromSamples(
      {
        id: 'panel.total',
        area: AREA,
        label: 'click on the badge → the person’s name in the panel (sum of the two parts below)',
        unit: 'ms',
        target: { max: 150, source: 'issue 13: the panel shows the person within 150 ms of the click' },
        note:
          `the per-run sum of “click → sidePanel.open” and “panel page navigation start → name shown”, database of ${options.contacts.toLocaleString('en-GB')} contacts, the demo profile of a known person. ` +
          `Approximated: headless Chromium draws no side panel (the browser answered sidePanel.open with: ${browserSaid}), so the time the browser takes from that call to starting the ` +
          `side panel's page is not in the sum, and the page is opened by the benchmark in a tab of its own instead (sidepanel.html?tab=<id>, the same page about the same tab). ` +
          `The first opening of the run (cold) is left out: ${(cold.toOpen + cold.toName).toFixed(1)} ms (${cold.toOpen.toFixed(1)} + ${cold.toName.toFixed(1)}).`,
      },
      sums,
    ),
    fromSamples(
      {
        id: 'panel.open',
        area: AREA,
        label: 'click on the badge → the background calls sidePanel.open',
        unit: 'ms',
        note:
          'a real mouse click in the middle of the badge (DevTools Input.dispatchMouseEvent); from the click event’s timeStamp in the page to the call of chrome.sidePanel.open in the service worker (wrapped there), both as performance.timeOrigin + time, so across two processes’ clocks (sub-millisecond agreement is not guaranteed).',
      },
      toOpen,
    ),
    fromSamples(
      {
        id: 'panel.name',
        area: AREA,
        label: 'panel page navigation start → the person’s name shown',
        unit: 'ms',
        note: 'sidepanel.html?tab=<id> opened in a new tab; performance.now() when input.tk-name first holds the name (a MutationObserver added before the page’s scripts).',
      },
      toName,
    ),
    single({ id: 'panel.cold', area: AREA, label: 'first opening in the run (cold): click → name shown', unit: 'ms' }, cold.toOpen + cold.toName),
  ];
}
