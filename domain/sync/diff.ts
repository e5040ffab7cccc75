import type { Clock } from './hlc';
import { DERIVED_FIELDS, SYNC_TABLES, type Json, type Op, type SyncTable } from './ops';
import type { Row, Rows } from './replica';

/**
 * A device's own changes, found by comparing the database with the rows of the state it last
 * logged or applied (its "shadow"), record by record and field by field (docs/sync.md). Every
 * write path stays as it is: whatever it changed shows up here.
 *
 * - a row the shadow lacks: a whole put (it was created, or created again by a split);
 * - a row whose fields differ: a put of the changed fields, and the removed optional ones;
 * - a row the database lacks: a delete;
 * - a deleted contact that another contact's merge records now name: also a merge, so that rows
 *   added to it on another device meanwhile follow it to the contact it went into.
 * Derived fields (ops.ts) are left out: every device computes them.
 */

export type DbRows = Record<SyncTable, Iterable<Row | Record<string, unknown>>>;

/** JSON with sorted keys: equal values give equal texts whatever order their keys came in. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}

/** The fields that are synced, as they are (not copied). */
function syncedFields(table: SyncTable, row: Record<string, unknown>): Map<string, unknown> {
  const derived = DERIVED_FIELDS[table];
  const fields = new Map<string, unknown>();
  for (const [field, value] of Object.entries(row)) {
    if (field === 'id' || value === undefined || derived.includes(field)) continue;
    fields.set(field, value);
  }
  return fields;
}

/** A JSON round trip: what is logged is exactly what the other devices will read. */
const copy = (value: unknown): Json => JSON.parse(JSON.stringify(value)) as Json;

function mergedInto(db: DbRows): Map<string, string> {
  const into = new Map<string, string>();
  for (const contact of db.contacts) {
    const records = (contact as { mergedFrom?: { contact?: { id?: unknown } }[] }).mergedFrom;
    if (!Array.isArray(records)) continue;
    for (const record of records) {
      const from = record?.contact?.id;
      if (typeof from === 'string') into.set(from, String(contact.id));
    }
  }
  return into;
}

export function diffRows(db: DbRows, shadow: Rows, clock: Clock): Op[] {
  const ops: Op[] = [];
  const merges = mergedInto(db);
  for (const table of SYNC_TABLES) {
    const before = shadow[table];
    const seen = new Set<string>();
    for (const row of db[table]) {
      const id = String(row.id);
      seen.add(id);
      const now = syncedFields(table, row);
      const old = before.get(id);
      if (!old) {
        ops.push({ k: 'put', t: table, id, c: clock, f: Object.fromEntries([...now].map(([field, value]) => [field, copy(value)])), w: true });
        continue;
      }
      const then = syncedFields(table, old);
      const changed: Record<string, Json> = {};
      let anyChange = false;
      for (const [field, value] of now) {
        const previous = then.get(field);
        // Scalars compare as they are; objects and arrays by their JSON.
        const same = previous === value || (typeof value === 'object' && previous !== undefined && stableJson(previous) === stableJson(value));
        if (!same) {
          changed[field] = copy(value);
          anyChange = true;
        }
      }
      const removed = [...then.keys()].filter((field) => !now.has(field));
      if (!anyChange && removed.length === 0) continue;
      ops.push({ k: 'put', t: table, id, c: clock, f: changed, ...(removed.length > 0 ? { u: removed } : {}) });
    }
    for (const id of before.keys()) {
      if (seen.has(id)) continue;
      ops.push({ k: 'del', t: table, id, c: clock });
      const into = table === 'contacts' ? merges.get(id) : undefined;
      if (into !== undefined) ops.push({ k: 'merge', from: id, into, c: clock });
    }
  }
  return ops;
}
