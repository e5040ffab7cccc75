import { promises as fs } from 'node:fs';
import { Blob as NodeBlob } from 'node:buffer';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSyncRunner } from '../../../background/sync';
import { backupFilePieces } from '../../../components/dashboard/backup-file';
import { DAY_MS } from '../../../domain/auto-backup';
import { decryptBackup, ENCRYPTED_CHUNK_BYTES, firstLineOf, keyOpensBackup, readBackupHeader } from '../../../domain/encrypted-backup';
import { deriveKey, fromBase64 } from '../../../domain/sync/crypto';
import { backupsRow } from '../../../storage/backup-state';
import { importBackup } from '../../../storage/backup-import';
import { ensureContactForProfile } from '../../../storage/contacts';
import type { TiekeeperDb } from '../../../storage/db';
import { addNote } from '../../../storage/notes';
import type { SyncFolderHandle } from '../../../storage/sync-rows';
import { freshDb, linkedinRef } from '../storage/helpers';
import { NodeDirectory } from '../storage/node-directory';

const ITERATIONS = 1_000;
// Monday 7 December 2026, 10:00 in Berlin.
const T0 = new Date(2026, 11, 7, 10).getTime();
const PASSPHRASE = 'Sommer in Bremen';

let root: string;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'tiekeeper-auto-backup-'));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

/** The background's runner on a real folder on disk, with a permission and a clock the test sets. */
function rig(db: TiekeeperDb) {
  const dir = new NodeDirectory(root);
  const permission = { state: 'granted' as PermissionState };
  // A backup file waits for this before it is opened (resolved unless a test holds it back).
  const gate = { open: Promise.resolve() };
  const folder: SyncFolderHandle = {
    name: 'Nextcloud',
    values: () => dir.values(),
    getFileHandle: async (name, options) => {
      if (name.endsWith('.tkbackup')) await gate.open;
      return dir.getFileHandle(name, options);
    },
    removeEntry: (name) => dir.removeEntry(name),
    queryPermission: async () => permission.state,
  };
  const clock = { now: T0 };
  const background = createSyncRunner({ db, now: () => clock.now, folder: async () => folder, onRemoteChanges: async () => {}, iterations: ITERATIONS });
  // The weekly backup follows the sync's answer in the runner's queue: these tests wait for both.
  const runner = {
    run: async (passphrase: string | null = null) => {
      const status = await background.run(passphrase);
      await background.idle();
      return status;
    },
  };
  return { runner, background, permission, clock, gate };
}

const backups = async () => (await fs.readdir(root)).filter((name) => name.endsWith('.tkbackup')).sort();
const others = async () => (await fs.readdir(root)).filter((name) => !name.endsWith('.tkbackup')).sort();

async function addPeople(db: TiekeeperDb, count: number, noteChars = 40) {
  for (let i = 0; i < count; i++) {
    const { contact } = await ensureContactForProfile(db, linkedinRef(`person-${i}`, { name: `Person ${i}` }), T0);
    await addNote(db, contact.id, `Note ${i} `.padEnd(noteChars, 'ä'), T0);
  }
}

/** An encrypted backup on disk, opened with the passphrase and imported through the normal backup import. */
async function restore(file: string, passphrase: string, into: TiekeeperDb) {
  const blob = new NodeBlob([await fs.readFile(path.join(root, file))]);
  const header = readBackupHeader(await firstLineOf(blob as unknown as Blob));
  const key = await deriveKey(passphrase, fromBase64(header.salt), header.iterations);
  const plain = { stream: () => decryptBackup(blob as unknown as Blob, key) };
  return importBackup(into, backupFilePieces(plain), 'replace', true);
}

