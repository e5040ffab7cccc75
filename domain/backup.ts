import { format } from 'date-fns';
import { z } from 'zod';
import { profileId, withSchedule } from './contacts';
import { failed, invalid, problemsError, TiekeeperError, userMessage, type Parsed, type UserMessage } from './errors';
import { checkImportText, MAX_REPORTED_PROBLEMS, stripBom } from './import-text';
import {
  contactSchema,
  epochMs,
  interactionSchema,
  introductionSchema,
  noteSchema,
  profileSchema,
  settingsSchema,
  type Contact,
  type Interaction,
  type Introduction,
  type Note,
  type Profile,
  type Settings,
} from './model';

/**
 * The JSON backup: everything the user made, in one versioned file.
 * Nudges are not part of it: they are the notification log (which due cycle was already shown),
 * runtime state that the next check rebuilds. Restoring them on another computer would only
 * suppress or repeat a notification; leaving them out keeps the format free of that machinery.
 */

export const BACKUP_FORMAT = 'tiekeeper-backup';
export const BACKUP_VERSION = 1;

export const backupDataSchema = z.object({
  contacts: z.array(contactSchema),
  profiles: z.array(profileSchema),
  notes: z.array(noteSchema),
  interactions: z.array(interactionSchema),
  introductions: z.array(introductionSchema),
  settings: settingsSchema,
});
export type BackupData = z.infer<typeof backupDataSchema>;

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: epochMs,
  data: backupDataSchema,
});
export type Backup = z.infer<typeof backupSchema>;

