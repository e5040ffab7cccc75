import Dexie from 'dexie';
import {
  BACKUP_TABLES,
  BackupReader,
  emptyCounts,
  isBackupTable,
  sameRow,
  withLastContact,
  type BackupCounts,
  type BackupPiece,
  type BackupTable,
  type ImportMode,
  type ValidRow,
} from '../domain/backup';
import type { Contact, Interaction, Introduction, Note, Profile, Settings } from '../domain/model';
import { SETTINGS_ID, type TiekeeperDb } from './db';
import { settingsFromRow } from './settings';
import { refreshTies } from './ties';

/** Where a backup's pieces come from: a file read in the page (async), or a backup in memory. */
export type PieceSource = Iterable<BackupPiece> | AsyncIterable<BackupPiece>;

export interface BackupImportResult {
  exportedAt: number;
  /** What the import did (or, in a preview, would do) in the mode asked for. */
  counts: BackupCounts;
  /** A preview's counts for both modes, so that choosing the other needs no second reading. */
  modes?: Record<ImportMode, BackupCounts>;
}

/**
 * How long the import waits for the next piece of a file, holding its transaction open. The page
 * sends the next piece as soon as the last is written; this only ends an import whose page hangs.
 */
const PIECE_TIMEOUT_MS = 5 * 60_000;

/** Rows per bulk read and write. */
const CHUNK = 1_000;

const backupTables = (db: TiekeeperDb) => [db.contacts, db.profiles, db.notes, db.interactions, db.introductions, db.settings, db.nudges];

/**
 * Reading the file is no database work: it runs outside the transaction's zone, since awaiting
 * other promises inside it would lose the transaction.
 */
const outsideTransaction = <T>(read: () => T | Promise<T>): Promise<T> => Dexie.ignoreTransaction(() => Promise.resolve(read()));

function iteratorOf(source: PieceSource): Iterator<BackupPiece> | AsyncIterator<BackupPiece> {
  return Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
}

/**
 * Imports a backup that arrives in pieces (or, with `apply` false, says what importing it would
 * do, writing nothing), in one transaction: a broken record in the last piece, a full disk or a
 * closed page leaves the database as it was. The transaction stays open between pieces
 * (`Dexie.waitFor`), so that no more than a piece of the file is ever in memory; what is kept
 * is the backup's people (contacts and profiles, which every other record refers to) and the ids
 * of its records.
 *
 * `replace` leaves exactly the backup's records (and no nudges: they belong to the old contacts).
 * `merge` matches every record by id and deletes nothing:
 * - Contacts, notes and introductions carry `updatedAt`: the newer version wins; on a tie the
 *   one on this computer stays.
 * - Profiles: the more recently seen one wins (tie: this computer's).
 * - Interactions are never edited once logged: one already here stays as it is.
 * - Settings stay as they are on this computer (they are a preference of this browser), unless
 *   none were saved here yet: then the backup's are taken, as on a new installation.
 * - The same person created separately on two computers has two contact ids but the same
 *   profile id (`linkedin:<key>`): the backup's contact is then merged into the one here, with
 *   its notes and interactions, instead of becoming a duplicate.
 * - A record here that belongs to other people than in the backup stays with them: an id from a
 *   file never moves someone's note or introduction to someone else.
 * Afterwards each affected contact's last contact and due time are recomputed.
 */
