import type { TiekeeperDb } from '../storage/db';
import { backupIfDue } from '../storage/auto-backup';
import { loadKeys, recordLocalChanges, syncNow } from '../storage/sync';
import type { SyncFolderHandle, SyncStatusRow } from '../storage/sync-rows';

export const SYNC_ALARM = 'tiekeeper-sync';
/** How often the background syncs on its own, besides after changes. */
export const SYNC_EVERY_MINUTES = 15;
/** How long after the last change the background syncs (many edits in a row make one sync). */
export const SYNC_DEBOUNCE_MS = 5_000;

export interface SyncRunnerDeps {
  db: TiekeeperDb;
  now: () => number;
  /** The folder the user picked (kept in the database), or null: then nothing is done. */
  folder: () => Promise<SyncFolderHandle | null>;
  /** After a sync that brought the other devices' changes: badges and schedule follow. */
  onRemoteChanges: () => Promise<void>;
  /** PBKDF2 iterations: production's when absent (tests use fewer). */
  iterations?: number;
}

/**
 * Sync in the background (docs/sync.md): after changes (debounced), on an alarm, and when the
 * dashboard asks. One at a time. A sync that went through also writes the weekly backup into
 * the folder when it is due (storage/auto-backup.ts): the alarm's 15 minutes are its check. A failure never reaches other work: it is kept in the status
 * row, which the dashboard and the popup show, and the next sync tries again.
 */
export function createSyncRunner(deps: SyncRunnerDeps) {
  const { db, now } = deps;
  const options = deps.iterations === undefined ? {} : { iterations: deps.iterations };

  const attempt = async (passphrase: string | null): Promise<SyncStatusRow | null> => {
    const folder = await deps.folder();
    if (!folder) return null;
    const previous = await db.syncMeta.get('status');
    const lastSyncedAt = previous?.id === 'status' ? previous.lastSyncedAt : null;
    const base = { id: 'status' as const, lastSyncedAt, read: 0, written: 0, problems: [] };
    let status: SyncStatusRow;
    try {
      const permission = (await folder.queryPermission?.({ mode: 'readwrite' })) ?? 'granted';
      const keys = await loadKeys(db, passphrase, deps.iterations);
      if (permission !== 'granted' || !keys) {
        // The changes wait in the outbox, stamped now.
        await recordLocalChanges(db, now, options);
        status = { ...base, at: now(), state: permission !== 'granted' ? 'needs-permission' : 'needs-passphrase' };
      } else {
        const result = await syncNow(db, folder, keys, now, options);
        const mistyped = result.problems.some((problem) => problem.problem === 'wrong-passphrase');
        status = {
          ...base,
          at: now(),
          state: mistyped ? 'wrong-passphrase' : 'synced',
          lastSyncedAt: mistyped ? lastSyncedAt : now(),
          read: result.ops,
          written: result.written,
          problems: result.problems,
        };
        if (result.ops > 0) await deps.onRemoteChanges().catch((error) => console.error('Tiekeeper: follow-up work after a sync failed', error));
        // The weekly backup needs what a sync that went through has: the folder's OK and the keys.
        if (!mistyped) await backupIfDue(db, folder, keys, now);
      }
    } catch (error) {
      console.error('Tiekeeper: sync failed', error);
      status = { ...base, at: now(), state: 'failed', error: error instanceof Error ? error.message : String(error) };
    }
    try {
      await db.syncMeta.put(status);
    } catch (error) {
      console.error('Tiekeeper: keeping the sync status failed', error);
    }
    return status;
  };

  let queue: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | null = null;

  /** Syncs now (after any sync under way); `passphrase` when the user just gave it. Never rejects. */
  const run = (passphrase: string | null = null): Promise<SyncStatusRow | null> => {
    const next = queue.then(() => attempt(passphrase));
    queue = next.catch(() => undefined);
    return next.catch((error) => {
      console.error('Tiekeeper: sync failed', error);
      return null;
    });
  };

  return {
    run,
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
