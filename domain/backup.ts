import { z } from 'zod';
import { profileId, withSchedule } from './contacts';
import { failed, userMessage, type Parsed, type UserMessage } from './errors';
import { capProblems, checkImportText, MAX_REPORTED_PROBLEMS, stripBom } from './import-text';
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

/** Rows sorted by id (the database's own order), so equal data gives an equal file. */
export function buildBackup(data: BackupData, exportedAt: number): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt,
    data: {
      contacts: byId(data.contacts),
      profiles: byId(data.profiles),
      notes: byId(data.notes),
      interactions: byId(data.interactions),
      introductions: byId(data.introductions),
      settings: data.settings,
    },
  };
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

/**
 * What is wrong with the file's structure: the first problems, record by record, and a last
 * line when there are more. It stops there, so that a file of 100,000 broken records is
 * refused as quickly as one with a single broken record.
 */
function checkShape(raw: unknown): { ok: true; value: Backup } | { ok: false; problems: UserMessage[] } {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return { ok: false, problems: capProblems(envelope.error.issues.map((issue) => issueMessage(raw, issue))) };
  const problems: UserMessage[] = [];
  const data: Record<string, unknown> = { ...envelope.data.data };
  for (const table of BACKUP_TABLES) {
    const records = envelope.data.data[table];
    const checked: unknown[] = [];
    for (let index = 0; index < records.length; index++) {
      const result = recordSchemas[table].safeParse(records[index]);
      if (result.success) {
        checked.push(result.data);
        continue;
      }
      for (const issue of result.error.issues) {
        if (problems.length === MAX_REPORTED_PROBLEMS) return { ok: false, problems: [...problems, userMessage('importBackupMoreProblems')] };
        problems.push(issueMessage(raw, { ...issue, path: ['data', table, index, ...issue.path] }));
      }
    }
    data[table] = checked;
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { ...envelope.data, data: data as BackupData } };
}

function crossReferenceProblems(data: BackupData): UserMessage[] {
  const problems: UserMessage[] = [];
  for (const table of BACKUP_TABLES) {
    const seen = new Set<string>();
    for (const row of data[table]) {
      if (seen.has(row.id)) problems.push(userMessage('importBackupDuplicateId', table, row.id));
      seen.add(row.id);
    }
  }
  const contacts = new Set(data.contacts.map((c) => c.id));
  const introductions = new Set(data.introductions.map((i) => i.id));
  const dangling = (table: string, index: number, id: string, missing: string) =>
    problems.push(userMessage('importBackupDanglingReference', `${table}[${index}]`, id, missing));

  data.profiles.forEach((p, i) => {
    if (!contacts.has(p.contactId)) dangling('profiles', i, p.id, p.contactId);
    if (p.id !== profileId(p.site, p.key)) problems.push(userMessage('importBackupInvalidField', `data.profiles[${i}].id`, p.id));
  });
  data.notes.forEach((n, i) => {
    if (!contacts.has(n.contactId)) dangling('notes', i, n.id, n.contactId);
  });
  data.interactions.forEach((x, i) => {
    if (!contacts.has(x.contactId)) dangling('interactions', i, x.id, x.contactId);
    if (x.introductionId !== null && !introductions.has(x.introductionId)) {
      problems.push(userMessage('importBackupInvalidField', `data.interactions[${i}].introductionId`, x.id));
    }
  });
  data.introductions.forEach((x, i) => {
    if (!contacts.has(x.aId)) dangling('introductions', i, x.id, x.aId);
    if (!contacts.has(x.bId)) dangling('introductions', i, x.id, x.bId);
  });
  return problems;
}

