import { describe, expect, it } from 'vitest';
import { planMerge } from '../../../domain/merge';
import { TiekeeperError } from '../../../domain/errors';
import { contactSchema, type Introduction, type Nudge } from '../../../domain/model';
import { ensureContactForProfile, getContactState, snoozeContact, updateContact } from '../../../storage/contacts';
import type { TiekeeperDb } from '../../../storage/db';
import { logInteraction } from '../../../storage/interactions';
import { mergeContacts, splitContact } from '../../../storage/merge';
import { addNote } from '../../../storage/notes';
import { applyBackup, exportBackup } from '../../../storage/backup';
import { parseBackup, serializeBackup } from '../../../domain/backup';
import { days, freshDb, linkedinRef, T0 } from './helpers';

const xingRef = (key: string, name: string) => ({
  site: 'xing' as const,
  key: key.toLowerCase(),
  url: `https://www.xing.com/profile/${key}`,
  name,
});

async function counts(db: TiekeeperDb) {
  return {
    contacts: await db.contacts.count(),
    profiles: await db.profiles.count(),
    notes: await db.notes.count(),
    interactions: await db.interactions.count(),
  };
}

/** Every profile, note and interaction belongs to a contact that exists. */
async function expectNoOrphans(db: TiekeeperDb) {
  const contactIds = new Set((await db.contacts.toArray()).map((c) => c.id));
  for (const table of [db.profiles, db.notes, db.interactions] as const) {
    for (const row of await table.toArray()) expect(contactIds.has(row.contactId), `${row.id} -> ${row.contactId}`).toBe(true);
  }
  for (const intro of await db.introductions.toArray()) {
    expect(contactIds.has(intro.aId) && contactIds.has(intro.bId)).toBe(true);
  }
}

/** Sofia on LinkedIn (rhythm, a note, an old meeting) and on XING (hooks, notes, a recent call). */
async function twoSofias(db: TiekeeperDb) {
  const linkedin = (await ensureContactForProfile(db, linkedinRef('sofia-probst', { name: 'Sofia Probst' }), T0)).contact;
  await updateContact(db, linkedin.id, { cadenceDays: 91, tags: ['Vertrieb', 'München'], company: 'Beispiel AG' }, T0);
  await addNote(db, linkedin.id, 'Kennengelernt auf der Hannover Messe', T0);
  await logInteraction(db, { contactId: linkedin.id, kind: 'meeting', at: T0 - days(200) }, T0);

  const xing = (await ensureContactForProfile(db, xingRef('Sofia_Probst', 'Sofia Probst'), T0 + 1)).contact;
  await updateContact(db, xing.id, { hooks: 'FC Bayern', email: 'sofia@example.de', tags: ['Mentoring', 'Vertrieb'], meetInPerson: true }, T0 + 1);
  await addNote(db, xing.id, 'Sucht eine Mentorin für ihr Team', T0 + 1);
  await addNote(db, xing.id, 'Tochter spielt Handball', T0 + 2);
  await logInteraction(db, { contactId: xing.id, kind: 'call', at: T0 - days(10) }, T0 + 2);
  return { linkedin, xing };
}

