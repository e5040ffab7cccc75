import type { Page } from 'playwright-core';
import { run } from './browser';

/*
 * Conditions waited for inside a page, in its main world. They use observers and events, never
 * fixed sleeps. The badge lives in a closed shadow root, but its host element is in the light
 * DOM and gets a size once the shadow content renders: that is visible from the page.
 */

/** Resolves once a `tiekeeper-badge` host placed after an element with `name` (any, when null) has a size. */
export function waitForBadge(page: Page, name: string | null, timeoutMs = 10_000): Promise<number> {
  return run(
    page,
    ({ name, timeoutMs }) =>
      new Promise<number>((resolve, reject) => {
        const matching = () =>
          [...document.querySelectorAll('tiekeeper-badge')].find(
            (host) => name === null || host.previousElementSibling?.textContent?.trim() === name,
          );
        const sized = (host: Element) => {
          const box = host.getBoundingClientRect();
          return box.width > 0 && box.height > 0;
        };
        const timer = setTimeout(() => {
          mutations.disconnect();
          reject(new Error(`no badge${name ? ` next to ${name}` : ''} within ${timeoutMs} ms`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          mutations.disconnect();
          resolve(performance.now());
        };
        let watched: Element | null = null;
        const check = () => {
          const host = matching();
          if (!host || host === watched) return;
          watched = host;
          if (sized(host)) return done();
          // The host is there; its content renders when the extension has the person's state.
          const sizes = new ResizeObserver(() => {
            if (sized(host)) {
              sizes.disconnect();
              done();
            }
          });
          sizes.observe(host);
        };
        const mutations = new MutationObserver(check);
        mutations.observe(document, { childList: true, subtree: true });
        check();
      }),
    { name, timeoutMs },
  );
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
