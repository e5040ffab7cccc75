import type { Clock } from './hlc';
import { CONTACT_REFERENCES, SYNC_TABLES, type Json, type Op, type SyncTable } from './ops';

/**
 * The merged state of all devices' change logs, and how operations join into it (docs/sync.md).
 *
 * Per record: `born`, the latest clock of a whole put; `died`, the latest clock of a delete; and
 * per field the value with the latest clock, among those written after `died`. A record exists
 * when `born > died`. Per merged contact: where it went, by the latest merge. Every rule is a
 * maximum over clocks, so applying operations is idempotent, commutative and associative: the
 * same operations in any order, with duplicates, give the same state.
 */

export interface FieldState {
  c: Clock;
  /** `undefined`: the field was removed at `c`. */
  v: Json | undefined;
}

export interface RecordState {
  born?: Clock;
  died?: Clock;
  /** Only fields written after `died`. Keys are checked field names (ops.ts). */
  fields: Map<string, FieldState>;
}

export interface ReplicaState {
  /** Keyed by `${table}/${id}`. */
  records: Map<string, RecordState>;
  /** Merged contact id -> the contact it went into, by the latest merge. */
  redirects: Map<string, { into: string; c: Clock }>;
}

export function emptyState(): ReplicaState {
  return { records: new Map(), redirects: new Map() };
}

export const recordKey = (table: SyncTable, id: string): string => `${table}/${id}`;

function splitKey(key: string): [SyncTable, string] {
  const slash = key.indexOf('/');
  return [key.slice(0, slash) as SyncTable, key.slice(slash + 1)];
}

function record(state: ReplicaState, table: SyncTable, id: string): RecordState {
  const key = recordKey(table, id);
  let found = state.records.get(key);
  if (!found) {
    found = { fields: new Map() };
    state.records.set(key, found);
  }
  return found;
}

const later = (a: Clock, b: Clock | undefined): boolean => b === undefined || a > b;

/** Joins one operation into the state (in place). */
export function applyOp(state: ReplicaState, op: Op): void {
  switch (op.k) {
    case 'put': {
      const target = record(state, op.t, op.id);
      if (op.w && later(op.c, target.born)) target.born = op.c;
      if (!later(op.c, target.died)) return;
      const set = (field: string, value: Json | undefined) => {
        const current = target.fields.get(field);
        if (!current || op.c > current.c) target.fields.set(field, { c: op.c, v: value });
      };
      for (const [field, value] of Object.entries(op.f)) set(field, value);
      for (const field of op.u ?? []) set(field, undefined);
      return;
    }
    case 'del': {
      const target = record(state, op.t, op.id);
      if (!later(op.c, target.died)) return;
      target.died = op.c;
      for (const [field, value] of target.fields) if (value.c <= op.c) target.fields.delete(field);
      return;
    }
    case 'merge': {
      const current = state.redirects.get(op.from);
      if (!current || op.c > current.c) state.redirects.set(op.from, { into: op.into, c: op.c });
      return;
    }
  }
}

export function applyOps(state: ReplicaState, ops: Iterable<Op>): void {
  for (const op of ops) applyOp(state, op);
}

export function exists(found: RecordState | undefined): boolean {
  return found?.born !== undefined && (found.died === undefined || found.born > found.died);
}

export type Row = Record<string, Json> & { id: string };
export type Rows = Record<SyncTable, Map<string, Row>>;

/**
 * The state as rows, the way the database holds them: existing records with their fields, and
 * references to a merged-away contact resolved to the contact it went into. Rows that refer to
 * a contact that does not exist (deleted on one device while the row was added on another) are
 * kept in the state but not shown; an introduction whose two people resolve to one is not shown
 * either (a local merge deletes it). Derived fields are not part of the state.
 */
export function materialise(state: ReplicaState): Rows {
  const rows = Object.fromEntries(SYNC_TABLES.map((table) => [table, new Map<string, Row>()])) as Rows;
  for (const [key, found] of state.records) {
    if (!exists(found)) continue;
    const [table, id] = splitKey(key);
    const row: Row = { id };
    for (const [field, value] of found.fields) if (field !== 'id' && value.v !== undefined) row[field] = value.v;
    rows[table].set(id, row);
  }
  const contacts = rows.contacts;
  const resolve = (id: string): string => {
    let current = id;
    const visited = new Set<string>();
    while (!contacts.has(current)) {
      visited.add(current);
      const next = state.redirects.get(current)?.into;
      // No redirect, or a cycle of merges: the reference stays as it is.
      if (next === undefined || visited.has(next)) return id;
      current = next;
    }
    return current;
  };
  for (const table of SYNC_TABLES) {
    const references = CONTACT_REFERENCES[table];
    if (references.length === 0) continue;
    for (const [id, row] of rows[table]) {
      let orphan = false;
      for (const field of references) {
        const value = row[field];
        if (typeof value !== 'string') continue;
        const resolved = resolve(value);
        row[field] = resolved;
        if (!contacts.has(resolved)) orphan = true;
      }
      if (orphan || (table === 'introductions' && row.aId === row.bId)) rows[table].delete(id);
    }
  }
  return rows;
}

/** The state in one canonical JSON text: equal states give equal texts. */
export function canonicalState(state: ReplicaState): string {
  const records = [...state.records.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, found]) => [key, found.born ?? null, found.died ?? null, [...found.fields.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([field, value]) => [field, value.c, value.v === undefined ? { removed: true } : { value: value.v }])]);
  const redirects = [...state.redirects.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify({ records, redirects });
}
