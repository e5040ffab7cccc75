import Dexie from 'dexie';
import type { z } from 'zod';
import { withSchedule } from '../domain/contacts';
import {
  contactSchema,
  interactionSchema,
  introductionSchema,
  noteSchema,
  nudgeSchema,
  profileSchema,
  type Contact,
  type Interaction,
} from '../domain/model';
import { fromBase64, PBKDF2_ITERATIONS, randomBytes, SALT_BYTES, toBase64 } from '../domain/sync/crypto';
import { diffRows, stableJson, type DbRows } from '../domain/sync/diff';
import { formatClock, HybridClock, newDeviceId } from '../domain/sync/hlc';
import { CONTACT_REFERENCES, SYNC_TABLES, type Op, type SyncTable } from '../domain/sync/ops';
import { applyOps, materialise, recordKey, type ReplicaState, type Row, type Rows } from '../domain/sync/replica';
import { SyncFileError } from '../domain/sync/segment';
import { stateToOps } from '../domain/sync/snapshot';
import { tieStats } from '../domain/ties';
import type { TiekeeperDb } from './db';
import {
  appendBatch,
  KeyRing,
  readOthers,
  removeOlderSnapshots,
  readSnapshot,
  segmentForDownload,
  writeSnapshot,
  type Cursors,
  type FileProblem,
  type LogPosition,
  type OwnLog,
  type SyncDirectory,
} from './sync-folder';
import { readMarks, wholeTable } from './sync-marks';
import type { SyncDeviceRow } from './sync-rows';
import { addRecords, everything, isEverything, loadShadow, saveShadow, shadowSize, startSavingShadow, type Scope } from './sync-shadow';

/**
 * Sync against the database (docs/sync.md). The database stays the working store and its write
 * paths stay as they are: this device's changes are found by comparing it with the shadow (the
 * merged state as last logged or applied), and the other devices' changes are written into it
 * as rows, in one transaction with the shadow, so that the two always agree.
 *
 * File access never happens inside a transaction: the folder is read first, then the
 * transaction checks that nobody moved the cursors meanwhile.
 */

const SCHEMAS: Record<SyncTable, z.ZodType> = {
  contacts: contactSchema,
  profiles: profileSchema,
  notes: noteSchema,
  interactions: interactionSchema,
  introductions: introductionSchema,
  nudges: nudgeSchema,
};

const dataTables = (db: TiekeeperDb) => SYNC_TABLES.map((table) => db[table]);
const syncTables = (db: TiekeeperDb) => [db.syncPages, db.syncMeta, db.syncOutbox, db.syncDirty];

export interface SyncOptions {
  /** PBKDF2 iterations of this device's key, when the device is first set up. */
  iterations?: number;
  /** SNAPSHOT_MIN_OPS when absent (tests use fewer). */
  snapshotMinOps?: number;
}

async function device(db: TiekeeperDb, options: SyncOptions): Promise<SyncDeviceRow> {
  const found = await db.syncMeta.get('device');
  if (found?.id === 'device') return found;
  const id = newDeviceId();
  const created: SyncDeviceRow = {
    id: 'device',
    device: id,
    clock: formatClock({ wall: 0, counter: 0, device: id }),
    salt: toBase64(randomBytes(SALT_BYTES)),
    iterations: options.iterations ?? PBKDF2_ITERATIONS,
    position: null,
  };
  await db.syncMeta.put(created);
  // Nothing was marked before this device took part in sync: its first diff compares everything.
  await db.syncDirty.bulkPut(SYNC_TABLES.map((table) => ({ key: wholeTable(table) })));
  return created;
}

const inScope = (scope: Scope, table: SyncTable, id: string) => scope.tables.has(table) || scope.keys.has(recordKey(table, id));

function idsIn(scope: Scope, table: SyncTable): string[] {
  const prefix = `${table}/`;
  return [...scope.keys].filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length));
}

const touchedBy = (ops: readonly Op[]) => ops.flatMap((op) => (op.k === 'merge' ? [] : [recordKey(op.t, op.id)]));

