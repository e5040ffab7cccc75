import type { SyncFileProblem } from '../../domain/sync/segment';
import { t, uiLanguage, type MessageKey } from '../../i18n';
import type { FileProblem } from '../../storage/sync-folder';
import type { SyncStatusRow } from '../../storage/sync-rows';

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
