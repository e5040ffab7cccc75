import { describe, expect, it } from 'vitest';
import { Harness, harnessForEachTest } from './harness';
import { DashboardPage } from './page-objects';

const FIRST = ['Jürgen', 'Anna', 'Lukas', 'Sofia', 'Thomas', 'Özlem', 'Björn', 'Käthe', 'Max', 'Lena', 'Jörg', 'Maria', 'Paul', 'Grete', 'Zoë', 'Luca', 'Mia', 'Emil', 'Hannah', 'Ülkü'];
const LAST = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Probst', 'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A fictional LinkedIn Connections.csv, as LinkedIn writes it (preamble, CRLF, quoted cells). */
function connectionsCsv(count: number): string {
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  for (let i = 0; i < count; i++) {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    const slug = `${first}-${last}-${i.toString(16)}`.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
    const company = first === 'Sofia' && last === 'Probst' ? 'Beispiel AG' : `Musterfirma ${i % 37} GmbH`;
    const date = `${(i % 28) + 1} ${MONTHS[i % 12]} ${2015 + (i % 11)}`;
    lines.push(`${first},${last},https://www.linkedin.com/in/${slug},,"${company}","Projektleitung, Team ${i % 9}",${date}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('the dashboard', () => {
  let harness: Harness;
  harnessForEachTest(async () => (harness = await Harness.start()));

  it('imports 500 connections, finds a note, merges LinkedIn and XING, and survives backup, wipe and restore', async () => {
    const dashboard = await DashboardPage.open(harness, '#/import');
    const imported = await dashboard.importFile({ name: 'Connections.csv', text: connectionsCsv(500) });
    expect(await imported.textContent()).toContain('People added: 500');
    // The confirmation belongs to the import page: it does not stay over the list's rows.
    const announcement = dashboard.page.locator('.dash-announce');
    await expect.poll(() => announcement.textContent()).toBe('Import finished.');

    await dashboard.nav(/^Everyone/).click();
    await expect.poll(() => dashboard.rowCount()).toBe(500);
    expect(await announcement.textContent()).toBe('');
    expect(await dashboard.count.textContent()).toContain('500 people');

    // Accent-insensitive search: "Mueller" finds "Müller".
    await dashboard.search('jurgen mueller');
    await expect.poll(() => dashboard.shownNames()).toEqual(['Jürgen Müller']);
    await dashboard.openContact('Jürgen Müller');

    // A note added on the contact page is found by one of its words.
    await dashboard.page.getByLabel('New note').fill('Erzählte vom Kitesurfen am Brombachsee.');
    await dashboard.page.getByRole('button', { name: 'Add note' }).click();
    await dashboard.page.locator('.tk-note-body', { hasText: 'Brombachsee' }).waitFor();
    await dashboard.page.getByRole('link', { name: 'Everyone' }).first().click();
    await dashboard.search('brombach');
    await expect.poll(() => dashboard.shownNames()).toEqual(['Jürgen Müller']);

    // Sofia Probst on XING, added by her profile address, with a note of her own.
    await dashboard.page.getByRole('button', { name: 'Add contact' }).click();
    const add = dashboard.page.getByRole('dialog', { name: 'Add contact' });
    await add.getByLabel('Profile address (LinkedIn or XING)').fill('https://www.xing.com/profile/Sofia_Probst');
    await add.getByLabel('Name').fill('Sofia Probst');
    await add.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => dashboard.pageHeading.textContent()).toBe('Sofia Probst');
    // Adding goes on to the new contact's page, and the confirmation goes with it.
    await expect.poll(() => announcement.textContent()).toBe('Contact added.');
    await dashboard.page.getByLabel('New note').fill('Fan vom FC Bayern, sucht eine Mentorin.');
    await dashboard.page.getByRole('button', { name: 'Add note' }).click();
    await dashboard.page.locator('.tk-note-body', { hasText: 'FC Bayern' }).waitFor();

    // Suggested as a duplicate of the imported LinkedIn contact; the merge keeps both profiles.
    await dashboard.nav(/^Duplicates/).click();
    const suggestion = dashboard.page.locator('.dash-duplicate').filter({ hasText: 'Sofia Probst' });
    await suggestion.getByRole('button', { name: 'Review merge' }).click();
    const merge = dashboard.page.getByRole('dialog', { name: 'Merge two contacts' });
    expect(await merge.locator('.dash-merge-counts').textContent()).toContain('profiles: 2, notes: 1, logged contacts: 0');
    await merge.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect.poll(() => dashboard.pageHeading.textContent()).toBe('Sofia Probst');
    const profiles = dashboard.page.locator('.dash-profiles');
    await expect.poll(() => profiles.locator('a.dash-site').allTextContents()).toEqual(['LinkedIn', 'XING']);
    const xingLink = profiles.locator('a.dash-site', { hasText: 'XING' });
    expect(await xingLink.getAttribute('href')).toBe('https://www.xing.com/profile/Sofia_Probst');
    expect(await xingLink.getAttribute('target')).toBe('_blank');
    expect(await xingLink.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await dashboard.page.getByLabel('Company').inputValue()).toBe('Beispiel AG');
    await expect.poll(() => dashboard.nav(/^Everyone/).textContent()).toBe('Everyone500');

    // Backup, wipe, restore: everything is back.
    const backup = await dashboard.downloadBackup();
    expect(backup.name).toMatch(/^tiekeeper-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(backup.text) as { data: Record<string, unknown[]> };
    expect([data.data.contacts?.length, data.data.profiles?.length, data.data.notes?.length]).toEqual([500, 501, 2]);

    await dashboard.deleteAll();
    await expect.poll(() => dashboard.count.textContent()).toContain('0 people');
    expect(await dashboard.page.getByText('Nobody here yet').count()).toBe(1);

    const restored = await dashboard.importFile(backup, { mode: 'Replace' });
    const contactsRow = restored.locator('tr').filter({ has: dashboard.page.locator('th', { hasText: /^Contacts$/ }) });
    expect(await contactsRow.textContent()).toContain('500');
    await dashboard.nav(/^Everyone/).click();
    // The list kept its search while the data was away.
    expect(await dashboard.searchBox.inputValue()).toBe('brombach');
    await dashboard.search('');
    await expect.poll(() => dashboard.rowCount()).toBe(500);
    await dashboard.search('Brombachsee');
    await expect.poll(() => dashboard.shownNames()).toEqual(['Jürgen Müller']);
    await dashboard.search('mentorin');
    await expect.poll(() => dashboard.shownNames()).toEqual(['Sofia Probst']);
    await dashboard.openContact('Sofia Probst');
    await expect.poll(() => profiles.locator('a.dash-site').allTextContents()).toEqual(['LinkedIn', 'XING']);
    expect(await dashboard.page.getByLabel('Company').inputValue()).toBe('Beispiel AG');
    expect(await dashboard.page.locator('.tk-note-body', { hasText: 'FC Bayern' }).count()).toBe(1);
  });

  it('explains a broken file line by line, sorts from the keyboard, lists who is due, and archives with a confirmation', async () => {
    const dashboard = await DashboardPage.open(harness, '#/import');
    const broken = connectionsCsv(10).replace('https://www.linkedin.com/in/anna', 'https://example.com/in/anna').replace('https://www.linkedin.com/in/max', 'ftp://linkedin.com/x');
    await dashboard.page.locator('input[type="file"]').setInputFiles({ name: 'Connections.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
    const error = dashboard.page.getByRole('alert');
    await error.waitFor();
    expect(await error.locator('p').textContent()).toMatch(/^Line 6: “https:\/\/example\.com\/in\/anna-.*” is not the address of a LinkedIn profile\.$/);
    expect(await error.locator('li').allTextContents()).toEqual([expect.stringMatching(/^Line 13: “ftp:\/\/linkedin\.com\/x.*” is not the address of a LinkedIn profile\.$/)]);

    await dashboard.importFile({ name: 'Connections.csv', text: connectionsCsv(30) });
    await dashboard.nav(/^Everyone/).click();
    await expect.poll(() => dashboard.rowCount()).toBe(30);

    const name = dashboard.columnHeader('Name');
    await name.getByRole('button').focus();
    await dashboard.page.keyboard.press('Enter');
    await expect.poll(() => name.getAttribute('aria-sort')).toBe('ascending');
    expect((await dashboard.shownNames())[0]).toBe('Anna Müller');
    await dashboard.page.keyboard.press('Enter');
    await expect.poll(() => name.getAttribute('aria-sort')).toBe('descending');
    expect((await dashboard.shownNames())[0]).toBe('Zoë Müller');

    // Last in touch 40 days ago on a monthly rhythm: due now.
    await dashboard.openContact('Lena Müller');
    await dashboard.page.getByLabel('Keep-in-touch rhythm').selectOption('30');
    const when = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000);
    const day = `${when.getFullYear()}-${String(when.getMonth() + 1).padStart(2, '0')}-${String(when.getDate()).padStart(2, '0')}`;
    await dashboard.page.getByLabel('When').fill(day);
    await dashboard.page.getByRole('radio', { name: 'Call' }).check();
    await dashboard.page.getByRole('button', { name: 'Save contact' }).click();
    await dashboard.page.locator('.dash-event', { hasText: 'Call' }).waitFor();
    await expect.poll(() => dashboard.page.locator('.dash-facts .dash-tone').textContent()).toMatch(/Overdue by|Time to get in touch/);

    await dashboard.goto('#/due');
    await expect.poll(() => dashboard.shownNames()).toEqual(['Lena Müller']);
    expect(await dashboard.page.getByRole('checkbox', { name: 'Due now' }).isChecked()).toBe(true);
    expect(await dashboard.nav(/^Due now/).getAttribute('aria-current')).toBe('page');

    // Archived people leave the list (and the due list), and come back with the filter.
    await dashboard.openContact('Lena Müller');
    await dashboard.page.getByRole('button', { name: 'Archive', exact: true }).click();
    const dialog = dashboard.page.getByRole('dialog', { name: 'Archive Lena Müller?' });
    await dialog.getByRole('button', { name: 'Archive', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await dashboard.goto('#/due');
    await expect.poll(() => dashboard.page.locator('.dash-empty').first().textContent()).toContain('Nobody is due now.');
    expect(await dashboard.table.count()).toBe(0);
    await dashboard.goto('#/');
    await expect.poll(() => dashboard.rowCount()).toBe(29);
    await dashboard.page.getByLabel('Show').selectOption('archived');
    await expect.poll(() => dashboard.shownNames()).toEqual(['Lena Müller']);

    // Dialogs close with Escape and give the focus back.
    await dashboard.page.getByRole('button', { name: 'Add contact' }).click();
    await dashboard.page.getByRole('dialog', { name: 'Add contact' }).waitFor();
    await dashboard.page.keyboard.press('Escape');
    await dashboard.page.getByRole('dialog').waitFor({ state: 'hidden' });
    await expect.poll(() => dashboard.page.evaluate(() => document.activeElement?.textContent)).toBe('Add contact');
  });

  it('speaks German in a German browser, follows the language setting at once, and wipes only after the typed word', async () => {
    await harness.close();
    harness = await Harness.start({ locale: 'de', colorScheme: 'dark' });
    const dashboard = await DashboardPage.open(harness, '#/settings');
    const { page } = dashboard;
    await expect.poll(() => dashboard.pageHeading.textContent()).toBe('Einstellungen');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');

    await page.getByLabel('Sprache').selectOption('en');
    await expect.poll(() => dashboard.pageHeading.textContent()).toBe('Settings');
    expect(await dashboard.nav(/^Everyone/).count()).toBe(1);
    await page.getByLabel('Language').selectOption('');
    await expect.poll(() => dashboard.pageHeading.textContent()).toBe('Einstellungen');

    await page.getByRole('button', { name: 'Alle Daten löschen …' }).click();
    const dialog = page.getByRole('dialog', { name: 'Alle Daten löschen' });
    const confirm = dialog.getByRole('button', { name: 'Alles löschen' });
    const word = dialog.getByLabel('Tippe zur Bestätigung LÖSCHEN ein');
    await word.fill('DELETE');
    expect(await confirm.isDisabled()).toBe(true);
    await word.fill('löschen');
    await expect.poll(() => confirm.isDisabled()).toBe(false);
    await confirm.click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => dashboard.pageHeading.textContent()).toBe('Alle');
  });
});