describe('mergeContacts', () => {
  it('moves everything over to the kept contact and loses nothing', async () => {
    const db = freshDb();
    const { linkedin, xing } = await twoSofias(db);
    const before = await counts(db);
    const later = T0 + days(1);

    const result = await mergeContacts(db, linkedin.id, xing.id, later);

    expect(await counts(db)).toEqual({ ...before, contacts: before.contacts - 1 });
    expect(result.moved).toEqual({ profiles: 1, notes: 2, interactions: 1 });
    expect(result.total).toEqual({ profiles: 2, notes: 3, interactions: 2 });
    expect(await db.contacts.get(xing.id)).toBeUndefined();
    await expectNoOrphans(db);

    const state = (await getContactState(db, linkedin.id))!;
    expect(state.profiles.map((p) => p.site).sort()).toEqual(['linkedin', 'xing']);
    expect(state.notes).toHaveLength(3);
    expect(state.contact).toMatchObject({
      displayName: 'Sofia Probst',
      company: 'Beispiel AG',
      // Empty on the kept contact: filled in from the other one.
      email: 'sofia@example.de',
      hooks: 'FC Bayern',
      tags: ['Vertrieb', 'München', 'Mentoring'],
      meetInPerson: true,
      cadenceDays: 91,
      // Recomputed: the XING call was the latest contact, and the rhythm counts from it.
      lastContactAt: T0 - days(10),
      nextDueAt: T0 - days(10) + days(91),
      updatedAt: later,
    });
    expect(result.contact).toEqual(state.contact);
    expect(() => contactSchema.parse(state.contact)).not.toThrow();
  });

  it('previews exactly what it does', async () => {
    const db = freshDb();
    const { linkedin, xing } = await twoSofias(db);
    const plan = planMerge((await getContactState(db, xing.id))!, (await getContactState(db, linkedin.id))!, T0 + 5);
    const result = await mergeContacts(db, xing.id, linkedin.id, T0 + 5);
    expect(result.contact).toEqual(plan.contact);
    expect(plan.fromOther.sort()).toEqual(['cadenceDays', 'company', 'tags']);
  });

  it('moves introductions, drops one between the two, and forgets the other contact\'s nudges', async () => {
    const db = freshDb();
    const { linkedin, xing } = await twoSofias(db);
    const third = (await ensureContactForProfile(db, linkedinRef('ben-otto', { name: 'Ben Otto' }), T0)).contact;
    const intro = (id: string, aId: string, bId: string): Introduction => ({
      id, aId, bId, status: 'idea', note: '', madeAt: null, createdAt: T0, updatedAt: T0,
    });
    await db.introductions.bulkAdd([intro('with-ben', xing.id, third.id), intro('between', linkedin.id, xing.id)]);
    await db.interactions.add({
      id: 'intro-log', contactId: xing.id, at: T0 - days(1), kind: 'introduction', favour: null, note: 'Introduced', introductionId: 'between', createdAt: T0,
    });
    const nudge: Nudge = { id: `${xing.id}@${T0}`, contactId: xing.id, dueAt: T0, shownAt: T0, via: 'single' };
    await db.nudges.add(nudge);

    await mergeContacts(db, linkedin.id, xing.id, T0 + 1);

    expect(await db.introductions.get('between')).toBeUndefined();
    expect(await db.introductions.get('with-ben')).toMatchObject({ aId: linkedin.id, bId: third.id });
    expect(await db.interactions.get('intro-log')).toMatchObject({ contactId: linkedin.id, introductionId: null, note: 'Introduced' });
    expect(await db.nudges.count()).toBe(0);
    await expectNoOrphans(db);
  });

  it('refuses to merge a contact with itself or with one that is gone, changing nothing', async () => {
    const db = freshDb();
    const { linkedin } = await twoSofias(db);
    const before = await counts(db);
    await expect(mergeContacts(db, linkedin.id, linkedin.id, T0)).rejects.toMatchObject({ key: 'errorMergeSame' });
    await expect(mergeContacts(db, linkedin.id, 'gone', T0)).rejects.toBeInstanceOf(TiekeeperError);
    expect(await counts(db)).toEqual(before);
  });

  it('ends a snooze when the other side brings a later interaction', async () => {
    const db = freshDb();
    const { linkedin, xing } = await twoSofias(db);
    // LinkedIn-Sofia is overdue (last contact 200 days ago) and snoozed for a week.
    await snoozeContact(db, linkedin.id, T0 + days(7), T0);
    const merged = await mergeContacts(db, linkedin.id, xing.id, T0 + 1);
    expect(merged.contact.snoozedUntil).toBeNull();
    expect(merged.contact.nextDueAt).toBe(T0 - days(10) + days(91));
  });
});

describe('tie figures after a merge and a split', () => {
  it('follow the interactions each contact has afterwards', async () => {
    const db = freshDb();
    const { linkedin, xing } = await twoSofias(db);
    // LinkedIn: a meeting 200 days ago. XING: a call 10 days ago. Merged: one call since the meeting.
    expect((await db.contacts.get(linkedin.id))?.tie).toMatchObject({ remoteStreak: 0 });
    const { contact } = await mergeContacts(db, linkedin.id, xing.id, T0 + 3);
    expect(contact.tie).toMatchObject({ remoteStreak: 1, typicalGapDays: 190 });
    expect((await db.contacts.get(linkedin.id))?.tie).toEqual(contact.tie);

    const xingProfile = (await db.profiles.where('contactId').equals(linkedin.id).toArray()).find((p) => p.site === 'xing')!;
    const { kept, created } = await splitContact(db, linkedin.id, xingProfile.id, T0 + 4);
    expect(kept.tie).toMatchObject({ remoteStreak: 0, typicalGapDays: null });
    expect(created.tie).toMatchObject({ remoteStreak: 1 });
    expect((await db.contacts.get(created.id))?.tie).toEqual(created.tie);
  });
});

