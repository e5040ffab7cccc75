import { browser } from 'wxt/browser';
import { ERROR_CODES, TiekeeperError, userMessage, type ErrorPayload } from '../domain/errors';
import type { BackupPiece } from '../domain/backup';
import { IMPORT_PORT } from './channels';
import type { CommandInput, CommandName, CommandOutput, ImportInput, ImportSummary, PortMessage, Request, Response } from './protocol';

export { TiekeeperError };

function isErrorPayload(value: unknown): value is ErrorPayload {
  if (value === null || typeof value !== 'object') return false;
  const { code, key, params } = value as Partial<ErrorPayload>;
  return ERROR_CODES.includes(code as ErrorPayload['code']) && typeof key === 'string' && Array.isArray(params);
}

function unwrap<O>(response: unknown): O {
  if (response !== null && typeof response === 'object' && 'ok' in response) {
    const r = response as Response<O>;
    if (r.ok) return r.value;
    if (isErrorPayload(r.error)) throw TiekeeperError.fromPayload({ ...r.error, details: r.error.details ?? [] });
  }
  // No answer at all: the background failed to start or was replaced by an update.
  throw new TiekeeperError('internal', userMessage('errorInternal'));
}

/** Sends a request to the background; resolves with its typed output or throws a TiekeeperError. */
export async function send<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>> {
  const request: Request<N> = { cmd: name, input };
  let response: unknown;
  try {
    response = await browser.runtime.sendMessage(request);
  } catch {
    throw new TiekeeperError('internal', userMessage('errorInternal'));
  }
  return unwrap<CommandOutput<N>>(response);
}

/**
 * Runs a long write (an import, a bulk change) over a port, reporting `{done, total}` while the
 * background writes. The open port also keeps the background alive for its whole length.
 */
export function sendWithProgress<N extends 'import.apply' | 'contacts.bulk'>(
  name: N,
  input: CommandInput<N>,
  onProgress: (progress: { done: number; total: number }) => void,
): Promise<CommandOutput<N>> {
  return new Promise((resolve, reject) => {
    const port = browser.runtime.connect({ name: IMPORT_PORT });
    let settled = false;
    port.onMessage.addListener((message: PortMessage) => {
      if (message.type === 'ack') return;
      if (message.type === 'progress') {
        onProgress({ done: message.done, total: message.total });
        return;
      }
      settled = true;
      port.disconnect();
      try {
        resolve(unwrap<CommandOutput<N>>(message.response));
      } catch (error) {
        reject(error);
      }
    });
    port.onDisconnect.addListener(() => {
      if (!settled) reject(new TiekeeperError('internal', userMessage('errorInternal')));
    });
    const request: Request<N> = { cmd: name, input };
    port.postMessage(request);
  });
}

/**
 * Imports (or previews) a backup file of any size: its pieces go to the background over a port,
 * one each time the background asks for the next (so that the file is never in memory whole).
 * A problem reading the file (`pieces` throws) ends the import, which then changes nothing.
 */
export function sendBackupFile(
  name: 'import.preview' | 'import.apply',
  mode: 'merge' | 'replace',
  pieces: AsyncIterator<BackupPiece>,
): Promise<Extract<ImportSummary, { kind: 'backup' }>> {
  return new Promise((resolve, reject) => {
    const port = browser.runtime.connect({ name: IMPORT_PORT });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      port.disconnect();
      void pieces.return?.();
      outcome();
    };
    const sendNext = async () => {
      try {
        const next = await pieces.next();
        if (!settled) port.postMessage(next.done ? { type: 'end' } : { type: 'piece', piece: next.value });
      } catch (error) {
        settle(() => reject(error));
      }
    };
    port.onMessage.addListener((message: PortMessage) => {
      if (message.type === 'ack') void sendNext();
      if (message.type !== 'result') return;
      settle(() => {
        try {
          resolve(unwrap<Extract<ImportSummary, { kind: 'backup' }>>(message.response));
        } catch (error) {
          reject(error);
        }
      });
    });
    port.onDisconnect.addListener(() => settle(() => reject(new TiekeeperError('internal', userMessage('errorInternal')))));
    const request: Request<typeof name> = { cmd: name, input: { kind: 'backupFile', mode } };
    port.postMessage(request);
  });
}

/** Runs an import over a port, with its progress (see `sendWithProgress`). */
export function importWithProgress(
  input: ImportInput,
  onProgress: (progress: { done: number; total: number }) => void,
): Promise<ImportSummary> {
  return sendWithProgress('import.apply', input, onProgress);
}
