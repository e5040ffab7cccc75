import { BACKUP_FORMAT, BACKUP_TABLES, BACKUP_VERSION, inSchemaOrder } from '../domain/backup';
import { settingsFromRow } from './settings';
import type { SettingsRow } from './db';

/**
 * A copy of the database as it was before a schema upgrade, so that an upgrade that goes wrong
 * loses nothing. Dexie upgrades when it opens the database with a newer schema; just before
 * that, the stored version is looked at (a bare `indexedDB.open` without a version opens it as
 * it is), and when it is older than the code's and holds anything, its rows are written as a
 * backup file into a database of its own. One copy is kept, the latest. The dashboard's Export
 * page offers it for download; it imports like any backup.
 */

export const BEFORE_UPGRADE_DB = 'tiekeeper-before-upgrade';
const STORE = 'copies';
const COPY_ID = 'latest';

export interface UpgradeCopy {
  id: typeof COPY_ID;
  /** The schema versions (Dexie's numbering) it was made between. */
  fromVersion: number;
  toVersion: number;
  at: number;
  /**
   * The backup file's text (format `tiekeeper-backup`) in parts of a few megabytes: one string
   * of a large database could exceed what a browser allows. Kept as strings rather than a Blob,
   * which not every IndexedDB can hold (the tests' cannot).
   */
  parts: string[];
}

/** The copy as a file to download or import. */
export function upgradeCopyFile(copy: UpgradeCopy): Blob {
  return new Blob(copy.parts, { type: 'application/json' });
}

/** Characters per part of the copy's text. */
const PART_CHARS = 4 * 1024 * 1024;

const done = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

const committed = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new DOMException('aborted', 'AbortError'));
  });

/** The database as it is, or null when there is none (it is not created by looking). */
function openExisting(name: string, factory: IDBFactory): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name);
    let absent = false;
    // Only a database that does not exist yet gets an upgrade without a version asked for.
    request.onupgradeneeded = () => {
      absent = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = (event) => {
      if (!absent) return reject(request.error);
      event.preventDefault();
      resolve(null);
    };
  });
}

/** The copies database, made on first use. */
function openCopies(factory: IDBFactory): Promise<IDBDatabase> {
  const request = factory.open(BEFORE_UPGRADE_DB, 1);
  request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
  return done(request);
}

/** The backup file's text from the old database's rows, in parts (the stores it lacks are empty). */
async function backupParts(old: IDBDatabase, at: number): Promise<string[]> {
  const names = [...BACKUP_TABLES, 'settings'].filter((name) => old.objectStoreNames.contains(name));
  const rows: Record<string, unknown[]> = {};
  if (names.length > 0) {
    const tx = old.transaction(names, 'readonly');
    const reads = names.map(async (name) => [name, await done(tx.objectStore(name).getAll())] as const);
    for (const [name, found] of await Promise.all(reads)) rows[name] = found;
  }
  const parts = [`{"format":${JSON.stringify(BACKUP_FORMAT)},"version":${BACKUP_VERSION},"exportedAt":${JSON.stringify(at)},"data":{`];
  let part = '';
  const add = (text: string) => {
    part += text;
    if (part.length < PART_CHARS) return;
    parts.push(part);
    part = '';
  };
  for (const table of BACKUP_TABLES) {
    const sorted = ((rows[table] ?? []) as { id: string }[]).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    add(`${JSON.stringify(table)}:[`);
    sorted.forEach((row, i) => add(`${i === 0 ? '' : ','}${JSON.stringify(inSchemaOrder(table, row))}`));
    add('],');
  }
  const settings = (rows.settings ?? []).find((row) => (row as { id?: unknown }).id === 'settings') as SettingsRow | undefined;
  add(`"settings":${JSON.stringify(settingsFromRow(settings))}}}\n`);
  parts.push(part);
  return parts;
}

const isEmpty = async (old: IDBDatabase): Promise<boolean> => {
  const names = BACKUP_TABLES.filter((name) => old.objectStoreNames.contains(name));
  if (names.length === 0) return true;
  const tx = old.transaction(names, 'readonly');
  const counts = await Promise.all(names.map((name) => done(tx.objectStore(name).count())));
  return counts.every((count) => count === 0);
};

/**
 * Before the code opens database `name` at `idbVersion` (Dexie's version × 10): when the stored
 * database is older and not empty, copies it into `BEFORE_UPGRADE_DB`. Returns whether it did.
 */
export async function copyBeforeUpgrade(name: string, idbVersion: number, now: number, factory: IDBFactory = indexedDB): Promise<boolean> {
  const old = await openExisting(name, factory);
  if (!old) return false;
  let parts: string[];
  const fromVersion = old.version;
  try {
    // Another page's upgrade must not wait for this connection.
    old.onversionchange = () => old.close();
    if (old.version >= idbVersion || (await isEmpty(old))) return false;
    parts = await backupParts(old, now);
  } finally {
    old.close();
  }
  const copies = await openCopies(factory);
  try {
    const tx = copies.transaction(STORE, 'readwrite');
    const copy: UpgradeCopy = { id: COPY_ID, fromVersion: fromVersion / 10, toVersion: idbVersion / 10, at: now, parts };
    tx.objectStore(STORE).put(copy);
    await committed(tx);
  } finally {
    copies.close();
  }
  return true;
}

/** The copy made before the last upgrade, or null. Read by the dashboard (never created by it). */
export async function upgradeCopy(factory: IDBFactory = indexedDB): Promise<UpgradeCopy | null> {
  const copies = await openExisting(BEFORE_UPGRADE_DB, factory);
  if (!copies) return null;
  try {
    if (!copies.objectStoreNames.contains(STORE)) return null;
    const copy = (await done(copies.transaction(STORE, 'readonly').objectStore(STORE).get(COPY_ID))) as UpgradeCopy | undefined;
    return copy ?? null;
  } finally {
    copies.close();
  }
}
