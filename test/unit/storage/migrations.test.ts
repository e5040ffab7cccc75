import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  contactSchema,
  interactionSchema,
  introductionSchema,
  noteSchema,
  nudgeSchema,
  profileSchema,
  settingsSchema,
} from '../../../domain/model';
import { dumpRaw, type DbFixture } from '../../../scripts/save-db-fixture';
import { dueList, getProfileState } from '../../../storage/contacts';
import { SYNC_TABLES } from '../../../domain/sync/ops';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, TiekeeperDb } from '../../../storage/db';
import { pageOf } from '../../../storage/sync-shadow';
import type { SyncRecordRow } from '../../../storage/sync-rows';
import { getSettings } from '../../../storage/settings';
import { recordLocalChanges } from '../../../storage/sync';
import v1 from '../../fixtures/db/v1.json';
import v2 from '../../fixtures/db/v2.json';
import v3 from '../../fixtures/db/v3.json';
import v4 from '../../fixtures/db/v4.json';
import { loadRaw } from './raw-fixture';

/*
 * Upgrades must never lose what users have. Each released schema version has a fixture: a raw
 * picture of a database written by that version (scripts/save-db-fixture.ts). Each fixture is
 * loaded into a bare IndexedDB exactly as it was, then opened with today's code, which runs
 * whatever upgrades lie between.
 *
 * When the schema goes to version N+1:
 * 1. Declare version N+1 in storage/db.ts below the frozen blocks (never edit an older block).
 * 2. Release, then save its picture once: `npx tsx scripts/save-db-fixture.ts` -> vN+1.json.
 * 3. Add the fixture to FIXTURES, and to `expectedAfterUpgrade` the changes the upgrade makes
 *    to older fixtures' records (a new field with its default, a renamed index...).
 * Every older fixture keeps being opened by the newest code, so each upgrade path stays tested.
 */

const FIXTURES: Record<string, DbFixture> = { v1: v1 as DbFixture, v2: v2 as DbFixture, v3: v3 as DbFixture, v4: v4 as DbFixture };

/**
 * What today's code should hold after opening the fixture: v2 and v3 only added stores, so the
 * same records; the v3 upgrade marks every synced table for sync's next diff; the v4 upgrade
 * moves the shadow's records, unchanged, into the pages their keys hash to.
 */
function expectedAfterUpgrade(fixture: DbFixture): Record<string, unknown[]> {
  const records: Record<string, unknown[]> = Object.fromEntries(Object.entries(fixture.stores).map(([name, store]) => [name, store.records]));
  if (fixture.schemaVersion < 3) records.syncDirty = [...SYNC_TABLES].sort().map((table) => ({ key: `${table}/*` }));
  if (fixture.schemaVersion < 4) {
    const pages = new Map<string, SyncRecordRow[]>();
    for (const row of (records.syncRecords ?? []) as SyncRecordRow[]) pages.set(pageOf(row.key), [...(pages.get(pageOf(row.key)) ?? []), row]);
    records.syncPages = [...pages].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, rows]) => ({ key, records: rows }));
    delete records.syncRecords;
  }
  return records;
}

const SCHEMAS: Record<string, z.ZodType> = {
  contacts: contactSchema,
  profiles: profileSchema,
  notes: noteSchema,
  interactions: interactionSchema,
  introductions: introductionSchema,
  nudges: nudgeSchema,
  settings: settingsSchema,
};


const schemaOnly = (fixture: DbFixture) =>
  Object.fromEntries(Object.entries(fixture.stores).map(([name, { records: _, ...schema }]) => [name, schema]));

describe('database migrations', () => {
  // Each version's frozen block, declared on its own as the release did, makes exactly its fixture's stores.
  const FROZEN: [string, (typeof SCHEMA_V1 | typeof SCHEMA_V2 | typeof SCHEMA_V3 | typeof SCHEMA_V4)[]][] = [
    ['v1', [SCHEMA_V1]],
    ['v2', [SCHEMA_V1, SCHEMA_V2]],
    ['v3', [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3]],
    ['v4', [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4]],
  ];
  it.each(FROZEN)('the frozen %s block still declares exactly what its users have', async (version, blocks) => {
    const name = `${version}-only-${crypto.randomUUID()}`;
    const db = new Dexie(name);
    blocks.forEach((stores, i) => db.version(i + 1).stores(stores));
    await db.open();
    db.close();
    const raw = await dumpRaw(name, blocks.length);
    await Dexie.delete(name);
    expect(raw.idbVersion).toBe(FIXTURES[version]!.idbVersion);
    expect(schemaOnly(raw)).toEqual(schemaOnly(FIXTURES[version]!));
  });

  it.each(Object.keys(FIXTURES))('today’s code opens a %s database and loses nothing', async (version) => {
    const fixture = FIXTURES[version]!;
    const name = `migrate-${version}-${crypto.randomUUID()}`;
    await loadRaw(name, fixture);
    const db = new TiekeeperDb(name);
    try {
      await db.open();
      const expected = expectedAfterUpgrade(fixture);
      for (const table of db.tables) {
        const rows = await table.toArray();
        expect(rows, table.name).toEqual(expected[table.name] ?? []);
        // The sync stores are checked below, by what sync makes of them.
        if (table.name.startsWith('sync')) continue;
        // Every row is still valid for today's model.
        for (const row of rows) {
          const { id: _, ...fields } = row as { id: string };
          const schema = SCHEMAS[table.name]!;
          expect(schema.safeParse(table.name === 'settings' ? fields : row).success, `${table.name} ${JSON.stringify(row)}`).toBe(true);
        }
      }

      // The indexes work on the upgraded data.
      const anna = await getProfileState(db, { site: 'linkedin', key: 'anna-beispiel' });
      expect(anna?.notes.map((n) => n.body)).toEqual(['Zwei Kinder.\nFragt nach dem Förderantrag.']);
      expect(anna?.interactions.map((i) => i.note)).toEqual(['Kaffee am Hafen']);
      const due = await dueList(db, Date.UTC(2026, 11, 31));
      expect(due.due.map((c) => c.displayName).sort()).toEqual(['Anna Beispiel', 'Jürgen Muster']);
      expect(await db.contacts.where('tags').equals('Holz').count()).toBe(1);
      expect((await getSettings(db)).language).toBe('de');
      // Sync's shadow (from v2 on) still agrees with the data: nothing to log after the upgrade.
      if ('syncRecords' in fixture.stores || 'syncPages' in fixture.stores) expect(await recordLocalChanges(db, () => Date.UTC(2026, 11, 31))).toBe(0);
      db.close();

      // And the upgraded database has the same stores and indexes as a new installation.
      const fresh = new TiekeeperDb(`fresh-${crypto.randomUUID()}`);
      await fresh.open();
      fresh.close();
      expect(schemaOnly(await dumpRaw(name, db.verno))).toEqual(schemaOnly(await dumpRaw(fresh.name, fresh.verno)));
      await fresh.delete();
    } finally {
      await db.delete();
    }
  });
});
