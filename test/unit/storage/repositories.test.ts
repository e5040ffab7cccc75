import { describe, expect, it } from 'vitest';
import { TiekeeperError } from '../../../domain/errors';
import type { Introduction, Nudge } from '../../../domain/model';
import {
  allTags,
  contactsWithTag,
  deleteAll,
  deleteContact,
  dueList,
  ensureContactForProfile,
  getContactState,
  getProfileState,
  listContacts,
  snoozeContact,
  updateContact,
} from '../../../storage/contacts';
import { logInteraction } from '../../../storage/interactions';
import { addNote, deleteNote, editNote, restoreNote } from '../../../storage/notes';
import { getSettings, updateSettings } from '../../../storage/settings';
import { SETTINGS_ID } from '../../../storage/db';
import { days, freshDb, linkedinRef, T0 } from './helpers';

async function rejection(promise: Promise<unknown>): Promise<TiekeeperError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TiekeeperError);
  return error as TiekeeperError;
}

describe('ensureContactForProfile', () => {
  it('creates a contact with the default rhythm and records what the page showed', async () => {
    const db = freshDb();
    await updateSettings(db, { defaultCadenceDays: 91 });
    const state = await ensureContactForProfile(
      db,
      linkedinRef('anna-schmidt', { name: 'Anna Schmidt', headline: 'Hydrologin' }),
      T0,
    );
    expect(state.contact).toMatchObject({
      displayName: 'Anna Schmidt',
      headline: 'Hydrologin',
      cadenceDays: 91,
      cadenceSetAt: T0,
      nextDueAt: T0 + days(91),
    });
    expect(state.profiles).toEqual([
      expect.objectContaining({ id: 'linkedin:anna-schmidt', seenName: 'Anna Schmidt', seenAt: T0, createdAt: T0 }),
    ]);
  });

  it('finds the same contact again and never overwrites the name the user gave', async () => {
    const db = freshDb();
    const first = await ensureContactForProfile(db, linkedinRef('anna-schmidt', { name: 'Anna Schmidt' }), T0);
    await updateContact(db, first.contact.id, { displayName: 'Anna (Stadtwerke)' }, T0);
    const again = await ensureContactForProfile(
      db,
      linkedinRef('anna-schmidt', { name: 'Dr. Anna Schmidt', headline: 'Leiterin' }),
      T0 + 1000,
    );
    expect(again.contact.id).toBe(first.contact.id);
    expect(again.contact.displayName).toBe('Anna (Stadtwerke)');
    expect(again.profiles[0]).toMatchObject({ seenName: 'Dr. Anna Schmidt', seenHeadline: 'Leiterin', seenAt: T0 + 1000, createdAt: T0 });
    expect(await listContacts(db)).toHaveLength(1);
  });

  it('recognises a person whose URL changed by their member id', async () => {
    const db = freshDb();
    const old = await ensureContactForProfile(db, linkedinRef('anna-schmidt', { memberId: 'ACoAA1' }), T0);
    const renamed = await ensureContactForProfile(db, linkedinRef('anna-mueller', { memberId: 'ACoAA1' }), T0 + 1);
    expect(renamed.contact.id).toBe(old.contact.id);
    expect(renamed.profiles.map((p) => p.id).sort()).toEqual(['linkedin:anna-mueller', 'linkedin:anna-schmidt']);
    // The same member id on another site is someone else.
    const xing = await ensureContactForProfile(
      db,
      { site: 'xing', key: 'anna_schmidt', url: 'https://www.xing.com/profile/Anna_Schmidt', memberId: 'ACoAA1' },
      T0,
    );
    expect(xing.contact.id).not.toBe(old.contact.id);
  });
});

describe('profile state', () => {
  it('is null for an unknown profile and lists notes and interactions newest first', async () => {
    const db = freshDb();
    expect(await getProfileState(db, { site: 'linkedin', key: 'nobody' })).toBeNull();
    const { contact } = await ensureContactForProfile(db, linkedinRef('anna'), T0);
    await addNote(db, contact.id, 'first', T0);
    await addNote(db, contact.id, 'second', T0 + 10);
    await logInteraction(db, { contactId: contact.id, kind: 'call', at: T0 - days(30) }, T0);
    await logInteraction(db, { contactId: contact.id, kind: 'message', at: T0 - days(2) }, T0);
    await logInteraction(db, { contactId: contact.id, kind: 'meeting', at: T0 - days(10) }, T0);
    const state = await getProfileState(db, { site: 'linkedin', key: 'anna' });
    expect(state?.notes.map((n) => n.body)).toEqual(['second', 'first']);
    expect(state?.interactions.map((i) => i.kind)).toEqual(['message', 'meeting', 'call']);
    expect(state?.contact.lastContactAt).toBe(T0 - days(2));
  });
});

