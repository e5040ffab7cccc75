import { describe, expect, it } from 'vitest';
import { Harness, harnessForEachTest } from './harness';
import { DashboardPage } from './page-objects';

const DAY_MS = 86_400_000;
// 20 × 25: every one of the 500 names is different.
const FIRST = ['Ada', 'Bruno', 'Carla', 'Dieter', 'Elif', 'Frieda', 'Gustav', 'Hülya', 'Ivo', 'Jette', 'Kai', 'Lotte', 'Milan', 'Nele', 'Oskar', 'Pia', 'Quirin', 'Rieke', 'Sven', 'Tilda'];
const LAST = ['Ahorn', 'Birke', 'Eiche', 'Esche', 'Linde', 'Pappel', 'Ulme', 'Weide', 'Erle', 'Kiefer', 'Tanne', 'Fichte', 'Lärche', 'Buche', 'Espe', 'Eibe', 'Hasel', 'Holunder', 'Mistel', 'Rosskastanie', 'Schlehe', 'Vogelbeere', 'Wacholder', 'Zeder', 'Zirbe'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A fictional Connections.csv of `count` people connected between 2014 and 2025; every tenth
 * works at "Hanse Wasser", the rest at one of a few made-up firms.
 */
function connectionsCsv(count: number): string {
  const lines = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
  for (let i = 0; i < count; i++) {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    const slug = `${first}-${last}-${i}`.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
    const company = i % 10 === 0 ? 'Hanse Wasser' : `Werkstatt ${i % 7} KG`;
    lines.push(`${first},${last},https://www.linkedin.com/in/${slug},,${company},Fachkraft,${(i % 28) + 1} ${MONTHS[i % 12]} ${2014 + (i % 12)}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** How many people the dashboard's own database has due within `from`..`to` (epoch ms). */
function dueBetween(dashboard: DashboardPage, from: number, to: number): Promise<number> {
  return dashboard.page.evaluate(
    ([from, to]) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('tiekeeper');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('contacts').objectStore('contacts').index('nextDueAt').count(IDBKeyRange.bound(from, to));
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        };
      }),
    [from, to] as const,
  );
}

describe('imported connections get nudges', () => {
  let harness: Harness;
  harnessForEachTest(async () => (harness = await Harness.start()));

  it('gives 500 imported people "every 6 months", staggered: 70 to 90 due in the next 30 days, nobody at once', async () => {
    const dashboard = await DashboardPage.open(harness, '#/import');
    await dashboard.page.locator('input[type="file"]').setInputFiles({ name: 'Connections.csv', mimeType: 'text/csv', buffer: Buffer.from(connectionsCsv(500), 'utf8') });
    const preview = dashboard.page.locator('.dash-card').filter({ hasText: 'What importing Connections.csv does' });
    await preview.waitFor();
    const rhythms = preview.getByRole('group', { name: 'Give everyone imported a rhythm' });
    expect(await rhythms.getByRole('radio', { name: 'None' }).isChecked()).toBe(true);
    await rhythms.getByRole('radio', { name: 'Every 6 months' }).check();
    await expect.poll(() => rhythms.getByRole('radio', { name: 'Every 6 months' }).isChecked()).toBe(true);
    const start = Date.now();
    await dashboard.page.getByRole('button', { name: 'Import', exact: true }).click();
    await dashboard.page.locator('.dash-card').filter({ hasText: 'Connections.csv imported' }).waitFor();

    const inThirtyDays = await dueBetween(dashboard, start, start + 30 * DAY_MS);
    expect(inThirtyDays).toBeGreaterThanOrEqual(70);
    expect(inThirtyDays).toBeLessThanOrEqual(90);
    expect(await dueBetween(dashboard, 0, start + 182 * DAY_MS)).toBe(500);

    // Nobody is due at the moment of the import: the due list is empty and names who comes next.
    await dashboard.goto('#/due');
    await dashboard.page.getByText('Nobody is due now.').waitFor();
    expect(await dashboard.page.locator('.dash-empty').innerText()).toMatch(/Next: [^,]+, /);

    // Everyone shows when the tie began, on the list, the contact page and its timeline.
    await dashboard.goto('#/');
    await dashboard.search('Ada Ahorn');
    await expect.poll(() => dashboard.shownNames()).toEqual(['Ada Ahorn']);
    expect(await dashboard.cell('Ada Ahorn', 'lastContact')).toBe('Connected 1 Jan 2014');
    await dashboard.openContact('Ada Ahorn');
    expect(await dashboard.page.locator('.dash-facts').innerText()).toContain('Connected\n1 Jan 2014');
    expect((await dashboard.timelineEntries()).map((entry) => entry.replace(/\s+/g, ' '))).toEqual(['1 Jan 2014 Connected on LinkedIn']);
  });

  it('tags the 50 people a filter finds in one go, selected with shift-click and "select all matching"', async () => {
    const dashboard = await DashboardPage.open(harness);
    await dashboard.importFile({ name: 'Connections.csv', text: connectionsCsv(500) });
    await dashboard.goto('#/');
    await expect.poll(() => dashboard.rowCount()).toBe(500);

    await dashboard.search('Hanse Wasser');
    await expect.poll(() => dashboard.rowCount()).toBe(50);
    const boxes = dashboard.table.getByRole('cell').getByRole('checkbox');
    await boxes.nth(0).click();
    await boxes.nth(4).click({ modifiers: ['Shift'] });
    const bulk = dashboard.page.getByRole('group', { name: 'Change the selected people' });
    await expect.poll(() => bulk.locator('strong').textContent()).toBe('5 people selected');
    await bulk.getByRole('button', { name: 'Select all 50 matching the filter' }).click();
    await expect.poll(() => bulk.locator('strong').textContent()).toBe('50 people selected');

    await bulk.getByRole('textbox', { name: 'Tag' }).fill('Wasserwirtschaft');
    await bulk.getByRole('button', { name: 'Add tag' }).click();
    await expect.poll(() => bulk.getByRole('status').textContent()).toBe('50 people changed.');

    // The tag filter now finds exactly those 50, and nobody else.
    await dashboard.search('');
    await dashboard.page.getByLabel('Tag').first().selectOption('Wasserwirtschaft');
    await expect.poll(() => dashboard.rowCount()).toBe(50);
    await expect.poll(async () => (await dashboard.table.locator('.dash-col-name .dash-sub').allTextContents()).every((text) => text.includes('Hanse Wasser'))).toBe(true);
  });
});
