import { DAY_MS } from '../../domain/constants';
import { parseClock } from '../../domain/sync/hlc';
import { MAX_SEGMENT_FILE_BYTES, parseSegmentFileName, parseSnapshotFileName, type SyncFileProblem } from '../../domain/sync/segment';
import { t, uiLanguage, type MessageKey } from '../../i18n';
import type { FileProblem } from '../../storage/sync-folder';
import type { PickedSyncFile, SyncOutboxRow, SyncStatusRow } from '../../storage/sync-rows';

/** The Sync card's pure parts: what it says and asks for, from what the database holds. */

const PROBLEM_TEXT: Record<SyncFileProblem, MessageKey> = {
  truncated: 'syncProblemTruncated',
  'newer-version': 'syncProblemNewerVersion',
  'wrong-passphrase': 'syncProblemWrongPassphrase',
  damaged: 'syncProblemDamaged',
  invalid: 'syncProblemInvalid',
  'needs-passphrase': 'syncProblemNeedsPassphrase',
};

/** A file that could not be read, in plain words (this device's own log has no file name). */
export function problemText(problem: Pick<FileProblem, 'file' | 'problem'>): string {
  return t(PROBLEM_TEXT[problem.problem], problem.file === '' ? t('syncOwnLog') : problem.file);
}

export const MIN_PASSPHRASE_LENGTH = 8;

/**
 * What is wrong with the passphrase typed, or null. Asked twice (`again` not null) the first
 * time: a typo then would lock the user out of the folder's files on every other computer.
 */
export function passphraseError(passphrase: string, again: string | null): string | null {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) return t('syncPassphraseShort');
  if (again !== null && again !== passphrase) return t('syncPassphraseMismatch');
  return null;
}

/** What the card asks of the user next. */
export type SyncStep = 'choose-folder' | 'permission' | 'first-passphrase' | 'passphrase-again' | 'ready';

export function syncStep(state: { hasFolder: boolean; permission: PermissionState | null; hasKeys: boolean; status: SyncStatusRow | null }): SyncStep {
  if (!state.hasFolder) return 'choose-folder';
  if (state.permission !== null && state.permission !== 'granted') return 'permission';
  if (!state.hasKeys) return 'first-passphrase';
  const asks = state.status?.state === 'wrong-passphrase' || state.status?.problems.some((problem) => problem.problem === 'needs-passphrase');
  return asks ? 'passphrase-again' : 'ready';
}

export function syncTimeText(at: number): string {
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/** A segment or snapshot of some device, by its name (a browser's renamed copy included). */
export const isSyncFileName = (name: string): boolean => parseSegmentFileName(name) !== null || parseSnapshotFileName(name) !== null;

/**
 * The picked files to hand to the sync, read: only Tiekeeper's sync files (the folder holds the
 * user's other files too), and a file too large to read without its text, which the sync refuses
 * by its size.
 */
export async function readPickedFiles(files: Iterable<{ readonly name: string; readonly size: number; text(): Promise<string> }>): Promise<PickedSyncFile[]> {
  const wanted = [...files].filter((file) => isSyncFileName(file.name));
  return Promise.all(wanted.map(async (file) => ({ name: file.name, size: file.size, text: file.size > MAX_SEGMENT_FILE_BYTES ? '' : await file.text() })));
}

/** Changes wait this long in the outbox before the card mentions them (Firefox syncs by hand). */
export const UNSENT_AFTER_MS = DAY_MS;

/**
 * How many changes wait to be written, once the oldest has waited a day; null before that, so
 * that the card does not nag about a change made a minute ago.
 */
export function unsentChanges(outbox: readonly SyncOutboxRow[], now: number): number | null {
  let count = 0;
  let oldest = Infinity;
  for (const batch of outbox) {
    for (const op of batch.ops) {
      count++;
      oldest = Math.min(oldest, parseClock(op.c).wall);
    }
  }
  return count > 0 && now - oldest >= UNSENT_AFTER_MS ? count : null;
}
