import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBackup, backupTextPieces } from '../../../domain/backup';
import type { DbFixture } from '../../../scripts/save-db-fixture';
import { importBackup } from '../../../storage/backup-import';
import { SCHEMA_V1, TiekeeperDb } from '../../../storage/db';
import { BEFORE_UPGRADE_DB, copyBeforeUpgrade, upgradeCopy, upgradeCopyFile } from '../../../storage/pre-upgrade';
import v1 from '../../fixtures/db/v1.json';
import v2 from '../../fixtures/db/v2.json';
import { freshDb } from './helpers';
import { loadRaw, request as done } from './raw-fixture';


const existing = async () => (await indexedDB.databases()).map((info) => info.name);

const names: string[] = [];
const newName = (label: string) => {
  const name = `${label}-${crypto.randomUUID()}`;
  names.push(name);
  return name;
};

afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
  await Dexie.delete(BEFORE_UPGRADE_DB);
});

const fixtureRecords = (fixture: DbFixture, store: string) => fixture.stores[store]!.records as { id: string }[];
const ids = (rows: readonly { id: string }[]) => rows.map((row) => row.id).sort();

describe('the copy made before a schema upgrade', () => {
  it('opening a v1 database with today’s code first copies it aside as a backup file, which restores everything', async () => {
    const name = newName('v1');
    await loadRaw(name, v1 as DbFixture);
    const db = new TiekeeperDb(name);
    await db.open();
    db.close();

    const copy = await upgradeCopy();
    expect(copy).toMatchObject({ fromVersion: 1, toVersion: db.verno });
    const text = await upgradeCopyFile(copy!).text();
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    for (const table of ['contacts', 'profiles', 'notes', 'interactions', 'introductions'] as const) {
      expect(ids(parsed.value.data[table]), table).toEqual(ids(fixtureRecords(v1 as DbFixture, table)));
    }
    expect(parsed.value.data.settings.language).toBe('de');

    // It restores through the normal import.
    const restored = freshDb();
    await importBackup(restored, backupTextPieces(text), 'replace', true);
    await db.open();
    // Every field the upgraded database has (the import may add derived figures).
    expect(await restored.contacts.toArray()).toEqual((await db.contacts.toArray()).map((contact) => expect.objectContaining(contact)));
    expect(await restored.notes.toArray()).toEqual(await db.notes.toArray());
    expect(await restored.interactions.toArray()).toEqual(await db.interactions.toArray());
    db.close();
  });

  it('is made before the upgrade: the copied rows are the old database’s, read at its old version', async () => {
    const name = newName('v1-direct');
    await loadRaw(name, v1 as DbFixture);
    expect(await copyBeforeUpgrade(name, 20, 1_800_000_000_000)).toBe(true);
    // The database itself is still at version 1: the copy did not open it with the new schema.
    const raw = await done(indexedDB.open(name));
    expect(raw.version).toBe(10);
    raw.close();
    expect((await upgradeCopy())!.at).toBe(1_800_000_000_000);
  });

  it('makes no copy of a database already at today’s version, of an empty one, or of none', async () => {
    const current = newName('v2');
    await loadRaw(current, v2 as DbFixture);
    expect(await copyBeforeUpgrade(current, 20, 1)).toBe(false);

    const empty = newName('v1-empty');
    const old = new Dexie(empty);
    old.version(1).stores(SCHEMA_V1);
    await old.open();
    old.close();
    expect(await copyBeforeUpgrade(empty, 20, 1)).toBe(false);

    const absent = newName('absent');
    expect(await copyBeforeUpgrade(absent, 20, 1)).toBe(false);
    // Looking did not create it: a new installation starts from an empty list of versions.
    expect(await existing()).not.toContain(absent);
    expect(await upgradeCopy()).toBeNull();
  });

  it('keeps one copy, the latest', async () => {
    const first = newName('first');
    const second = newName('second');
    await loadRaw(first, v1 as DbFixture);
    await loadRaw(second, v1 as DbFixture);
    await copyBeforeUpgrade(first, 20, 1_000);
    await copyBeforeUpgrade(second, 20, 2_000);
    expect((await upgradeCopy())!.at).toBe(2_000);
    const copies = await done(indexedDB.open(BEFORE_UPGRADE_DB));
    expect(await done(copies.transaction('copies').objectStore('copies').count())).toBe(1);
    copies.close();
  });

  it('a new installation opens without any copy', async () => {
    const db = freshDb();
    await db.open();
    expect(await upgradeCopy()).toBeNull();
  });
});
