import { CONTACT_REFERENCES, SYNC_TABLES, type Json, type SyncTable } from '../domain/sync/ops';
import { recordKey, type FieldState, type RecordState, type ReplicaState } from '../domain/sync/replica';
import type { Clock } from '../domain/sync/hlc';
import type { TiekeeperDb } from './db';
import type { SyncRecordRow } from './sync-rows';

/**
 * The shadow (docs/sync.md): the merged state as this device last logged or applied it, kept in
 * pages of records. Each IndexedDB write costs about as much for a tiny record as for a few
 * hundred of them together (Chromium: some 70-100 µs per record), so a first sync of 80,000
 * records spends seconds on the shadow alone when each record is a row of its own. A page holds
 * the records whose ids hash to it; an incremental sync reads and rewrites the few pages its
 * records are in.
 */

/** Pages per table: a few hundred records each at 50,000 records, and one row per page. */
export const PAGES_PER_TABLE = 256;

/** `${table}/${page}`, the page as two hex digits (FNV-1a of the id): stable on every device. */
export function pageOf(key: string): string {
  const slash = key.indexOf('/');
  let hash = 0x811c9dc5;
  for (let i = slash + 1; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${key.slice(0, slash)}/${((hash >>> 0) % PAGES_PER_TABLE).toString(16).padStart(2, '0')}`;
}

/**
 * Which records a diff or an apply looks at: whole tables, and single records by key. The sync
 * marks (sync-marks.ts) say which records were written locally; an apply adds the records its
 * operations touch. Everything else is known to agree with the shadow.
 */
export interface Scope {
  tables: Set<SyncTable>;
  keys: Set<string>;
}

export const everything = (): Scope => ({ tables: new Set(SYNC_TABLES), keys: new Set() });
export const isEverything = (scope: Scope) => scope.tables.size === SYNC_TABLES.length;

function recordState(row: SyncRecordRow): RecordState {
  const fields = new Map<string, FieldState>();
  if (row.c !== undefined && row.values) for (const [field, v] of Object.entries(row.values)) fields.set(field, { c: row.c, v });
  for (const [field, value] of Object.entries(row.fields)) fields.set(field, { c: value.c, v: 'v' in value ? value.v : undefined });
  return {
    ...(row.born !== undefined && { born: row.born }),
    ...(row.died !== undefined && { died: row.died }),
    fields,
  };
}

function recordRow(key: string, state: RecordState): SyncRecordRow {
  // The clock most fields share goes once into `c`; the fields written at other times keep theirs.
  const counts = new Map<Clock, number>();
  for (const value of state.fields.values()) if (value.v !== undefined) counts.set(value.c, (counts.get(value.c) ?? 0) + 1);
  let common: Clock | undefined;
  for (const [c, n] of counts) if (common === undefined || n > counts.get(common)!) common = c;
  const fields: SyncRecordRow['fields'] = {};
  const values: Record<string, Json> = {};
  for (const [field, value] of state.fields) {
    if (value.v !== undefined && value.c === common) values[field] = value.v;
    else fields[field] = value.v === undefined ? { c: value.c } : { c: value.c, v: value.v };
  }
  return {
    key,
    ...(state.born !== undefined && { born: state.born }),
    ...(state.died !== undefined && { died: state.died }),
    fields,
    ...(common !== undefined && { c: common, values }),
  };
}

/** The pages of these record keys, each once. */
const pagesOf = (keys: Iterable<string>) => [...new Set([...keys].map(pageOf))];

/**
 * The shadow, as far as the scope needs it: its records, and the contacts they refer to (through
 * merges too), which decide whether a row shows and where it points. The whole shadow when the
 * scope is everything.
 */
export async function loadShadow(db: TiekeeperDb, scope: Scope = everything()): Promise<ReplicaState> {
  const redirectsRow = await db.syncMeta.get('redirects');
  const state: ReplicaState = {
    records: new Map(),
    redirects: new Map(redirectsRow?.id === 'redirects' ? Object.entries(redirectsRow.redirects) : []),
  };
  const take = (pages: readonly ({ records: SyncRecordRow[] } | undefined)[]) => {
    for (const page of pages) for (const row of page?.records ?? []) state.records.set(row.key, recordState(row));
  };
  if (isEverything(scope)) {
    take(await db.syncPages.toArray());
    return state;
  }
  for (const table of scope.tables) take(await db.syncPages.where('key').startsWith(`${table}/`).toArray());
  await addRecords(db, state, scope.keys);
  return state;
}

/** Loads these records of the shadow into `state`, with the contacts they refer to (through merges too). */
export async function addRecords(db: TiekeeperDb, state: ReplicaState, keys: Iterable<string>): Promise<void> {
  const { records, redirects } = state;
  const load = async (wanted: Iterable<string>) => {
    const missing = new Set([...wanted].filter((key) => !records.has(key)));
    if (missing.size === 0) return;
    for (const page of await db.syncPages.bulkGet(pagesOf(missing))) {
      for (const row of page?.records ?? []) if (missing.has(row.key)) records.set(row.key, recordState(row));
    }
  };
  await load(keys);
  let wanted = new Set<string>();
  for (const [key, found] of records) {
    const table = key.slice(0, key.indexOf('/')) as SyncTable;
    for (const field of CONTACT_REFERENCES[table]) {
      const value = found.fields.get(field)?.v;
      if (typeof value === 'string') wanted.add(value);
    }
  }
  const seen = new Set<string>();
  while (wanted.size > 0) {
    await load([...wanted].map((id) => recordKey('contacts', id)));
    for (const id of wanted) seen.add(id);
    const next = new Set<string>();
    for (const id of wanted) {
      const into = redirects.get(id)?.into;
      if (into !== undefined && !seen.has(into)) next.add(into);
    }
    wanted = next;
  }
}

/**
 * Writes these records of the state (and the redirects) into the shadow: their pages are read
 * again, so that the records of a page this state did not load stay as they are.
 */
export async function saveShadow(db: TiekeeperDb, state: ReplicaState, touched: Iterable<string>): Promise<void> {
  await (await startSavingShadow(db, state, touched)).written;
}

/**
 * `saveShadow`, returning once the writes are issued: the caller goes on while the database
 * stores them, and awaits `written` before its transaction ends. (The writes are Dexie's own
 * promises: an async function left running beside the caller's would lose the transaction.)
 */
export async function startSavingShadow(db: TiekeeperDb, state: ReplicaState, touched: Iterable<string>): Promise<{ written: Promise<unknown> }> {
  const keys = [...new Set(touched)].filter((key) => state.records.has(key));
  const redirects = db.syncMeta.put({ id: 'redirects', redirects: Object.fromEntries(state.redirects) });
  if (keys.length === 0) return { written: redirects };
  const pageKeys = pagesOf(keys);
  const pages = new Map(pageKeys.map((key) => [key, new Map<string, SyncRecordRow>()]));
  (await db.syncPages.bulkGet(pageKeys)).forEach((page, i) => {
    for (const row of page?.records ?? []) pages.get(pageKeys[i]!)!.set(row.key, row);
  });
  for (const key of keys) pages.get(pageOf(key))!.set(key, recordRow(key, state.records.get(key)!));
  const written = db.syncPages.bulkPut([...pages].map(([key, rows]) => ({ key, records: [...rows.values()] })));
  return { written: redirects.then(() => written) };
}

/** How many records the shadow holds (reads it whole). */
export async function shadowSize(db: TiekeeperDb): Promise<number> {
  let count = 0;
  await db.syncPages.each((page) => (count += page.records.length));
  return count;
}

/**
 * Schema version 4's upgrade: the shadow's records, one row each in version 2's `syncRecords`,
 * into pages. Takes the transaction's table getter so it runs inside Dexie's upgrade.
 */
export async function pageOldRecords(table: (name: string) => { toArray(): PromiseLike<unknown[]>; bulkPut(rows: unknown[]): PromiseLike<unknown> }): Promise<void> {
  const pages = new Map<string, SyncRecordRow[]>();
  for (const row of (await table('syncRecords').toArray()) as SyncRecordRow[]) {
    const key = pageOf(row.key);
    const page = pages.get(key) ?? [];
    page.push(row);
    pages.set(key, page);
  }
  await table('syncPages').bulkPut([...pages].map(([key, records]) => ({ key, records })));
}
