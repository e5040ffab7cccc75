import type { Page } from 'playwright-core';
import { ClosedShadow } from '../scripts/closed-shadow';
import { run } from './browser';

/*
 * Conditions waited for inside a page. They use observers, events or polling with a cap, never
 * fixed sleeps. The badge lives in a CLOSED shadow root on a plain `span` host without any mark
 * of its own, so the page's main world cannot tell it from the page's own elements: it is found
 * from outside, through the DevTools protocol, by what its shadow root holds (`.tk-badge`).
 */

/** A drawn badge as found through DevTools. */
export interface FoundBadge {
  /** The page's `performance.now()`, read in the same call that found the badge. */
  at: number;
  /** The text of the element the badge sits after (the person's name), trimmed. */
  anchor: string | null;
  /** Its accessible name (only a drawn badge has one). */
  label: string;
}

/** Runs on the drawn `.tk-badge` element inside the closed root (see `ClosedShadow.callAll`). */
const READ_BADGE = `function () {
  const at = performance.now();
  const host = this.getRootNode().host;
  return {
    at,
    connected: host.isConnected,
    anchor: host.previousElementSibling?.textContent?.trim() ?? null,
    label: this.getAttribute('aria-label') ?? '',
  };
}`;

/** How often `waitForBadge` looks: the resolution of the times it reports. */
export const BADGE_POLL_MS = 10;

/**
 * Resolves once a drawn badge (its `.tk-badge` has an aria-label) sits after an element whose
 * text is `name` (any badge when null). Polls the page's DOM through DevTools every
 * `BADGE_POLL_MS` ms, up to `timeoutMs`; the session is closed afterwards, so that the page no
 * longer reports its DOM changes. The production build carries no marks: this is how the
 * benchmark sees its badge.
 */
export async function waitForBadge(page: Page, name: string | null, timeoutMs = 10_000): Promise<FoundBadge> {
  const shadow = await ClosedShadow.of(page, '.tk-badge');
  try {
    const deadline = performance.now() + timeoutMs;
    let seen: string[] = [];
    for (;;) {
      let found: (FoundBadge & { connected: boolean })[] = [];
      try {
        found = await shadow.callAll<FoundBadge & { connected: boolean }>('.tk-badge[aria-label]', READ_BADGE);
      } catch {
        // The page changed its DOM between two DevTools calls: look again.
      }
      const drawn = found.filter((badge) => badge.connected);
      const match = drawn.find((badge) => name === null || badge.anchor === name);
      if (match) return { at: match.at, anchor: match.anchor, label: match.label };
      seen = drawn.map((badge) => `next to ${JSON.stringify(badge.anchor)}`);
      if (performance.now() > deadline) {
        throw new Error(`no badge${name ? ` next to ${name}` : ''} within ${timeoutMs} ms${seen.length > 0 ? ` (badges ${seen.join(', ')})` : ''}`);
      }
      await new Promise((resolve) => setTimeout(resolve, BADGE_POLL_MS));
    }
  } finally {
    await shadow.close();
  }
}

/** How many badges (drawn or not) the page holds. */
export async function countBadges(page: Page): Promise<number> {
  const shadow = await ClosedShadow.of(page, '.tk-badge');
  try {
    return await shadow.hostCount();
  } finally {
    await shadow.close();
  }
}

/** Resolves when the page has been idle twice in a row: its scripts (and the extension's) are done. */
export function waitForIdle(page: Page): Promise<void> {
  return run(
    page,
    () =>
      new Promise<void>((resolve) => {
        requestIdleCallback(() => requestIdleCallback(() => resolve()));
      }),
    null,
  );
}

/** Resolves when the page's first <h1> reads `name` (the demo app has rendered that person). */
export function waitForHeading(page: Page, name: string): Promise<void> {
  return run(
    page,
    (name) =>
      new Promise<void>((resolve) => {
        const shows = () => document.querySelector('h1')?.textContent?.trim() === name;
        if (shows()) return resolve();
        const observer = new MutationObserver(() => {
          if (shows()) {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(document, { childList: true, subtree: true, characterData: true });
      }),
    name,
  );
}

export interface Mark {
  name: string;
  startTime: number;
}

/** The page's performance marks named `tiekeeper:*`, once there are at least `count` named `name`. */
export function waitForMarks(page: Page, name: string, count: number, timeoutMs = 10_000): Promise<Mark[]> {
  return run(
    page,
    ({ name, count, timeoutMs }) =>
      new Promise<Mark[]>((resolve, reject) => {
        const marks = () =>
          performance
            .getEntriesByType('mark')
            .filter((m) => m.name.startsWith('tiekeeper:'))
            .map((m) => ({ name: m.name, startTime: m.startTime }));
        const enough = () => performance.getEntriesByName(name, 'mark').length >= count;
        if (enough()) return resolve(marks());
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`only ${performance.getEntriesByName(name, 'mark').length} of ${count} ${name} marks after ${timeoutMs} ms`));
        }, timeoutMs);
        const observer = new PerformanceObserver(() => {
          if (!enough()) return;
          clearTimeout(timer);
          observer.disconnect();
          resolve(marks());
        });
        observer.observe({ type: 'mark' });
      }),
    { name, count, timeoutMs },
  );
}
