import type { DbFixture } from '../../../scripts/save-db-fixture';

/** An IndexedDB request as a promise. */
export const request = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

/** Recreates a saved database (test/fixtures/db/) with the bare IndexedDB API, as its version left it. */
export async function loadRaw(name: string, fixture: DbFixture): Promise<void> {
  const open = indexedDB.open(name, fixture.idbVersion);
  open.onupgradeneeded = () => {
    for (const [storeName, store] of Object.entries(fixture.stores)) {
      const created = open.result.createObjectStore(storeName, { keyPath: store.keyPath, autoIncrement: store.autoIncrement });
      for (const index of store.indexes) created.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
    }
  };
  const idb = await request(open);
  const tx = idb.transaction(Object.keys(fixture.stores), 'readwrite');
  for (const [storeName, store] of Object.entries(fixture.stores)) for (const record of store.records) tx.objectStore(storeName).put(record);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  idb.close();
}
