import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSyncRunner, SYNC_DEBOUNCE_MS } from '../../../background/sync';
import { problemText } from '../../../components/dashboard/sync-model';
import { MAX_SEGMENT_FILE_BYTES } from '../../../domain/sync/segment';
import { setLanguageOverride } from '../../../i18n';
import { ensureContactForProfile } from '../../../storage/contacts';
import type { TiekeeperDb } from '../../../storage/db';
import { addNote } from '../../../storage/notes';
import { loadKeys, writeSnapshotNow } from '../../../storage/sync';
import { syncStatus } from '../../../storage/sync-state';
import type { SyncFolderHandle } from '../../../storage/sync-rows';
import { freshDb, linkedinRef } from '../storage/helpers';
import { NodeDirectory } from '../storage/node-directory';

const ITERATIONS = 1_000;
const T0 = Date.UTC(2026, 2, 2, 9);
const PASSPHRASE = 'Sommer in Bremen';

let root: string;
/** The runners a test made: their follow-up work (the weekly backup) ends before the folder goes. */
const runners: ReturnType<typeof createSyncRunner>[] = [];
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'tiekeeper-sync-runner-'));
});
afterEach(async () => {
  vi.useRealTimers();
  setLanguageOverride(null);
  await Promise.all(runners.splice(0).map((runner) => runner.idle()));
  await fs.rm(root, { recursive: true, force: true });
});

/** The folder as Chrome hands it out, with a permission the test sets. */
function folderWith(permission: { state: PermissionState }): SyncFolderHandle {
  const dir = new NodeDirectory(root);
  return {
    name: 'Nextcloud',
    values: () => dir.values(),
    getFileHandle: (name, options) => dir.getFileHandle(name, options),
    queryPermission: async () => permission.state,
  };
}

function rig(db: TiekeeperDb, options: { folder?: SyncFolderHandle | null; chosen?: () => boolean; alarmFails?: boolean } = {}) {
  const permission = { state: 'granted' as PermissionState };
  const folder = options.folder === undefined ? folderWith(permission) : options.folder;
  const remote = { changes: 0 };
  const clock = { now: T0 };
  // The periodic sync alarm, as the background keeps it.
  const alarm = { set: false };
  const runner = createSyncRunner({
    db,
    now: () => clock.now,
    folder: async () => (options.chosen?.() === false ? null : folder),
    onRemoteChanges: async () => {
      remote.changes++;
    },
    keepAlarm: async (wanted) => {
      if (options.alarmFails) throw new Error('alarms are not available');
      alarm.set = wanted;
    },
    iterations: ITERATIONS,
  });
  runners.push(runner);
  return { runner, permission, remote, clock, alarm };
}

const logFiles = async () => (await fs.readdir(root)).filter((name) => name.endsWith('.log'));

async function addAnna(db: TiekeeperDb, body = 'Met at the fair') {
  const { contact } = await ensureContactForProfile(db, linkedinRef('anna-schmidt', { name: 'Anna Schmidt' }), T0);
  await addNote(db, contact.id, body, T0);
  return contact;
}

