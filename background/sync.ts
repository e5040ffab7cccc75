import { parseSegmentFileName } from '../domain/sync/segment';
import type { TiekeeperDb } from '../storage/db';
import { backupIfDue } from '../storage/auto-backup';
import { downloadWith, loadKeys, recordLocalChanges, syncNow } from '../storage/sync';
import { pickedFiles, type SyncDirectory } from '../storage/sync-folder';
import { stopSync } from '../storage/sync-state';
import type { PickedSyncFile, SyncDownload, SyncFolderHandle, SyncStatusRow } from '../storage/sync-rows';

export const SYNC_ALARM = 'tiekeeper-sync';
/** How often the background syncs on its own, besides after changes. */
export const SYNC_EVERY_MINUTES = 15;
/** How long after the last change the background syncs (many edits in a row make one sync). */
export const SYNC_DEBOUNCE_MS = 5_000;

export interface SyncRunnerDeps {
  db: TiekeeperDb;
  now: () => number;
  /**
   * The folder the user picked (kept in the database), or null: then nothing is read or written,
   * and once sync is set up (keys kept: Firefox, which syncs by hand) changes are still recorded.
   */
  folder: () => Promise<SyncFolderHandle | null>;
  /** After a sync that brought the other devices' changes: badges and schedule follow. */
  onRemoteChanges: () => Promise<void>;
  /**
   * Sets (true) or clears (false) the alarm that syncs every SYNC_EVERY_MINUTES: it exists only
   * while a folder is chosen, so nobody who does not sync is woken for it. Absent: no alarm
   * (Firefox, which keeps no folder, and tests).
   */
  keepAlarm?: (wanted: boolean) => Promise<void>;
  /** PBKDF2 iterations: production's when absent (tests use fewer). */
  iterations?: number;
}

/** Work that follows a sync (rescheduling nudges after remote changes, the weekly backup). */
type FollowUp = () => Promise<void>;

/**
 * Sync in the background (docs/sync.md): after changes (debounced), on an alarm, and when the
 * dashboard asks. One at a time. A sync that went through also writes the weekly backup into
 * the folder when it is due (storage/auto-backup.ts): the alarm's 15 minutes are its check. That
 * backup, and the rescheduling after remote changes, come after the sync's answer, in the same
 * queue: "Synced" waits only for the merged data to be stored. A failure never reaches other
 * work: it is kept in the status row (the backup's in its own row), which the dashboard and the
 * popup show, and the next sync tries again.
 */
