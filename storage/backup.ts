import {
  BACKUP_FORMAT,
  BACKUP_TABLES,
  BACKUP_VERSION,
  backupPieces,
  buildBackup,
  inSchemaOrder,
  type Backup,
  type BackupCounts,
  type BackupData,
  type ImportMode,
} from '../domain/backup';
import { contactsToCsv } from '../domain/contacts-csv';
import { SETTINGS_ID, type TiekeeperDb } from './db';
import { settingsFromRow } from './settings';
import { importBackup } from './backup-import';

/** Called between chunks of a long write, synchronously (never awaited inside a transaction). */
export type ProgressListener = (progress: { done: number; total: number }) => void;

/** Rows per bulk write: small enough for steady progress, large enough to stay fast. */
const CHUNK = 1_000;
/** Chunks handed to the database before the oldest of them is waited for. */
const IN_FLIGHT = 2;

/**
 * Writes rows in chunks, reporting progress. Must run inside the caller's transaction. A few
 * chunks are under way at a time: this thread prepares the next (the browser copies each row
 * when it is handed over) while the database writes the last, instead of each waiting for the
 * other.
 */
export async function writeInChunks<T>(
  rows: readonly T[],
  write: (chunk: T[]) => Promise<unknown>,
  progress: { done: number; total: number },
  onProgress?: ProgressListener,
): Promise<void> {
  const underWay: Promise<void>[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const written = write(chunk).then(() => {
      progress.done += chunk.length;
      onProgress?.({ done: progress.done, total: progress.total });
    });
    // Awaited below; this only keeps a failure from being reported twice.
    written.catch(() => undefined);
    underWay.push(written);
    if (underWay.length >= IN_FLIGHT) await underWay.shift();
  }
  for (const written of underWay) await written;
}

/** Everything a backup holds, read in one transaction so it is a consistent snapshot. */
export async function readBackupData(db: TiekeeperDb): Promise<BackupData> {
  return db.transaction(
    'r',
    [db.contacts, db.profiles, db.notes, db.interactions, db.introductions, db.settings],
    async () => ({
      contacts: await db.contacts.toArray(),
      profiles: await db.profiles.toArray(),
      notes: await db.notes.toArray(),
      interactions: await db.interactions.toArray(),
      introductions: await db.introductions.toArray(),
      settings: settingsFromRow(await db.settings.get(SETTINGS_ID)),
    }),
  );
}

export async function exportBackup(db: TiekeeperDb, now: number): Promise<Backup> {
  return buildBackup(await readBackupData(db), now);
}

export async function exportContactsCsv(db: TiekeeperDb): Promise<string> {
  const { contacts, profiles } = await db.transaction('r', db.contacts, db.profiles, async () => ({
    contacts: await db.contacts.toArray(),
    profiles: await db.profiles.toArray(),
  }));
  return contactsToCsv(contacts, profiles);
}

/** What importing a backup held in memory would do, per table. Writes nothing. */
export async function previewBackup(db: TiekeeperDb, backup: Backup, mode: ImportMode): Promise<BackupCounts> {
  return (await importBackup(db, backupPieces(backup), mode, false)).counts;
}

/** Imports a validated backup held in memory (see `importBackup`). */
export async function applyBackup(db: TiekeeperDb, backup: Backup, mode: ImportMode): Promise<BackupCounts> {
  return (await importBackup(db, backupPieces(backup), mode, true)).counts;
}

/** Rows per read while a backup is written out. */
const EXPORT_PAGE = 2_000;

/**
 * The backup as text in parts, for a file of any size: the same text as `serializeBackup`, read
 * page by page in one transaction (a consistent snapshot) and handed on part by part, so that
 * only a page of rows is in memory at a time. `onPart` must not wait: the transaction ends when
 * nothing is asked of the database.
 */
export async function writeBackup(
  db: TiekeeperDb,
  exportedAt: number,
  onPart: (text: string) => void,
  onProgress?: ProgressListener,
): Promise<void> {
  await db.transaction('r', [db.contacts, db.profiles, db.notes, db.interactions, db.introductions, db.settings], async () => {
    const progress = { done: 0, total: 0 };
    for (const table of BACKUP_TABLES) progress.total += await db[table].count();
    onProgress?.(progress);
    onPart(`{"format":${JSON.stringify(BACKUP_FORMAT)},"version":${BACKUP_VERSION},"exportedAt":${JSON.stringify(exportedAt)},"data":{`);
    for (const table of BACKUP_TABLES) {
      onPart(`${JSON.stringify(table)}:[`);
      let after: string | null = null;
      for (;;) {
        const collection = after === null ? db[table].toCollection() : db[table].where(':id').above(after);
        const rows: { id: string }[] = await collection.limit(EXPORT_PAGE).toArray();
        if (rows.length === 0) break;
        onPart(`${after === null ? '' : ','}${rows.map((row) => JSON.stringify(inSchemaOrder(table, row))).join(',')}`);
        after = rows.at(-1)!.id;
        progress.done += rows.length;
        onProgress?.(progress);
      }
      onPart('],');
    }
    onPart(`"settings":${JSON.stringify(settingsFromRow(await db.settings.get(SETTINGS_ID)))}}}\n`);
  });
}