describe('notes', () => {
  it('adds, edits, deletes and restores a note with its id and dates', async () => {
    const db = freshDb();
    const { contact } = await ensureContactForProfile(db, linkedinRef('anna'), T0);
    const note = await addNote(db, contact.id, 'Fan of <b>Werder</b> Bremen', T0);
    const edited = await editNote(db, note.id, 'Fan of Werder Bremen, two kids', T0 + 5);
    expect(edited).toMatchObject({ id: note.id, createdAt: T0, updatedAt: T0 + 5 });
    const deleted = await deleteNote(db, note.id);
    expect((await getContactState(db, contact.id))?.notes).toEqual([]);
    await restoreNote(db, deleted);
    expect((await getContactState(db, contact.id))?.notes).toEqual([edited]);
    // Undo twice restores once.
    await restoreNote(db, deleted);
    expect((await getContactState(db, contact.id))?.notes).toEqual([edited]);
  });

  it('restores only a deleted note: an id in use is never overwritten or moved to someone else', async () => {
    const db = freshDb();
    const anna = (await ensureContactForProfile(db, linkedinRef('anna'), T0)).contact;
    const ben = (await ensureContactForProfile(db, linkedinRef('ben'), T0)).contact;
    const note = await addNote(db, anna.id, 'Anna’s own', T0);
    expect((await rejection(restoreNote(db, { ...note, contactId: ben.id }))).key).toBe('errorNoteInUse');
    expect((await rejection(restoreNote(db, { ...note, body: 'overwritten' }))).key).toBe('errorNoteInUse');
    expect((await getContactState(db, anna.id))?.notes).toEqual([note]);
    expect((await getContactState(db, ben.id))?.notes).toEqual([]);
  });

  it('refuses an edit begun on a text that has changed since, and keeps both texts on the user’s choice', async () => {
    const db = freshDb();
    const { contact } = await ensureContactForProfile(db, linkedinRef('anna'), T0);
    const note = await addNote(db, contact.id, 'Two kids', T0);
    // Tab A saves first; tab B began from the same text.
    await editNote(db, note.id, 'Two kids; sails', T0 + 1, { expected: 'Two kids' });
    const conflict = await rejection(editNote(db, note.id, 'Two kids; Werder fan', T0 + 2, { expected: 'Two kids' }));
    expect(conflict).toMatchObject({ code: 'conflict', key: 'errorNoteChangedElsewhere' });
    const bodies = async () => (await getContactState(db, contact.id))!.notes.map((n) => n.body).sort();
    expect(await bodies()).toEqual(['Two kids; sails']);

    const mine = await editNote(db, note.id, 'Two kids; Werder fan', T0 + 3, { expected: 'Two kids', resolve: 'mine' });
    expect(mine).toMatchObject({ id: note.id, body: 'Two kids; Werder fan' });
    expect(await bodies()).toEqual(['Two kids; Werder fan', 'Two kids; sails']);

    const theirs = await editNote(db, note.id, 'Three kids', T0 + 4, { expected: 'Two kids', resolve: 'theirs' });
    expect(theirs).toMatchObject({ id: note.id, body: 'Two kids; Werder fan' });
    expect(await bodies()).toEqual(['Three kids', 'Two kids; Werder fan', 'Two kids; sails']);
    // An edit begun on the current text, or the same text again, is no conflict.
    await editNote(db, note.id, 'Two kids; Werder fan!', T0 + 5, { expected: 'Two kids; Werder fan' });
    expect((await editNote(db, note.id, 'Two kids; Werder fan!', T0 + 6, { expected: 'old' })).updatedAt).toBe(T0 + 5);
  });

  it('refuses empty and over-long notes and reports missing ones', async () => {
    const db = freshDb();
    const { contact } = await ensureContactForProfile(db, linkedinRef('anna'), T0);
    expect((await rejection(addNote(db, contact.id, '   \n', T0))).key).toBe('errorNoteEmpty');
    const tooLong = await rejection(addNote(db, contact.id, 'x'.repeat(20_001), T0));
    expect(tooLong).toMatchObject({ code: 'invalid', key: 'errorNoteTooLong', params: [20_001, 20_000] });
    expect((await rejection(editNote(db, 'gone', 'text', T0))).code).toBe('not-found');
    expect((await rejection(addNote(db, 'no-such-contact', 'text', T0))).code).toBe('not-found');
    expect((await getContactState(db, contact.id))?.notes).toEqual([]);
  });
});