describe('the weekly backup into the sync folder', () => {
  it('writes an encrypted backup at the first sync, not again for a week, then again', async () => {
    const db = freshDb();
    const { runner, clock } = rig(db);
    await addPeople(db, 3);
    await runner.run(PASSPHRASE);
    expect(await backups()).toEqual(['tiekeeper-backup-2026-12-07.tkbackup']);
    expect(await backupsRow(db)).toMatchObject({ lastAutoAt: T0, lastAutoFile: 'tiekeeper-backup-2026-12-07.tkbackup', autoError: null });

    // Nothing of the notes is readable in the folder.
    const text = await fs.readFile(path.join(root, 'tiekeeper-backup-2026-12-07.tkbackup'), 'utf8');
    expect(text).toMatch(/^\{"format":"tiekeeper-backup-encrypted"/);
    expect(text).not.toContain('Person');
    expect(text).not.toContain('Note');

    clock.now = T0 + 6 * DAY_MS;
    await runner.run();
    expect(await backups()).toHaveLength(1);
    clock.now = T0 + 7 * DAY_MS;
    await runner.run();
    expect(await backups()).toEqual(['tiekeeper-backup-2026-12-07.tkbackup', 'tiekeeper-backup-2026-12-14.tkbackup']);
  });

  it('comes after the sync’s answer: "Synced" does not wait for the backup', async () => {
    const db = freshDb();
    const { background, gate } = rig(db);
    await addPeople(db, 2);
    let release = () => {};
    gate.open = new Promise((resolve) => (release = resolve));
    const status = await background.run(PASSPHRASE);
    expect(status?.state).toBe('synced');
    expect(await backups()).toEqual([]);
    release();
    await background.idle();
    expect(await backups()).toEqual(['tiekeeper-backup-2026-12-07.tkbackup']);
  });

  it('keeps the newest 8 and leaves the sync logs alone', async () => {
    const db = freshDb();
    const { runner, clock } = rig(db);
    await addPeople(db, 1);
    await fs.writeFile(path.join(root, 'tiekeeper-backup-2020-01-01.json'), 'the user’s own export');
    for (let week = 0; week < 10; week++) {
      clock.now = T0 + week * 7 * DAY_MS;
      await runner.run(week === 0 ? PASSPHRASE : null);
    }
    const kept = await backups();
    expect(kept).toHaveLength(8);
    expect(kept[0]).toBe('tiekeeper-backup-2026-12-21.tkbackup');
    expect(kept.at(-1)).toBe('tiekeeper-backup-2027-02-08.tkbackup');
    expect(await others()).toEqual(expect.arrayContaining(['tiekeeper-backup-2020-01-01.json']));
    expect((await others()).some((name) => name.endsWith('.log'))).toBe(true);
  });

  it('waits while the browser has not given its OK, and catches up once it has', async () => {
    const db = freshDb();
    const { runner, permission, clock } = rig(db);
    await addPeople(db, 1);
    permission.state = 'prompt';
    await runner.run(PASSPHRASE);
    expect(await backups()).toEqual([]);
    expect((await backupsRow(db)).lastAutoAt).toBeNull();
    clock.now = T0 + 3 * DAY_MS;
    permission.state = 'granted';
    await runner.run(PASSPHRASE);
    expect(await backups()).toEqual(['tiekeeper-backup-2026-12-10.tkbackup']);
  });

  it('restores through the normal backup import with the passphrase, several chunks long', async () => {
    const db = freshDb();
    const { runner } = rig(db);
    // About 2.5 MB of notes: three chunks.
    await addPeople(db, 250, 10_000);
    await runner.run(PASSPHRASE);
    const [file] = await backups();
    const lines = (await fs.readFile(path.join(root, file!), 'utf8')).trimEnd().split('\n');
    expect(lines.length - 1).toBeGreaterThanOrEqual(Math.ceil((250 * 10_000) / ENCRYPTED_CHUNK_BYTES));

    const restored = freshDb();
    await restore(file!, PASSPHRASE, restored);
    expect(await restored.contacts.count()).toBe(250);
    expect((await restored.notes.toArray()).map((note) => note.body).sort()).toEqual((await db.notes.toArray()).map((note) => note.body).sort());
  });

  it('refuses another passphrase, a chunk altered, dropped or cut off, and changes nothing', async () => {
    const db = freshDb();
    const { runner } = rig(db);
    await addPeople(db, 250, 10_000);
    await runner.run(PASSPHRASE);
    const [file] = await backups();
    const full = path.join(root, file!);
    const original = await fs.readFile(full, 'utf8');
    const header = readBackupHeader(original.slice(0, original.indexOf('\n')));
    expect(await keyOpensBackup(await deriveKey('Winter in Bremen', fromBase64(header.salt), header.iterations), header)).toBe(false);

    const target = freshDb();
    await addPeople(target, 1);
    await expect(restore(file!, 'Winter in Bremen', target)).rejects.toMatchObject({ key: 'encryptedBackupWrongPassphrase' });

    const lines = original.split('\n');
    const variants: [string, string, string][] = [
      ['a chunk dropped', [lines[0], ...lines.slice(2)].join('\n'), 'encryptedBackupDamaged'],
      ['the last chunk cut off', [...lines.slice(0, -2), ''].join('\n'), 'encryptedBackupCut'],
      ['a chunk altered', original.replace(/\n(.)/, (_, c: string) => `\n${c === 'A' ? 'B' : 'A'}`), 'encryptedBackupDamaged'],
    ];
    for (const [what, text, key] of variants) {
      await fs.writeFile(full, text);
      await expect(restore(file!, PASSPHRASE, target), what).rejects.toMatchObject({ key });
      expect(await target.contacts.count(), what).toBe(1);
    }
  });
});
