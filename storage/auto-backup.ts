import { weeklyBackupDue, weeklyBackupName, weeklyBackupsToDelete } from '../domain/auto-backup';
import { encryptBackup, makeBackupHeader } from '../domain/encrypted-backup';
import { fromBase64 } from '../domain/sync/crypto';
import { writeBackup, type ProgressListener } from './backup';
import { backupsRow } from './backup-state';
import type { TiekeeperDb } from './db';
import type { KeyRing, SyncDirectory } from './sync-folder';
import type { SyncBackupsRow } from './sync-rows';

/**
 * Backups nobody has to remember (domain/auto-backup.ts for the rules): the weekly encrypted
 * backup into the sync folder, and what the popup's reminder goes by.
 */

async function patchBackups(db: TiekeeperDb, patch: (row: SyncBackupsRow) => Partial<SyncBackupsRow>): Promise<SyncBackupsRow> {
  return db.transaction('rw', db.syncMeta, async () => {
    const row = await backupsRow(db);
    const next = { ...row, ...patch(row), id: 'backups' as const };
    await db.syncMeta.put(next);
    return next;
  });
}

/** The user downloaded a backup of everything. */
export const recordExport = (db: TiekeeperDb, at: number) => patchBackups(db, () => ({ lastExportAt: at }));
/** "Not now": the reminder comes again in a month. */
export const dismissReminder = (db: TiekeeperDb, at: number) => patchBackups(db, () => ({ dismissedAt: at }));
/** Starts the reminder's clock when nothing did yet: a new user is not reminded on day one. */
export const startTracking = (db: TiekeeperDb, at: number) => patchBackups(db, (row) => ({ since: row.since ?? at }));

/** Text handed to a Blob in batches of this many characters: no more is held as strings at once. */
const BATCH_CHARS = 4 * 1024 * 1024;

/**
 * The backup of everything as a file (a Blob), read in one snapshot page by page (storage/backup.ts),
 * its text handed to the Blob in batches: the browser may keep a large Blob on disk.
 */
export async function backupBlob(db: TiekeeperDb, at: number, onProgress?: ProgressListener): Promise<Blob> {
  const blobs: Blob[] = [];
  let batch: string[] = [];
  let chars = 0;
  await writeBackup(
    db,
    at,
    (text) => {
      batch.push(text);
      chars += text.length;
      if (chars < BATCH_CHARS) return;
      blobs.push(new Blob(batch));
      batch = [];
      chars = 0;
    },
    onProgress,
  );
  blobs.push(new Blob(batch));
  return new Blob(blobs, { type: 'application/json' });
}

/** This device's key, as the sync keeps it: the weekly backup is encrypted with it. */
export interface BackupKey {
  key: CryptoKey;
  salt: Uint8Array<ArrayBuffer>;
  iterations: number;
}

/** The device's own sync key from the kept keys, or null before its first sync. */
export async function ownBackupKey(db: TiekeeperDb, keys: KeyRing): Promise<BackupKey | null> {
  const own = await db.syncMeta.get('device');
  if (own?.id !== 'device') return null;
  const salt = fromBase64(own.salt);
  return { key: await keys.key(salt, own.iterations), salt, iterations: own.iterations };
}

/**
 * Writes an encrypted backup of everything into the folder (`tiekeeper-backup-<date>.tkbackup`)
 * and deletes the weekly backups beyond the newest 8; other files are never touched. Returns the
 * file's name.
 */
export async function writeFolderBackup(db: TiekeeperDb, dir: SyncDirectory, key: BackupKey, at: number): Promise<string> {
  const plain = await backupBlob(db, at);
  const names = new Set<string>();
  for await (const entry of dir.values()) if (entry.kind === 'file') names.add(entry.name);
  const name = weeklyBackupName(at, names);
  const header = await makeBackupHeader(key.key, { exportedAt: at, salt: key.salt, iterations: key.iterations });
  const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
  // The file appears under its name only when closed (a swap file until then): never half written.
  await encryptBackup(key.key, header, plain, (line) => writable.write(line));
  await writable.close();
  names.add(name);
  if (dir.removeEntry) {
    for (const old of weeklyBackupsToDelete(names)) await dir.removeEntry(old).catch((error) => console.error('Tiekeeper: removing an old backup failed', error));
  }
  return name;
}

/**
 * The weekly check, after a sync that could use the folder: writes a backup when the last is 7
 * days old (or there is none) and records it. A failure is kept for the Sync card and the next
 * check tries again. Returns the file written, or null.
 */
export async function backupIfDue(db: TiekeeperDb, dir: SyncDirectory, keys: KeyRing, now: () => number): Promise<string | null> {
  const row = await backupsRow(db);
  if (!weeklyBackupDue(row.lastAutoAt, now())) return null;
  try {
    const key = await ownBackupKey(db, keys);
    if (!key) return null;
    const at = now();
    const name = await writeFolderBackup(db, dir, key, at);
    await patchBackups(db, () => ({ lastAutoAt: at, lastAutoFile: name, autoError: null }));
    return name;
  } catch (error) {
    console.error('Tiekeeper: the weekly backup failed', error);
    await patchBackups(db, () => ({ autoError: error instanceof Error ? error.message : String(error) }));
    return null;
  }
}
