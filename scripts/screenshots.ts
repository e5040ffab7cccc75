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
/** Tall enough for the panel's top sections down to give and take and introductions. */
const PANEL_HEIGHT = 1150;
/** The profile's top card and the panel, without the empty page to their left. */
const PANEL_CLIP = { x: 240, y: 0, width: 1040, height: PANEL_HEIGHT };

async function browser(colorScheme: 'light' | 'dark'): Promise<{ context: BrowserContext; extensionId: string }> {
  const context = await launchWithExtension({ headless: true, offline: true, colorScheme });
  await serveDemo(context);
  const extensionId = await extensionIdOf(context);
  await seedDemoData(context, extensionId);
  return { context, extensionId };
}

async function profile(context: BrowserContext, url: string, height = 760): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height });
  await page.goto(url);
  await page.waitForFunction(() => (document.querySelector('tiekeeper-badge')?.getBoundingClientRect().width ?? 0) > 0);
  return page;
}

async function openPanel(page: Page): Promise<void> {
  await page.locator('tiekeeper-badge').click();
  await page.waitForFunction(() => (document.querySelector('tiekeeper-panel')?.getBoundingClientRect() !== undefined));
  // The panel is drawn in a closed shadow root: wait until it has laid out its content.
  await page.waitForFunction(() => document.activeElement?.tagName === 'TIEKEEPER-PANEL');
  // The focus goes to the new note, which scrolls the panel down to the notes; the picture
  // shows its top instead: the status, in touch, give and take and introductions. The wheel
  // reaches into the closed shadow root where scripts cannot.
  const viewport = page.viewportSize();
  if (viewport) {
    await page.mouse.move(viewport.width - 200, viewport.height / 2);
    await page.mouse.wheel(0, -5_000);
    await page.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)))));
  }
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
  await linkedin.setViewportSize({ width: 1280, height: PANEL_HEIGHT });
  await openPanel(linkedin);
  await shot(linkedin, 'panel-linkedin.png', PANEL_CLIP);
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
  const { context } = await browser('dark');
  const page = await profile(context, DEMO_START_URL, PANEL_HEIGHT);
  await openPanel(page);
  await shot(page, 'panel-linkedin-dark.png', PANEL_CLIP);
  await context.close();
}
