import { describe, expect, it } from 'vitest';
import { SYNC_ALARM, SYNC_EVERY_MINUTES } from '../../background/sync';
import { sendFromPage } from '../../scripts/extension-page';
import { Harness, harnessForEachTest } from './harness';
import { captureNotifications, shown } from './notifications';
import { DashboardPage, PopupPage } from './page-objects';

type Chrome = typeof import('webextension-polyfill');

/**
 * The sync files in the test's sync folder (a folder of the origin-private file system); the
 * weekly backups the first sync also writes there are tested in backups.test.ts.
 */
async function folderFiles(dashboard: DashboardPage): Promise<Record<string, string>> {
  return dashboard.page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const folder = await root.getDirectoryHandle('Nextcloud', { create: true });
    const files: Record<string, string> = {};
    for await (const [name, handle] of (folder as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
      if (handle.kind === 'file' && !name.endsWith('.tkbackup')) files[name] = await (await (handle as FileSystemFileHandle).getFile()).text();
    }
    return files;
  });
}

/** Writes files into the test's sync folder, as the user's sync client would. */
async function deliver(dashboard: DashboardPage, files: Record<string, string>): Promise<void> {
  await dashboard.page.evaluate(async (files) => {
    const root = await navigator.storage.getDirectory();
    const folder = await root.getDirectoryHandle('Nextcloud', { create: true });
    for (const [name, text] of Object.entries(files)) {
      const writable = await (await folder.getFileHandle(name, { create: true })).createWritable();
      await writable.write(text);
      await writable.close();
    }
  }, files);
}

