import { TiekeeperDb } from './db';

let instance: TiekeeperDb | undefined;

/**
 * The database as the extension's pages (popup, dashboard) read it. They only read: every write
 * goes through the background, the single writer. Dexie tells each page about changes made in
 * the background, so `useLiveQuery` views update by themselves.
 */
export function readDb(): TiekeeperDb {
  instance ??= new TiekeeperDb();
  return instance;
}