export function createSyncRunner(deps: SyncRunnerDeps) {
  const { db, now } = deps;
  const options = deps.iterations === undefined ? {} : { iterations: deps.iterations };

  /**
   * One sync. `picked`: by hand (Firefox), the files the user picked from the synced folder are
   * read, and this device's new changes become segments handed back for the user to save.
   */
  const attempt = async (
    passphrase: string | null,
    picked: PickedSyncFile[] | null,
  ): Promise<{ status: SyncStatusRow; downloads: SyncDownload[]; after: FollowUp[] } | null> => {
    const folder = picked ? null : await deps.folder();
    // A failure to set the alarm does not keep this sync from going ahead.
    if (!picked) await deps.keepAlarm?.(folder !== null).catch((error) => console.error('Tiekeeper: setting the sync alarm failed', error));
    if (!folder && !picked) {
      // Changes are stamped when the diff finds them: found now, not at the next "Sync now".
      if ((await db.syncMeta.get('keys')) !== undefined) await recordLocalChanges(db, now, options);
      return null;
    }
    const previous = await db.syncMeta.get('status');
    const lastSyncedAt = previous?.id === 'status' ? previous.lastSyncedAt : null;
    const base = { id: 'status' as const, lastSyncedAt, read: 0, written: 0, problems: [], ...(picked && { picked: picked.length, downloaded: [] }) };
    let downloads: SyncDownload[] = [];
    let status: SyncStatusRow;
    const after: FollowUp[] = [];
    try {
      const permission = (await folder?.queryPermission?.({ mode: 'readwrite' })) ?? 'granted';
      const keys = await loadKeys(db, passphrase, deps.iterations);
      if (permission !== 'granted' || !keys) {
        // The changes wait in the outbox, stamped now.
        await recordLocalChanges(db, now, options);
        status = { ...base, at: now(), state: permission !== 'granted' ? 'needs-permission' : 'needs-passphrase' };
      } else {
        const dir: SyncDirectory = folder ?? pickedFiles(picked!.map((file) => ({ name: file.name, size: file.size, text: async () => file.text })));
        const write = picked
          ? downloadWith(async (name, text) => {
              downloads.push({ name, text });
            })
          : undefined;
        const result = await syncNow(db, dir, keys, now, { ...options, ...(write && { write }) });
        if (picked) downloads = await keepDownloads(db, picked, downloads);
        const mistyped = result.problems.some((problem) => problem.problem === 'wrong-passphrase');
        status = {
          ...base,
          at: now(),
          state: mistyped ? 'wrong-passphrase' : 'synced',
          lastSyncedAt: mistyped ? lastSyncedAt : now(),
          read: result.ops,
          written: result.written,
          problems: result.problems,
          ...(picked && { downloaded: downloads.map((file) => file.name) }),
        };
        if (result.ops > 0) after.push(deps.onRemoteChanges);
        // The weekly backup needs what a sync that went through has: the folder's OK and the keys.
        if (!mistyped && folder) {
          after.push(async () => {
            // Not into a folder the user stopped syncing with meanwhile.
            if (await deps.folder()) await backupIfDue(db, folder, keys, now);
          });
        }
      }
    } catch (error) {
      console.error('Tiekeeper: sync failed', error);
      // Segments written before the failure may be the only copy of their changes.
      if (picked) {
        downloads = await keepDownloads(db, [], downloads).catch((failure) => {
          console.error('Tiekeeper: keeping the sync files failed', failure);
          return [];
        });
      }
      status = { ...base, at: now(), state: 'failed', error: error instanceof Error ? error.message : String(error), ...(picked && { downloaded: downloads.map((file) => file.name) }) };
    }
    try {
      await db.syncMeta.put(status);
    } catch (error) {
      console.error('Tiekeeper: keeping the sync status failed', error);
    }
    return { status, downloads, after };
  };

  let queue: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const queued = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  };

  /** A sync, and then in the queue what follows from it, after its answer. */
  const syncThenFollowUp = async (passphrase: string | null, picked: PickedSyncFile[] | null) => {
    const outcome = await queued(() => attempt(passphrase, picked));
    for (const work of outcome?.after ?? []) queued(work).catch((error) => console.error('Tiekeeper: follow-up work after a sync failed', error));
    return outcome;
  };

  /** Syncs now (after any sync under way); `passphrase` when the user just gave it. Never rejects. */
  const run = (passphrase: string | null = null): Promise<SyncStatusRow | null> =>
    syncThenFollowUp(passphrase, null).then(
      (outcome) => outcome?.status ?? null,
      (error) => {
        console.error('Tiekeeper: sync failed', error);
        return null;
      },
    );

  return {
    run,
    /**
     * Sync by hand (Firefox): reads the files the user picked, and returns this device's new
     * changes as files to save in the synced folder.
     */
    manual: async (passphrase: string | null, picked: PickedSyncFile[]): Promise<{ status: SyncStatusRow; downloads: SyncDownload[] }> =>
      (await syncThenFollowUp(passphrase, picked))!,
    /** Stop syncing (sync-state.ts), after any sync under way; the alarm goes with the folder. */
    stop: (): Promise<void> =>
      queued(async () => {
        await stopSync(db);
        await deps.keepAlarm?.(false);
      }),
    /** Resolves once every sync and backup asked for so far has ended. */
    idle: (): Promise<void> => queue.then(() => undefined),
    /** After a change: syncs once the changes have stopped for a moment. */
    soon(): void {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        void run();
      }, SYNC_DEBOUNCE_MS);
    },
  };
}

export type SyncRunner = ReturnType<typeof createSyncRunner>;

/**
 * Keeps the segments handed to the user that are not yet among the files picked from the folder
 * (a segment picked back, under any name a browser gave it, has been saved), and the new ones.
 * Only segments the device's log position has passed count: one written while the outbox stayed
 * (the sync failed half way) is written again, under the same number, by the next sync. Returns
 * the new ones that count.
 */
async function keepDownloads(db: TiekeeperDb, picked: readonly PickedSyncFile[], written: readonly SyncDownload[]): Promise<SyncDownload[]> {
  return db.transaction('rw', db.syncMeta, async () => {
    const own = await db.syncMeta.get('device');
    const kept = await db.syncMeta.get('downloads');
    const seen = new Set<number>();
    for (const file of picked) {
      const parsed = parseSegmentFileName(file.name);
      if (parsed && own?.id === 'device' && parsed.device === own.device) seen.add(parsed.segment);
    }
    const waiting = (kept?.id === 'downloads' ? kept.files : []).filter((file) => !seen.has(parseSegmentFileName(file.name)?.segment ?? -1));
    const passed = own?.id === 'device' ? (own.position?.segment ?? 0) : 0;
    const added = written.filter((file) => (parseSegmentFileName(file.name)?.segment ?? Infinity) <= passed);
    const files = [...waiting, ...added];
    if (files.length > 0) await db.syncMeta.put({ id: 'downloads', files });
    else await db.syncMeta.delete('downloads');
    return added;
  });
}