/** The Sync card, with the folder picker answered by the test's folder. */
async function syncCard(dashboard: DashboardPage) {
  await dashboard.page.evaluate(() => {
    (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = async () =>
      (await navigator.storage.getDirectory()).getDirectoryHandle('Nextcloud', { create: true });
  });
  return dashboard.page.getByRole('region', { name: 'Sync between your computers' });
}

async function startSyncing(dashboard: DashboardPage, passphrase: string) {
  const card = await syncCard(dashboard);
  await card.getByRole('button', { name: 'Choose folder…' }).click();
  await card.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await card.getByLabel('Passphrase again').fill(passphrase);
  await card.getByRole('button', { name: 'Start syncing' }).click();
  await expect.poll(() => card.textContent(), { timeout: 15_000 }).toContain('Last synced:');
  return card;
}

const notesOf = async (dashboard: DashboardPage, contactId: string) =>
  ((await sendFromPage(dashboard.page, 'contact.get', { id: contactId })) as { notes: { body: string }[] } | null)?.notes.map((note) => note.body).sort() ?? [];

describe('sync through a folder', () => {
  let harness: Harness;
  harnessForEachTest(async () => (harness = await Harness.start()));

  it('picks a folder, takes the passphrase twice, and writes an encrypted log on "Sync now"', async () => {
    const dashboard = await DashboardPage.open(harness, '#/settings');
    const { page } = dashboard;
    const card = await syncCard(dashboard);
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

    // The background syncs on its own every 15 minutes while a folder is chosen, and only then.
    const syncAlarm = () => harness.inWorker(async (name) => (await (globalThis as unknown as { chrome: Chrome }).chrome.alarms.get(name))?.periodInMinutes ?? null, SYNC_ALARM);
    expect(await syncAlarm()).toBe(SYNC_EVERY_MINUTES);
    await card.getByRole('button', { name: 'Stop syncing' }).click();
    await expect.poll(() => card.textContent()).toContain('Choose folder…');
    await expect.poll(syncAlarm).toBeNull();
    expect(harness.extensionErrors).toEqual([]);
  });

  it("brings the laptop's notes to the desktop and back through the synced files", async () => {
    const laptop = await DashboardPage.open(harness, '#/settings');
    const laptopCard = await startSyncing(laptop, 'Sommer in Bremen');
    const anna = await sendFromPage(laptop.page, 'profile.ensure', {
      site: 'linkedin', key: 'anna-schmidt', url: 'https://www.linkedin.com/in/anna-schmidt/', name: 'Anna Schmidt',
    });
    await sendFromPage(laptop.page, 'note.add', { contactId: anna.contact.id, body: 'Met at the fair in Hannover.' });
    await laptopCard.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(async () => Object.keys(await folderFiles(laptop)).length, { timeout: 15_000 }).toBe(1);

    const second = await Harness.start();
    try {
      const desktop = await DashboardPage.open(second, '#/settings');
      await deliver(desktop, await folderFiles(laptop));
      const desktopCard = await startSyncing(desktop, 'Sommer in Bremen');
      await expect.poll(() => notesOf(desktop, anna.contact.id), { timeout: 15_000 }).toEqual(['Met at the fair in Hannover.']);
      await sendFromPage(desktop.page, 'note.add', { contactId: anna.contact.id, body: 'Wants an intro to the Bremen team.' });
      await desktopCard.getByRole('button', { name: 'Sync now' }).click();
      await expect.poll(async () => Object.keys(await folderFiles(desktop)).length, { timeout: 15_000 }).toBe(2);

      await deliver(laptop, await folderFiles(desktop));
      await laptopCard.getByRole('button', { name: 'Sync now' }).click();
      // The laptop kept only the keys it knew: a computer it has not read before needs the
      // passphrase once more.
      await expect.poll(() => laptopCard.textContent(), { timeout: 15_000 }).toContain('comes from a computer not read before: enter the passphrase once more.');
      expect(await laptopCard.getByLabel('Passphrase again').count()).toBe(0);
      await laptopCard.getByLabel('Passphrase', { exact: true }).fill('Sommer in Bremen');
      await laptopCard.getByRole('button', { name: 'Sync now' }).click();
      await expect
        .poll(() => notesOf(laptop, anna.contact.id), { timeout: 15_000 })
        .toEqual(['Met at the fair in Hannover.', 'Wants an intro to the Bremen team.']);
      await expect.poll(() => laptopCard.textContent()).not.toContain('Files not read yet');
      expect(second.extensionErrors).toEqual([]);
    } finally {
      await second.close();
    }
    expect(harness.extensionErrors).toEqual([]);
  });

  it('two computers: the later edit of a field wins, a deletion stays, and a follow-up shown on one is not shown on the other', async () => {
    const DAY = 24 * 3600 * 1000;
    const person = (key: string, name: string) => ({ site: 'linkedin', key, url: `https://www.linkedin.com/in/${key}/`, name }) as const;
    const noQuietHours = { patch: { quietStartMinute: 0, quietEndMinute: 0 } };
    await captureNotifications(harness);
    const laptop = await DashboardPage.open(harness, '#/settings');
    await sendFromPage(laptop.page, 'settings.update', noQuietHours);
    await startSyncing(laptop, 'Sommer in Bremen');
    const syncNow = async (dashboard: DashboardPage, passphrase?: string) =>
      (await sendFromPage(dashboard.page, 'sync.now', passphrase ? { passphrase } : {})) as { state: string; read: number } | null;
    // Jana is due: every 30 days, last spoken 40 days ago. The laptop nudges at once.
    const jana = (await sendFromPage(laptop.page, 'profile.ensure', person('jana-beispiel', 'Jana Beispiel'))).contact;
    await sendFromPage(laptop.page, 'contact.update', { id: jana.id, patch: { cadenceDays: 30 } });
    await sendFromPage(laptop.page, 'interaction.log', { contactId: jana.id, kind: 'call', at: Date.now() - 40 * DAY });
    await expect.poll(() => shown(harness), { timeout: 15_000 }).toEqual([expect.objectContaining({ title: 'Time to get in touch with Jana Beispiel' })]);
    const bert = (await sendFromPage(laptop.page, 'profile.ensure', person('bert-muster', 'Bert Muster'))).contact;
    expect(await syncNow(laptop)).toMatchObject({ state: 'synced' });

    const second = await Harness.start();
    try {
      await captureNotifications(second);
      const desktop = await DashboardPage.open(second, '#/settings');
      await sendFromPage(desktop.page, 'settings.update', noQuietHours);
      await deliver(desktop, await folderFiles(laptop));
      await startSyncing(desktop, 'Sommer in Bremen');
      const due = async (dashboard: DashboardPage) =>
        ((await sendFromPage(dashboard.page, 'contacts.due', {})) as { due: { displayName: string }[] }).due.map((c) => c.displayName);
      await expect.poll(() => due(desktop), { timeout: 15_000 }).toEqual(['Jana Beispiel']);
      // The desktop nudges for someone due that the laptop never nudged for, but not for Jana again.
      const carla = (await sendFromPage(desktop.page, 'profile.ensure', person('carla-probe', 'Carla Probe'))).contact;
      await sendFromPage(desktop.page, 'contact.update', { id: carla.id, patch: { cadenceDays: 30 } });
      await sendFromPage(desktop.page, 'interaction.log', { contactId: carla.id, kind: 'call', at: Date.now() - 40 * DAY });
      await expect.poll(() => shown(second), { timeout: 15_000 }).toHaveLength(1);
      expect((await shown(second)).map((n) => n.title)).toEqual(['Time to get in touch with Carla Probe']);

      // Both edit Jana's hooks, the desktop later; the laptop adds a note to Bert while the desktop deletes him.
      await sendFromPage(laptop.page, 'contact.update', { id: jana.id, patch: { hooks: 'Sailing' } });
      await sendFromPage(laptop.page, 'note.add', { contactId: bert.id, body: 'Asked about the Bremen fair.' });
      expect(await syncNow(laptop)).toMatchObject({ state: 'synced' });
      await sendFromPage(desktop.page, 'contact.update', { id: jana.id, patch: { hooks: 'Rowing' } });
      await sendFromPage(desktop.page, 'contact.delete', { id: bert.id });
      expect(await syncNow(desktop)).toMatchObject({ state: 'synced' });
      await deliver(desktop, await folderFiles(laptop));
      expect((await syncNow(desktop))?.read).toBeGreaterThan(0);
      await deliver(laptop, await folderFiles(desktop));
      // The laptop has not read the desktop before: its files need the passphrase once more.
      expect(await syncNow(laptop, 'Sommer in Bremen')).toMatchObject({ state: 'synced' });

      const hooksOf = async (dashboard: DashboardPage) => ((await sendFromPage(dashboard.page, 'contact.get', { id: jana.id })) as { contact: { hooks: string } } | null)?.contact.hooks;
      await expect.poll(() => hooksOf(laptop), { timeout: 15_000 }).toBe('Rowing');
      await expect.poll(() => hooksOf(desktop), { timeout: 15_000 }).toBe('Rowing');
      // Bert stays deleted on both, the laptop's note with him.
      expect(await sendFromPage(laptop.page, 'contact.get', { id: bert.id })).toBeNull();
      expect(await sendFromPage(desktop.page, 'contact.get', { id: bert.id })).toBeNull();
      expect(await notesOf(laptop, bert.id)).toEqual([]);
      // Carla reached the laptop, and the laptop did not nudge for her: the desktop had.
      await expect.poll(() => due(laptop), { timeout: 15_000 }).toEqual(expect.arrayContaining(['Carla Probe', 'Jana Beispiel']));
      expect((await shown(harness)).map((n) => n.title)).toEqual(['Time to get in touch with Jana Beispiel']);
      expect((await shown(second)).map((n) => n.title)).toEqual(['Time to get in touch with Carla Probe']);
      expect(second.extensionErrors).toEqual([]);
    } finally {
      await second.close();
    }
    expect(harness.extensionErrors).toEqual([]);
  });

  it('says in the popup and on the card when the browser wants its OK again, and syncs once given', async () => {
    const dashboard = await DashboardPage.open(harness, '#/settings');
    await startSyncing(dashboard, 'Sommer in Bremen');
    // After a restart Chrome answers "prompt" until the user allows again; the test's folder
    // (always allowed) is made to answer so in the pages.
    await harness.context.addInitScript(() => {
      const handle = FileSystemHandle.prototype as unknown as Record<string, unknown>;
      handle.queryPermission = async () => ((globalThis as { allowed?: boolean }).allowed ? 'granted' : 'prompt');
      handle.requestPermission = async () => {
        (globalThis as { allowed?: boolean }).allowed = true;
        return 'granted';
      };
    });

    const popup = await PopupPage.open(harness);
    await expect.poll(() => popup.page.locator('main').textContent()).toContain('Sync needs your OK');
    const opened = harness.context.waitForEvent('page');
    await popup.page.getByRole('button', { name: 'Give the OK' }).click();
    const settings = await opened;
    await settings.waitForLoadState();
    expect(settings.url()).toMatch(/dashboard\.html#\/settings$/);
    await settings.close();

    await dashboard.page.reload();
    const again = dashboard.page.getByRole('region', { name: 'Sync between your computers' });
    await expect.poll(() => again.textContent()).toContain('Sync needs your OK');
    const before = await again.textContent();
    expect(before).toContain('Your changes wait until then.');
    await again.getByRole('button', { name: 'Allow' }).click();
    await expect.poll(() => again.getByRole('button', { name: 'Sync now' }).count()).toBe(1);
    expect(await again.textContent()).not.toContain('Sync needs your OK');
    expect(harness.extensionErrors).toEqual([]);
  });
});
