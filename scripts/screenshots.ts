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
import { ClosedShadow } from './closed-shadow';
import { DRAWN_BADGE, openSidePanelFor } from './side-panel';

const OUT = path.resolve(import.meta.dirname, '../docs/screenshots');
/** The browser window of the pictures: the page on the left, the side panel on the right. */
const WINDOW = { width: 1280, height: 900 };
const SIDE_PANEL_WIDTH = 400;

async function browser(colorScheme: 'light' | 'dark'): Promise<{ context: BrowserContext; extensionId: string }> {
  const context = await launchWithExtension({ headless: true, offline: true, colorScheme });
  await serveDemo(context);
  const extensionId = await extensionIdOf(context);
  await seedDemoData(context, extensionId);
  return { context, extensionId };
}

async function profile(context: BrowserContext, url: string, width = 1280, height = 760): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height });
  await page.goto(url);
  await ClosedShadow.appear(page, DRAWN_BADGE);
  return page;
}

/**
 * The profile with the panel open beside it, as the browser shows them: headless Chromium draws
 * no side panel, so the page and the panel are taken apart and put side by side in one picture.
 */
async function pageWithPanel(context: BrowserContext, extensionId: string, url: string, name: string): Promise<void> {
  const page = await profile(context, url, WINDOW.width - SIDE_PANEL_WIDTH, WINDOW.height);
  const panel = await openSidePanelFor(context, extensionId, page, { width: SIDE_PANEL_WIDTH, height: WINDOW.height });
  const [left, right] = await Promise.all([page.screenshot(), panel.screenshot()]);
  const sheet = await context.newPage();
  await sheet.setViewportSize(WINDOW);
  const img = (png: Buffer) => `<img src="data:image/png;base64,${png.toString('base64')}">`;
  await sheet.setContent(`<body style="margin:0;display:flex;background:#888">${img(left)}<div style="width:1px;background:#999"></div>${img(right)}</body>`);
  await sheet.waitForFunction(() => [...document.images].every((image) => image.complete));
  await shot(sheet, name);
  await Promise.all([page.close(), panel.close(), sheet.close()]);
}

const shot = (page: Page, name: string, clip?: { x: number; y: number; width: number; height: number }) =>
  page.screenshot({ path: path.join(OUT, name), clip }).then(() => console.log(`docs/screenshots/${name}`));

/** The list of everyone, most faded ties first, and one person's page. */
async function dashboardShots(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#/`);
  const table = page.getByRole('table');
  await table.locator('.dash-name').first().waitFor();
  await table.getByRole('columnheader', { name: 'Fading' }).getByRole('button').click();
  await table.locator('[aria-sort="descending"]').waitFor();
  await shot(page, 'dashboard.png');

  await table.getByRole('link', { name: 'Jana Beispiel', exact: true }).click();
  await page.locator('.dash-page-title', { hasText: 'Jana Beispiel' }).waitFor();
  await page.locator('.dash-event').first().waitFor();
  // Down to the end of the introductions; the details follow below.
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(page, 'dashboard-contact.png');
  await page.close();
}

mkdirSync(OUT, { recursive: true });
{
  const { context, extensionId } = await browser('light');
  const linkedin = await profile(context, DEMO_START_URL);
  await shot(linkedin, 'badge-linkedin.png', { x: 240, y: 50, width: 800, height: 320 });
  await pageWithPanel(context, extensionId, DEMO_START_URL, 'panel-linkedin.png');
  await shot(await profile(context, 'https://www.xing.com/profile/Sofia_Probst'), 'badge-xing.png', { x: 200, y: 40, width: 880, height: 260 });
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.locator('.tk-followup').first().waitFor();
  await popup.locator('.tk-fading').first().waitFor();
  // All of it, as the popup scrolls: who is due, the week's fading ties, whom to meet.
  const height = await popup.evaluate(() => document.documentElement.scrollHeight);
  await popup.setViewportSize({ width: 400, height });
  await shot(popup, 'popup.png');
  await dashboardShots(context, extensionId);
  await context.close();
}
{
  const { context, extensionId } = await browser('dark');
  await pageWithPanel(context, extensionId, DEMO_START_URL, 'panel-linkedin-dark.png');
  await context.close();
}