export async function importBackup(db: TiekeeperDb, source: PieceSource, mode: ImportMode, apply: boolean): Promise<BackupImportResult> {
  return db.transaction(apply ? 'rw' : 'r', backupTables(db), async () => {
    // A preview works out both modes from one reading of the file.
    const reads = sharedReads(db);
    const runs = apply ? [new BackupImport(db, mode, true)] : (['merge', 'replace'] as const).map((each) => new BackupImport(db, each, false, reads));
    for (const run of runs) await run.start();
    const reader = new BackupReader();
    const pieces = iteratorOf(source);
    try {
      for (;;) {
        const next = await Dexie.waitFor(outsideTransaction(() => pieces.next()), PIECE_TIMEOUT_MS);
        if (next.done) break;
        const piece = next.value;
        if (piece.type === 'field') {
          reader.field(piece.key, piece.value);
        } else if (piece.type === 'member') {
          reader.member(piece.key, piece.value);
          if (isBackupTable(piece.key)) for (const run of runs) await run.complete(piece.key);
        } else {
          const rows = reader.rows(piece.table, piece.rows);
          // After the first problem the rest is only checked, for the report.
          if (reader.valid) for (const run of runs) await run.add(piece.table, rows);
        }
      }
    } catch (error) {
      // Tells a file being read that nothing more is wanted.
      await Dexie.waitFor(outsideTransaction(async () => pieces.return?.()), PIECE_TIMEOUT_MS).catch(() => undefined);
      throw error;
    }
    const { exportedAt, settings } = reader.finish();
    const counts: BackupCounts[] = [];
    for (const run of runs) counts.push(await run.finish(settings));
    if (apply) return { exportedAt, counts: counts[0]! };
    const modes = { merge: counts[0]!, replace: counts[1]! };
    return { exportedAt, counts: modes[mode], modes };
  });
}

type ReadRows = (table: BackupTable, ids: string[]) => Promise<unknown[]>;

/**
 * Reads for a preview's two modes: both ask for the same rows, one mode after the other for each
 * piece, so each answer is kept until the other mode has taken it (a piece's worth at most).
 */
function sharedReads(db: TiekeeperDb): ReadRows {
  const waiting = new Map<string, Promise<unknown[]>>();
  return (table, ids) => {
    const key = `${table}\n${ids.length}\n${ids[0]}\n${ids.at(-1)}`;
    const kept = waiting.get(key);
    if (kept) {
      waiting.delete(key);
      return kept;
    }
    const rows = db[table].bulkGet(ids);
    waiting.set(key, rows);
    return rows;
  };
}

type Waiting = { [T in 'notes' | 'interactions' | 'introductions']: { table: T; rows: ValidRow<T>[] } }['notes' | 'interactions' | 'introductions'];

/** One import's state between pieces. Runs inside `importBackup`'s transaction. */
class BackupImport {
  private readonly counts = Object.fromEntries([...BACKUP_TABLES, 'settings'].map((table) => [table, emptyCounts()])) as BackupCounts;
  private totals = {} as Record<BackupTable, number>;
  private readonly contacts: Contact[] = [];
  private readonly profiles: Profile[] = [];
  private readonly completeTables = new Set<BackupTable>();
  private peopleReady = false;
  /** Records that came before the people they belong to (a file in another order). */
  private readonly waiting: Waiting[] = [];
  /** Merge: the backup's contact ids that are someone here (matched by profile). */
  private readonly remap = new Map<string, string>();
  private storedProfiles = new Map<string, Profile>();
  /** The latest interaction per contact: all of the backup's (replace), or the added ones (merge). */
  private readonly latest = new Map<string, number>();
  /** Merge: contacts whose interactions changed. */
  private readonly touched = new Set<string>();

  constructor(
    private readonly db: TiekeeperDb,
    private readonly mode: ImportMode,
    private readonly apply: boolean,
    private readonly read: ReadRows = (table, ids) => db[table].bulkGet(ids),
  ) {}

  async start(): Promise<void> {
    for (const table of BACKUP_TABLES) this.totals[table] = await this.db[table].count();
    if (this.mode !== 'replace' || !this.apply) return;
    // Replacing: everything goes first (in the same transaction, so a failure brings it back),
    // and the backup's rows are written without reading anything back. What changed was shown by
    // the preview; the counts of the import itself are the rows written.
    for (const table of [...BACKUP_TABLES, 'nudges'] as const) await this.db[table].clear();
    for (const table of BACKUP_TABLES) this.totals[table] = 0;
  }

  private contactId(id: string): string {
    return this.remap.get(id) ?? id;
  }

