import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSyncRunner, SYNC_DEBOUNCE_MS } from '../../../background/sync';
import { ensureContactForProfile } from '../../../storage/contacts';
import type { TiekeeperDb } from '../../../storage/db';
import { addNote } from '../../../storage/notes';
import { stopSync, syncStatus } from '../../../storage/sync-state';
import type { SyncFolderHandle } from '../../../storage/sync-rows';
import { freshDb, linkedinRef } from '../storage/helpers';
import { NodeDirectory } from '../storage/node-directory';

const ITERATIONS = 1_000;
const T0 = Date.UTC(2026, 2, 2, 9);
const PASSPHRASE = 'Sommer in Bremen';

let root: string;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'tiekeeper-sync-runner-'));
});
afterEach(async () => {
  vi.useRealTimers();
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

function rig(db: TiekeeperDb, options: { folder?: SyncFolderHandle | null } = {}) {
  const permission = { state: 'granted' as PermissionState };
  const folder = options.folder === undefined ? folderWith(permission) : options.folder;
  const remote = { changes: 0 };
  const clock = { now: T0 };
  const runner = createSyncRunner({
    db,
    now: () => clock.now,
    folder: async () => folder,
    onRemoteChanges: async () => {
      remote.changes++;
    },
    iterations: ITERATIONS,
  });
  return { runner, permission, remote, clock };
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
    expect((await db.syncMeta.toArray()).map((row) => row.id)).toEqual(expect.arrayContaining(['keys', 'status']));
    await stopSync(db);
    // The backups row stays: when the last backup was made does not depend on the folder.
    expect((await db.syncMeta.toArray()).map((row) => row.id).sort()).toEqual(['backups', 'device', 'redirects']);
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
