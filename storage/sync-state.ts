import type { TiekeeperDb } from './db';
import type { SyncFolderHandle, SyncStatusRow } from './sync-rows';

/**
 * The sync rows the pages read (and the one they write): kept apart from storage/sync.ts so that
 * the popup does not load the sync machinery to learn whether sync needs the user's OK.
 */
/** The folder the user picked, or null before that (or after "Stop syncing"). */
export async function keptFolder(db: TiekeeperDb): Promise<SyncFolderHandle | null> {
  const row = await db.syncMeta.get('folder');
  return row?.id === 'folder' ? row.handle : null;
}

/**
 * Keeps the folder the user picked. Written by the dashboard itself, the one exception to "the
 * background is the single writer": the handle cannot travel in a message, only through
 * IndexedDB. It touches nothing but this row.
 */
export async function keepFolder(db: TiekeeperDb, handle: SyncFolderHandle, now: number): Promise<void> {
  await db.syncMeta.put({ id: 'folder', handle, chosenAt: now });
}

/** How the last sync went; null before the first. */
export async function syncStatus(db: TiekeeperDb): Promise<SyncStatusRow | null> {
  const row = await db.syncMeta.get('status');
  return row?.id === 'status' ? row : null;
}

/**
 * Stops syncing on this device: the folder, the kept keys and the status go. The device's id,
 * shadow and cursors stay, so that choosing the folder again carries on where it stopped.
 */
export async function stopSync(db: TiekeeperDb): Promise<void> {
  await db.syncMeta.bulkDelete(['folder', 'keys', 'status']);
}