describe('interactions', () => {
  it('keeps last contact and due time in step and starts a new cycle', async () => {
    const db = freshDb();
    const { contact } = await ensureContactForProfile(db, linkedinRef('anna'), T0);
    await updateContact(db, contact.id, { cadenceDays: 30 }, T0);
    await snoozeContact(db, contact.id, T0 + days(60), T0);
    const { contact: after } = await logInteraction(db, { contactId: contact.id, kind: 'call', note: 'Coffee' }, T0 + days(1));
    expect(after).toMatchObject({ lastContactAt: T0 + days(1), snoozedUntil: null, nextDueAt: T0 + days(31) });
    expect((await getContactState(db, contact.id))?.contact).toEqual(after);
  });

  it('back-filling an older interaction moves neither last contact nor a snooze', async () => {
    const db = freshDb();
    const { contact } = await ensureContactForProfile(db, linkedinRef('anna'), T0);
    await updateContact(db, contact.id, { cadenceDays: 30 }, T0);
    await logInteraction(db, { contactId: contact.id, kind: 'call' }, T0);
    await snoozeContact(db, contact.id, T0 + days(45), T0 + days(31));
    const { contact: after } = await logInteraction(db, { contactId: contact.id, kind: 'event', at: T0 - days(100) }, T0 + days(31));
    expect(after).toMatchObject({ lastContactAt: T0, snoozedUntil: T0 + days(45), nextDueAt: T0 + days(45) });
  });

  it('refuses a time in the future and a favour type on a non-favour', async () => {
    const db = freshDb();
    const { contact } = await ensureContactForProfile(db, linkedinRef('anna'), T0);
    expect((await rejection(logInteraction(db, { contactId: contact.id, kind: 'call', at: T0 + days(1) }, T0))).key).toBe(
      'errorInteractionInFuture',
    );
    expect(
      (await rejection(logInteraction(db, { contactId: contact.id, kind: 'call', favour: 'advice' }, T0))).key,
    ).toBe('errorFavourWithoutFavourKind');
    const { interaction } = await logInteraction(db, { contactId: contact.id, kind: 'favour-given', favour: 'referral' }, T0);
    expect(interaction.favour).toBe('referral');
    expect((await getContactState(db, contact.id))?.interactions).toHaveLength(1);
  });
});

describe('contact fields, snooze and the due list', () => {
  it('a new rhythm counts from when it was set; archiving removes the person from the due list', async () => {
    const db = freshDb();
    const { contact } = await ensureContactForProfile(db, linkedinRef('anna'), T0);
    const withRhythm = await updateContact(db, contact.id, { cadenceDays: 30, tags: [' Wasser ', 'Wasser', '', 'Bremen'] }, T0);
    expect(withRhythm).toMatchObject({ cadenceSetAt: T0, nextDueAt: T0 + days(30), tags: ['Wasser', 'Bremen'] });
    const unchangedRhythm = await updateContact(db, contact.id, { cadenceDays: 30, hooks: 'Werder' }, T0 + days(5));
    expect(unchangedRhythm.cadenceSetAt).toBe(T0);
    expect((await dueList(db, T0 + days(30))).due.map((c) => c.id)).toEqual([contact.id]);
    await updateContact(db, contact.id, { archived: true }, T0 + days(30));
    expect(await dueList(db, T0 + days(30))).toEqual({ due: [], upcoming: [] });
  });

  it('lists who is due (most overdue first) and who is due within seven days', async () => {
    const db = freshDb();
    const make = async (key: string, cadence: number | null) => {
      const { contact } = await ensureContactForProfile(db, linkedinRef(key), T0);
      return updateContact(db, contact.id, { cadenceDays: cadence }, T0);
    };
    await make('due-later', 20);
    await make('due-first', 10);
    await make('soon', 25);
    await make('far', 60);
    await make('no-rhythm', null);
    const now = T0 + days(20);
    const { due, upcoming } = await dueList(db, now);
    expect(due.map((c) => c.nextDueAt)).toEqual([T0 + days(10), T0 + days(20)]);
    expect(upcoming.map((c) => c.nextDueAt)).toEqual([T0 + days(25)]);
  });

  it('a snooze moves the nudge later; ending it brings it back', async () => {
    const db = freshDb();
    const { contact } = await ensureContactForProfile(db, linkedinRef('anna'), T0);
    await updateContact(db, contact.id, { cadenceDays: 10 }, T0);
    await snoozeContact(db, contact.id, T0 + days(20), T0 + days(10));
    expect((await dueList(db, T0 + days(11))).due).toEqual([]);
    expect((await dueList(db, T0 + days(11))).upcoming).toHaveLength(0);
    expect((await dueList(db, T0 + days(14))).upcoming.map((c) => c.id)).toEqual([contact.id]);
    await snoozeContact(db, contact.id, null, T0 + days(11));
    expect((await dueList(db, T0 + days(11))).due.map((c) => c.id)).toEqual([contact.id]);
  });

  it('finds contacts by tag and lists all tags', async () => {
    const db = freshDb();
    const a = await ensureContactForProfile(db, linkedinRef('a'), T0);
    const b = await ensureContactForProfile(db, linkedinRef('b'), T0);
    await updateContact(db, a.contact.id, { tags: ['Wasser', 'Bremen'] }, T0);
    await updateContact(db, b.contact.id, { tags: ['Wasser'] }, T0);
    expect((await contactsWithTag(db, 'Wasser')).map((c) => c.id).sort()).toEqual([a.contact.id, b.contact.id].sort());
    expect(await allTags(db)).toEqual(['Bremen', 'Wasser']);
  });
});

