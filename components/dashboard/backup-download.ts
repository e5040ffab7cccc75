import { backupFileName } from '../../domain/backup';
import { safetyBackupName } from '../../domain/auto-backup';
import { TiekeeperError, userMessage } from '../../domain/errors';
import { send } from '../../messaging/client';
import { backupBlob } from '../../storage/auto-backup';
import { readDb } from '../../storage/instance';
import { errorText } from '../shared/errors';

/** Saves a file through the browser's own download, without the downloads permission. */
export function download(file: { filename: string; blob: Blob }): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the object URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Downloads a backup of everything, however large: the page reads the database itself (reading
 * is what pages do; only writes go through the background) in one snapshot, page by page, into
 * the file's Blob. No message carries it, so it has no size limit. The background then records
 * it for the reminder. Returns the file's name.
 */
export async function downloadBackup(name: (at: number) => string = backupFileName, onProgress?: (done: number, total: number) => void): Promise<string> {
  const at = Date.now();
  const blob = await backupBlob(readDb(), at, onProgress && (({ done, total }) => onProgress(done, total)));
  const filename = name(at);
  download({ filename, blob });
  // The file is saved whether or not this is recorded; a failure only makes the reminder early.
  await send('backup.exported', {}).catch((error) => console.error('Tiekeeper: recording the backup failed', error));
  return filename;
}

/**
 * The backup before a step that removes data (a replacing import, deleting everything). The
 * caller goes on only when this resolves; when it fails, the error says that nothing was changed.
 */
export async function backupFirst(reason: 'replace' | 'delete-all'): Promise<string> {
  try {
    return await downloadBackup((at) => safetyBackupName(reason, at));
  } catch (failure) {
    const why = failure instanceof TiekeeperError || !(failure instanceof Error) || !failure.message ? errorText(failure) : failure.message;
    throw new TiekeeperError('internal', userMessage('safetyBackupFailed', why));
  }
}
