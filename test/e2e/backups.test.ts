import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sendFromPage } from '../../scripts/extension-page';
import { Harness, harnessForEachTest } from './harness';
import { DashboardPage, PopupPage } from './page-objects';

const DAY_MS = 24 * 60 * 60 * 1000;

async function textOf(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Someone to back up, with a note. */
async function addSofia(page: Page): Promise<void> {
  const { contact } = await sendFromPage(page, 'profile.ensure', {
    site: 'linkedin',
    key: 'sofia-probst',
    url: 'https://www.linkedin.com/in/sofia-probst/',
    name: 'Sofia Probst',
  });
  await sendFromPage(page, 'note.add', { contactId: contact.id, body: 'Asked about the Bremen project.' });
}

/** The stored backups row (last export, install, "Not now"), written as the extension keeps it. */
function setBackupsRow(page: Page, row: { lastExportAt: number | null; since: number | null; dismissedAt: number | null }): Promise<void> {
  return page.evaluate(
    (row) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('tiekeeper');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('syncMeta', 'readwrite');
          tx.objectStore('syncMeta').put({ id: 'backups', lastAutoAt: null, lastAutoFile: null, autoError: null, ...row });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    row,
  );
}

/** The popup has read the database (it is busy until then). */
const shown = (popup: Page) => popup.locator('main.tk-popup:not([aria-busy])').waitFor();

/** The stored backups row. */
function backupsRow(page: Page): Promise<{ lastExportAt: number | null; dismissedAt: number | null } | undefined> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('tiekeeper');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('syncMeta').objectStore('syncMeta').get('backups');
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** The Sync card, with the folder picker answered by a folder of the origin-private file system. */
async function startSyncing(dashboard: DashboardPage, passphrase: string) {
  await dashboard.goto('#/settings');
  await dashboard.page.evaluate(() => {
    (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = async () =>
      (await navigator.storage.getDirectory()).getDirectoryHandle('Nextcloud', { create: true });
  });
  const card = dashboard.page.getByRole('region', { name: 'Sync between your computers' });
  await card.getByRole('button', { name: 'Choose folder…' }).click();
  await card.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await card.getByLabel('Passphrase again').fill(passphrase);
  await card.getByRole('button', { name: 'Start syncing' }).click();
  return card;
}

/** The weekly backups in the test's sync folder, by name, with their text. */
function folderBackups(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('Nextcloud', { create: true });
    const files: Record<string, string> = {};
    for await (const [name, handle] of (folder as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
      if (handle.kind === 'file' && name.endsWith('.tkbackup')) files[name] = await (await (handle as FileSystemFileHandle).getFile()).text();
    }
    return files;
  });
}

describe('backups nobody has to remember', () => {
  let harness: Harness;
  harnessForEachTest(async () => (harness = await Harness.start()));

  it('the popup reminds after 30 days without a backup; one click downloads one, and the reminder is gone', async () => {
    const dashboard = await DashboardPage.open(harness);
    await addSofia(dashboard.page);

    // Installed today: a new user is not reminded.
    let popup = await PopupPage.open(harness);
    await popup.heading.waitFor();
    await shown(popup.page);
    expect(await popup.page.getByText('No backup for 30 days').count()).toBe(0);
    await popup.page.close();

    const now = Date.now();
    await setBackupsRow(dashboard.page, { since: now - 90 * DAY_MS, lastExportAt: now - 31 * DAY_MS, dismissedAt: null });
    popup = await PopupPage.open(harness);
    const reminder = popup.page.getByRole('status').filter({ hasText: 'No backup for 30 days' });
    await reminder.waitFor();

    // The download starts in the dashboard tab the click opens.
    const downloaded = new Promise<Download>((resolve) => harness.context.once('page', (page) => void page.waitForEvent('download').then(resolve)));
    await reminder.getByRole('button', { name: 'Back up now' }).click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toMatch(/^tiekeeper-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const text = await textOf(download);
    expect(JSON.parse(text)).toMatchObject({ format: 'tiekeeper-backup' });
    expect(text).toContain('Asked about the Bremen project.');

    // The export was recorded: no reminder for another month.
    await expect.poll(async () => (await backupsRow(dashboard.page))?.lastExportAt ?? 0).toBeGreaterThanOrEqual(now);
    await popup.page.close();
    popup = await PopupPage.open(harness);
    await shown(popup.page);
    expect(await popup.page.getByText('No backup for 30 days').count()).toBe(0);
  });

  it('"Not now" hides the reminder for a month', async () => {
    const dashboard = await DashboardPage.open(harness);
    await addSofia(dashboard.page);
    await setBackupsRow(dashboard.page, { since: Date.now() - 60 * DAY_MS, lastExportAt: null, dismissedAt: null });
    let popup = await PopupPage.open(harness);
    const reminder = popup.page.getByRole('status').filter({ hasText: 'No backup for 30 days' });
    await reminder.getByRole('button', { name: 'Not now' }).click();
    await reminder.waitFor({ state: 'detached' });
    expect((await backupsRow(dashboard.page))?.dismissedAt).toBeGreaterThan(Date.now() - 60_000);
    await popup.page.close();
    popup = await PopupPage.open(harness);
    await shown(popup.page);
    expect(await popup.page.getByText('No backup for 30 days').count()).toBe(0);
  });

  it('"Delete all data" downloads a backup of everything first, then deletes', async () => {
    const dashboard = await DashboardPage.open(harness);
    await addSofia(dashboard.page);
    await dashboard.goto('#/settings');
    await dashboard.page.getByRole('button', { name: 'Delete all data…' }).click();
    const dialog = dashboard.page.getByRole('dialog', { name: 'Delete all data' });
    await expect.poll(() => dialog.textContent()).toContain('A backup of everything is downloaded first.');
    await dialog.getByLabel('To confirm, type DELETE').fill('DELETE');
    const [download] = await Promise.all([dashboard.page.waitForEvent('download'), dialog.getByRole('button', { name: 'Delete everything' }).click()]);
    await dialog.waitFor({ state: 'hidden' });
    expect(download.suggestedFilename()).toMatch(/^tiekeeper-before-delete-all-\d{4}-\d{2}-\d{2}-\d{6}\.json$/);
    const backup = await textOf(download);
    expect(backup).toContain('Asked about the Bremen project.');
    expect(await sendFromPage(dashboard.page, 'contacts.list', {})).toEqual([]);

    // The backup brings everything back.
    await dashboard.importFile({ name: download.suggestedFilename(), text: backup });
    expect((await sendFromPage(dashboard.page, 'contacts.list', {})).map((contact) => contact.displayName)).toEqual(['Sofia Probst']);
  });

  it('a replacing import downloads a backup of what is here first', async () => {
    const dashboard = await DashboardPage.open(harness);
    await addSofia(dashboard.page);
    const empty = JSON.stringify({
      format: 'tiekeeper-backup',
      version: 1,
      exportedAt: Date.now(),
      data: { contacts: [], profiles: [], notes: [], interactions: [], introductions: [], settings: {} },
    });
    const name = await dashboard.previewFile({ name: 'empty.json', text: empty });
    await expect.poll(() => dashboard.page.getByRole('radio', { name: /^Replace/ }).count()).toBe(1);
    await dashboard.page.getByRole('radio', { name: /^Replace/ }).check();
    await dashboard.page.getByRole('checkbox', { name: /everything here is replaced/ }).check();
    await expect.poll(() => dashboard.page.textContent('body')).toContain('a backup of everything here is downloaded');
    const [download] = await Promise.all([dashboard.page.waitForEvent('download'), dashboard.page.getByRole('button', { name: 'Import', exact: true }).click()]);
    await dashboard.page.locator('.dash-card').filter({ hasText: `${name} imported` }).waitFor();
    expect(download.suggestedFilename()).toMatch(/^tiekeeper-before-replace-.*\.json$/);
    expect(await textOf(download)).toContain('Asked about the Bremen project.');
    expect(await sendFromPage(dashboard.page, 'contacts.list', {})).toEqual([]);
  });

  it('with a sync folder, an encrypted backup goes there at once; the Import page restores it with the passphrase', async () => {
    const dashboard = await DashboardPage.open(harness);
    await addSofia(dashboard.page);
    const card = await startSyncing(dashboard, 'Sommer in Bremen');
    await expect.poll(() => card.textContent(), { timeout: 20_000 }).toContain('Last automatic backup:');
    const files = await folderBackups(dashboard.page);
    const [name] = Object.keys(files);
    expect(name).toMatch(/^tiekeeper-backup-\d{4}-\d{2}-\d{2}\.tkbackup$/);
    expect(await card.textContent()).toContain(name);
    // The cloud provider sees no note.
    expect(files[name!]).not.toContain('Bremen project');

    // Everything goes (and the kept keys with it): only the passphrase opens the backup now.
    await sendFromPage(dashboard.page, 'data.deleteAll', { confirm: true });
    expect(await sendFromPage(dashboard.page, 'contacts.list', {})).toEqual([]);
    await dashboard.goto('#/import');
    await dashboard.page.locator('input[type="file"]').setInputFiles({ name: name!, mimeType: 'application/octet-stream', buffer: Buffer.from(files[name!]!, 'utf8') });
    const ask = dashboard.page.locator('form.dash-card').filter({ hasText: `${name} is encrypted` });
    await ask.getByLabel('Passphrase').fill('Winter in Bremen');
    await ask.getByRole('button', { name: 'Open backup' }).click();
    await expect.poll(() => dashboard.page.getByRole('alert').textContent()).toContain('This passphrase does not open this backup.');
    await ask.getByLabel('Passphrase').fill('Sommer in Bremen');
    await ask.getByRole('button', { name: 'Open backup' }).click();
    await dashboard.page.locator('.dash-card').filter({ hasText: `What importing ${name} does` }).waitFor({ timeout: 20_000 });
    await dashboard.confirmImport(name!);
    const [sofia] = await sendFromPage(dashboard.page, 'contacts.list', {});
    expect(sofia?.displayName).toBe('Sofia Probst');
    const state = await sendFromPage(dashboard.page, 'contact.get', { id: sofia!.id });
    expect(state?.notes.map((note) => note.body)).toEqual(['Asked about the Bremen project.']);
  });

  it('the Export page offers the copy kept from before a schema update, and it downloads as a backup', async () => {
    const dashboard = await DashboardPage.open(harness, '#/export');
    await dashboard.page.getByRole('button', { name: 'Download backup' }).waitFor();
    expect(await dashboard.page.getByRole('button', { name: 'Download the copy made before the update' }).count()).toBe(0);
    // The copy as the upgrade leaves it (storage/pre-upgrade.ts; the upgrade itself is tested on the v1 fixture).
    const at = Date.UTC(2026, 10, 30, 8);
    await dashboard.page.evaluate(
      (at) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('tiekeeper-before-upgrade', 1);
          open.onupgradeneeded = () => open.result.createObjectStore('copies', { keyPath: 'id' });
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('copies', 'readwrite');
            const text = JSON.stringify({ format: 'tiekeeper-backup', version: 1, exportedAt: at, data: { contacts: [], profiles: [], notes: [], interactions: [], introductions: [], settings: {} } });
            tx.objectStore('copies').put({ id: 'latest', fromVersion: 1, toVersion: 2, at, parts: [text.slice(0, 20), text.slice(20)] });
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      at,
    );
    await dashboard.page.reload();
    const button = dashboard.page.getByRole('button', { name: 'Download the copy made before the update' });
    const [download] = await Promise.all([dashboard.page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('tiekeeper-before-update-2026-11-30.json');
    expect(JSON.parse(await textOf(download))).toMatchObject({ format: 'tiekeeper-backup', exportedAt: at });
  });
});

