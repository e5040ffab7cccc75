import { z } from 'zod';
import { idSchema } from '../model';
import { CLOCK_PATTERN, DEVICE_ID_PATTERN } from './hlc';

/**
 * The operations a device writes to its change log (see docs/sync.md). Everything read from the
 * folder is checked against these schemas before it touches any state: the folder is shared
 * with other programs and other devices, so it is untrusted input.
 */

/** Version of the operations and of the files that carry them. A file of a later one is refused. */
export const SYNC_FORMAT_VERSION = 1;

/** The tables that are synced, and the fields of each that refer to a contact. */
export const SYNC_TABLES = ['contacts', 'profiles', 'notes', 'interactions', 'introductions', 'nudges'] as const;
export type SyncTable = (typeof SYNC_TABLES)[number];

export const CONTACT_REFERENCES: Readonly<Record<SyncTable, readonly string[]>> = {
  contacts: [],
  profiles: ['contactId'],
  notes: ['contactId'],
  interactions: ['contactId'],
  introductions: ['aId', 'bId'],
  nudges: ['contactId'],
};

/**
 * Fields derived from other records, recomputed on every device rather than synced: the latest
 * interaction (last contact is the maximum of the contact's interactions), the due time that
 * follows from it, and the tie statistics.
 */
export const DERIVED_FIELDS: Readonly<Record<SyncTable, readonly string[]>> = {
  contacts: ['lastContactAt', 'nextDueAt', 'tie'],
  profiles: [],
  notes: [],
  interactions: [],
  introductions: [],
  nudges: [],
};

export const clockSchema = z.string().regex(CLOCK_PATTERN);
export const deviceIdSchema = z.string().regex(DEVICE_ID_PATTERN);
/** A field name: plain identifiers only, so `__proto__` and the like can never be one. */
export const fieldNameSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/);
const tableSchema = z.enum(SYNC_TABLES);

/** Values are JSON (object keys are identifiers: every record of the model has only such); what a field may hold is checked when the state becomes rows (model.ts). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9]{0,63}$/;
/** Deeper than any record of the model: a file cannot make the check recurse without end. */
const MAX_DEPTH = 16;

function isJson(value: unknown, depth: number): boolean {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || depth >= MAX_DEPTH) return false;
  if (Array.isArray(value)) return value.every((item) => isJson(item, depth + 1));
  return isFieldMap(value, depth + 1);
}

function isFieldMap(value: unknown, depth = 0): value is Record<string, Json> {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const [key, item] of Object.entries(value)) if (!FIELD_NAME.test(key) || !isJson(item, depth)) return false;
  return true;
}

/**
 * A put's fields: names that are identifiers, values that are JSON. One walk rather than a zod
 * schema per value: a first sync checks hundreds of thousands of values, and this was most of
 * the time spent reading the files.
 */
const fieldsSchema = z.custom<Record<string, Json>>((value) => isFieldMap(value), { message: 'fields must be identifiers with JSON values' });

export const putOpSchema = z.object({
  k: z.literal('put'),
  t: tableSchema,
  id: idSchema,
  c: clockSchema,
  /** The fields and their values at clock `c`. */
  f: fieldsSchema,
  /** Fields removed at clock `c` (optional fields the record no longer has). */
  u: z.array(fieldNameSchema).max(100).optional(),
  /** The whole record: creates it, or creates it again after a delete. */
  w: z.literal(true).optional(),
});
export const delOpSchema = z.object({ k: z.literal('del'), t: tableSchema, id: idSchema, c: clockSchema });
/** Contact `from` was merged into `into`. */
export const mergeOpSchema = z.object({ k: z.literal('merge'), from: idSchema, into: idSchema, c: clockSchema });

export const opSchema = z.discriminatedUnion('k', [putOpSchema, delOpSchema, mergeOpSchema]);
export type PutOp = z.infer<typeof putOpSchema>;
export type DelOp = z.infer<typeof delOpSchema>;
export type MergeOp = z.infer<typeof mergeOpSchema>;
export type Op = z.infer<typeof opSchema>;

/** How far a device's log was read: its segment, and the batches of that segment. */
export const logPositionSchema = z.object({ segment: z.number().int().min(1).max(999_999_999), batches: z.number().int().min(0).max(10_000_000) });

/**
 * What one encrypted line of a log carries. The first batch of a snapshot also says which parts
 * of which logs it covers.
 */
export const batchSchema = z.object({
  v: z.literal(SYNC_FORMAT_VERSION),
  ops: z.array(opSchema).max(100_000),
  covers: z.record(deviceIdSchema, logPositionSchema).optional(),
});
export type Batch = z.infer<typeof batchSchema>;

