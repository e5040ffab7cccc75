import { SCHEMA_V1 } from '../storage/db';
import { run, type ExtensionPage } from './browser';

type Store = keyof typeof SCHEMA_V1;

/** A store's key path and indexes, from its Dexie schema string ('id, [contactId+at], *tags'). */
function storeSpec(name: Store) {
  const [primary, ...indexes] = SCHEMA_V1[name].split(',').map((part) => part.trim());
  return {
    name,
    keyPath: primary!,
    indexes: indexes.map((index) => {
      const multiEntry = index.startsWith('*');
      const bare = index.replace(/^\*/, '');
      const compound = bare.startsWith('[');
      return { name: bare, keyPath: compound ? bare.slice(1, -1).split('+') : bare, multiEntry };
    }),
  };
}

/**
 * What writing these stores' rows costs the browser's database by itself: the rows in the
 * extension's database, read back and put into a scratch database with the same stores and
 * indexes, in one transaction, by the bare IndexedDB API from an extension page. Times the
 * writing only: the part of an import or a sync that no code of ours can shorten.
 */
export async function writeFloor(page: ExtensionPage, stores: readonly Store[]): Promise<{ rows: number; seconds: number }> {
  return run(
    page.page,
    async ({ specs }) => {
      const open = (name: string, version?: number, upgrade?: (db: IDBDatabase) => void) =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name, version);
          if (upgrade) request.onupgradeneeded = () => upgrade(request.result);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const source = await open('tiekeeper');
      const rows = new Map<string, unknown[]>();
      for (const { name } of specs) {
        rows.set(
          name,
          await new Promise<unknown[]>((resolve, reject) => {
            const request = source.transaction(name, 'readonly').objectStore(name).getAll();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          }),
        );
      }
      source.close();
      const scratch = `bench-floor-${crypto.randomUUID()}`;
      const db = await open(scratch, 1, (db) => {
        for (const spec of specs) {
          const store = db.createObjectStore(spec.name, { keyPath: spec.keyPath });
          for (const index of spec.indexes) store.createIndex(index.name, index.keyPath, { multiEntry: index.multiEntry });
        }
      });
      const start = performance.now();
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction([...rows.keys()], 'readwrite');
        for (const [name, values] of rows) for (const row of values) tx.objectStore(name).put(row);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      const seconds = (performance.now() - start) / 1000;
      db.close();
      await new Promise((resolve) => {
        const request = indexedDB.deleteDatabase(scratch);
        request.onsuccess = request.onerror = request.onblocked = resolve;
      });
      return { rows: [...rows.values()].reduce((sum, values) => sum + values.length, 0), seconds };
    },
    { specs: stores.map(storeSpec) },
  );
}