/** Parses and fully validates a backup file, references between records included. */
export function parseBackup(text: string): Parsed<Backup> {
  const textProblem = checkImportText(text);
  if (textProblem) return failed(textProblem);

  let raw: unknown;
  try {
    raw = JSON.parse(stripBom(text));
  } catch {
    return failed(userMessage('importBackupNotJson'));
  }
  if (raw === null || typeof raw !== 'object' || (raw as { format?: unknown }).format !== BACKUP_FORMAT) {
    return failed(userMessage('importBackupWrongFormat'));
  }
  const version = (raw as { version?: unknown }).version;
  if (typeof version === 'number' && (!Number.isInteger(version) || version < 1)) {
    return failed(userMessage('importBackupUnknownVersion', String(version)));
  }
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    return failed(userMessage('importBackupTooNew', version));
  }

  const parsed = checkShape(raw);
  const [first, ...more] = parsed.ok ? capProblems(crossReferenceProblems(parsed.value.data)) : parsed.problems;
  if (first) return failed(first, ...more);
  if (!parsed.ok) return failed(userMessage('importBackupWrongFormat'));
  return { ok: true, value: parsed.value };
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

/** The stored rows with the ids of the backup's rows (and the contacts their profiles point at). */
export interface StoredRows {
  contacts: ReadonlyMap<string, Contact>;
  profiles: ReadonlyMap<string, Profile>;
  notes: ReadonlyMap<string, Note>;
  interactions: ReadonlyMap<string, Interaction>;
  introductions: ReadonlyMap<string, Introduction>;
  settings: Settings;
  /** Whether settings were ever saved here (else `settings` are the defaults). */
  settingsSaved: boolean;
  /** How many rows each table holds in all. */
  totals: Record<BackupTable, number>;
}

export interface BackupPlan {
  mode: ImportMode;
  /** The rows to write (`replace`: everything, after wiping; `merge`: only new and winning rows). */
  rows: Omit<BackupData, 'settings'>;
  settings: Settings | null;
  counts: BackupCounts;
}

const emptyCounts = (): TableCounts => ({ new: 0, changed: 0, unchanged: 0, deleted: 0 });

