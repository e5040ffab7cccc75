import { browser } from 'wxt/browser';
import { serveImportPort } from '../background/import-port';
import { createRouter } from '../background/router';
import { IMPORT_PORT } from '../messaging/protocol';
import { TiekeeperDb } from '../storage/db';

export default defineBackground(() => {
  // Everything that touches browser APIs stays in here: WXT imports this file in Node at build time.
  const db = new TiekeeperDb();
  const handle = createRouter({
    db,
    now: () => Date.now(),
    extensionOrigin: browser.runtime.getURL('/'),
    extensionId: browser.runtime.id,
  });

  // webextension-polyfill sends the promise's value as the response.
  browser.runtime.onMessage.addListener((message: unknown, sender) => handle(message, sender));
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === IMPORT_PORT) serveImportPort(port, handle);
  });

  browser.runtime.onInstalled.addListener(() => {
    // Asks the browser not to evict the database under storage pressure. Chrome grants this
    // already through unlimitedStorage; Firefox honours the request. Failure is harmless.
    void navigator.storage?.persist?.().catch(() => false);
  });
});
