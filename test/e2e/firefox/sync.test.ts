// The other computer runs in Node, on the same code, with its database in fake-indexeddb.
import 'fake-indexeddb/auto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { createSyncRunner } from '../../../background/sync';
import { decodeSegment } from '../../../domain/sync/segment';
import { ensureContactForProfile } from '../../../storage/contacts';
import { TiekeeperDb } from '../../../storage/db';
import { addNote } from '../../../storage/notes';
import { KeyRing } from '../../../storage/sync-folder';
import { firefoxForEachTest } from './harness';
import { clickNamed, send } from './page-objects';

const PASSPHRASE = 'Sommer in Bremen';
const OWN_SEGMENT = /^tiekeeper-[0-9a-f]{16}-000001\.log$/;

const start = firefoxForEachTest();

/** Firefox saves every download into `dir` without asking, as a user may set it to. */
const downloadsInto = (dir: string) => ({
  'browser.download.folderList': 2,
  'browser.download.dir': dir,
  'browser.download.useDownloadDir': true,
  'browser.download.always_ask_before_handling_new_types': false,
  'browser.download.start_downloads_in_tmp_dir': false,
});

/** The text of the Sync card. */
const cardText = (page: Page) =>
  page.evaluate(() => {
    const title = [...document.querySelectorAll('.dash-card-title')].find((h) => h.textContent === 'Sync between your computers');
    return (title?.closest('[role="region"]') as HTMLElement | null)?.innerText ?? '';
  });

async function typePassphrases(page: Page, count: number): Promise<void> {
  await expect.poll(() => page.$$eval('main input[type="password"]', (inputs) => inputs.length)).toBe(count);
  for (const input of await page.$$('main input[type="password"]')) await input.type(PASSPHRASE);
}

/** Another computer's first sync by hand, made with the same code and production's key strength. */
async function otherComputersSegment(): Promise<{ name: string; text: string }> {
  const db = new TiekeeperDb(`other-${crypto.randomUUID()}`);
  const now = Date.now();
  const { contact } = await ensureContactForProfile(db, { site: 'xing', key: 'Sofia_Probst', url: 'https://www.xing.com/profile/Sofia_Probst', name: 'Sofia Probst' }, now);
  await addNote(db, contact.id, 'Written on the other computer', now);
  const runner = createSyncRunner({ db, now: Date.now, folder: async () => null, onRemoteChanges: async () => {} });
  const { downloads } = await runner.manual(PASSPHRASE, []);
  await db.delete();
  expect(downloads).toHaveLength(1);
  return downloads[0]!;
}

