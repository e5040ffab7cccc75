import type { BrowserContext, Page } from 'playwright-core';
import { ClosedShadow } from './closed-shadow';

/** The drawn badge: it has its words (an accessible name) once the background answered. */
export const DRAWN_BADGE = '.tk-badge[aria-label]';

/**
 * Clicks the badge on `page` and opens what the browser's side panel would show beside that
 * tab, as a page of its own (headless Chromium draws no side panel): `sidepanel.html?tab=<id>`.
 */
export async function openSidePanelFor(context: BrowserContext, extensionId: string, page: Page, size: { width: number; height: number }): Promise<Page> {
  const worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
  if (!worker) throw new Error('The extension’s worker is not running.');
  await worker.evaluate(() => {
    const scope = globalThis as unknown as { chrome: { sidePanel: { open: (o: { tabId: number }) => Promise<void> } }; __opened?: number[] };
    scope.__opened = [];
    const sidePanel = scope.chrome.sidePanel;
    const open = sidePanel.open.bind(sidePanel);
    sidePanel.open = (options) => {
      scope.__opened!.push(options.tabId);
      return open(options).catch(() => undefined);
    };
  });
  const badge = await ClosedShadow.appear(page, DRAWN_BADGE);
  await badge.click('.tk-badge');
  let tabId: number | undefined;
  for (let tries = 0; tabId === undefined && tries < 200; tries++) {
    tabId = await worker.evaluate(() => (globalThis as unknown as { __opened: number[] }).__opened[0]);
    if (tabId === undefined) await new Promise((resolve) => setTimeout(resolve, 25));
  }
  if (tabId === undefined) throw new Error('A click on the badge did not open the panel.');
  const panel = await context.newPage();
  await panel.setViewportSize(size);
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
  await panel.locator('.tk-panel').waitFor();
  return panel;
}
