import type { BackupReminderState } from '../domain/auto-backup';
import type { TiekeeperDb } from './db';
import type { SyncBackupsRow } from './sync-rows';

/**
 * The backups row as the pages read it (the popup's reminder, the Sync card): kept apart from
 * storage/auto-backup.ts so that the popup does not load the backup writer to learn this.
 */
const EMPTY: SyncBackupsRow = { id: 'backups', lastExportAt: null, since: null, dismissedAt: null, lastAutoAt: null, lastAutoFile: null, autoError: null };

export async function backupsRow(db: TiekeeperDb): Promise<SyncBackupsRow> {
  const row = await db.syncMeta.get('backups');
  return row?.id === 'backups' ? { ...EMPTY, ...row } : EMPTY;
}

export function reminderState(row: SyncBackupsRow): BackupReminderState {
  return { lastExportAt: row.lastExportAt, since: row.since, dismissedAt: row.dismissedAt, lastAutoAt: row.lastAutoAt };
}
