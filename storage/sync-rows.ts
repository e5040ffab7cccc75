import type { Clock } from '../domain/sync/hlc';
import type { Json, Op } from '../domain/sync/ops';
import type { Cursors, FileProblem, LogPosition, SyncDirectory } from './sync-folder';

/** The rows of the sync stores (schema version 2, storage/db.ts). */

/**
 * One record of the shadow, as its page (SyncPageRow) holds it. A field without `v` was removed
 * at `c`. Most records have one clock for all their fields (they were put whole): those fields
 * are kept as plain values in `values` with that clock in `c`, the others in `fields`, which
 * keeps the clock once instead of once per field.
 */
export interface SyncRecordRow {
  /** `${table}/${id}` */
  key: string;
  born?: Clock;
  died?: Clock;
  fields: Record<string, { c: Clock; v?: Json }>;
  c?: Clock;
  values?: Record<string, Json>;
}

/** A page of the shadow (sync-shadow.ts): `${table}/${page}`, and the records whose ids hash to it. */
export interface SyncPageRow {
  key: string;
  records: SyncRecordRow[];
}

/** A record (`${table}/${id}`) or a whole table (`${table}/*`) written since the last diff. */
export interface SyncMarkRow {
  key: string;
}

export interface SyncDeviceRow {
  id: 'device';
  device: string;
  /** The latest clock issued or read: the clock carries on from it after a restart. */
  clock: Clock;
  /** The salt (base64) and iterations of this device's key (the passphrase is never stored). */
  salt: string;
  iterations: number;
  /** The last batch written to the folder; null before the first. */
  position: LogPosition | null;
  /** Operations written since this device's last snapshot (absent: none counted yet). */
  sinceSnapshot?: number;
}

export interface SyncCursorsRow {
  id: 'cursors';
  cursors: Cursors;
}

export interface SyncRedirectsRow {
  id: 'redirects';
  redirects: Record<string, { into: string; c: Clock }>;
}

/**
 * The keys derived from the passphrase, by `${iterations}/${salt}`: not extractable, so they can
 * be used after a restart without asking for the passphrase, but never read back out.
 */
export interface SyncKeysRow {
  id: 'keys';
  keys: Record<string, CryptoKey>;
}

/**
 * The folder as Chrome hands it out (`showDirectoryPicker`): kept in IndexedDB as it is (a
 * structured clone), usable from the background once the user has allowed it.
 */
export interface SyncFolderHandle extends SyncDirectory {
  readonly name: string;
  queryPermission?(descriptor: { mode: 'readwrite' }): Promise<PermissionState>;
  requestPermission?(descriptor: { mode: 'readwrite' }): Promise<PermissionState>;
}

/** The folder the user picked. The one sync row a page writes: a handle cannot travel in a message. */
export interface SyncFolderRow {
  id: 'folder';
  handle: SyncFolderHandle;
  chosenAt: number;
}

/**
 * How the last sync went, for the dashboard and the popup:
 * - `synced`: read and written (problems with single files may remain, listed);
 * - `needs-permission`: the browser asks the user again before the folder can be used;
 * - `needs-passphrase`: no keys are kept yet, the passphrase is needed;
 * - `wrong-passphrase`: the folder's files were written with another passphrase; nothing written;
 * - `failed`: something else went wrong (`error`), tried again at the next sync.
 */
export type SyncState = 'synced' | 'needs-permission' | 'needs-passphrase' | 'wrong-passphrase' | 'failed';

export interface SyncStatusRow {
  id: 'status';
  state: SyncState;
  /** When this attempt ended. */
  at: number;
  /** The last attempt that read and wrote the folder; null before the first. */
  lastSyncedAt: number | null;
  /** Operations read and written by the last attempt. */
  read: number;
  written: number;
  problems: FileProblem[];
  error?: string;
  /** By hand (Firefox): how many files the user picked, and the names of the files given to save. */
  picked?: number;
  downloaded?: string[];
}

/** A file the user picked from the synced folder (Firefox), as the dashboard read it. */
export interface PickedSyncFile {
  name: string;
  size: number;
  /** Empty for a file too large to be read (`size` says why it is refused). */
  text: string;
}

/** A file this device wrote for the user to save in the synced folder (Firefox). */
export interface SyncDownload {
  name: string;
  text: string;
}

/**
 * Firefox: the segments given to the user to save, until a later "Sync now" finds them among the
 * picked files. The outbox is emptied once a segment is handed over, so this is the only copy of
 * those changes until the user has saved it: the card offers it again.
 */
export interface SyncDownloadsRow {
  id: 'downloads';
  files: SyncDownload[];
}


/**
 * Backups nobody has to remember (storage/auto-backup.ts): kept with the device's sync rows
 * because, like them, it belongs to this installation and is neither synced nor backed up.
 */
export interface SyncBackupsRow {
  id: 'backups';
  /** The last backup the user downloaded from the dashboard. */
  lastExportAt: number | null;
  /** When this installation began keeping track (install, or the update that brought this). */
  since: number | null;
  /** The reminder's last "Not now". */
  dismissedAt: number | null;
  /** The last weekly backup into the sync folder, and its file. */
  lastAutoAt: number | null;
  lastAutoFile: string | null;
  /** Why the last weekly backup failed; cleared by the next that works. */
  autoError: string | null;
}

export type SyncMetaRow = SyncDeviceRow | SyncCursorsRow | SyncRedirectsRow | SyncKeysRow | SyncFolderRow | SyncStatusRow | SyncDownloadsRow | SyncBackupsRow;

export interface SyncOutboxRow {
  seq?: number;
  ops: Op[];
}