  async add<T extends BackupTable>(table: T, rows: ValidRow<T>[]): Promise<void> {
    if (table === 'contacts') this.contacts.push(...(rows as Contact[]));
    else if (table === 'profiles') this.profiles.push(...(rows as Profile[]));
    else if (!this.peopleReady) this.waiting.push({ table, rows } as Waiting);
    else await this.write(table as Waiting['table'], rows as Waiting['rows']);
  }

  async complete(table: BackupTable): Promise<void> {
    this.completeTables.add(table);
    if (!this.peopleReady && this.completeTables.has('contacts') && this.completeTables.has('profiles')) await this.settlePeople();
  }

  /** Once all contacts and profiles are known: which of the backup's people are someone here. */
  private async settlePeople(): Promise<void> {
    const { db } = this;
    for (let i = 0; i < this.profiles.length && this.totals.profiles > 0; i += CHUNK) {
      for (const p of (await this.read('profiles', this.profiles.slice(i, i + CHUNK).map((p) => p.id))) as (Profile | undefined)[]) if (p) this.storedProfiles.set(p.id, p);
    }
    if (this.mode === 'merge') {
      const involved = [...new Set([...this.profiles.map((p) => p.contactId), ...[...this.storedProfiles.values()].map((p) => p.contactId)])];
      const here = new Set((await db.contacts.bulkGet(involved)).flatMap((c) => (c ? [c.id] : [])));
      for (const p of this.profiles) {
        const stored = this.storedProfiles.get(p.id);
        if (stored && stored.contactId !== p.contactId && !here.has(p.contactId) && here.has(stored.contactId)) this.remap.set(p.contactId, stored.contactId);
      }
    }
    this.peopleReady = true;
    for (const { table, rows } of this.waiting.splice(0)) await this.write(table, rows as never);
  }

  /** Counts a row against the stored one and says whether it is to be written. */
  private decide(table: BackupTable, row: unknown, stored: unknown, newer: boolean): boolean {
    const c = this.counts[table];
    if (stored === undefined) {
      c.new++;
      return true;
    }
    if (this.mode === 'replace') {
      if (sameRow(stored, row)) c.unchanged++;
      else c.changed++;
      return true;
    }
    if (newer && !sameRow(stored, row)) {
      c.changed++;
      return true;
    }
    c.unchanged++;
    return false;
  }