export const BACKUP_TABLES = ['contacts', 'profiles', 'notes', 'interactions', 'introductions'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

const byId = <T extends { id: string }>(rows: readonly T[]): T[] =>
  [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

const schemaKeys = (schema: z.ZodObject) => Object.keys(schema.shape);
const TABLE_KEYS: Record<BackupTable, string[]> = {
  contacts: schemaKeys(contactSchema),
  profiles: schemaKeys(profileSchema),
  notes: schemaKeys(noteSchema),
  interactions: schemaKeys(interactionSchema),
  introductions: schemaKeys(introductionSchema),
};

/**
 * A row with its fields in the schema's order: a stored row's order depends on how it was last
 * changed (a field added by a spread comes last), and equal data must give an equal file.
 */
export function inSchemaOrder<T extends object>(table: BackupTable, row: T): T {
  const out: Record<string, unknown> = {};
  for (const key of TABLE_KEYS[table]) if (key in row) out[key] = (row as Record<string, unknown>)[key];
  for (const [key, value] of Object.entries(row)) if (!(key in out)) out[key] = value;
  return out as T;
}

/** Rows sorted by id (the database's own order), so equal data gives an equal file. */
export function buildBackup(data: BackupData, exportedAt: number): Backup {
  const rows = <T extends BackupTable>(table: T) => byId(data[table] as readonly { id: string }[]).map((row) => inSchemaOrder(table, row)) as BackupData[T];
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt,
    data: {
      contacts: rows('contacts'),
      profiles: rows('profiles'),
      notes: rows('notes'),
      interactions: rows('interactions'),
      introductions: rows('introductions'),
      settings: data.settings,
    },
  };
}

/** A backup's file name, by the day it was made. */
export function backupFileName(exportedAt: number): string {
  return `tiekeeper-backup-${format(exportedAt, 'yyyy-MM-dd')}.json`;
}

export function serializeBackup(backup: Backup): string {
  // Without indentation: a large backup stays well inside the import limit.
  return `${JSON.stringify(backup)}\n`;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/** The id of the record an issue is in (`data.notes[3].body` -> the id of notes[3]), or "?". */
function recordId(root: unknown, path: readonly PropertyKey[]): string {
  const id = path.length >= 3 ? valueAt(root, [...path.slice(0, 3), 'id']) : undefined;
  return typeof id === 'string' ? id : '?';
}

function issueMessage(root: unknown, issue: z.core.$ZodIssue): UserMessage {
  const where = formatPath(issue.path);
  const value = valueAt(root, issue.path);
  if (value === undefined) return userMessage('importBackupMissingField', where);
  if (issue.code === 'too_big' && typeof value === 'string') {
    return userMessage('importBackupTooLong', where, recordId(root, issue.path), value.length, Number(issue.maximum));
  }
  return userMessage('importBackupInvalidField', where, recordId(root, issue.path));
}

/** The envelope, with each table an array of anything: its records are checked one by one. */
const envelopeSchema = backupSchema.extend({
  data: backupDataSchema.extend(Object.fromEntries(BACKUP_TABLES.map((table) => [table, z.array(z.unknown())])) as Record<BackupTable, z.ZodArray<z.ZodUnknown>>),
});
const recordSchemas: Record<BackupTable, z.ZodType> = {
  contacts: contactSchema,
  profiles: profileSchema,
  notes: noteSchema,
  interactions: interactionSchema,
  introductions: introductionSchema,
};

export function isBackupTable(key: string): key is BackupTable {
  return (BACKUP_TABLES as readonly string[]).includes(key);
}

/**
 * A backup as it is read, piece by piece, so that a file of any size passes through a bounded
 * amount of memory: a top-level member (`format`, `version`, `exportedAt`), a member of `data`
 * (`settings`, or a table once all its rows have come), or some rows of one table.
 */
export type BackupPiece =
  | { type: 'field'; key: string; value: unknown }
  | { type: 'member'; key: string; value: unknown }
  | { type: 'rows'; table: BackupTable; rows: unknown[] };

/** Rows per piece when a backup held in memory is cut into pieces. */
export const PIECE_ROWS = 1_000;

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The pieces of a backup parsed whole, in the order of its members. */
export function* backupPieces(raw: unknown): Generator<BackupPiece> {
  if (!isObject(raw)) return;
  for (const [key, value] of Object.entries(raw)) {
    if (key !== 'data' || !isObject(value)) {
      yield { type: 'field', key, value };
      continue;
    }
    for (const [member, content] of Object.entries(value)) {
      if (isBackupTable(member) && Array.isArray(content)) {
        for (let i = 0; i < content.length; i += PIECE_ROWS) yield { type: 'rows', table: member, rows: content.slice(i, i + PIECE_ROWS) };
        yield { type: 'member', key: member, value: [] };
      } else {
        yield { type: 'member', key: member, value: content };
      }
    }
  }
}

export type ValidRow<T extends BackupTable> = BackupData[T][number];

/**
 * Checks a backup piece by piece: the header as soon as it comes, each record against its
 * schema, ids unique per table, and every reference to a contact or an introduction (checked
 * once the table it points into is complete). It keeps only ids, never records, and stops at
 * the first MAX_REPORTED_PROBLEMS problems, so that a file of 100,000 broken records is refused
 * as quickly as one with a single broken record. Every refusal is a thrown TiekeeperError.
 */
export class BackupReader {
  private readonly header: Record<string, unknown> = {};
  private readonly members: Record<string, unknown> = {};
  private readonly problems: UserMessage[] = [];
  /** The ids of each table's records so far. */
  readonly ids = Object.fromEntries(BACKUP_TABLES.map((table) => [table, new Set<string>()])) as Record<BackupTable, Set<string>>;
  /** Records read per table, valid or not: the index in problem messages. */
  private readonly count = Object.fromEntries(BACKUP_TABLES.map((table) => [table, 0])) as Record<BackupTable, number>;
  private readonly complete = new Set<BackupTable>();
  private readonly waitingForContacts: { where: string; id: string; contactId: string }[] = [];
  private readonly waitingForIntroductions: { where: string; id: string; introductionId: string }[] = [];

  private report(problem: UserMessage): void {
    if (this.problems.length === MAX_REPORTED_PROBLEMS) throw problemsError([this.problems[0]!, ...this.problems.slice(1), userMessage('importBackupMoreProblems')]);
    this.problems.push(problem);
  }

  get valid(): boolean {
    return this.problems.length === 0;
  }

  field(key: string, value: unknown): void {
    // `data` arrives as members; only a `data` that is no object at all is the envelope's problem.
    if (key === 'data' && isObject(value)) return;
    this.header[key] = value;
    if (key === 'format' && value !== BACKUP_FORMAT) throw invalid('importBackupWrongFormat');
    if (key === 'version' && typeof value === 'number') {
      if (!Number.isInteger(value) || value < 1) throw invalid('importBackupUnknownVersion', String(value));
      if (value > BACKUP_VERSION) throw invalid('importBackupTooNew', value);
    }
  }

  member(key: string, value: unknown): void {
    this.members[key] = value;
    if (!isBackupTable(key)) return;
    this.complete.add(key);
    if (key === 'contacts') for (const ref of this.waitingForContacts.splice(0)) this.checkContact(ref.where, ref.id, ref.contactId);
    if (key === 'introductions') for (const ref of this.waitingForIntroductions.splice(0)) this.checkIntroduction(ref.where, ref.id, ref.introductionId);
  }

  private checkContact(where: string, id: string, contactId: string): void {
    if (!this.complete.has('contacts')) this.waitingForContacts.push({ where, id, contactId });
    else if (!this.ids.contacts.has(contactId)) this.report(userMessage('importBackupDanglingReference', where, id, contactId));
  }

  private checkIntroduction(where: string, id: string, introductionId: string): void {
    if (!this.complete.has('introductions')) this.waitingForIntroductions.push({ where, id, introductionId });
    else if (!this.ids.introductions.has(introductionId)) this.report(userMessage('importBackupInvalidField', `data.${where}.introductionId`, id));
  }

  /** The records of a piece that are valid; problems are noted, and thrown at the cap. */
  rows<T extends BackupTable>(table: T, raw: readonly unknown[]): ValidRow<T>[] {
    const valid: ValidRow<T>[] = [];
    const seen = this.ids[table];
    for (const record of raw) {
      const index = this.count[table]++;
      const result = recordSchemas[table].safeParse(record);
      if (!result.success) {
        const root = { data: { [table]: { [index]: record } } };
        for (const issue of result.error.issues) this.report(issueMessage(root, { ...issue, path: ['data', table, index, ...issue.path] }));
        continue;
      }
      const row = result.data as ValidRow<T> & { id: string };
      if (seen.has(row.id)) {
        this.report(userMessage('importBackupDuplicateId', table, row.id));
        continue;
      }
      seen.add(row.id);
      this.crossCheck(table, `${table}[${index}]`, row);
      valid.push(row);
    }
    return valid;
  }


  private crossCheck(table: BackupTable, where: string, row: ValidRow<BackupTable>): void {
    if (table === 'profiles') {
      const p = row as Profile;
      this.checkContact(where, p.id, p.contactId);
      if (p.id !== profileId(p.site, p.key)) this.report(userMessage('importBackupInvalidField', `data.${where}.id`, p.id));
    } else if (table === 'notes') {
      const n = row as Note;
      this.checkContact(where, n.id, n.contactId);
    } else if (table === 'interactions') {
      const x = row as Interaction;
      this.checkContact(where, x.id, x.contactId);
      if (x.introductionId !== null) this.checkIntroduction(where, x.id, x.introductionId);
    } else if (table === 'introductions') {
      const x = row as Introduction;
      this.checkContact(where, x.id, x.aId);
      this.checkContact(where, x.id, x.bId);
    }
  }

  /** After the last piece: the envelope, the references still open, and every problem found. */
  finish(): { exportedAt: number; settings: Settings } {
    if (this.header.format !== BACKUP_FORMAT) throw invalid('importBackupWrongFormat');
    const tables = Object.fromEntries(BACKUP_TABLES.filter((table) => table in this.members).map((table) => [table, []]));
    const envelope = { ...this.header, data: isObject(this.header.data) || !('data' in this.header) ? { ...this.members, ...tables } : this.header.data };
    const parsed = envelopeSchema.safeParse(envelope);
    if (!parsed.success) for (const issue of parsed.error.issues) this.report(issueMessage(envelope, issue));
    for (const ref of this.waitingForContacts.splice(0)) this.report(userMessage('importBackupDanglingReference', ref.where, ref.id, ref.contactId));
    for (const ref of this.waitingForIntroductions.splice(0)) this.report(userMessage('importBackupInvalidField', `data.${ref.where}.introductionId`, ref.id));
    const [first, ...more] = this.problems;
    if (first) throw problemsError([first, ...more]);
    if (!parsed.success) throw invalid('importBackupWrongFormat');
    return { exportedAt: parsed.data.exportedAt, settings: parsed.data.data.settings };
  }
}

/** The pieces of a backup file's whole text; a text that is no JSON is refused here. */
export function backupTextPieces(text: string): Iterable<BackupPiece> {
  const textProblem = checkImportText(text);
  if (textProblem) throw new TiekeeperError('invalid', textProblem);
  let raw: unknown;
  try {
    raw = JSON.parse(stripBom(text));
  } catch {
    throw invalid('importBackupNotJson');
  }
  if (!isObject(raw)) throw invalid('importBackupWrongFormat');
  return backupPieces(raw);
}

/** Parses and fully validates a backup held in memory, references between records included. */
export function parseBackup(text: string): Parsed<Backup> {
  const reader = new BackupReader();
  const data = { contacts: [], profiles: [], notes: [], interactions: [], introductions: [] } as Omit<BackupData, 'settings'>;
  try {
    for (const piece of backupTextPieces(text)) {
      if (piece.type === 'field') reader.field(piece.key, piece.value);
      else if (piece.type === 'member') reader.member(piece.key, piece.value);
      else (data[piece.table] as unknown[]).push(...reader.rows(piece.table, piece.rows));
    }
    const { exportedAt, settings } = reader.finish();
    return { ok: true, value: { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, data: { ...data, settings } } };
  } catch (error) {
    if (error instanceof TiekeeperError) return failed({ key: error.key, params: error.params }, ...error.details);
    throw error;
  }
}

export type ImportMode = 'merge' | 'replace';

export interface TableCounts {
  new: number;
  changed: number;
  unchanged: number;
  /** Stored rows that `replace` deletes because the backup does not have them. */
  deleted: number;
}

export type BackupCounts = Record<BackupTable | 'settings', TableCounts>;

export const emptyCounts = (): TableCounts => ({ new: 0, changed: 0, unchanged: 0, deleted: 0 });

export function sameRow(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * lastContactAt is always the latest interaction, so it is recomputed from the interactions the
 * contact ends up with: a hand-edited or partly merged backup cannot leave it out of step.
 * A merge that brings a later interaction starts a new cycle (ending a snooze), as logging it
 * here would have.
 */
export function withLastContact(contact: Contact, lastContactAt: number | null, endSnoozeIfLater: boolean): Contact {
  const later = lastContactAt !== null && (contact.lastContactAt === null || lastContactAt > contact.lastContactAt);
  const snoozedUntil = endSnoozeIfLater && later ? null : contact.snoozedUntil;
  const next = withSchedule({ ...contact, lastContactAt, snoozedUntil });
  return sameRow(next, contact) ? contact : next;
}

/** A replace's contacts: their last contact is the latest of the backup's interactions. */
export function replacedContacts(data: Pick<BackupData, 'contacts' | 'interactions'>): Contact[] {
  const latest = new Map<string, number>();
  for (const x of data.interactions) latest.set(x.contactId, Math.max(latest.get(x.contactId) ?? -1, x.at));
  return data.contacts.map((c) => withLastContact(c, latest.get(c.id) ?? null, false));
}
