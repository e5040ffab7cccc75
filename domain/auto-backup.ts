import { format } from 'date-fns';

/**
 * Backups nobody has to remember: when the weekly backup in the sync folder is due, which of
 * them are kept, and when the popup reminds someone without a folder to download one. Pure, so
 * that each rule is tested with a fixed clock.
 */

export const DAY_MS = 24 * 60 * 60 * 1000;
/** A backup into the folder once a week. */
export const WEEKLY_BACKUP_EVERY_MS = 7 * DAY_MS;
/** How many weekly backups stay in the folder: two months back. */
export const WEEKLY_BACKUPS_KEPT = 8;
/** Without a folder: a reminder after this long without a backup, and again this long after "Not now". */
export const REMIND_AFTER_MS = 30 * DAY_MS;

/** The encrypted weekly backup's name: `tiekeeper-backup-2026-12-07.tkbackup` (local date). */
export const ENCRYPTED_BACKUP_EXTENSION = '.tkbackup';
const WEEKLY_NAME = /^tiekeeper-backup-(\d{4}-\d{2}-\d{2})(?:-(\d+))?\.tkbackup$/;

export function weeklyBackupName(at: number, taken: ReadonlySet<string> = new Set()): string {
  const day = format(at, 'yyyy-MM-dd');
  let name = `tiekeeper-backup-${day}${ENCRYPTED_BACKUP_EXTENSION}`;
  // A second one on the same day (the clock set back, or "Back up now" twice) does not overwrite the first.
  for (let n = 2; taken.has(name); n++) name = `tiekeeper-backup-${day}-${n}${ENCRYPTED_BACKUP_EXTENSION}`;
  return name;
}

/** The backup before a risky step, downloaded or written into the folder: `tiekeeper-before-replace-2026-12-07.json`. */
export function safetyBackupName(reason: 'replace' | 'delete-all', at: number): string {
  return `tiekeeper-before-${reason}-${format(at, 'yyyy-MM-dd-HHmmss')}.json`;
}

/** Whether a weekly backup is due: none yet, one 7 days old or more, or one from the future (a clock set back). */
export function weeklyBackupDue(lastAt: number | null, now: number): boolean {
  if (lastAt === null) return true;
  return now - lastAt >= WEEKLY_BACKUP_EVERY_MS || lastAt > now + DAY_MS;
}

/**
 * Of the files in the folder, the weekly backups to delete so that the newest `keep` stay.
 * Only names of that exact form count: nothing else in the folder is ever touched. Newest by
 * the date in the name, then by the number of a second one that day.
 */
export function weeklyBackupsToDelete(names: Iterable<string>, keep: number = WEEKLY_BACKUPS_KEPT): string[] {
  const backups: { name: string; day: string; n: number }[] = [];
  for (const name of names) {
    const match = WEEKLY_NAME.exec(name);
    if (match) backups.push({ name, day: match[1]!, n: match[2] === undefined ? 1 : Number(match[2]) });
  }
  backups.sort((a, b) => (a.day === b.day ? b.n - a.n : a.day < b.day ? 1 : -1));
  return backups.slice(keep).map((backup) => backup.name);
}

/** What the reminder goes by (storage keeps it in the `backups` row). */
export interface BackupReminderState {
  /** The last backup the user downloaded (the dashboard's export, or one before a risky step). */
  lastExportAt: number | null;
  /** When this installation began keeping track: install, or the update that brought the reminder. */
  since: number | null;
  /** The last "Not now". */
  dismissedAt: number | null;
  /** The last weekly backup written into the sync folder. */
  lastAutoAt: number | null;
}

/**
 * Whether the popup reminds the user to download a backup: there is something to back up, and
 * 30 days have passed since the last backup of any kind (or since install: a new user is not
 * nagged on day one) and since the last "Not now". With a working sync folder the weekly backup
 * keeps it quiet; a folder that has not taken one for 30 days (no permission, no passphrase)
 * does not.
 */
export function backupReminderDue(state: BackupReminderState, context: { now: number; hasContacts: boolean }): boolean {
  if (!context.hasContacts) return false;
  const from = Math.max(state.lastExportAt ?? 0, state.lastAutoAt ?? 0, state.since ?? 0, state.dismissedAt ?? 0);
  // Nothing recorded at all (the background has not started since the update): wait for it.
  if (from === 0) return false;
  return context.now - from >= REMIND_AFTER_MS;
}