  private async write<T extends Waiting['table']>(table: T, rows: ValidRow<T>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      // Into an empty table (a new installation) nothing needs reading.
      const stored = (this.totals[table] === 0 ? [] : await this.read(table, chunk.map((row) => row.id))) as (ValidRow<T> | undefined)[];
      const out: ValidRow<T>[] = [];
      chunk.forEach((row, index) => {
        const winner = this.merged(table, row, stored[index]);
        if (winner) out.push(winner);
      });
      if (this.apply && out.length > 0) await (this.db[table] as unknown as { bulkPut: (rows: unknown[]) => Promise<unknown> }).bulkPut(out);
    }
  }

  /** The row to write for one record of notes, interactions or introductions, or null. */
  private merged<T extends Waiting['table']>(table: T, row: ValidRow<T>, stored: ValidRow<T> | undefined): ValidRow<T> | null {
    const replace = this.mode === 'replace';
    if (table === 'notes') {
      const n = { ...(row as Note), contactId: this.contactId((row as Note).contactId) };
      const here = stored as Note | undefined;
      const conflict = here !== undefined && here.contactId !== n.contactId;
      return this.decide(table, replace ? row : n, here, !conflict && n.updatedAt > (here?.updatedAt ?? -1)) ? ((replace ? row : n) as ValidRow<T>) : null;
    }
    if (table === 'interactions') {
      const x = { ...(row as Interaction), contactId: this.contactId((row as Interaction).contactId) };
      const take = this.decide(table, replace ? row : x, stored, false);
      if (replace || take) {
        this.latest.set(x.contactId, Math.max(this.latest.get(x.contactId) ?? -1, x.at));
        this.touched.add(x.contactId);
      }
      return take ? ((replace ? row : x) as ValidRow<T>) : null;
    }
    const x = row as Introduction;
    const intro = replace ? x : { ...x, aId: this.contactId(x.aId), bId: this.contactId(x.bId) };
    const here = stored as Introduction | undefined;
    const conflict = here !== undefined && (here.aId !== intro.aId || here.bId !== intro.bId);
    return this.decide(table, intro, here, !conflict && intro.updatedAt > (here?.updatedAt ?? -1)) ? (intro as ValidRow<T>) : null;
  }

  async finish(settings: Settings): Promise<BackupCounts> {
    const { db, apply } = this;
    if (!this.peopleReady) await this.settlePeople();
    const profiles: Profile[] = [];
    for (const p of this.profiles) {
      const row = { ...p, contactId: this.contactId(p.contactId) };
      const here = this.storedProfiles.get(p.id);
      // A profile here that belongs to another contact here stays with it.
      const conflict = here !== undefined && here.contactId !== row.contactId;
      if (this.decide('profiles', row, here, !conflict && (row.seenAt ?? -1) > (here?.seenAt ?? -1))) profiles.push(row);
    }
    const contacts = await this.finalContacts();
    if (this.mode === 'replace') {
      for (const table of BACKUP_TABLES) {
        const c = this.counts[table];
        c.deleted = this.totals[table] - c.changed - c.unchanged;
      }
    }
    const settingsRow = await db.settings.get(SETTINGS_ID);
    const storedSettings = settingsFromRow(settingsRow);
    const takeSettings = this.mode === 'replace' || (settingsRow === undefined && !sameRow(storedSettings, settings));
    this.counts.settings = { ...emptyCounts(), [takeSettings && !sameRow(storedSettings, settings) ? 'changed' : 'unchanged']: 1 };
    if (!apply) return this.counts;

    for (let i = 0; i < profiles.length; i += CHUNK) await db.profiles.bulkPut(profiles.slice(i, i + CHUNK));
    for (let i = 0; i < contacts.length; i += CHUNK) await db.contacts.bulkPut(contacts.slice(i, i + CHUNK));
    // The tie figures follow from the interactions each contact ends up with, whatever the
    // backup's rows said (an older backup has none; a merge adds interactions).
    await refreshTies(db, this.mode === 'replace' ? undefined : [...contacts.map((c) => c.id), ...this.touched]);
    if (takeSettings) await db.settings.put({ ...settings, id: SETTINGS_ID });
    return this.counts;
  }

  /** The contacts to write, counted; last: their last contact depends on the interactions. */
  private async finalContacts(): Promise<Contact[]> {
    const { db } = this;
    const out: Contact[] = [];
    if (this.mode === 'replace') {
      for (let i = 0; i < this.contacts.length; i += CHUNK) {
        const chunk = this.contacts.slice(i, i + CHUNK).map((c) => withLastContact(c, this.latest.get(c.id) ?? null, false));
        const stored = this.totals.contacts === 0 ? [] : await db.contacts.bulkGet(chunk.map((c) => c.id));
        chunk.forEach((c, index) => this.decide('contacts', c, stored[index], true) && out.push(c));
      }
      return out;
    }
    const winners = new Map<string, Contact>();
    const ids = [...new Set(this.contacts.map((c) => this.contactId(c.id)))];
    const stored = new Map<string, Contact>();
    for (let i = 0; i < ids.length && this.totals.contacts > 0; i += CHUNK) {
      for (const c of await db.contacts.bulkGet(ids.slice(i, i + CHUNK))) if (c) stored.set(c.id, c);
    }
    for (const incoming of this.contacts) {
      const row = { ...incoming, id: this.contactId(incoming.id) };
      const existing = winners.get(row.id) ?? stored.get(row.id);
      winners.set(row.id, existing === undefined || row.updatedAt > existing.updatedAt ? row : existing);
    }
    for (const [id, winner] of winners) {
      const here = stored.get(id);
      const last = Math.max(...[winner.lastContactAt, here?.lastContactAt ?? null, this.latest.get(id) ?? null].map((t) => t ?? -1));
      const row = withLastContact(winner, last < 0 ? null : last, true);
      if (this.decide('contacts', row, here, true)) out.push(row);
    }
    return out;
  }
}