/** The derived fields of a contact, from its interactions (last contact is their latest). */
function derive(contact: Contact, interactions: readonly Interaction[]): Contact {
  let last: number | null = null;
  for (const x of interactions) if (last === null || x.at > last) last = x.at;
  return withSchedule({ ...contact, lastContactAt: last, tie: tieStats(interactions) });
}

/**
 * The merged rows as the database should hold them: valid for the model (a row that is not, for
 * example one written by a newer version, is left out), with the derived fields computed.
 */
export function visibleRows(rows: Rows): Rows {
  const valid = Object.fromEntries(SYNC_TABLES.map((table) => [table, new Map<string, Row>()])) as Rows;
  for (const [id, row] of rows.contacts) {
    const parsed = contactSchema.safeParse({ lastContactAt: null, nextDueAt: null, ...row });
    if (parsed.success) valid.contacts.set(id, parsed.data as unknown as Row);
  }
  for (const table of SYNC_TABLES) {
    if (table === 'contacts') continue;
    for (const [id, row] of rows[table]) {
      if (CONTACT_REFERENCES[table].some((field) => !valid.contacts.has(String(row[field])))) continue;
      const parsed = SCHEMAS[table].safeParse(row);
      if (parsed.success) valid[table].set(id, parsed.data as Row);
    }
  }
  const byContact = new Map<string, Interaction[]>();
  for (const row of valid.interactions.values()) {
    const x = row as unknown as Interaction;
    byContact.set(x.contactId, [...(byContact.get(x.contactId) ?? []), x]);
  }
  for (const [id, row] of valid.contacts) valid.contacts.set(id, derive(row as unknown as Contact, byContact.get(id) ?? []) as unknown as Row);
  return valid;
}

async function readDb(db: TiekeeperDb, scope: Scope): Promise<DbRows> {
  const entries = await Promise.all(
    SYNC_TABLES.map(async (table) => {
      if (scope.tables.has(table)) return [table, await db[table].toArray()] as const;
      const found = await db[table].bulkGet(idsIn(scope, table));
      return [table, found.filter((row) => row !== undefined)] as const;
    }),
  );
  return Object.fromEntries(entries) as unknown as DbRows;
}

/** The marks of the records written since the last diff (sync-marks.ts), as a scope. */
async function markedScope(db: TiekeeperDb): Promise<Scope> {
  return readMarks(await db.syncDirty.toCollection().primaryKeys());
}

/**
 * Operations that change which contacts exist or where references point (a person added,
 * deleted, merged or split): which rows show then depends on records no operation touched, so
 * the apply looks at the whole state.
 */
const changesContacts = (op: Op): boolean => op.k === 'merge' || (op.t === 'contacts' && (op.k === 'del' || op.w === true));

/** The changes between the database and the state, for the records in the scope. */
async function diffInScope(db: TiekeeperDb, state: ReplicaState, clock: HybridClock, scope: Scope): Promise<Op[]> {
  const dbRows = await readDb(db, scope);
  const merged = materialise(state);
  const visible = visibleRows(merged);
  for (const table of SYNC_TABLES) {
    const held = new Set([...dbRows[table]].map((row) => String(row.id)));
    for (const id of [...merged[table].keys()]) {
      if (!inScope(scope, table, id) || (!visible[table].has(id) && !held.has(id))) merged[table].delete(id);
    }
  }
  return diffRows(dbRows, merged, clock.tick());
}

/**
 * Local changes into the shadow and the outbox. Runs inside the caller's transaction, with a
 * state loaded for at least `scope`, and returns the state to go on with. Compares the records
 * in the scope; of the merged rows, less those the database cannot hold (not valid for this
 * version) and does not: their absence here is not a delete.
 *
 * A local merge, split (a contact put whole again) or delete changes where references resolve
 * to in the shadow, also for records this device did not write (a call that came from another
 * device for a contact merged here, then split off again). Then everything is compared once
 * more: what the database shows for the records it holds is logged, so every device ends where
 * this one is, and rows the change brought back into view are written to the database, as an
 * apply of the same operations would.
 */
