/**
 * `npm run screenshots`: the pictures in the README, taken from the offline demo with its
 * fictional people (never from real profiles). Needs a build (`npm run build`).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_START_URL } from '../demo/pages';
import { seedDemoData } from '../demo/seed';
import { serveDemo } from '../demo/serve';
import { extensionIdOf, launchWithExtension } from './chromium';

const OUT = path.resolve(import.meta.dirname, '../docs/screenshots');

async function browser(colorScheme: 'light' | 'dark'): Promise<{ context: BrowserContext; extensionId: string }> {
  const context = await launchWithExtension({ headless: true, offline: true, colorScheme });
  await serveDemo(context);
  const extensionId = await extensionIdOf(context);
  await seedDemoData(context, extensionId);
  return { context, extensionId };
}

async function profile(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 760 });
  await page.goto(url);
  await page.waitForFunction(() => (document.querySelector('tiekeeper-badge')?.getBoundingClientRect().width ?? 0) > 0);
  return page;
}

async function openPanel(page: Page): Promise<void> {
  await page.locator('tiekeeper-badge').click();
  await page.waitForFunction(() => (document.querySelector('tiekeeper-panel')?.getBoundingClientRect() !== undefined));
  // The panel is drawn in a closed shadow root: wait until it has laid out its content.
  await page.waitForFunction(() => document.activeElement?.tagName === 'TIEKEEPER-PANEL');
}

const shot = (page: Page, name: string, clip?: { x: number; y: number; width: number; height: number }) =>
  page.screenshot({ path: path.join(OUT, name), clip }).then(() => console.log(`docs/screenshots/${name}`));

mkdirSync(OUT, { recursive: true });
{
  const { context, extensionId } = await browser('light');
  const linkedin = await profile(context, DEMO_START_URL);
  await shot(linkedin, 'badge-linkedin.png', { x: 240, y: 50, width: 800, height: 320 });
  await openPanel(linkedin);
  await shot(linkedin, 'panel-linkedin.png');
  await shot(await profile(context, 'https://www.xing.com/profile/Sofia_Probst'), 'badge-xing.png', { x: 200, y: 40, width: 880, height: 260 });
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 560 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.locator('.tk-followup').first().waitFor();
  await shot(popup, 'popup.png');
  await context.close();
}
{
  const { context } = await browser('dark');
  const page = await profile(context, DEMO_START_URL);
  await openPanel(page);
  await shot(page, 'panel-linkedin-dark.png');
  await context.close();
}
