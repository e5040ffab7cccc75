import Dexie, { type EntityTable } from 'dexie';
import type { Contact, Interaction, Introduction, Note, Nudge, Profile, Settings } from '../domain/model';

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

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    /*
     * A future change goes here, never into the v1 block:
     *   this.version(2).stores({ ...only the stores whose indexes change... }).upgrade((tx) => ...);
     * and, in the same commit, save test/fixtures/db/v2.json with scripts/save-db-fixture.ts and
     * add a case to test/unit/storage/migrations.test.ts (the v1 fixture must then open as v2).
     */
  }
}