describe('sync by hand in Firefox', () => {
  it('downloads this computer\'s changes as a new file, then reads the files chosen from the synced folder', { timeout: 120_000 }, async () => {
    const downloads = mkdtempSync(path.join(tmpdir(), 'tiekeeper-downloads-'));
    const synced = mkdtempSync(path.join(tmpdir(), 'tiekeeper-synced-'));
    const h = await start({ prefs: downloadsInto(downloads) });
    const page = await h.openExtensionPage('dashboard.html#/settings');
    const { contact } = await send(page, 'profile.ensure', { site: 'linkedin', key: 'jana-beispiel', url: 'https://www.linkedin.com/in/jana-beispiel/', name: 'Jana Beispiel' });
    await send(page, 'note.add', { contactId: contact.id, body: 'Sails on the Alster' });

    // No folder to keep, no OK to give: the card offers sync by hand.
    await expect.poll(() => cardText(page)).toContain('so you sync by hand');
    const card = await cardText(page);
    expect(card).not.toContain('Sync needs your OK');
    expect(card).toContain('No sync files chosen');

    // The first time: the passphrase twice, nothing chosen (the folder is still empty).
    await typePassphrases(page, 2);
    await clickNamed(page, 'Start syncing', 'main');
    await expect.poll(() => readdirSync(downloads).filter((name) => OWN_SEGMENT.test(name)), { timeout: 20_000 }).toHaveLength(1);
    const [own] = readdirSync(downloads).filter((name) => OWN_SEGMENT.test(name));
    await expect.poll(() => cardText(page)).toContain('3 changes written');
    const saved = await cardText(page);
    expect(saved).toContain('Save in your synced folder');
    expect(saved).toContain(own);
    expect(saved).toContain('Last synced:');

    // The download is the whole segment, encrypted: it reads back with the passphrase alone.
    await expect.poll(() => readFileSync(path.join(downloads, own!), 'utf8').endsWith('\n')).toBe(true);
    const text = readFileSync(path.join(downloads, own!), 'utf8');
    expect(text).not.toContain('Sails on the Alster');
    const decoded = await decodeSegment(text, new KeyRing(PASSPHRASE).keyFor);
    expect(JSON.stringify(decoded.batches)).toContain('Sails on the Alster');

    // Downloaded again, Firefox keeps both under names of their own; the copy is the same file.
    await clickNamed(page, `Download ${own} again`, 'main');
    await expect.poll(() => readdirSync(downloads).filter((name) => name.endsWith('.log') && name !== own), { timeout: 20_000 }).toHaveLength(1);
    const [copy] = readdirSync(downloads).filter((name) => name.endsWith('.log') && name !== own);
    expect(copy).toMatch(/^tiekeeper-[0-9a-f]{16}-000001.*\.log$/);
    await expect.poll(() => readFileSync(path.join(downloads, copy!), 'utf8')).toBe(text);

    // The synced folder now holds this computer's file (the renamed copy) and one from another computer.
    copyFileSync(path.join(downloads, copy!), path.join(synced, copy!));
    const other = await otherComputersSegment();
    writeFileSync(path.join(synced, other.name), other.text);
    writeFileSync(path.join(synced, 'holiday.txt'), 'not a sync file');
    const input = (await page.$('main input[type="file"][accept=".log"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(...readdirSync(synced).map((name) => path.join(synced, name)));
    await expect.poll(() => cardText(page)).toContain('2 sync files chosen.');
    await clickNamed(page, 'Sync now', 'main');

    // That computer was not read here before: the passphrase once more, the files stay chosen.
    await expect.poll(() => cardText(page), { timeout: 20_000 }).toContain(`${other.name} comes from a computer not read before: enter the passphrase once more.`);
    expect(await cardText(page)).toContain('2 sync files chosen.');
    await typePassphrases(page, 1);
    await clickNamed(page, 'Sync now', 'main');
    await expect.poll(async () => (await send(page, 'profile.get', { site: 'xing', key: 'Sofia_Probst' }))?.notes.map((note) => note.body), { timeout: 20_000 }).toEqual([
      'Written on the other computer',
    ]);
    await expect.poll(() => cardText(page)).toContain('3 changes read');
    const after = await cardText(page);
    // Its own file was among those chosen: saved, so no longer listed to save.
    expect(after).not.toContain('Save in your synced folder');
    expect(after).not.toContain('not read before');
    expect(after).toContain('No sync files chosen');
    // Nothing new to write: nothing more downloaded.
    expect(readdirSync(downloads).filter((name) => name.endsWith('.log')).sort()).toEqual([own, copy].sort());
  });

  it('reads the synced folder\'s files chosen at the first sync, other files left aside', { timeout: 120_000 }, async () => {
    const downloads = mkdtempSync(path.join(tmpdir(), 'tiekeeper-downloads-'));
    const synced = mkdtempSync(path.join(tmpdir(), 'tiekeeper-synced-'));
    const other = await otherComputersSegment();
    writeFileSync(path.join(synced, other.name), other.text);
    mkdirSync(path.join(synced, 'Photos'));
    writeFileSync(path.join(synced, 'Photos', 'holiday.txt'), 'not a sync file');
    const h = await start({ prefs: downloadsInto(downloads) });
    const page = await h.openExtensionPage('dashboard.html#/settings');
    await expect.poll(() => cardText(page)).toContain('so you sync by hand');

    // Firefox's WebDriver BiDi refuses a directory in input.setFiles (NS_ERROR_FILE_IS_DIRECTORY):
    // the folder's files are set on the folder input as its dialog would list them.
    const input = (await page.$('main input[type="file"][webkitdirectory]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(path.join(synced, other.name), path.join(synced, 'Photos', 'holiday.txt'));
    await expect.poll(() => cardText(page)).toContain('1 sync file chosen.');
    await typePassphrases(page, 2);
    await clickNamed(page, 'Start syncing', 'main');
    await expect.poll(async () => (await send(page, 'profile.get', { site: 'xing', key: 'Sofia_Probst' }))?.notes.map((note) => note.body), { timeout: 20_000 }).toEqual([
      'Written on the other computer',
    ]);
    await expect.poll(() => cardText(page)).toContain('3 changes read');
    // Nothing of its own to write yet: no download, nothing to save.
    expect(await cardText(page)).toContain('0 changes written');
    expect(await cardText(page)).not.toContain('Save in your synced folder');
    expect(readdirSync(downloads)).toEqual([]);
  });
});
