import type { Browser } from 'wxt/browser';
import type { BackupPiece } from '../domain/backup';
import { TiekeeperError, userMessage } from '../domain/errors';
import { pieceMessageSchema, type PortMessage } from '../messaging/protocol';
import type { Handle } from './router';

/**
 * A backup file's pieces as the page sends them, one per `ack`: the import asks for the next
 * piece only when it has written the last, so that no more than one piece is ever waiting.
 */
class PortPieces implements AsyncIterableIterator<BackupPiece> {
  private readonly arrived: (IteratorResult<BackupPiece> | Error)[] = [];
  private waiting: ((item: IteratorResult<BackupPiece> | Error) => void) | null = null;
  private ended = false;

  constructor(private readonly post: (message: PortMessage) => void) {}

  receive(item: IteratorResult<BackupPiece> | Error): void {
    if (this.ended) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve(item);
    } else {
      this.arrived.push(item);
    }
  }

  async next(): Promise<IteratorResult<BackupPiece>> {
    if (this.ended) return { done: true, value: undefined };
    this.post({ type: 'ack' });
    const item = this.arrived.shift() ?? (await new Promise<IteratorResult<BackupPiece> | Error>((resolve) => (this.waiting = resolve)));
    if (item instanceof Error) {
      this.ended = true;
      throw item;
    }
    if (item.done) this.ended = true;
    return item;
  }

  async return(): Promise<IteratorResult<BackupPiece>> {
    this.ended = true;
    return { done: true, value: undefined };
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<BackupPiece> {
    return this;
  }
}

/**
 * Serves one import (or one bulk change of many people) over a port: progress messages while the
 * background writes, then the result. A backup file comes in pieces after the request (see
 * `PortPieces`). Posting is synchronous, so it is safe from inside the import's transaction.
 */
export function serveImportPort(port: Browser.runtime.Port, handle: Handle): void {
  const post = (message: PortMessage) => {
    try {
      port.postMessage(message);
    } catch {
      // The page was closed; the import still finishes (or rolls back) on its own.
    }
  };
  let pieces: PortPieces | null = null;
  // The page closed before the whole file was read: the import rolls back.
  port.onDisconnect.addListener(() => pieces?.receive(new TiekeeperError('internal', userMessage('errorInternal'))));
  port.onMessage.addListener((message: unknown) => {
    if (pieces) {
      const parsed = pieceMessageSchema.safeParse(message);
      if (!parsed.success) pieces.receive(new TiekeeperError('invalid', userMessage('errorInvalidInput', 'piece')));
      else pieces.receive(parsed.data.type === 'end' ? { done: true, value: undefined } : { done: false, value: parsed.data.piece as BackupPiece });
      return;
    }
    const { cmd, input } = (message ?? {}) as { cmd?: unknown; input?: { kind?: unknown } };
    if (cmd !== 'import.apply' && cmd !== 'import.preview' && cmd !== 'contacts.bulk') return;
    if (input?.kind === 'backupFile') pieces = new PortPieces(post);
    void handle(message, port.sender ?? {}, {
      onProgress: ({ done, total }) => post({ type: 'progress', done, total }),
      ...(pieces ? { pieces } : {}),
    }).then((response) => post({ type: 'result', response }));
  });
}
