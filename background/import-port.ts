import type { Browser } from 'wxt/browser';
import type { PortMessage } from '../messaging/protocol';
import type { Handle } from './router';

/**
 * Serves one import (or one bulk change of many people) over a port: progress messages while the background writes, then the
 * result. Posting is synchronous, so it is safe from inside the import's transaction.
 */
export function serveImportPort(port: Browser.runtime.Port, handle: Handle): void {
  const post = (message: PortMessage) => {
    try {
      port.postMessage(message);
    } catch {
      // The page was closed; the import still finishes (or rolls back) on its own.
    }
  };
  port.onMessage.addListener((message: unknown) => {
    const cmd = (message as { cmd?: unknown } | null)?.cmd;
    if (cmd !== 'import.apply' && cmd !== 'import.preview' && cmd !== 'contacts.bulk') return;
    void handle(message, port.sender ?? {}, {
      onProgress: ({ done, total }) => post({ type: 'progress', done, total }),
    }).then((response) => post({ type: 'result', response }));
  });
}