async function recordInTransaction(db: TiekeeperDb, state: ReplicaState, clock: HybridClock, scope: Scope): Promise<{ count: number; state: ReplicaState }> {
  const ops = await diffInScope(db, state, clock, scope);
  await db.syncDirty.clear();
  if (ops.length === 0) return { count: 0, state };
  const movesReferences = ops.some(
    (op) => op.k === 'merge' || (op.t === 'contacts' && (op.k === 'del' || (op.w === true && state.records.has(recordKey('contacts', op.id))))),
  );
  applyOps(state, ops);
  await saveShadow(db, state, touchedBy(ops));
  if (movesReferences) {
    state = isEverything(scope) ? state : await loadShadow(db);
    const pinned = await pinHeldRows(db, state, clock);
    applyOps(state, pinned);
    await saveShadow(db, state, touchedBy(pinned));
    ops.push(...pinned);
    const merged = materialise(state);
    await writeRows(db, merged, visibleRows(merged), everything());
    await db.syncDirty.clear();
  }
  await db.syncOutbox.add({ ops });
  return { count: ops.length, state };
}

/** Field puts that make the state show what the database holds, for the rows both have. */
async function pinHeldRows(db: TiekeeperDb, state: ReplicaState, clock: HybridClock): Promise<Op[]> {
  const dbRows = await readDb(db, everything());
  const merged = materialise(state);
  const both = {} as DbRows;
  for (const table of SYNC_TABLES) {
    both[table] = [...dbRows[table]].filter((row) => merged[table].has(String(row.id)));
    const held = new Set([...both[table]].map((row) => String(row.id)));
    for (const id of [...merged[table].keys()]) if (!held.has(id)) merged[table].delete(id);
  }
  return diffRows(both, merged, clock.tick());
}

async function saveClock(db: TiekeeperDb, row: SyncDeviceRow, clock: HybridClock): Promise<void> {
  await db.syncMeta.put({ ...row, clock: clock.current });
}

/**
 * Finds this device's changes since the last time and puts them in the outbox, stamped now.
 * Returns how many operations that made (0 when nothing changed).
 */
export async function recordLocalChanges(db: TiekeeperDb, now: () => number = Date.now, options: SyncOptions = {}): Promise<number> {
  return db.transaction('rw', [...dataTables(db), ...syncTables(db)], async () => {
    const row = await device(db, options);
    const scope = await markedScope(db);
    const clock = new HybridClock(row.device, row.clock, now);
    const { count } = await recordInTransaction(db, await loadShadow(db, scope), clock, scope);
    if (count > 0) await saveClock(db, row, clock);
    return count;
  });
}

/** Writes a batch to this device's log and says where the log now stands. */
export type LogWriter = (own: OwnLog, key: CryptoKey, ops: readonly Op[]) => Promise<LogPosition>;

/** Chrome: appends to this device's log in the folder. */
export const appendTo =
  (dir: SyncDirectory): LogWriter =>
  (own, key, ops) =>
    appendBatch(dir, own, key, ops);

/** Firefox: a new segment handed to `save` (the downloads API), one per sync. */
export const downloadWith =
  (save: (name: string, text: string) => Promise<void>): LogWriter =>
  async (own, key, ops) => {
    const { name, text, position } = await segmentForDownload(own, key, ops);
    await save(name, text);
    return position;
  };

/** A batch holds at most this many operations, and about this much text. */
const BATCH_MAX_OPS = 10_000;
const BATCH_MAX_CHARS = 500_000;

