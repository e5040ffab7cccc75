import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import type { CommandInput, CommandName, CommandOutput } from '../../../messaging/protocol';
import { FirefoxClosedShadow } from './closed-shadow';
import type { FirefoxHarness } from './harness';

/** The drawn badge: it has its words (an accessible name) once the background answered. */
const DRAWN_BADGE = '.tk-badge[aria-label]';

/** The rendered text of the first element matching `selector`; '' while there is none. */
export function textOf(page: Page, selector: string): Promise<string> {
  return page.evaluate((s) => (document.querySelector(s) as HTMLElement | null)?.innerText ?? '', selector);
}

/**
 * A real mouse click on the button (or link) whose text or accessible name is `name`, within
 * `scope` when given.
 */
export async function clickNamed(page: Page, name: string, scope = 'body'): Promise<void> {
  const point = await page.evaluate(
    (n, s) => {
      const root = document.querySelector(s);
      const candidates = [...(root?.querySelectorAll<HTMLElement>('button, a, [role="button"]') ?? [])];
      const target = candidates.find((e) => e.getAttribute('aria-label') === n || e.innerText.trim() === n);
      if (!target) return null;
      target.scrollIntoView({ block: 'center' });
      const r = target.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    },
    name,
    scope,
  );
  if (!point) throw new Error(`No button or link named "${name}" in ${scope}`);
  await page.mouse.click(point.x, point.y);
}

/** Sends a command to the background from an open extension page, as the dashboard does. */
export async function send<N extends CommandName>(page: Page, cmd: N, input: CommandInput<N>): Promise<CommandOutput<N>> {
  const response = (await page.evaluate(
    (c, i) => (globalThis as unknown as { browser: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }).browser.runtime.sendMessage({ cmd: c, input: i }),
    cmd,
    input as never,
  )) as { ok: true; value: CommandOutput<N> } | { ok: false; error: unknown };
  if (!response.ok) throw new Error(`${cmd} was refused: ${JSON.stringify(response.error)}`);
  return response.value;
}

/** Tiekeeper's badge next to the person's name, inside its closed shadow root. */
export class FirefoxBadge {
  readonly shadow: FirefoxClosedShadow;

  constructor(
    readonly page: Page,
    private readonly harness: FirefoxHarness,
  ) {
    this.shadow = new FirefoxClosedShadow(harness.bidi, page, harness.contextOf(page), '.tk-badge');
  }

  count(): Promise<number> {
    return this.shadow.hostCount();
  }

  /** What the badge shows: its words are generated content, so they are read from the attribute. */
  async text(): Promise<string> {
    return (await this.shadow.attribute('.tk-label', 'data-label')) ?? '';
  }

  /** What a screen reader announces ('' while absent). */
  async label(): Promise<string> {
    return (await this.shadow.call<string>(DRAWN_BADGE, '(el) => el.getAttribute("aria-label")')) ?? '';
  }

  /**
   * A click on the badge. Firefox does not take a click in a web page as the user's gesture for
   * its sidebar, so the panel opens in a small window of its own, about this tab.
   */
  async open(): Promise<{ panel: Page; tabId: number }> {
    await expect.poll(() => this.label()).not.toBe('');
    const before = new Set(await this.harness.extensionPages('sidepanel.html'));
    await this.shadow.click('.tk-badge');
    let panel: Page | undefined;
    await expect.poll(async () => {
      panel = (await this.harness.extensionPages('sidepanel.html')).find((page) => !before.has(page));
      return panel !== undefined;
    }).toBe(true);
    const href = await panel!.evaluate(() => location.href);
    await expect.poll(() => panel!.evaluate(() => document.querySelector('.tk-panel') !== null)).toBe(true);
    return { panel: panel!, tabId: Number(new URL(href).searchParams.get('tab')) };
  }
}