describe('deleting', () => {
  it('deletes a contact with everything that belongs to them, and only that', async () => {
    const db = freshDb();
    const anna = (await ensureContactForProfile(db, linkedinRef('anna'), T0)).contact;
    const ben = (await ensureContactForProfile(db, linkedinRef('ben'), T0)).contact;
    await addNote(db, anna.id, 'Anna note', T0);
    await addNote(db, ben.id, 'Ben note', T0);
    await logInteraction(db, { contactId: anna.id, kind: 'call' }, T0);
    const intro: Introduction = {
      id: 'intro-1', aId: anna.id, bId: ben.id, status: 'made', note: '', madeAt: T0, createdAt: T0, updatedAt: T0,
    };
    await db.introductions.add(intro);
    const benIntro = await logInteraction(db, { contactId: ben.id, kind: 'introduction' }, T0);
    await db.interactions.update(benIntro.interaction.id, { introductionId: 'intro-1' });
    const nudge: Nudge = { id: `${anna.id}@${T0}`, contactId: anna.id, dueAt: T0, shownAt: T0, via: 'single' };
    await db.nudges.add(nudge);

    const counts = await deleteContact(db, anna.id);
    expect(counts).toEqual({ notes: 1, interactions: 1, profiles: 1, introductions: 1, nudges: 1 });
    expect(await getContactState(db, anna.id)).toBeNull();
    expect(await getProfileState(db, { site: 'linkedin', key: 'anna' })).toBeNull();
    expect(await db.nudges.count()).toBe(0);
    const benState = await getContactState(db, ben.id);
    expect(benState?.notes.map((n) => n.body)).toEqual(['Ben note']);
    expect(benState?.interactions.map((i) => i.introductionId)).toEqual([null]);
    expect((await rejection(deleteContact(db, anna.id))).code).toBe('not-found');
  });

  it('delete all leaves an empty database with default settings', async () => {
    const db = freshDb();
    await updateSettings(db, { defaultCadenceDays: 30 });
    const { contact } = await ensureContactForProfile(db, linkedinRef('anna'), T0);
    await addNote(db, contact.id, 'note', T0);
    await deleteAll(db);
    for (const table of db.tables) expect(await table.count()).toBe(0);
    expect((await getSettings(db)).defaultCadenceDays).toBeNull();
  });
});

describe('settings', () => {
  it('a patch changes only the fields it names', async () => {
    const db = freshDb();
    await updateSettings(db, { defaultCadenceDays: 30, language: 'de' });
    const after = await updateSettings(db, { dailyNotificationCap: 5 });
    expect(after).toMatchObject({ defaultCadenceDays: 30, language: 'de', dailyNotificationCap: 5, quietStartMinute: 21 * 60 });
    expect(await getSettings(db)).toEqual(after);
  });

  it('reads a row from an older version: missing fields get defaults, a bad field only loses itself', async () => {
    const db = freshDb();
    await db.settings.put({ id: SETTINGS_ID, defaultCadenceDays: 91, language: 'fr' as never });
    expect(await getSettings(db)).toMatchObject({ defaultCadenceDays: 91, language: null, notifyFading: false });
  });
});
