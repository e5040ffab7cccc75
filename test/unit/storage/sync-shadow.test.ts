import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordKey } from '../../../domain/sync/replica';
import { TiekeeperDb } from '../../../storage/db';
import { loadShadow, pageOf, PAGES_PER_TABLE, saveShadow, shadowSize } from '../../../storage/sync-shadow';

/*
 * The shadow in pages (storage/sync-shadow.ts): every device puts a record in the same page,
 * and writing some records of a page keeps the others.
 */

const C1 = '19bc1192810-0000-2075b82545517a1e';
const C2 = '19bc1192811-0000-2075b82545517a1e';

let db: TiekeeperDb;
beforeEach(() => {
  db = new TiekeeperDb(`shadow-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

/** Ids of notes that share a page with `notes/first`, and one that does not. */
function idsInOnePage(count: number): { same: string[]; other: string } {
  const page = pageOf('notes/first');
  const same: string[] = [];
  let other = '';
  for (let i = 0; same.length < count || other === ''; i++) {
    const id = `note-${i}`;
    if (pageOf(recordKey('notes', id)) === page) same.push(id);
    else other ||= id;
  }
  return { same: same.slice(0, count), other };
}

describe('the shadow in pages', () => {
  it('puts a record in a page of its own table, by a hash of its id that every device computes alike', () => {
    expect(pageOf('notes/3a18f138-677a-4410-89a0-90897780c535')).toBe('notes/f0'); // FNV-1a 32 of the id, mod 256
    expect(pageOf('contacts/3a18f138-677a-4410-89a0-90897780c535')).toBe('contacts/f0');
    expect(pageOf('profiles/linkedin:anna-beispiel')).toMatch(/^profiles\/[0-9a-f]{2}$/);
    const pages = new Set(Array.from({ length: 20_000 }, (_, i) => pageOf(`notes/${crypto.randomUUID()}-${i}`)));
    expect(pages.size).toBe(PAGES_PER_TABLE);
  });

  it('writes some records of a page and keeps the others it did not load', async () => {
    const { same, other } = idsInOnePage(3);
    const whole = await loadShadow(db);
    for (const id of [...same, other]) whole.records.set(recordKey('notes', id), { born: C1, fields: new Map([['body', { c: C1, v: id }]]) });
    await saveShadow(db, whole, [...whole.records.keys()]);
    expect(await db.syncPages.count()).toBe(2);

    // A state that loaded one record changes it: the page's other records stay.
    const partial = await loadShadow(db, { tables: new Set(), keys: new Set([recordKey('notes', same[0]!)]) });
    expect([...partial.records.keys()]).toEqual([recordKey('notes', same[0]!)]);
    partial.records.get(recordKey('notes', same[0]!))!.fields.set('body', { c: C2, v: 'changed' });
    await saveShadow(db, partial, [recordKey('notes', same[0]!)]);

    const after = await loadShadow(db);
    expect(await shadowSize(db)).toBe(4);
    expect(after.records.get(recordKey('notes', same[0]!))?.fields.get('body')).toEqual({ c: C2, v: 'changed' });
    for (const id of [...same.slice(1), other]) expect(after.records.get(recordKey('notes', id))?.fields.get('body')).toEqual({ c: C1, v: id });
  });
});
