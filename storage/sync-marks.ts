import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { SYNC_TABLES, type SyncTable } from '../domain/sync/ops';
import { recordKey } from '../domain/sync/replica';

/**
 * Which records were written since the last sync diff (docs/sync.md, "the shadow diff"), so that
 * the diff compares those instead of the whole database.
 *
 * A Dexie middleware below every write path: each write to a synced table also marks its keys,
 * in the same transaction (it joins the mark store to every read-write transaction that touches
 * a synced table). So a mark exists exactly when its write committed, whichever code wrote it,
 * and a write path added later is covered without anyone remembering to.
 *
 * Marks are written only once this device takes part in sync (it has a device row): before that,
 * the first diff compares everything anyway. A write of many keys at once (an import, a restore)
 * or of a range (`clear()`) marks its whole table instead: the diff then compares that table.
 */

/** The mark of a whole table: its key sorts apart from every record key (`${table}/${id}`). */
export const wholeTable = (table: SyncTable): string => `${table}/*`;
export const MARK_STORE = 'syncDirty';
const DEVICE_STORE = 'syncMeta';
/** More keys than this in one write mark the whole table: one mark instead of thousands. */
export const MANY_KEYS = 200;

const SYNCED = new Set<string>(SYNC_TABLES);

/** Per transaction: whether this device syncs (read once), and the tables already marked whole. */
interface TransactionMarks {
  syncing: Promise<boolean>;
  whole: Set<string>;
}

function keysOf(req: DBCoreMutateRequest): unknown[] | null {
  switch (req.type) {
    case 'add':
    case 'put':
      return req.keys ?? req.values.map((value: { id?: unknown }) => value.id);
    case 'delete':
      return req.keys;
    case 'deleteRange':
      return null;
  }
}

export function syncMarks(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'tiekeeper-sync-marks',
    create(down: DBCore): Partial<DBCore> {
      const perTransaction = new WeakMap<DBCoreTransaction, TransactionMarks>();
      const marksFor = (trans: DBCoreTransaction): TransactionMarks => {
        let found = perTransaction.get(trans);
        if (!found) {
          const syncing = down
            .table(DEVICE_STORE)
            .get({ trans, key: 'device' })
            .then((row) => row !== undefined);
          found = { syncing, whole: new Set() };
          perTransaction.set(trans, found);
        }
        return found;
      };

      const mark = async (table: string, req: DBCoreMutateRequest): Promise<void> => {
        const marks = marksFor(req.trans);
        if (marks.whole.has(table) || !(await marks.syncing)) return;
        const keys = keysOf(req);
        let values: { key: string }[];
        if (keys === null || keys.length > MANY_KEYS) {
          marks.whole.add(table);
          values = [{ key: wholeTable(table as SyncTable) }];
        } else {
          values = keys.filter((key) => typeof key === 'string').map((key) => ({ key: recordKey(table as SyncTable, key as string) }));
        }
        if (values.length > 0) await down.table(MARK_STORE).mutate({ type: 'put', trans: req.trans, values });
      };

      return {
        transaction(stores, mode, options) {
          const joined = mode === 'readwrite' && stores.some((store) => SYNCED.has(store)) ? [...new Set([...stores, MARK_STORE, DEVICE_STORE])] : stores;
          return down.transaction(joined, mode, options);
        },
        table(name: string): DBCoreTable {
          const table = down.table(name);
          if (!SYNCED.has(name)) return table;
          return {
            ...table,
            async mutate(req) {
              const result = await table.mutate(req);
              await mark(name, req);
              return result;
            },
          };
        },
      };
    },
  };
}

/** What the marks say the diff must compare: whole tables, and single records by key. */
export interface Marked {
  tables: Set<SyncTable>;
  keys: Set<string>;
}

export function readMarks(keys: readonly string[]): Marked {
  const marked: Marked = { tables: new Set(), keys: new Set() };
  for (const key of keys) {
    const table = key.slice(0, key.indexOf('/')) as SyncTable;
    if (key === wholeTable(table)) marked.tables.add(table);
    else marked.keys.add(key);
  }
  return marked;
}
