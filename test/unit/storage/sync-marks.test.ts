import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureContactForProfile, updateContact } from '../../../storage/contacts';
import { TiekeeperDb } from '../../../storage/db';
import { addNote, deleteNote } from '../../../storage/notes';
import { recordLocalChanges } from '../../../storage/sync';
import { MANY_KEYS } from '../../../storage/sync-marks';

/*
 * The marks that tell sync's diff which records were written (storage/sync-marks.ts): written
 * with the write, in its transaction, by every write path; none before this device syncs.
 */

const T0 = Date.UTC(2026, 2, 2, 9);
const marks = async (db: TiekeeperDb) => ((await db.syncDirty.toCollection().primaryKeys()) as string[]).sort();

let db: TiekeeperDb;
beforeEach(() => {
  db = new TiekeeperDb(`marks-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

const anna = () => ensureContactForProfile(db, { site: 'linkedin', key: 'anna', url: 'https://www.linkedin.com/in/anna', name: 'Anna' }, T0);

describe('sync marks', () => {
  it('are not written before this device syncs; its first diff compares everything', async () => {
    const { contact } = await anna();
    await addNote(db, contact.id, 'Met at the fair.', T0);
    // A new database is created at the latest version: no upgrade marks, no device.
    expect(await marks(db)).toEqual([]);
    // The first diff finds everything although nothing was marked: the contact, its profile, the note.
    expect(await recordLocalChanges(db, () => T0)).toBe(3);
    expect(await marks(db)).toEqual([]);
  });

  it('mark each record written, and the diff compares those and logs their changes', async () => {
    const { contact } = await anna();
    const note = await addNote(db, contact.id, 'Met at the fair.', T0);
    await recordLocalChanges(db, () => T0);

    await updateContact(db, contact.id, { hooks: 'Sails' }, T0 + 1);
    await deleteNote(db, note.id);
    const second = await addNote(db, contact.id, 'Second.', T0 + 2);
    expect(await marks(db)).toEqual([`contacts/${contact.id}`, `notes/${note.id}`, `notes/${second.id}`].sort());
    // A field put, a delete and a whole put.
    expect(await recordLocalChanges(db, () => T0 + 3)).toBe(3);
    expect(await marks(db)).toEqual([]);
    const outbox = (await db.syncOutbox.toArray()).at(-1)!.ops;
    expect(outbox.map((op) => (op.k === 'merge' ? op.k : `${op.k} ${op.t}`)).sort()).toEqual(['del notes', 'put contacts', 'put notes']);
  });

  it('a write that is rolled back leaves no mark', async () => {
    const { contact } = await anna();
    await recordLocalChanges(db, () => T0);
    await expect(
      db.transaction('rw', db.contacts, async () => {
        await db.contacts.update(contact.id, { hooks: 'never saved' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await marks(db)).toEqual([]);
  });

  it('a clear, or a write of many records, marks the whole table, and the diff still finds every change', async () => {
    const { contact } = await anna();
    await recordLocalChanges(db, () => T0);
    const notes = Array.from({ length: MANY_KEYS + 1 }, (_, i) => ({ id: `n-${i}`, contactId: contact.id, body: `note ${i}`, createdAt: T0, updatedAt: T0 }));
    await db.notes.bulkPut(notes);
    expect(await marks(db)).toEqual(['notes/*']);
    expect(await recordLocalChanges(db, () => T0 + 1)).toBe(MANY_KEYS + 1);

    await db.notes.clear();
    expect(await marks(db)).toEqual(['notes/*']);
    expect(await recordLocalChanges(db, () => T0 + 2)).toBe(MANY_KEYS + 1);
  });

  it('a write that bypasses the repositories is marked too', async () => {
    const { contact } = await anna();
    await recordLocalChanges(db, () => T0);
    await db.contacts.where('id').equals(contact.id).modify({ hooks: 'changed by a query' });
    expect(await marks(db)).toEqual([`contacts/${contact.id}`]);
    expect(await recordLocalChanges(db, () => T0 + 1)).toBe(1);
  });
});