function sameRow(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * lastContactAt is always the latest interaction, so it is recomputed from the interactions the
 * contact ends up with: a hand-edited or partly merged backup cannot leave it out of step.
 * A merge that brings a later interaction starts a new cycle (ending a snooze), as logging it
 * here would have.
 */
function withLastContact(contact: Contact, lastContactAt: number | null, endSnoozeIfLater: boolean): Contact {
  const later = lastContactAt !== null && (contact.lastContactAt === null || lastContactAt > contact.lastContactAt);
  const snoozedUntil = endSnoozeIfLater && later ? null : contact.snoozedUntil;
  const next = withSchedule({ ...contact, lastContactAt, snoozedUntil });
  return sameRow(next, contact) ? contact : next;
}

function latestInteractionByContact(interactions: readonly Interaction[]): Map<string, number> {
  const latest = new Map<string, number>();
  for (const x of interactions) latest.set(x.contactId, Math.max(latest.get(x.contactId) ?? -1, x.at));
  return latest;
}

function planReplace(backup: Backup, stored: StoredRows): BackupPlan {
  const { data } = backup;
  const counts = {} as BackupCounts;
  for (const table of BACKUP_TABLES) {
    const c = emptyCounts();
    const storedRows = stored[table] as ReadonlyMap<string, unknown>;
    for (const row of data[table]) {
      const existing = storedRows.get(row.id);
      if (existing === undefined) c.new++;
      else if (sameRow(existing, row)) c.unchanged++;
      else c.changed++;
    }
    c.deleted = stored.totals[table] - c.changed - c.unchanged;
    counts[table] = c;
  }
  counts.settings = { ...emptyCounts(), [sameRow(stored.settings, data.settings) ? 'unchanged' : 'changed']: 1 };
  const latest = latestInteractionByContact(data.interactions);
  // In a replace the backup's interactions are all there is.
  const contacts = data.contacts.map((c) => withLastContact(c, latest.get(c.id) ?? null, false));
  return { mode: 'replace', rows: { ...data, contacts }, settings: data.settings, counts };
}

/**
 * Merge: every record is matched by id and nothing is deleted.
 * - Contacts, notes and introductions carry `updatedAt`: the newer version wins; on a tie the
 *   one on this computer stays.
 * - Profiles: the more recently seen one wins (tie: this computer's).
 * - Interactions are never edited once logged: one already here stays as it is.
 * - Settings stay as they are on this computer (they are a preference of this browser), unless
 *   none were saved here yet: then the backup's are taken, as on a new installation.
 * - The same person created separately on two computers has two contact ids but the same
 *   profile id (`linkedin:<key>`): the backup's contact is then merged into the one here, with
 *   its notes and interactions, instead of becoming a duplicate.
 * Afterwards each affected contact's last contact and due time are recomputed.
 */
function planMerge(backup: Backup, stored: StoredRows): BackupPlan {
  const { data } = backup;
  const counts = {} as BackupCounts;
  for (const table of BACKUP_TABLES) counts[table] = emptyCounts();
  const takeSettings = !stored.settingsSaved && !sameRow(stored.settings, data.settings);
  counts.settings = { ...emptyCounts(), [takeSettings ? 'changed' : 'unchanged']: 1 };

  const remap = new Map<string, string>();
  for (const p of data.profiles) {
    const here = stored.profiles.get(p.id);
    if (here && here.contactId !== p.contactId && !stored.contacts.has(p.contactId) && stored.contacts.has(here.contactId)) {
      remap.set(p.contactId, here.contactId);
    }
  }
  const contactId = (id: string) => remap.get(id) ?? id;

  const rows: BackupPlan['rows'] = { contacts: [], profiles: [], notes: [], interactions: [], introductions: [] };
  const decide = <T extends { id: string }>(table: BackupTable, row: T, existing: T | undefined, newer: boolean, out: T[]) => {
    const c = counts[table];
    if (existing === undefined) {
      c.new++;
      out.push(row);
    } else if (newer && !sameRow(existing, row)) {
      c.changed++;
      out.push(row);
    } else {
      c.unchanged++;
    }
  };

  const mergedContacts = new Map<string, Contact>();
  for (const incoming of data.contacts) {
    const row = { ...incoming, id: contactId(incoming.id) };
    const existing = mergedContacts.get(row.id) ?? stored.contacts.get(row.id);
    const wins = existing === undefined || row.updatedAt > existing.updatedAt;
    mergedContacts.set(row.id, wins ? row : existing);
  }
  for (const p of data.profiles) {
    const row = { ...p, contactId: contactId(p.contactId) };
    const here = stored.profiles.get(p.id);
    // A profile here that belongs to another contact here stays with it.
    const conflict = here !== undefined && here.contactId !== row.contactId;
    decide('profiles', row, here, !conflict && (row.seenAt ?? -1) > (here?.seenAt ?? -1), rows.profiles);
  }
  // A record here that belongs to other people than in the backup stays with them: an id from
  // a file never moves someone's note or introduction to someone else.
  for (const n of data.notes) {
    const row = { ...n, contactId: contactId(n.contactId) };
    const here = stored.notes.get(n.id);
    const conflict = here !== undefined && here.contactId !== row.contactId;
    decide('notes', row, here, !conflict && row.updatedAt > (here?.updatedAt ?? -1), rows.notes);
  }
  for (const x of data.interactions) {
    decide('interactions', { ...x, contactId: contactId(x.contactId) }, stored.interactions.get(x.id), false, rows.interactions);
  }
  for (const x of data.introductions) {
    const row = { ...x, aId: contactId(x.aId), bId: contactId(x.bId) };
    const here = stored.introductions.get(x.id);
    const conflict = here !== undefined && (here.aId !== row.aId || here.bId !== row.bId);
    decide('introductions', row, here, !conflict && row.updatedAt > (here?.updatedAt ?? -1), rows.introductions);
  }

  // Contacts last: their last contact depends on the interactions that are being added.
  const latest = latestInteractionByContact(rows.interactions);
  for (const [id, winner] of mergedContacts) {
    const here = stored.contacts.get(id);
    const candidates = [winner.lastContactAt, here?.lastContactAt ?? null, latest.get(id) ?? null];
    const last = Math.max(...candidates.map((t) => t ?? -1));
    decide('contacts', withLastContact(winner, last < 0 ? null : last, true), here, true, rows.contacts);
  }
  return { mode: 'merge', rows, settings: takeSettings ? data.settings : null, counts };
}

export function planBackupImport(backup: Backup, stored: StoredRows, mode: ImportMode): BackupPlan {
  return mode === 'replace' ? planReplace(backup, stored) : planMerge(backup, stored);
}