describe('the background sync', () => {
  it('does nothing while no folder is chosen', async () => {
    const db = freshDb();
    const { runner } = rig(db, { folder: null });
    expect(await runner.run()).toBeNull();
    expect(await syncStatus(db)).toBeNull();
    expect(await db.syncOutbox.count()).toBe(0);
  });

  it('asks for the passphrase first, and keeps the changes waiting meanwhile', async () => {
    const db = freshDb();
    const { runner } = rig(db);
    await addAnna(db);
    expect(await runner.run()).toMatchObject({ state: 'needs-passphrase', lastSyncedAt: null });
    expect(await db.syncOutbox.count()).toBe(1);
    expect(await logFiles()).toEqual([]);
  });

  it('syncs with the passphrase, then on the kept keys alone', async () => {
    const db = freshDb();
    const { runner, clock } = rig(db);
    await addAnna(db);
    const first = await runner.run(PASSPHRASE);
    expect(first).toMatchObject({ state: 'synced', lastSyncedAt: T0, written: 3, problems: [] });
    expect(await logFiles()).toHaveLength(1);
    expect(await db.syncOutbox.count()).toBe(0);
    // The passphrase is not kept: the keys are.
    expect(JSON.stringify(await db.syncMeta.toArray())).not.toContain(PASSPHRASE);
    clock.now += 60_000;
    await addNote(db, (await db.contacts.toArray())[0]!.id, 'Second note', clock.now);
    expect(await runner.run()).toMatchObject({ state: 'synced', lastSyncedAt: T0 + 60_000, written: 1 });
    expect(await syncStatus(db)).toMatchObject({ state: 'synced', lastSyncedAt: T0 + 60_000 });
  });

  it('waits for the browser\'s permission without losing changes', async () => {
    const db = freshDb();
    const { runner, permission } = rig(db);
    await runner.run(PASSPHRASE);
    permission.state = 'prompt';
    await addAnna(db);
    expect(await runner.run()).toMatchObject({ state: 'needs-permission', lastSyncedAt: T0 });
    expect(await db.syncOutbox.count()).toBe(1);
    permission.state = 'granted';
    expect(await runner.run()).toMatchObject({ state: 'synced', written: 3 });
    expect(await db.syncOutbox.count()).toBe(0);
  });

  it('brings in the other computer\'s notes and says so; a wrong passphrase writes nothing', async () => {
    const laptop = freshDb();
    const desktop = freshDb();
    const onLaptop = rig(laptop);
    const onDesktop = rig(desktop);
    await addAnna(laptop);
    await onLaptop.runner.run(PASSPHRASE);

    await addAnna(desktop, 'Desktop note');
    expect(await onDesktop.runner.run('Winter in Bremen')).toMatchObject({ state: 'wrong-passphrase', written: 0, lastSyncedAt: null });
    expect(await logFiles()).toHaveLength(1);
    expect(await desktop.syncMeta.get('keys')).toBeUndefined();

    expect(await onDesktop.runner.run(PASSPHRASE)).toMatchObject({ state: 'synced', read: 3 });
    // Rescheduling and badges follow the answer, in the runner's queue.
    await onDesktop.runner.idle();
    expect(onDesktop.remote.changes).toBe(1);
    expect((await desktop.notes.toArray()).map((note) => note.body).sort()).toEqual(['Desktop note', 'Met at the fair']);
  });

  it('keeps a failure in the status instead of throwing it', async () => {
    const db = freshDb();
    const broken: SyncFolderHandle = {
      name: 'gone',
      values: () => ({
        [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('the folder is gone')) }),
      }),
      getFileHandle: () => Promise.reject(new Error('the folder is gone')),
    };
    const { runner } = rig(db, { folder: broken });
    expect(await runner.run(PASSPHRASE)).toMatchObject({ state: 'failed', error: 'the folder is gone' });
    expect(await syncStatus(db)).toMatchObject({ state: 'failed' });
  });

  it('forgets the folder, keys and status on stop, and keeps the device', async () => {
    const db = freshDb();
    const { runner } = rig(db);
    await addAnna(db);
    await runner.run(PASSPHRASE);
    // The weekly backup follows the sync's answer.
    await runner.idle();
    expect((await db.syncMeta.toArray()).map((row) => row.id)).toEqual(expect.arrayContaining(['keys', 'status']));
    await runner.stop();
    // The backups row stays: when the last backup was made does not depend on the folder.
    expect((await db.syncMeta.toArray()).map((row) => row.id).sort()).toEqual(['backups', 'device', 'redirects']);
  });

  it('keeps the periodic sync alarm only while a folder is chosen', async () => {
    const db = freshDb();
    let chosen = false;
    const { runner, alarm } = rig(db, { chosen: () => chosen });
    await runner.run();
    expect(alarm.set).toBe(false);
    chosen = true;
    await runner.run(PASSPHRASE);
    expect(alarm.set).toBe(true);
    await runner.stop();
    expect(alarm.set).toBe(false);
  });

  it('syncs even when the alarm cannot be set', async () => {
    const db = freshDb();
    const { runner } = rig(db, { alarmFails: true });
    await addAnna(db);
    expect(await runner.run(PASSPHRASE)).toMatchObject({ state: 'synced', written: 3 });
  });

  it('syncs once after a burst of changes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let asked = 0;
    const runner = createSyncRunner({
      db: freshDb(),
      now: () => T0,
      folder: async () => {
        asked++;
        return null;
      },
      onRemoteChanges: async () => {},
    });
    runner.soon();
    await vi.advanceTimersByTimeAsync(SYNC_DEBOUNCE_MS - 1);
    runner.soon();
    await vi.advanceTimersByTimeAsync(SYNC_DEBOUNCE_MS - 1);
    expect(asked).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(asked).toBe(1);
  });
});

