/**
 * Saves a raw picture of the database as the current schema version writes it: every object
 * store with its key path, indexes and records, filled with fictional people through the
 * repositories. test/unit/storage/migrations.test.ts loads such a picture into a bare IndexedDB
 * and opens it with the code of the day, to prove that an upgrade loses nothing.
 *
 * Run once per schema version, right when that version is released, and commit the file:
 *   npx tsx scripts/save-db-fixture.ts        (writes test/fixtures/db/v<version>.json)
 * It refuses to overwrite an existing fixture: a saved version is a record of what users have.
 */
import 'fake-indexeddb/auto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DAY_MS } from '../domain/constants';
import { ensureContactForProfile, snoozeContact, updateContact } from '../storage/contacts';
import { TiekeeperDb } from '../storage/db';
import { logInteraction } from '../storage/interactions';
import { addNote } from '../storage/notes';
import { updateSettings } from '../storage/settings';
import { recordLocalChanges } from '../storage/sync';

export interface RawIndex {
  name: string;
  keyPath: string | string[];
  unique: boolean;
  multiEntry: boolean;
}
export interface RawStore {
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: RawIndex[];
  records: unknown[];
}
export interface DbFixture {
  /** The version as declared with Dexie (`db.version(n)`). */
  schemaVersion: number;
  /** The version IndexedDB itself records (Dexie stores n * 10). */
  idbVersion: number;
  stores: Record<string, RawStore>;
}

const request = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

/** Reads a database with the bare IndexedDB API, bypassing Dexie. */
export async function dumpRaw(name: string, schemaVersion: number): Promise<DbFixture> {
  const idb = await request(indexedDB.open(name));
  const stores: Record<string, RawStore> = {};
  for (const storeName of [...idb.objectStoreNames].sort()) {
    const store = idb.transaction(storeName, 'readonly').objectStore(storeName);
    const indexes = [...store.indexNames].sort().map((indexName) => {
      const index = store.index(indexName);
      return { name: index.name, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
    });
    stores[storeName] = {
      keyPath: store.keyPath,
      autoIncrement: store.autoIncrement,
      indexes,
      records: await request(store.getAll()),
    };
  }
  const fixture = { schemaVersion, idbVersion: idb.version, stores };
  idb.close();
  return fixture;
}

/** Fictional people touching every table and every index. */
async function fill(db: TiekeeperDb): Promise<void> {
  const t0 = Date.UTC(2026, 0, 15, 10);
  await updateSettings(db, { defaultCadenceDays: 91, quietStartMinute: 22 * 60, language: 'de' });
  const anna = (
    await ensureContactForProfile(
      db,
      { site: 'linkedin', key: 'anna-beispiel', url: 'https://www.linkedin.com/in/anna-beispiel', name: 'Anna Beispiel', headline: 'Hydrologin', memberId: 'ACoAAFIKTIV1' },
      t0,
    )
  ).contact;
  const jurgen = (
    await ensureContactForProfile(
      db,
      { site: 'linkedin', key: 'jürgen-muster-b4792a57', url: 'https://www.linkedin.com/in/j%C3%BCrgen-muster-b4792a57', name: 'Jürgen Muster' },
      t0,
    )
  ).contact;
  // One person on both sites: a second profile of the same contact.
  await db.profiles.add({
    id: 'xing:juergen_muster',
    contactId: jurgen.id,
    site: 'xing',
    key: 'juergen_muster',
    url: 'https://www.xing.com/profile/Juergen_Muster',
    memberId: null,
    seenName: 'Jürgen Muster',
    seenHeadline: 'Geschäftsführer',
    createdAt: t0,
    seenAt: t0 + 5000,
  });
  const carla = (
    await ensureContactForProfile(db, { site: 'xing', key: 'carla_test', url: 'https://www.xing.com/profile/Carla_Test', name: 'Carla Test' }, t0)
  ).contact;
  await updateContact(db, anna.id, { tags: ['Wasser', 'Bremen'], hooks: 'Segelt auf der Weser', howWeMet: 'Konferenz 2025', meetInPerson: true }, t0);
  await updateContact(db, jurgen.id, { cadenceDays: 30, company: 'Muster & Söhne', tags: ['Holz'] }, t0);
  await updateContact(db, carla.id, { archived: true }, t0);
  await addNote(db, anna.id, 'Zwei Kinder.\nFragt nach dem Förderantrag.', t0);
  await addNote(db, jurgen.id, 'Mag keine Anrufe vor 10 Uhr.', t0 + 1000);
  await logInteraction(db, { contactId: anna.id, kind: 'meeting', note: 'Kaffee am Hafen', at: t0 - 20 * DAY_MS }, t0);
  await logInteraction(db, { contactId: jurgen.id, kind: 'favour-received', favour: 'referral', at: t0 - 3 * DAY_MS }, t0);
  await snoozeContact(db, jurgen.id, t0 + 60 * DAY_MS, t0);
  await db.introductions.add({
    id: 'a6c1f0de-0000-4000-8000-000000000001',
    aId: anna.id,
    bId: jurgen.id,
    status: 'asked-a',
    note: 'Beide arbeiten an Regenwasser',
    madeAt: null,
    createdAt: t0,
    updatedAt: t0,
  });
  await db.nudges.add({ id: `${anna.id}@${t0}`, contactId: anna.id, dueAt: t0, shownAt: t0 + 3_600_000, via: 'digest' });
  // Sync (schema 2): the shadow of all this, and its operations waiting in the outbox.
  await recordLocalChanges(db, () => t0 + 10_000);
}

async function main(): Promise<void> {
  const name = 'fixture';
  const db = new TiekeeperDb(name);
  await fill(db);
  const schemaVersion = db.verno;
  db.close();
  const out = join(dirname(fileURLToPath(import.meta.url)), `../test/fixtures/db/v${schemaVersion}.json`);
  if (existsSync(out) && !process.argv.includes('--force')) {
    console.error(`${out} exists: a released version's fixture is never regenerated.`);
    process.exit(1);
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(await dumpRaw(name, schemaVersion), null, 1)}\n`);
  console.log(`Saved ${out}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
