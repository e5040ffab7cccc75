import { describe, expect, it } from 'vitest';
import { TiekeeperError } from '../../../domain/errors';
import type { Contact } from '../../../domain/model';
import { EMPTY_TIE } from '../../../domain/ties';
import { applyBackup, exportBackup } from '../../../storage/backup';
import { deleteContact, ensureContactForProfile, findContacts, getContactState, updateContact } from '../../../storage/contacts';
import { logInteraction } from '../../../storage/interactions';
import { createIntroduction, introductionsOf, openIntroductions, updateIntroduction } from '../../../storage/introductions';
import { backfillTies, refreshTies, tiesBefore } from '../../../storage/ties';
import type { TiekeeperDb } from '../../../storage/db';
import { days, freshDb, linkedinRef, T0 } from './helpers';

async function person(db: TiekeeperDb, key: string, name: string): Promise<Contact> {
  return (await ensureContactForProfile(db, linkedinRef(key, { name, headline: `${name}'s headline` }), T0 - days(400))).contact;
}

async function rejection(promise: Promise<unknown>): Promise<TiekeeperError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TiekeeperError);
  return error as TiekeeperError;
}

const tieOf = async (db: TiekeeperDb, id: string) => (await db.contacts.get(id))?.tie;

describe('tie figures kept with the interactions', () => {
  it('start empty for a new contact and follow every logged interaction in the same transaction', async () => {
    const db = freshDb();
    const jana = await person(db, 'jana', 'Jana Beispiel');
    expect(jana.tie).toEqual(EMPTY_TIE);
    await logInteraction(db, { contactId: jana.id, kind: 'meeting', at: T0 - days(60) }, T0);
    await logInteraction(db, { contactId: jana.id, kind: 'favour-received', favour: 'advice', at: T0 - days(30) }, T0);
    const { contact } = await logInteraction(db, { contactId: jana.id, kind: 'favour-received', favour: 'referral' }, T0);
    expect(contact.tie).toEqual({ given: 0, received: 2, typicalGapDays: 30, remoteStreak: 2 });
    expect(await tieOf(db, jana.id)).toEqual(contact.tie);
  });

  it('count a back-filled interaction where it belongs in time', async () => {
    const db = freshDb();
    const jana = await person(db, 'jana', 'Jana Beispiel');
    await logInteraction(db, { contactId: jana.id, kind: 'message', at: T0 - days(10) }, T0);
    await logInteraction(db, { contactId: jana.id, kind: 'call' }, T0);
    const { contact } = await logInteraction(db, { contactId: jana.id, kind: 'meeting', at: T0 - days(20) }, T0);
    expect(contact.tie).toMatchObject({ remoteStreak: 2, typicalGapDays: 10 });
  });

  it('are filled in for contacts stored before they existed, leaving the rest of the row alone', async () => {
    const db = freshDb();
    const jana = await person(db, 'jana', 'Jana Beispiel');
    await logInteraction(db, { contactId: jana.id, kind: 'favour-given', at: T0 - days(5) }, T0);
    const stored = (await db.contacts.get(jana.id))!;
    const { tie: _tie, ...old } = stored;
    await db.contacts.put(old as Contact);
    expect(await backfillTies(db)).toBe(1);
    expect(await db.contacts.get(jana.id)).toEqual(stored);
    expect(await backfillTies(db)).toBe(0);
  });

  it('are recomputed in one pass for many contacts', async () => {
    const db = freshDb();
    const jana = await person(db, 'jana', 'Jana Beispiel');
    await db.contacts.bulkPut(Array.from({ length: 250 }, (_, i) => ({ ...jana, id: `c${i}`, tie: undefined })));
    await db.interactions.add({ id: 'x1', contactId: 'c7', at: T0, kind: 'favour-given', favour: null, note: '', introductionId: null, createdAt: T0 });
    await db.transaction('rw', db.contacts, db.interactions, () => refreshTies(db));
    expect(await tieOf(db, 'c7')).toMatchObject({ given: 1 });
    expect(await tieOf(db, 'c8')).toEqual(EMPTY_TIE);
  });

  it('come from the backup’s interactions on import, whatever the backup says', async () => {
    const db = freshDb();
    const jana = await person(db, 'jana', 'Jana Beispiel');
    await logInteraction(db, { contactId: jana.id, kind: 'favour-given', at: T0 - days(5) }, T0);
    const backup = await exportBackup(db, T0);
    // A backup written before the figures existed.
    for (const contact of backup.data.contacts) delete contact.tie;
    const other = freshDb();
    await applyBackup(other, backup, 'replace');
    expect(await tieOf(other, jana.id)).toMatchObject({ given: 1, received: 0 });
    await applyBackup(db, backup, 'merge');
    expect(await tieOf(db, jana.id)).toMatchObject({ given: 1 });
  });

  it('can be read as they stood before a moment (the start of the week)', async () => {
    const db = freshDb();
    const jana = await person(db, 'jana', 'Jana Beispiel');
    await logInteraction(db, { contactId: jana.id, kind: 'message', at: T0 - days(100) }, T0);
    await logInteraction(db, { contactId: jana.id, kind: 'message', at: T0 - days(70) }, T0);
    const { contact } = await logInteraction(db, { contactId: jana.id, kind: 'call', at: T0 - days(1) }, T0);
    const before = (await tiesBefore(db, [contact], T0 - days(2))).get(jana.id);
    expect(before).toMatchObject({ lastContactAt: T0 - days(70), tie: { typicalGapDays: 30, remoteStreak: 2 } });
  });
});

