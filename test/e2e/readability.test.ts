import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedDemoData } from '../../demo/seed';
import { sendFromPage } from '../../scripts/extension-page';
import { Harness, harnessForAllTests } from './harness';
import { ProfileBadge } from './page-objects';

const DASHBOARD_ROUTES = ['#/', '#/due', '#/duplicates', '#/introductions', '#/import', '#/export', '#/settings', '#/contact/'];

/** axe-core's findings, of any impact, as "rule (impact): where" lines. */
async function violations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')}`));
}

/**
 * Texts that do not fit their box: header cells and the short value cells by their scroll width,
 * placeholders by measuring them in the field's font. Names, headlines and tags may end in "…"
 * (their whole text is in the row's link and title); a rhythm or a date may wrap, within its row.
 */
function cutTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cut: string[] = [];
    for (const cell of document.querySelectorAll<HTMLElement>('[role="columnheader"], [role="columnheader"] *')) {
      if (cell.scrollWidth > cell.clientWidth + 1) cut.push(`header "${cell.innerText}"`);
    }
    const values = '.dash-col-lastContact, .dash-col-nextDue, .dash-col-rhythm, .dash-col-fading';
    for (const cell of document.querySelectorAll<HTMLElement>(`[role="cell"]:is(${values})`)) {
      const row = cell.closest<HTMLElement>('[role="row"]')!;
      if (cell.scrollWidth > cell.clientWidth + 1 || cell.scrollHeight > row.clientHeight) cut.push(`cell "${cell.innerText}"`);
    }
    const context = document.createElement('canvas').getContext('2d')!;
    for (const field of document.querySelectorAll<HTMLInputElement>('input[placeholder], textarea[placeholder]')) {
      if (!field.checkVisibility()) continue;
      const style = getComputedStyle(field);
      context.font = style.font;
      const room = field.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (context.measureText(field.placeholder).width > room + 1) cut.push(`placeholder "${field.placeholder}"`);
    }
    return cut;
  });
}

// Each language in one look: contrast depends on the look, cut and wrapped text on the language.
describe.each([
  { locale: 'en-GB', language: 'English', colorScheme: 'light' },
  { locale: 'de-DE', language: 'German', colorScheme: 'dark' },
] as const)('every screen in $language', ({ locale, colorScheme }) => {
  let harness: Harness;
  let contactId: string;
  harnessForAllTests(async () => {
    harness = await Harness.start({ locale });
    await seedDemoData(harness.context, harness.extensionId);
    const page = await harness.openExtensionPage('popup.html');
    const { contact } = await sendFromPage(page, 'profile.ensure', {
      site: 'linkedin', key: 'jana-beispiel', url: 'https://www.linkedin.com/in/jana-beispiel/', name: 'Jana Beispiel',
    });
    contactId = contact.id;
    await page.close();
    return harness;
  });

  it(`has no accessibility problems axe-core finds, in the ${colorScheme} look`, async () => {
    const found: string[] = [];
    const check = async (page: Page, screen: string) => {
      await page.emulateMedia({ colorScheme });
      found.push(...(await violations(page)).map((line) => `${screen} ${line}`));
    };

    const popup = await harness.openExtensionPage('popup.html');
    await popup.locator('h1').waitFor();
    await check(popup, 'popup');
    await popup.close();

    const dashboard = await harness.openExtensionPage('dashboard.html');
    for (const route of DASHBOARD_ROUTES) {
      await dashboard.goto(`${harness.origin}/dashboard.html${route === '#/contact/' ? route + contactId : route}`);
      await dashboard.locator('.dash-page-title').waitFor();
      await dashboard.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
      await check(dashboard, `dashboard ${route}`);
    }
    await dashboard.close();

    const profile = await harness.open('https://www.linkedin.com/in/jana-beispiel/');
    const panel = await (await ProfileBadge.on(profile, harness)).open();
    await panel.page.locator('.tk-panel-name').waitFor();
    await check(panel.page, 'panel');
    await panel.page.close();
    await profile.close();

    expect(found).toEqual([]);
  });

  it.each([1280, 760])('cuts no header or placeholder at %i px wide, and the list scrolls sideways when narrow', async (width) => {
    const dashboard = await harness.openExtensionPage('dashboard.html');
    await dashboard.setViewportSize({ width, height: 800 });
    await dashboard.locator('.dash-body-row').first().waitFor();
    expect(await cutTexts(dashboard)).toEqual([]);

    // Narrow, the table scrolls sideways, and a fade at its end says so until the end is reached.
    const table = dashboard.getByRole('table');
    const fade = dashboard.locator('.dash-table-more');
    const scrolls = await table.evaluate((element) => element.scrollWidth > element.clientWidth);
    expect(scrolls).toBe(width === 760);
    await expect.poll(() => fade.isVisible()).toBe(scrolls);
    const last = dashboard.getByRole('columnheader').last();
    await last.scrollIntoViewIfNeeded();
    expect(await last.isVisible()).toBe(true);
    await expect.poll(() => fade.isVisible()).toBe(false);
    await dashboard.close();
  });
});