describe('splitContact', () => {
  it('undoes a merge: the XING profile takes back its contact, notes and interaction', async () => {
    const db = freshDb();
    const { linkedin, xing } = await twoSofias(db);
    const before = await counts(db);
    const xingState = (await getContactState(db, xing.id))!;
    await mergeContacts(db, linkedin.id, xing.id, T0 + 1);
    // Added after the merge: it stays, since nobody can tell whom it was about.
    await addNote(db, linkedin.id, 'Nach dem Zusammenführen notiert', T0 + 2);

    const result = await splitContact(db, linkedin.id, 'xing:sofia_probst', T0 + 3);

    expect(await counts(db)).toEqual({ ...before, notes: before.notes + 1 });
    await expectNoOrphans(db);
    expect(result.moved).toEqual({ profiles: 1, notes: 2, interactions: 1 });
    // Restored under its old id, as it was.
    expect(result.created.id).toBe(xing.id);
    const restored = (await getContactState(db, xing.id))!;
    expect(restored.contact).toMatchObject({
      hooks: 'FC Bayern',
      email: 'sofia@example.de',
      meetInPerson: true,
      lastContactAt: T0 - days(10),
      updatedAt: T0 + 3,
    });
    expect(restored.notes.map((n) => n.id).sort()).toEqual(xingState.notes.map((n) => n.id).sort());
    expect(restored.profiles.map((p) => p.id)).toEqual(['xing:sofia_probst']);

    const kept = (await getContactState(db, linkedin.id))!;
    expect(kept.profiles.map((p) => p.id)).toEqual(['linkedin:sofia-probst']);
    expect(kept.notes.map((n) => n.body).sort()).toEqual(['Kennengelernt auf der Hannover Messe', 'Nach dem Zusammenführen notiert']);
    // Its own meeting is its latest contact again, so it is overdue on its rhythm.
    expect(kept.contact).toMatchObject({ lastContactAt: T0 - days(200), nextDueAt: T0 - days(200) + days(91) });
    expect(kept.contact.mergedFrom).toBeUndefined();
    expect(() => contactSchema.parse(kept.contact)).not.toThrow();
  });

  it('splits one of three merged contacts and keeps the other merge splittable', async () => {
    const db = freshDb();
    const { linkedin, xing } = await twoSofias(db);
    const old = (await ensureContactForProfile(db, linkedinRef('sofia-probst-old', { name: 'S. Probst' }), T0)).contact;
    await addNote(db, old.id, 'Alte Adresse', T0);
    await mergeContacts(db, xing.id, old.id, T0 + 1);
    await mergeContacts(db, linkedin.id, xing.id, T0 + 2);
    expect((await db.contacts.get(linkedin.id))?.mergedFrom).toHaveLength(2);

    const first = await splitContact(db, linkedin.id, 'linkedin:sofia-probst-old', T0 + 3);
    expect(first.created.id).toBe(old.id);
    expect(first.moved).toEqual({ profiles: 1, notes: 1, interactions: 0 });
    const second = await splitContact(db, linkedin.id, 'xing:sofia_probst', T0 + 4);
    expect(second.moved).toEqual({ profiles: 1, notes: 2, interactions: 1 });
    expect(await db.contacts.count()).toBe(3);
    await expectNoOrphans(db);
  });

  it('moves a profile without a merge record alone, and never the only one', async () => {
    const db = freshDb();
    const anna = (await ensureContactForProfile(db, linkedinRef('anna-schmidt', { name: 'Anna Schmidt', memberId: 'M1' }), T0)).contact;
    await addNote(db, anna.id, 'Segeln', T0);
    await expect(splitContact(db, anna.id, 'linkedin:anna-schmidt', T0)).rejects.toMatchObject({ key: 'errorSplitOnlyProfile' });
    // The same member id under a new URL: one contact with two profiles, no merge.
    await ensureContactForProfile(db, linkedinRef('anna-mueller', { name: 'Anna Müller', memberId: 'M1' }), T0 + 1);

    const result = await splitContact(db, anna.id, 'linkedin:anna-mueller', T0 + 2);
    expect(result.created).toMatchObject({ displayName: 'Anna Müller', cadenceDays: null });
    expect(result.moved).toEqual({ profiles: 1, notes: 0, interactions: 0 });
    expect((await getContactState(db, anna.id))!.notes).toHaveLength(1);
    await expect(splitContact(db, anna.id, 'linkedin:nobody', T0)).rejects.toMatchObject({ key: 'errorProfileNotFound' });
    await expectNoOrphans(db);
  });

  it('takes a fresh id when the old one is taken again', async () => {
    const db = freshDb();
    const { linkedin, xing } = await twoSofias(db);
    const oldXing = (await db.contacts.get(xing.id))!;
    await mergeContacts(db, linkedin.id, xing.id, T0 + 1);
    // Someone else under the old id (say, restored from a backup made on another computer).
    await db.contacts.put({ ...oldXing, displayName: 'Somebody else' });

    const result = await splitContact(db, linkedin.id, 'xing:sofia_probst', T0 + 2);
    expect(result.created.id).not.toBe(xing.id);
    expect(result.created.displayName).toBe('Sofia Probst');
    expect((await db.contacts.get(xing.id))?.displayName).toBe('Somebody else');
    await expectNoOrphans(db);
  });

  it('survives a backup round trip: merge records are exported and restored', async () => {
    const db = freshDb();
    const { linkedin, xing } = await twoSofias(db);
    await mergeContacts(db, linkedin.id, xing.id, T0 + 1);
    const parsed = parseBackup(serializeBackup(await exportBackup(db, T0 + 2)));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const other = freshDb();
    await applyBackup(other, parsed.value, 'replace');
    const result = await splitContact(other, linkedin.id, 'xing:sofia_probst', T0 + 3);
    expect(result.created.id).toBe(xing.id);
  });
});