describe('introductions', () => {
  it('start as an idea with a note, on nobody’s timeline yet', async () => {
    const db = freshDb();
    const [jana, lukas] = [await person(db, 'jana', 'Jana Beispiel'), await person(db, 'lukas', 'Lukas Mustermann')];
    const intro = await createIntroduction(db, { aId: jana.id, bId: lukas.id, note: '  Both into Postgres ' }, T0);
    expect(intro).toMatchObject({ status: 'idea', note: 'Both into Postgres', madeAt: null, createdAt: T0 });
    expect(await db.interactions.count()).toBe(0);
    const state = await getContactState(db, lukas.id);
    expect(state?.introductions).toEqual([
      expect.objectContaining({ id: intro.id, a: { id: jana.id, displayName: 'Jana Beispiel', headline: "Jana Beispiel's headline" } }),
    ]);
  });

  it('refuse one person twice, and people who do not exist', async () => {
    const db = freshDb();
    const jana = await person(db, 'jana', 'Jana Beispiel');
    expect((await rejection(createIntroduction(db, { aId: jana.id, bId: jana.id }, T0))).key).toBe('errorIntroductionSamePerson');
    expect((await rejection(createIntroduction(db, { aId: jana.id, bId: 'gone' }, T0))).code).toBe('not-found');
    expect((await rejection(updateIntroduction(db, 'gone', { status: 'made' }, T0))).key).toBe('errorIntroductionNotFound');
    expect(await db.introductions.count()).toBe(0);
  });

  it('when made, appear on both timelines as contact and as a favour given to each', async () => {
    const db = freshDb();
    const [jana, lukas] = [await person(db, 'jana', 'Jana Beispiel'), await person(db, 'lukas', 'Lukas Mustermann')];
    await updateContact(db, lukas.id, { cadenceDays: 30 }, T0 - days(40));
    const intro = await createIntroduction(db, { aId: jana.id, bId: lukas.id }, T0 - days(2));
    await updateIntroduction(db, intro.id, { status: 'asked-a' }, T0 - days(1));
    expect(await db.interactions.count()).toBe(0);
    const made = await updateIntroduction(db, intro.id, { status: 'made' }, T0);
    expect(made).toMatchObject({ status: 'made', madeAt: T0, updatedAt: T0 });
    for (const id of [jana.id, lukas.id]) {
      const state = (await getContactState(db, id))!;
      expect(state.interactions).toEqual([expect.objectContaining({ kind: 'introduction', introductionId: intro.id, at: T0 })]);
      expect(state.contact).toMatchObject({ lastContactAt: T0, tie: { given: 1, received: 0 } });
    }
    expect((await db.contacts.get(lukas.id))?.nextDueAt).toBe(T0 + days(30));

    // Noting the outcome records nothing more.
    await updateIntroduction(db, intro.id, { status: 'outcome', note: 'Lukas hired Jana’s team' }, T0 + 1);
    expect(await db.interactions.count()).toBe(2);
  });

  it('set back before "made" leave both timelines as they were', async () => {
    const db = freshDb();
    const [jana, lukas] = [await person(db, 'jana', 'Jana Beispiel'), await person(db, 'lukas', 'Lukas Mustermann')];
    await logInteraction(db, { contactId: jana.id, kind: 'meeting', at: T0 - days(50) }, T0 - days(50));
    const intro = await createIntroduction(db, { aId: jana.id, bId: lukas.id, status: 'made' }, T0);
    expect(await db.interactions.count()).toBe(3);
    const back = await updateIntroduction(db, intro.id, { status: 'asked-b' }, T0 + 1);
    expect(back).toMatchObject({ status: 'asked-b', madeAt: null });
    expect(await db.interactions.count()).toBe(1);
    expect(await db.contacts.get(jana.id)).toMatchObject({ lastContactAt: T0 - days(50), tie: { given: 0, remoteStreak: 0 } });
    expect(await db.contacts.get(lukas.id)).toMatchObject({ lastContactAt: null, tie: EMPTY_TIE });
  });

  it('change nothing when nothing changes', async () => {
    const db = freshDb();
    const [jana, lukas] = [await person(db, 'jana', 'Jana Beispiel'), await person(db, 'lukas', 'Lukas Mustermann')];
    const intro = await createIntroduction(db, { aId: jana.id, bId: lukas.id, note: 'x' }, T0);
    expect(await updateIntroduction(db, intro.id, { status: 'idea', note: 'x' }, T0 + 5)).toEqual(intro);
  });

  it('list the open ones, with both names, for the dashboard', async () => {
    const db = freshDb();
    const [jana, lukas, sofia] = [await person(db, 'jana', 'Jana Beispiel'), await person(db, 'lukas', 'Lukas Mustermann'), await person(db, 'sofia', 'Sofia Probst')];
    const idea = await createIntroduction(db, { aId: jana.id, bId: lukas.id }, T0);
    const asked = await createIntroduction(db, { aId: sofia.id, bId: lukas.id, status: 'asked-a' }, T0 + 1);
    await createIntroduction(db, { aId: sofia.id, bId: jana.id, status: 'made' }, T0 + 2);
    const open = await openIntroductions(db);
    expect(open.map((i) => i.id)).toEqual([asked.id, idea.id]);
    expect(open[0]).toMatchObject({ a: { displayName: 'Sofia Probst' }, b: { displayName: 'Lukas Mustermann' } });
    expect((await db.transaction('r', db.contacts, db.introductions, () => introductionsOf(db, lukas.id))).map((i) => i.id)).toEqual([asked.id, idea.id]);
  });

  it('go with a deleted person; the other keeps the contact on their timeline', async () => {
    const db = freshDb();
    const [jana, lukas] = [await person(db, 'jana', 'Jana Beispiel'), await person(db, 'lukas', 'Lukas Mustermann')];
    await createIntroduction(db, { aId: jana.id, bId: lukas.id, status: 'made' }, T0);
    await deleteContact(db, lukas.id);
    const state = (await getContactState(db, jana.id))!;
    expect(state.introductions).toEqual([]);
    expect(state.interactions).toEqual([expect.objectContaining({ kind: 'introduction', introductionId: null })]);
    expect(state.contact.tie).toMatchObject({ given: 1 });
  });
});

describe('contact search', () => {
  it('finds contacts by name with id, name and headline only', async () => {
    const db = freshDb();
    const jana = await person(db, 'jana', 'Jana Beispiel');
    const lukas = await person(db, 'lukas', 'Lukas Mustermann');
    await updateContact(db, lukas.id, { howWeMet: 'Private detail' }, T0);
    expect(await findContacts(db, 'luk', jana.id)).toEqual([{ id: lukas.id, displayName: 'Lukas Mustermann', headline: "Lukas Mustermann's headline" }]);
    expect(await findContacts(db, 'jana', jana.id)).toEqual([]);
    expect(await findContacts(db, '  ')).toEqual([]);
  });
});
