import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Contact, Interaction, Introduction, Note, Nudge, Profile, Settings } from '../domain/model';
import { SYNC_TABLES } from '../domain/sync/ops';
import { copyBeforeUpgrade } from './pre-upgrade';
import { pageOldRecords } from './sync-shadow';
import { MARK_STORE, syncMarks, wholeTable } from './sync-marks';
import type { SyncMarkRow, SyncMetaRow, SyncOutboxRow, SyncPageRow } from './sync-rows';

export const DB_NAME = 'tiekeeper';

/** The single settings row. Stored loosely: a row written by an older version may lack fields. */
export const SETTINGS_ID = 'settings';
export type SettingsRow = Partial<Settings> & { id: typeof SETTINGS_ID };

/*
 * ===== Schema version 1: RELEASED, NEVER EDIT =====================================================
 * Browsers that installed a release keep these object stores and indexes. Changing this block
 * would leave them with a database that no longer matches the code. A change is a new version
 * below (see the end of this file), with its own fixture and test in
 * test/unit/storage/migrations.test.ts.
 *
 * Only what is queried is indexed (every index costs time on each write):
 * - contacts.nextDueAt: the due list, a range query. Null (no rhythm, archived) is not a valid
 *   IndexedDB key, so those contacts are simply absent from the index.
 * - contacts.*tags: contacts with a tag and the list of all tags (multi-entry: one key per tag).
 * - profiles.contactId: a contact's profiles; profiles.memberId: a profile whose URL changed.
 * - notes.contactId, nudges.contactId: a contact's notes, cascades on delete.
 * - interactions.[contactId+at]: a contact's interactions in time order, and the latest one for
 *   lastContactAt. Dexie also answers `where('contactId')` from this compound index, so a
 *   separate contactId index would only cost writes.
 * - introductions.aId / bId: the introductions a contact is part of (cascade on delete). Status
 *   is not indexed: the table is small and every view of it lists all of it.
 * - nudges.shownAt: how many nudges were shown today (the daily cap) and pruning old ones.
 */
export const SCHEMA_V1 = {
  contacts: 'id, nextDueAt, *tags',
  profiles: 'id, contactId, memberId',
  notes: 'id, contactId',
  interactions: 'id, [contactId+at]',
  introductions: 'id, aId, bId',
  nudges: 'id, contactId, shownAt',
  settings: 'id',
} as const;
/* ===== End of schema version 1 ================================================================= */

/*
 * ===== Schema version 2: sync (docs/sync.md) ======================================================
 * Three stores of the sync machinery, none of them indexed beyond its key:
 * - syncRecords: the shadow, the merged state of all devices' logs, one row per record
 *   (`${table}/${id}`), with the clock of each field and of its creation and deletion;
 * - syncMeta: this device's id, clock and log position, the cursors into the other devices'
 *   logs, and the merges' redirects, one row each;
 * - syncOutbox: batches of this device's changes waiting to be written to the folder.
 * v1's stores are unchanged: the upgrade only adds these.
 */
export const SCHEMA_V2 = {
  syncRecords: 'key',
  syncMeta: 'id',
  syncOutbox: '++seq',
} as const;
/* ===== End of schema version 2 ================================================================= */

/*
 * ===== Schema version 3: sync marks (storage/sync-marks.ts) ======================================
 * - syncDirty: the records written since the last sync diff, one row per `${table}/${id}` (or
 *   `${table}/*` for a whole table), so the diff compares only those.
 * The upgrade marks every synced table whole: writes made before it were not marked.
 */
export const SCHEMA_V3 = {
  syncDirty: 'key',
} as const;
/* ===== End of schema version 3 ================================================================= */

/*
 * ===== Schema version 4: the shadow in pages (storage/sync-shadow.ts) ============================
 * - syncPages: the shadow's records in pages of a few hundred (`${table}/${page}`), instead of
 *   one row per record in syncRecords: a database write costs per row.
 * The upgrade moves syncRecords' rows into pages; Dexie deletes syncRecords after it.
 */
export const SCHEMA_V4 = {
  syncRecords: null,
  syncPages: 'key',
} as const;
/* ===== End of schema version 4 ================================================================= */

/** The user's data (what a backup holds and a wipe clears); the sync stores are not part of it. */
export const TABLE_NAMES = Object.keys(SCHEMA_V1) as (keyof typeof SCHEMA_V1)[];
export type TableName = (typeof TABLE_NAMES)[number];

export class TiekeeperDb extends Dexie {
  // `declare`: Dexie creates the table properties in its constructor; class fields would reset them.
  declare contacts: EntityTable<Contact, 'id'>;
  declare profiles: EntityTable<Profile, 'id'>;
  declare notes: EntityTable<Note, 'id'>;
  declare interactions: EntityTable<Interaction, 'id'>;
  declare introductions: EntityTable<Introduction, 'id'>;
  declare nudges: EntityTable<Nudge, 'id'>;
  declare settings: EntityTable<SettingsRow, 'id'>;
  declare syncPages: EntityTable<SyncPageRow, 'key'>;
  declare syncMeta: Table<SyncMetaRow, string>;
  declare syncOutbox: EntityTable<SyncOutboxRow, 'seq'>;
  declare syncDirty: EntityTable<SyncMarkRow, 'key'>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2);
    this.version(3)
      .stores(SCHEMA_V3)
      .upgrade((tx) => tx.table(MARK_STORE).bulkPut(SYNC_TABLES.map((table) => ({ key: wholeTable(table) }))));
    this.version(4)
      .stores(SCHEMA_V4)
      .upgrade((tx) => pageOldRecords((name) => tx.table(name)));
    /*
     * A future change goes here, never into the v1 block:
     *   this.version(5).stores({ ...only the stores whose indexes change... }).upgrade((tx) => ...);
     * and, in the same commit, save test/fixtures/db/v<n>.json with scripts/save-db-fixture.ts and
     * add a case to test/unit/storage/migrations.test.ts (the older fixtures must then open).
     */
    this.use(syncMarks());
  }

  private copied: Promise<unknown> | null = null;

  /**
   * Opens the database (Dexie calls this on first use too), after copying it aside when it is
   * stored under an older schema: the upgrade that opening runs then cannot lose anything
   * (storage/pre-upgrade.ts). A copy that fails does not keep the extension from working.
   */
  override open() {
    this.copied ??= copyBeforeUpgrade(this.name, this.verno * 10, Date.now()).catch((error) => console.error('Tiekeeper: the copy before the upgrade failed', error));
    return Dexie.Promise.resolve(this.copied).then(() => super.open());
  }
}
