import { describe, expect, it } from 'vitest';
import { sendFromPage } from '../../scripts/extension-page';
import { Harness, harnessForEachTest } from './harness';
import { DashboardPage } from './page-objects';

describe('the dashboard, further', () => {
  let harness: Harness;
  harnessForEachTest(async () => (harness = await Harness.start()));

  it('splits a merged XING profile off again, with what it brought', async () => {
    const dashboard = await DashboardPage.open(harness);
    const linkedin = await sendFromPage(dashboard.page, 'profile.ensure', {
      site: 'linkedin', key: 'sofia-probst', url: 'https://www.linkedin.com/in/sofia-probst/', name: 'Sofia Probst',
    });
    const xing = await sendFromPage(dashboard.page, 'profile.ensure', {
      site: 'xing', key: 'sofia_probst', url: 'https://www.xing.com/profile/Sofia_Probst', name: 'Sofia Probst (XING)',
    });
    await sendFromPage(dashboard.page, 'note.add', { contactId: xing.contact.id, body: 'Met at the XING event in Munich.' });
    await sendFromPage(dashboard.page, 'contacts.merge', { keepId: linkedin.contact.id, otherId: xing.contact.id });

    await dashboard.goto(`#/contact/${linkedin.contact.id}`);
    const profiles = dashboard.page.locator('.dash-profiles');
    await expect.poll(() => profiles.locator('a.dash-site').allTextContents()).toEqual(['LinkedIn', 'XING']);
    await profiles.locator('li', { hasText: 'XING' }).getByRole('button', { name: 'Split off' }).click();
    const dialog = dashboard.page.getByRole('dialog', { name: 'Split the XING profile off?' });
    expect(await dialog.textContent()).toContain('profiles: 1, notes: 1, logged contacts: 0');
    await dialog.getByRole('button', { name: 'Split off' }).click();

    await expect.poll(() => profiles.locator('a.dash-site').allTextContents()).toEqual(['LinkedIn']);
    await dashboard.goto('#/');
    await expect.poll(() => dashboard.shownNames()).toEqual(['Sofia Probst', 'Sofia Probst (XING)']);
    await dashboard.openContact('Sofia Probst (XING)');
    expect(await dashboard.page.locator('.tk-note-body', { hasText: 'Munich' }).count()).toBe(1);
  });

  it('exports contacts as a CSV that German Excel opens, and keeps the follow-up settings', async () => {
    const dashboard = await DashboardPage.open(harness, '#/settings');
    await sendFromPage(dashboard.page, 'profile.ensure', {
      site: 'linkedin', key: 'jurgen-muller', url: 'https://www.linkedin.com/in/jurgen-muller/', name: 'Jürgen Müller; "Jo"',
    });

    await dashboard.page.getByLabel('From').fill('22:30');
    await dashboard.page.getByLabel('to', { exact: true }).fill('07:15');
    await dashboard.page.getByLabel('Notifications per day').fill('5');
    await dashboard.page.getByLabel('Notifications per day').blur();
    await expect
      .poll(async () => {
        const settings = await sendFromPage(dashboard.page, 'settings.get', {});
        return [settings.quietStartMinute, settings.quietEndMinute, settings.dailyNotificationCap];
      })
      .toEqual([22 * 60 + 30, 7 * 60 + 15, 5]);
    await dashboard.page.reload();
    await expect.poll(() => dashboard.page.getByLabel('From').inputValue()).toBe('22:30');

    await dashboard.goto('#/export');
    const [download] = await Promise.all([
      dashboard.page.waitForEvent('download'),
      dashboard.page.getByRole('button', { name: /CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^tiekeeper-contacts-\d{4}-\d{2}-\d{2}\.csv$/);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    // A byte-order mark, so Excel reads UTF-8; semicolons, as German Excel expects.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toContain(';');
    expect(text).toContain('"Jürgen Müller; ""Jo"""');
  });
});