/** The outbox in batches of a sane size (the first sync of a large database is large). */
function chunks(ops: readonly Op[]): Op[][] {
  const out: Op[][] = [];
  let current: Op[] = [];
  let size = 0;
  for (const op of ops) {
    const length = JSON.stringify(op).length;
    if (current.length > 0 && (current.length >= BATCH_MAX_OPS || size + length > BATCH_MAX_CHARS)) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(op);
    size += length;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Writes the outbox to this device's log, in batches of a sane size; returns the operations written. */
export async function pushOutbox(db: TiekeeperDb, write: LogWriter | SyncDirectory, keys: KeyRing): Promise<number> {
  const writer = typeof write === 'function' ? write : appendTo(write);
  const waiting = await db.syncOutbox.toArray();
  const row = await db.syncMeta.get('device');
  if (waiting.length === 0 || row?.id !== 'device') return 0;
  const ops = waiting.flatMap((batch) => batch.ops);
  const salt = fromBase64(row.salt);
  const key = await keys.key(salt, row.iterations);
  let position = row.position;
  for (const chunk of chunks(ops)) position = await writer({ device: row.device, salt, iterations: row.iterations, position }, key, chunk);
  // Written: out of the outbox. Should this not happen, the batch is written again next time,
  // which changes nothing (applying an operation twice is applying it once).
  await db.transaction('rw', db.syncMeta, db.syncOutbox, async () => {
    await db.syncOutbox.bulkDelete(waiting.map((batch) => batch.seq!));
    const current = await db.syncMeta.get('device');
    if (current?.id === 'device') await db.syncMeta.put({ ...current, position });
  });
  return ops.length;
}

/**
 * The rows an apply of `ops` (none of which changes contacts) rewrites: the records they touch,
 * and the contacts whose derived fields follow from touched interactions, before and after.
 * Loads into `state` what those contacts' derived fields need: all their interactions.
 */
async function writeScope(db: TiekeeperDb, state: ReplicaState, ops: readonly Op[]): Promise<Scope> {
  const scope: Scope = { tables: new Set(), keys: new Set(touchedBy(ops)) };
  const contacts = new Set<string>();
  const interactionIds = [...new Set(ops.flatMap((op) => (op.k === 'merge' ? [] : op.t === 'contacts' ? (contacts.add(op.id), []) : op.t === 'interactions' ? [op.id] : [])))];
  // The contacts that records new to this device refer to: loading the shadow could not know them.
  await addRecords(db, state, []);
  const merged = materialise(state);
  for (const row of await db.interactions.bulkGet(interactionIds)) if (row) contacts.add(row.contactId);
  for (const id of interactionIds) {
    const contactId = merged.interactions.get(id)?.contactId;
    if (typeof contactId === 'string') contacts.add(contactId);
  }
  const keys: string[] = [];
  for (const contactId of contacts) {
    const key = recordKey('contacts', contactId);
    scope.keys.add(key);
    keys.push(key);
    const held = await db.interactions.where('[contactId+at]').between([contactId, Dexie.minKey], [contactId, Dexie.maxKey]).primaryKeys();
    for (const id of held) keys.push(recordKey('interactions', id));
  }
  await addRecords(db, state, keys);
  return scope;
}

export interface PullResult {
  /** Operations read from the other devices. */
  ops: number;
  /** Files that could not be read, and why: tried again next time. */
  problems: FileProblem[];
}

/**
 * Reads what the other devices wrote since the last time and merges it into the database, in
 * one transaction with the shadow and the cursors (local changes made meanwhile are recorded
 * first, in the same transaction, so none is overwritten).
 */
export async function pullRemote(db: TiekeeperDb, dir: SyncDirectory, keys: KeyRing, now: () => number = Date.now, options: SyncOptions = {}): Promise<PullResult> {
  const row = await db.transaction('rw', db.syncMeta, db.syncDirty, () => device(db, options));
  const cursorsRow = await db.syncMeta.get('cursors');
  const cursors: Cursors = cursorsRow?.id === 'cursors' ? cursorsRow.cursors : {};
  // A device that never read the folder starts from the best snapshot, and reads the logs after it.
  let start = cursors;
  let fromSnapshot: Op[] = [];
  const problems: FileProblem[] = [];
  if (!cursorsRow) {
    const found = await readSnapshot(dir, keys);
    problems.push(...found.problems);
    if (found.snapshot) {
      const { [row.device]: _own, ...others } = found.snapshot.covers;
      start = others;
      fromSnapshot = found.snapshot.ops;
    }
  }
  const read = await readOthers(dir, row.device, start, keys);
  problems.push(...read.problems);
  const ops = [...fromSnapshot, ...read.batches.flatMap((batch) => batch.ops)];
  if (ops.length === 0 && stableJson(read.cursors) === stableJson(cursors)) return { ops: 0, problems };

  await db.transaction('rw', [...dataTables(db), ...syncTables(db)], async () => {
    const again = await db.syncMeta.get('cursors');
    // Another pull got here first: its result stands, this one is dropped.
    if (stableJson(again?.id === 'cursors' ? again.cursors : {}) !== stableJson(cursors)) return;
    const current = (await db.syncMeta.get('device')) as SyncDeviceRow;
    const clock = new HybridClock(current.device, current.clock, now);
    const local = await markedScope(db);
    const touched = touchedBy(ops);
    const wide = isEverything(local) || ops.some(changesContacts);
    const loaded = await loadShadow(db, wide ? everything() : { tables: local.tables, keys: new Set([...local.keys, ...touched]) });
    const { state } = await recordInTransaction(db, loaded, clock, local);
    // A state loaded anew by the local record is the whole shadow.
    const full = wide || state !== loaded;
    for (const op of ops) clock.receive(op.c);
    applyOps(state, ops);
    // The shadow is stored while the rows are worked out (the database writes on its own thread).
    const shadow = await startSavingShadow(db, state, touched);
    const write = full ? everything() : await writeScope(db, state, ops);
    const merged = materialise(state);
    await writeRows(db, merged, visibleRows(merged), write);
    await shadow.written;
    await db.syncDirty.clear();
    await db.syncMeta.put({ id: 'cursors', cursors: read.cursors });
    await saveClock(db, current, clock);
  });
  return { ops: ops.length, problems };
}

/**
 * Writes a snapshot of the merged state as this device has it, covering the logs as far as it
 * has read them and its own as far as it has written it. Returns the file's name.
 */
export async function writeSnapshotNow(db: TiekeeperDb, dir: SyncDirectory, keys: KeyRing): Promise<string | null> {
  const { row, cursors, state } = await db.transaction('r', db.syncPages, db.syncMeta, async () => {
    const cursorsRow = await db.syncMeta.get('cursors');
    return {
      row: await db.syncMeta.get('device'),
      cursors: cursorsRow?.id === 'cursors' ? cursorsRow.cursors : {},
      state: await loadShadow(db),
    };
  });
  if (row?.id !== 'device') return null;
  const covers: Cursors = { ...cursors, ...(row.position && { [row.device]: row.position }) };
  const salt = fromBase64(row.salt);
  return writeSnapshot(dir, { device: row.device, salt, iterations: row.iterations }, await keys.key(salt, row.iterations), stateToOps(state), covers);
}

/**
 * Writes the merged rows in the scope to the data tables, only those that differ. A row goes
 * when the merged state no longer has it (deleted, or about a contact that was deleted); a row
 * the merged state has but this version cannot hold stays as it is.
 */
async function writeRows(db: TiekeeperDb, merged: Rows, want: Rows, scope: Scope): Promise<void> {
  // Every read first, then every write at once: requests in a transaction run in order, so a read
  // issued after a write would wait, idle, until the database has stored that write.
  const held = await Promise.all(
    SYNC_TABLES.map(async (table) =>
      scope.tables.has(table) ? await db[table].toArray() : (await db[table].bulkGet(idsIn(scope, table))).filter((row) => row !== undefined),
    ),
  );
  const writes: Promise<unknown>[] = [];
  SYNC_TABLES.forEach((table, i) => {
    const have = held[i]!;
    const gone: string[] = [];
    for (const row of have) if (!merged[table].has(row.id)) gone.push(row.id);
    const changed: Row[] = [];
    const present = new Map(have.map((row) => [row.id, row as unknown as Record<string, unknown>]));
    for (const [id, row] of want[table]) {
      if (!inScope(scope, table, id)) continue;
      const old = present.get(id);
      if (!old || stableJson(old) !== stableJson(row)) changed.push(row);
    }
    if (gone.length > 0) writes.push(db[table].bulkDelete(gone));
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one loop over six tables of different row types
    if (changed.length > 0) writes.push((db[table] as any).bulkPut(changed));
  });
  // Awaited one by one (a failure aborts the transaction anyway); Promise.all would lose Dexie's transaction here.
  for (const written of writes) await written;
}

/**
 * A device writes a snapshot when its log has become mostly history: more operations written
 * since its last snapshot than twice the records the state holds (and at least
 * SNAPSHOT_MIN_OPS). So a new device reads about as much as the state itself, not years of edits,
 * and a first sync (one operation per record) is not written twice. The device's older snapshots
 * go: it writes only its own files, and the newest covers more.
 */
export const SNAPSHOT_MIN_OPS = 10_000;

async function snapshotWhenDue(db: TiekeeperDb, dir: SyncDirectory, keys: KeyRing, written: number, minOps: number): Promise<void> {
  const since = await db.transaction('rw', db.syncMeta, async () => {
    const row = await db.syncMeta.get('device');
    if (row?.id !== 'device') return 0;
    const count = (row.sinceSnapshot ?? 0) + written;
    await db.syncMeta.put({ ...row, sinceSnapshot: count });
    return count;
  });
  // Counting the records reads the whole shadow: done once per `minOps` operations written.
  if (since < minOps || Math.floor(since / minOps) === Math.floor((since - written) / minOps)) return;
  if (since < 2 * (await shadowSize(db))) return;
  const name = await writeSnapshotNow(db, dir, keys);
  if (name === null) return;
  await db.transaction('rw', db.syncMeta, async () => {
    const row = await db.syncMeta.get('device');
    if (row?.id === 'device') await db.syncMeta.put({ ...row, sinceSnapshot: 0 });
  });
  await removeOlderSnapshots(dir, name);
}

/** Keeps the keys derived so far (after a sync that found the passphrase right). */
export async function saveKeys(db: TiekeeperDb, keys: KeyRing): Promise<void> {
  const entries = await keys.entries();
  await db.transaction('rw', db.syncMeta, async () => {
    const kept = await db.syncMeta.get('keys');
    await db.syncMeta.put({ id: 'keys', keys: { ...(kept?.id === 'keys' ? kept.keys : {}), ...Object.fromEntries(entries) } });
  });
}

/**
 * The keys kept, as a key ring that works without the passphrase; null when none were kept.
 * `passphrase`, when the user gave it again, serves devices not read before.
 */
export async function loadKeys(db: TiekeeperDb, passphrase: string | null = null, minIterations?: number): Promise<KeyRing | null> {
  const kept = await db.syncMeta.get('keys');
  if (kept?.id !== 'keys' && passphrase === null) return null;
  return new KeyRing(passphrase, minIterations, kept?.id === 'keys' ? Object.entries(kept.keys) : []);
}

/**
 * Everything in one go: record local changes, read the others, write the outbox. Chrome passes
 * the folder for both; Firefox passes the files the user picked and a writer that downloads.
 * When the folder's files were written with another passphrase, nothing is written: the other
 * devices could not read it, and the user has most likely mistyped.
 */
export async function syncNow(
  db: TiekeeperDb,
  dir: SyncDirectory,
  keys: KeyRing,
  now: () => number = Date.now,
  options: SyncOptions & { write?: LogWriter } = {},
): Promise<PullResult & { written: number }> {
  await recordLocalChanges(db, now, options);
  const own = await db.syncMeta.get('device');
  // This device's own key, derived (by WebCrypto, off this thread) while the others' files are read.
  const ownKey = own?.id === 'device' ? keys.key(fromBase64(own.salt), own.iterations) : null;
  ownKey?.catch(() => undefined);
  const result = await pullRemote(db, dir, keys, now, options);
  const mistyped = result.problems.some((problem) => problem.problem === 'wrong-passphrase');
  if (mistyped) return { ...result, written: 0 };
  let written = 0;
  try {
    // This device's own key first, so that it is kept with the others.
    if (ownKey) await ownKey;
    written = await pushOutbox(db, options.write ?? dir, keys);
    // Firefox's picked files are read-only: its snapshots would have to be downloaded by hand too.
    if (written > 0 && !options.write) await snapshotWhenDue(db, dir, keys, written, options.snapshotMinOps ?? SNAPSHOT_MIN_OPS);
  } catch (error) {
    if (!(error instanceof SyncFileError) || own?.id !== 'device') throw error;
    result.problems.push({ file: '', device: own.device, problem: error.problem, detail: error.message });
  }
  await saveKeys(db, keys);
  return { ...result, written };
}
