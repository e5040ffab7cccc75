import { run, type BenchBrowser, type ExtensionPage } from './browser';
import { backupText, generateDataset } from './data';
import { fromSamples, single, type Figure } from './figures';
import { writeFloor } from './floor';
import { SYNC_TABLES } from '../domain/sync/ops';

export const AREA = '11. Sync';
const FOLDER = 'Sync';
const PASSPHRASE = 'Sommer in Bremen, 2026';

/**
 * Gives the background the folder as the dashboard's Sync card does after the picker: a folder
 * of the origin-private file system, kept in the `folder` row (a handle cannot travel in a message).
 */
async function chooseFolder(page: ExtensionPage): Promise<void> {
  // The background creates the database: opened here first, it would be an empty one.
  await page.send('settings.get', {}, () => null);
  await run(
    page.page,
    async ({ folder }) => {
      const handle = await (await navigator.storage.getDirectory()).getDirectoryHandle(folder, { create: true });
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('tiekeeper');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('syncMeta', 'readwrite');
        tx.objectStore('syncMeta').put({ id: 'folder', handle, chosenAt: Date.now() });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { folder: FOLDER },
  );
}

/** The folder's files, as the user's sync client would carry them to the other computer. */
async function folderFiles(page: ExtensionPage): Promise<Record<string, string>> {
  return run(
    page.page,
    async ({ folder }) => {
      const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(folder, { create: true });
      const files: Record<string, string> = {};
      for await (const [name, handle] of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
        if (handle.kind === 'file') files[name] = await (await (handle as FileSystemFileHandle).getFile()).text();
      }
      return files;
    },
    { folder: FOLDER },
  );
}

async function deliver(page: ExtensionPage, files: Record<string, string>): Promise<void> {
  await run(
    page.page,
    async ({ folder, files }) => {
      const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(folder, { create: true });
      for (const [name, text] of Object.entries(files)) {
        const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
        await writable.write(text);
        await writable.close();
      }
    },
    { folder: FOLDER, files },
  );
}

/** Only the files that are new or changed since `before`: what a sync client would copy. */
const changedFiles = (now: Record<string, string>, before: Record<string, string>) =>
  Object.fromEntries(Object.entries(now).filter(([name, text]) => before[name] !== text));

/**
 * What a device holds: its people and notes, and when the weekly backup that follows a sync was
 * written (the last of the sync's follow-up work; null before).
 */
async function deviceState(page: ExtensionPage): Promise<{ contacts: number; notes: number; lastAutoBackup: number | null }> {
  return run(
    page.page,
    async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('tiekeeper');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const ask = <T>(store: string, read: (store: IDBObjectStore) => IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          const request = read(db.transaction(store, 'readonly').objectStore(store));
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const backups = await ask<{ lastAutoAt?: number | null } | undefined>('syncMeta', (store) => store.get('backups'));
      const state = {
        contacts: await ask('contacts', (store) => store.count()),
        notes: await ask('notes', (store) => store.count()),
        lastAutoBackup: backups?.lastAutoAt ?? null,
      };
      db.close();
      return state;
    },
    undefined,
  );
}

/** Waits, polling, until the condition holds (the bench's only wait; up to two minutes). */
async function until(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('gave up waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface SyncAnswer {
  state: string;
  read: number;
  written: number;
}

async function syncNow(page: ExtensionPage, passphrase?: string): Promise<{ ms: number; value: SyncAnswer }> {
  const answer = await page.send('sync.now', passphrase ? { passphrase } : {}, (value: SyncAnswer | null) => value);
  if (answer.value?.state !== 'synced') throw new Error(`sync.now answered ${JSON.stringify(answer.value)}`);
  return { ms: answer.ms, value: answer.value };
}

/** Ten changes of the kinds people make: notes, a field, interactions. */
async function tenChanges(page: ExtensionPage, ids: readonly string[], round: number): Promise<void> {
  for (let i = 0; i < 10; i++) {
    const contactId = ids[(round * 10 + i) % ids.length]!;
    if (i < 4) await page.send('note.add', { contactId, body: `Round ${round}: asked about the new team.` }, () => null);
    else if (i < 7) await page.send('contact.update', { id: contactId, patch: { hooks: `Sails, round ${round}` } }, () => null);
    else await page.send('interaction.log', { contactId, kind: 'call' }, () => null);
  }
}

/**
 * Two browsers (two computers) and one folder, through the real background and the real files:
 * - a new device: B, empty, syncs a folder that A filled with its whole database;
 * - incremental: A makes 10 changes and syncs (send), the files go over, B syncs (receive).
 * Times are `sync.now` round trips from an extension page: the background reads and writes the
 * folder, derives keys (PBKDF2, 600,000 iterations, on first use only) and writes the database.
 */
export async function measureSync(
  launch: () => Promise<BenchBrowser>,
  options: { contacts: number; notes: number; runs: number; newDeviceRuns: number },
): Promise<Figure[]> {
  const a = await launch();
  let b: BenchBrowser | null = null;
  try {
    const pageA = await a.extensionPage();
    const now = Date.now();
    await pageA.importBackup(backupText(generateDataset({ now, seed: 11, contacts: options.contacts, notes: options.notes }), now), 'replace');
    const size = `${options.contacts.toLocaleString('en-GB')} contacts with ${options.notes.toLocaleString('en-GB')} notes`;

    await chooseFolder(pageA);
    const first = await syncNow(pageA, PASSPHRASE);
    // The logs: a new device reads nothing else (A's weekly backup is in the folder too).
    const logs = () => folderFiles(pageA).then((files) => Object.fromEntries(Object.entries(files).filter(([name]) => name.endsWith('.log'))));
    let carried = await logs();
    const megabytes = Object.values(carried).reduce((sum, text) => sum + text.length, 0) / 1024 / 1024;

    // A new device, a fresh browser each time: its answer comes once the merged data is stored;
    // rescheduling and its weekly backup follow in the background's queue.
    const joinedMs: number[] = [];
    const settledMs: number[] = [];
    let joined: SyncAnswer | null = null;
    let pageB: ExtensionPage | null = null;
    for (let i = 0; i < options.newDeviceRuns; i++) {
      await b?.close();
      b = await launch();
      pageB = await b.extensionPage();
      await deliver(pageB, carried);
      await chooseFolder(pageB);
      const start = performance.now();
      const answer = await syncNow(pageB, PASSPHRASE);
      joinedMs.push(answer.ms);
      joined = answer.value;
      await until(async () => (await deviceState(pageB!)).lastAutoBackup !== null);
      settledMs.push(performance.now() - start);
      const counts = await deviceState(pageB);
      if (counts.contacts !== options.contacts || counts.notes < options.notes) {
        throw new Error(`the new device holds ${JSON.stringify(counts)} after its first sync`);
      }
    }
    const counts = await deviceState(pageB!);
    const floor = await writeFloor(pageB!, SYNC_TABLES);

    const { value: ids } = await pageA.send('contacts.list', {}, (value: { id: string }[]) => value.slice(0, 200).map((c) => c.id));
    const send: number[] = [];
    const receive: number[] = [];
    for (let round = 0; round < options.runs; round++) {
      await tenChanges(pageA, ids, round);
      const sent = await syncNow(pageA);
      send.push(sent.ms);
      const files = await logs();
      await deliver(pageB!, changedFiles(files, carried));
      carried = files;
      const received = await syncNow(pageB!);
      if (received.value.read === 0) throw new Error('the other device read nothing');
      receive.push(received.ms);
    }
    const after = await deviceState(pageB!);
    if (after.notes !== counts.notes + 4 * options.runs) throw new Error(`expected ${counts.notes + 4 * options.runs} notes on the other device, found ${after.notes}`);

    const incremental = `10 changes (4 notes, 3 field edits, 3 interactions) on a database of ${size}; ${options.runs} rounds.`;
    return [
      single(
        { id: 'sync.first', area: AREA, label: `first sync of the device that has the data, ${size}`, unit: 's', note: `records every row and writes the encrypted log: ${first.value.written.toLocaleString('en-GB')} operations, ${megabytes.toFixed(1)} MB of log files, keys derived once.` },
        first.ms / 1000,
      ),
      fromSamples(
        {
          id: 'sync.newDevice',
          area: AREA,
          label: `a new device's first sync, ${size}`,
          unit: 's',
          target: { max: 10, source: 'issue 18: sync of 10,000 contacts with 50,000 notes to a new device in at most 10 s' },
          note: `the sync.now answer, once the merged data is stored: reads and decrypts ${joined!.read.toLocaleString('en-GB')} operations, merges them and writes the database; both devices' keys derived (PBKDF2-SHA-256, 600,000 iterations each). A fresh browser each run.`,
        },
        joinedMs.map((ms) => ms / 1000),
      ),
      single(
        {
          id: 'sync.newDevice.floor',
          area: AREA,
          label: `IndexedDB alone: the ${floor.rows.toLocaleString('en-GB')} rows a new device stores, in one transaction`,
          unit: 's',
          note: `the rows the last new device holds after its first sync, read back and put into a scratch database with the same stores and indexes, nothing else: the part of that sync no code of ours can shorten (it also stores its shadow, in pages). Its first sync took ${(joinedMs.at(-1)! / 1000 / floor.seconds).toFixed(2)} times as long.`,
        },
        floor.seconds,
      ),
      fromSamples(
        {
          id: 'sync.newDeviceSettled',
          area: AREA,
          label: "a new device's first sync and its follow-up work",
          unit: 's',
          note: 'from sending sync.now until the weekly backup that follows the first sync is written (nudges rescheduled, badges refreshed, the encrypted backup of the whole database into the folder); polled every 50 ms.',
        },
        settledMs.map((ms) => ms / 1000),
      ),
      fromSamples(
        { id: 'sync.send10', area: AREA, label: 'incremental sync sending 10 changes', unit: 'ms', target: { max: 200, source: 'issue 18: an incremental sync of 10 changes in at most 200 ms' }, note: `${incremental} Finds the changes from the marks, appends one batch to this device's log.` },
        send,
      ),
      fromSamples(
        { id: 'sync.receive10', area: AREA, label: 'incremental sync receiving 10 changes', unit: 'ms', target: { max: 200, source: 'issue 18: an incremental sync of 10 changes in at most 200 ms' }, note: `${incremental} Reads the new batch and writes only the rows it touches.` },
        receive,
      ),
    ];
  } finally {
    await a.close();
    await b?.close();
  }
}
