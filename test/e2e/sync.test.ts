import { describe, expect, it } from 'vitest';
import { sendFromPage } from '../../scripts/extension-page';
import { Harness, harnessForEachTest } from './harness';
import { DashboardPage } from './page-objects';

/** The files in the test's sync folder: a folder of the origin-private file system. */
async function folderFiles(dashboard: DashboardPage): Promise<Record<string, string>> {
  return dashboard.page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const folder = await root.getDirectoryHandle('Nextcloud', { create: true });
    const files: Record<string, string> = {};
    for await (const [name, handle] of (folder as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
      if (handle.kind === 'file') files[name] = await (await (handle as FileSystemFileHandle).getFile()).text();
    }
    return files;
  });
}

describe('sync through a folder', () => {
  let harness: Harness;
  harnessForEachTest(async () => (harness = await Harness.start()));

  it('picks a folder, takes the passphrase twice, and writes an encrypted log on "Sync now"', async () => {
    const dashboard = await DashboardPage.open(harness, '#/settings');
    const { page } = dashboard;
    // The folder picker is a native dialog: the test's folder comes from the origin-private file system.
    await page.evaluate(() => {
      (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = async () =>
        (await navigator.storage.getDirectory()).getDirectoryHandle('Nextcloud', { create: true });
    });
    const card = page.getByRole('region', { name: 'Sync between your computers' });
    await card.getByRole('button', { name: 'Choose folder…' }).click();
    await expect.poll(() => card.textContent()).toContain('Folder: Nextcloud');
    expect(await card.textContent()).toContain('Not synced yet.');

    await card.getByLabel('Passphrase', { exact: true }).fill('Sommer in Bremen');
    await card.getByLabel('Passphrase again').fill('Sommer in Bremem');
    await card.getByRole('button', { name: 'Start syncing' }).click();
    await expect.poll(() => card.textContent()).toContain('The two passphrases differ.');
    await card.getByLabel('Passphrase again').fill('Sommer in Bremen');
    await card.getByRole('button', { name: 'Start syncing' }).click();
    await expect.poll(() => card.textContent(), { timeout: 15_000 }).toContain('Last synced:');

    const anna = await sendFromPage(page, 'profile.ensure', {
      site: 'linkedin', key: 'anna-schmidt', url: 'https://www.linkedin.com/in/anna-schmidt/', name: 'Anna Schmidt',
    });
    await sendFromPage(page, 'note.add', { contactId: anna.contact.id, body: 'Met at the fair in Hannover.' });
    await card.getByRole('button', { name: 'Sync now' }).click();

    await expect.poll(async () => Object.keys(await folderFiles(dashboard)), { timeout: 15_000 }).toEqual([expect.stringMatching(/^tiekeeper-[0-9a-f]{16}-000001\.log$/)]);
    const [text] = Object.values(await folderFiles(dashboard));
    const [header, ...batches] = text!.trimEnd().split('\n');
    expect(JSON.parse(header!)).toMatchObject({ format: 'tiekeeper-sync', version: 1, kind: 'log' });
    expect(batches.length).toBeGreaterThanOrEqual(1);
    // Encrypted: neither the note nor the name is in the folder.
    expect(text).not.toContain('Hannover');
    expect(text).not.toContain('Anna');
    expect(await card.textContent()).toMatch(/Last synced: .+/);
    expect(harness.extensionErrors).toEqual([]);
  });
});