/** A file as the dashboard hands it over after the user picked it. */
const pick = (file: { name: string; text: string }) => ({ name: file.name, size: file.text.length, text: file.text });
const notes = async (db: TiekeeperDb) => (await db.notes.toArray()).map((note) => note.body).sort();
const manualRunner = (db: TiekeeperDb) => rig(db, { folder: null }).runner;

describe('sync by hand (Firefox)', () => {
  it('hands this device\'s changes back as a segment to save; the other device picks it and gets the note', async () => {
    const firefox = freshDb();
    const other = freshDb();
    await addAnna(firefox, 'Written in Firefox');
    const first = await manualRunner(firefox).manual(PASSPHRASE, []);
    expect(first.status).toMatchObject({ state: 'synced', lastSyncedAt: T0, picked: 0, written: 3, read: 0, problems: [] });
    expect(first.downloads).toHaveLength(1);
    const [segment] = first.downloads;
    const device = ((await firefox.syncMeta.get('device')) as { device: string }).device;
    expect(segment!.name).toBe(`tiekeeper-${device}-000001.log`);
    expect(segment!.text).not.toContain('Written in Firefox');
    expect(first.status.downloaded).toEqual([segment!.name]);
    expect(await firefox.syncOutbox.count()).toBe(0);
    // Until a later sync finds it among the picked files, it is kept to be saved again.
    expect(await firefox.syncMeta.get('downloads')).toEqual({ id: 'downloads', files: [segment] });

    await addAnna(other, 'Written elsewhere');
    const there = await manualRunner(other).manual(PASSPHRASE, [pick(segment!)]);
    expect(there.status).toMatchObject({ state: 'synced', read: 3, picked: 1, problems: [] });
    expect(await notes(other)).toEqual(['Written elsewhere', 'Written in Firefox']);

    // Back in Firefox, the user picks the folder: its own segment (renamed by the browser) and the other's.
    const folder = [pick({ ...segment!, name: segment!.name.replace('.log', '(1).log') }), pick(there.downloads[0]!)];
    const runner = manualRunner(firefox);
    // The other computer's files are new here: the kept keys do not open them.
    const asks = await runner.manual(null, folder);
    expect(asks.status.problems).toMatchObject([{ file: there.downloads[0]!.name, problem: 'needs-passphrase' }]);
    const back = await runner.manual(PASSPHRASE, folder);
    expect(back.status).toMatchObject({ state: 'synced', picked: 2, problems: [] });
    expect(back.status.read).toBeGreaterThan(0);
    expect(await notes(firefox)).toEqual(['Written elsewhere', 'Written in Firefox']);
    // Its own segment was seen in the folder: nothing waits to be saved; nothing new was written.
    expect(back.downloads).toEqual([]);
    expect(await firefox.syncMeta.get('downloads')).toBeUndefined();
  });

  it('starts from a snapshot among the picked files', async () => {
    const laptop = freshDb();
    const onLaptop = rig(laptop);
    await addAnna(laptop, 'In the snapshot');
    await onLaptop.runner.run(PASSPHRASE);
    const snapshot = await writeSnapshotNow(laptop, new NodeDirectory(root), (await loadKeys(laptop, null, ITERATIONS))!);
    const files = await Promise.all((await logFiles()).map(async (name) => pick({ name, text: await fs.readFile(path.join(root, name), 'utf8') })));
    expect(files.map((file) => file.name)).toContain(snapshot);

    const firefox = freshDb();
    const result = await manualRunner(firefox).manual(PASSPHRASE, files);
    expect(result.status).toMatchObject({ state: 'synced', picked: 2, problems: [] });
    expect(await notes(firefox)).toEqual(['In the snapshot']);
  });

  it('records changes after they are made once set up, so they carry the time they were made', async () => {
    const firefox = freshDb();
    const { runner, clock } = rig(firefox, { folder: null });
    await addAnna(firefox);
    // Not set up yet: nothing is recorded.
    expect(await runner.run()).toBeNull();
    expect(await firefox.syncOutbox.count()).toBe(0);
    await runner.manual(PASSPHRASE, []);
    clock.now += 60_000;
    await addNote(firefox, (await firefox.contacts.toArray())[0]!.id, 'Later', clock.now);
    expect(await runner.run()).toBeNull();
    const [waiting] = await firefox.syncOutbox.toArray();
    expect(waiting!.ops).toHaveLength(1);
    expect(parseInt(waiting!.ops[0]!.c.slice(0, 11), 16)).toBe(T0 + 60_000);
    clock.now += 3_600_000;
    const later = await runner.manual(null, []);
    expect(later.status).toMatchObject({ written: 1 });
    expect((await firefox.syncMeta.get('downloads')) as { files: unknown[] }).toMatchObject({ files: [{}, {}] });
  });

  describe('files that cannot be read change nothing, and say why', () => {
    async function fromElsewhere() {
      const other = freshDb();
      await addAnna(other, 'From elsewhere');
      const { downloads } = await manualRunner(other).manual(PASSPHRASE, []);
      const firefox = freshDb();
      const contact = await addAnna(firefox, 'Mine');
      // Set up here first, so that what follows is a second sync.
      const runner = manualRunner(firefox);
      await runner.manual(PASSPHRASE, []);
      const before = { notes: await notes(firefox), cursors: await firefox.syncMeta.get('cursors') };
      return { segment: downloads[0]!, firefox, runner, contact, before };
    }

    it('a wrong passphrase: nothing read, nothing written, the keys not kept', async () => {
      const other = freshDb();
      await addAnna(other, 'From elsewhere');
      const { downloads } = await manualRunner(other).manual(PASSPHRASE, []);
      const firefox = freshDb();
      await addAnna(firefox, 'Mine');
      const result = await manualRunner(firefox).manual('Winter in Bremen', [pick(downloads[0]!)]);
      expect(result.status).toMatchObject({ state: 'wrong-passphrase', read: 0, written: 0, lastSyncedAt: null, problems: [{ file: downloads[0]!.name, problem: 'wrong-passphrase' }] });
      expect(result.downloads).toEqual([]);
      expect(await notes(firefox)).toEqual(['Mine']);
      expect(await firefox.syncMeta.get('keys')).toBeUndefined();
      expect(await firefox.syncMeta.get('downloads')).toBeUndefined();
      // The changes wait for the right passphrase.
      expect(await firefox.syncOutbox.count()).toBe(1);
      setLanguageOverride('en');
      expect(problemText(result.status.problems[0]!)).toBe(`${downloads[0]!.name} was written with another passphrase.`);
    });

    it('a file cut short is read once complete', async () => {
      const { segment, firefox, runner, before } = await fromElsewhere();
      const cut = await runner.manual(PASSPHRASE, [pick({ ...segment, text: segment.text.slice(0, -10) })]);
      expect(cut.status).toMatchObject({ state: 'synced', read: 0, problems: [{ file: segment.name, problem: 'truncated' }] });
      expect({ notes: await notes(firefox), cursors: await firefox.syncMeta.get('cursors') }).toEqual(before);
      setLanguageOverride('en');
      expect(problemText(cut.status.problems[0]!)).toBe(`${segment.name} is not complete yet: it is read at the next sync.`);
      await runner.manual(PASSPHRASE, [pick(segment)]);
      expect(await notes(firefox)).toEqual(['From elsewhere', 'Mine']);
    });

    it('a file from a newer version is refused', async () => {
      const { segment, firefox, runner, before } = await fromElsewhere();
      const newer = { ...segment, text: segment.text.replace('"version":1', '"version":2') };
      expect(newer.text).not.toBe(segment.text);
      const result = await runner.manual(PASSPHRASE, [pick(newer)]);
      expect(result.status).toMatchObject({ state: 'synced', read: 0, problems: [{ file: segment.name, problem: 'newer-version' }] });
      expect({ notes: await notes(firefox), cursors: await firefox.syncMeta.get('cursors') }).toEqual(before);
      setLanguageOverride('en');
      expect(problemText(result.status.problems[0]!)).toBe(`${segment.name} was written by a newer Tiekeeper: update this one.`);
    });

    it('a file too large to read is refused without its text', async () => {
      const { segment, firefox, runner, before } = await fromElsewhere();
      const result = await runner.manual(PASSPHRASE, [{ name: segment.name, size: MAX_SEGMENT_FILE_BYTES + 1, text: '' }]);
      expect(result.status.problems).toMatchObject([{ file: segment.name, problem: 'invalid' }]);
      expect({ notes: await notes(firefox), cursors: await firefox.syncMeta.get('cursors') }).toEqual(before);
    });
  });
});
