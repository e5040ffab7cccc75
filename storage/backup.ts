import {
  BACKUP_TABLES,
  buildBackup,
  planBackupImport,
  type Backup,
  type BackupCounts,
  type BackupData,
  type ImportMode,
  type StoredRows,
} from '../domain/backup';
import { contactsToCsv } from '../domain/contacts-csv';
import { SETTINGS_ID, type TiekeeperDb } from './db';
import { settingsFromRow } from './settings';
import { refreshTies } from './ties';

/** Called between chunks of a long write, synchronously (never awaited inside a transaction). */
export type ProgressListener = (progress: { done: number; total: number }) => void;

/** Rows per bulk write: small enough for steady progress, large enough to stay fast. */
const CHUNK = 1_000;

/** Writes rows in chunks, reporting progress. Must run inside the caller's transaction. */
export async function writeInChunks<T>(
  rows: readonly T[],
  write: (chunk: T[]) => Promise<unknown>,
  progress: { done: number; total: number },
  onProgress?: ProgressListener,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await write(chunk);
    progress.done += chunk.length;
    onProgress?.({ done: progress.done, total: progress.total });
  }
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

const present = <T>(rows: (T | undefined)[]): T[] => rows.filter((row): row is T => row !== undefined);
const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));

/** The stored rows a backup's rows would meet. Runs inside the caller's transaction. */
async function readStoredRows(db: TiekeeperDb, data: BackupData): Promise<StoredRows> {
  const ids = (rows: readonly { id: string }[]) => rows.map((row) => row.id);
  const profiles = present(await db.profiles.bulkGet(ids(data.profiles)));
  const contactIds = new Set([...ids(data.contacts), ...profiles.map((p) => p.contactId)]);
  const settingsRow = await db.settings.get(SETTINGS_ID);
  return {
    contacts: byId(present(await db.contacts.bulkGet([...contactIds]))),
    profiles: byId(profiles),
    notes: byId(present(await db.notes.bulkGet(ids(data.notes)))),
    interactions: byId(present(await db.interactions.bulkGet(ids(data.interactions)))),
    introductions: byId(present(await db.introductions.bulkGet(ids(data.introductions)))),
    settings: settingsFromRow(settingsRow),
    settingsSaved: settingsRow !== undefined,
    totals: {
      contacts: await db.contacts.count(),
      profiles: await db.profiles.count(),
      notes: await db.notes.count(),
      interactions: await db.interactions.count(),
      introductions: await db.introductions.count(),
    },
  };
}

const backupTables = (db: TiekeeperDb) => [
  db.contacts,
  db.profiles,
  db.notes,
  db.interactions,
  db.introductions,
  db.settings,
];

/** What importing the backup would do, per table. Writes nothing. */
export async function previewBackup(db: TiekeeperDb, backup: Backup, mode: ImportMode): Promise<BackupCounts> {
  return db.transaction('r', backupTables(db), async () => {
    return planBackupImport(backup, await readStoredRows(db, backup.data), mode).counts;
  });
}

/**
 * Imports a validated backup in one transaction: a failure anywhere leaves the database as it
 * was. `replace` wipes everything first (nudges too: they belong to the old contacts); `merge`
 * follows the rules of `planBackupImport`.
 */
export async function applyBackup(
  db: TiekeeperDb,
  backup: Backup,
  mode: ImportMode,
  onProgress?: ProgressListener,
): Promise<BackupCounts> {
  return db.transaction('rw', [...backupTables(db), db.nudges], async () => {
    const plan = planBackupImport(backup, await readStoredRows(db, backup.data), mode);
    if (mode === 'replace') {
      for (const table of [...BACKUP_TABLES, 'nudges', 'settings'] as const) await db[table].clear();
    }
    const { rows } = plan;
    const total = BACKUP_TABLES.reduce((sum, table) => sum + rows[table].length, 0);
    const progress = { done: 0, total };
    onProgress?.({ done: 0, total });
    await writeInChunks(rows.contacts, (chunk) => db.contacts.bulkPut(chunk), progress, onProgress);
    await writeInChunks(rows.profiles, (chunk) => db.profiles.bulkPut(chunk), progress, onProgress);
    await writeInChunks(rows.notes, (chunk) => db.notes.bulkPut(chunk), progress, onProgress);
    await writeInChunks(rows.interactions, (chunk) => db.interactions.bulkPut(chunk), progress, onProgress);
    await writeInChunks(rows.introductions, (chunk) => db.introductions.bulkPut(chunk), progress, onProgress);
    // The tie figures follow from the interactions each contact ends up with, whatever the
    // backup's rows said (an older backup has none; a merge adds interactions).
    await refreshTies(db, mode === 'replace' ? undefined : [...rows.contacts.map((c) => c.id), ...rows.interactions.map((x) => x.contactId)]);
    if (plan.settings) await db.settings.put({ ...plan.settings, id: SETTINGS_ID });
    return plan.counts;
  });
}
