import { describe, expect, it } from 'vitest';
import { TiekeeperError } from '../../../domain/errors';
import { ensureContactForProfile, getContactState, remindContact, updateContact } from '../../../storage/contacts';
import { createIntroduction, updateIntroduction } from '../../../storage/introductions';
import { getSettings, updateSettings } from '../../../storage/settings';
import { settingsPatchSchema } from '../../../domain/model';
import { days, freshDb, linkedinRef, T0 } from './helpers';

async function rejection(promise: Promise<unknown>): Promise<TiekeeperError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TiekeeperError);
  return error as TiekeeperError;
}

async function anna() {
  const db = freshDb();
  const { contact } = await ensureContactForProfile(db, linkedinRef('anna', { name: 'Anna' }), T0);
  await updateContact(db, contact.id, { hooks: 'Two kids', howWeMet: 'Weser conference', tags: ['water'], cadenceDays: 30 }, T0);
  const stored = async () => (await getContactState(db, contact.id))!.contact;
  return { db, id: contact.id, stored };
}

describe("a contact's fields, edited in two places", () => {
  it.each([
    ['displayName', 'Anna', 'Anna Schmidt', 'Dr. Anna Schmidt'],
    ['headline', '', 'Hydrologist', 'Head of hydrology'],
    ['company', '', 'Stadtwerke', 'Hansewasser'],
    ['email', '', 'anna@example.org', 'a.schmidt@example.org'],
    ['howWeMet', 'Weser conference', 'Weser conference 2025', 'At the Weser conference'],
    ['hooks', 'Two kids', 'Two kids; sails', 'Two kids; Werder fan'],
    ['tags', ['water'], ['water', 'Bremen'], ['water', 'sailing']],
    ['cadenceDays', 30, 91, 182],
  ] as const)('refuses a stale write of %s, naming the field, and keeps what the other saved', async (field, start, first, second) => {
    const { db, id, stored } = await anna();
    // Both began from `start`; the first saves.
    await updateContact(db, id, { [field]: first }, T0 + 1, { expected: { [field]: start } });
    const conflict = await rejection(updateContact(db, id, { [field]: second }, T0 + 2, { expected: { [field]: start } }));
    expect(conflict).toMatchObject({ code: 'conflict', key: 'errorFieldsChangedElsewhere', params: [field] });
    expect((await stored())[field]).toEqual(first);
    expect((await stored()).updatedAt).toBe(T0 + 1);
  });

  it('keeps both edits of different fields, begun on the same contact', async () => {
    const { db, id, stored } = await anna();
    await updateContact(db, id, { hooks: 'Two kids; sails' }, T0 + 1, { expected: { hooks: 'Two kids' } });
    await updateContact(db, id, { howWeMet: 'Weser conference 2025' }, T0 + 2, { expected: { howWeMet: 'Weser conference' } });
    expect(await stored()).toMatchObject({ hooks: 'Two kids; sails', howWeMet: 'Weser conference 2025', updatedAt: T0 + 2 });
  });

  it('names only the stale fields of a patch, and the same value written twice is no conflict', async () => {
    const { db, id, stored } = await anna();
    await updateContact(db, id, { hooks: 'Two kids; sails' }, T0 + 1);
    const conflict = await rejection(
      updateContact(db, id, { hooks: 'Three kids', company: 'Stadtwerke' }, T0 + 2, { expected: { hooks: 'Two kids', company: '' } }),
    );
    expect(conflict.params).toEqual(['hooks']);
    expect((await stored()).company).toBe('');
    // Both tabs typed the same: nothing to choose between.
    await updateContact(db, id, { hooks: 'Two kids; sails' }, T0 + 3, { expected: { hooks: 'Two kids' } });
    // Tags compare as the list they are stored as (trimmed, no repeats).
    await updateContact(db, id, { tags: ['water', 'Bremen'] }, T0 + 4, { expected: { tags: [' water ', 'water'] } });
    expect((await stored()).tags).toEqual(['water', 'Bremen']);
  });

  it("resolves as the user chooses: mine writes the edit, theirs keeps the stored value of the stale fields only", async () => {
    const { db, id, stored } = await anna();
    await updateContact(db, id, { hooks: 'Two kids; sails' }, T0 + 1);

    const theirs = await updateContact(db, id, { hooks: 'Two kids; Werder fan', company: 'Stadtwerke' }, T0 + 2, {
      expected: { hooks: 'Two kids', company: '' },
      resolve: 'theirs',
    });
    expect(theirs).toMatchObject({ hooks: 'Two kids; sails', company: 'Stadtwerke', updatedAt: T0 + 2 });
    // Nothing left to write: the contact stays as it is.
    expect((await updateContact(db, id, { hooks: 'Three kids' }, T0 + 3, { expected: { hooks: 'Two kids' }, resolve: 'theirs' })).updatedAt).toBe(T0 + 2);

    const mine = await updateContact(db, id, { hooks: 'Two kids; Werder fan' }, T0 + 4, { expected: { hooks: 'Two kids' }, resolve: 'mine' });
    expect(mine).toMatchObject({ hooks: 'Two kids; Werder fan', updatedAt: T0 + 4 });
    expect(await stored()).toEqual(mine);
  });

  it('a stale rhythm resolved as mine counts from now, as any change of rhythm does', async () => {
    const { db, id } = await anna();
    await updateContact(db, id, { cadenceDays: 91 }, T0 + 1);
    const mine = await updateContact(db, id, { cadenceDays: 7 }, T0 + days(1), { expected: { cadenceDays: 30 }, resolve: 'mine' });
    expect(mine).toMatchObject({ cadenceDays: 7, cadenceSetAt: T0 + days(1), nextDueAt: T0 + days(8) });
  });

  it('writes without `expected` (bulk changes, imports) apply whatever is stored', async () => {
    const { db, id, stored } = await anna();
    await updateContact(db, id, { hooks: 'Two kids; sails' }, T0 + 1);
    await updateContact(db, id, { hooks: 'Set by a bulk change' }, T0 + 2);
    expect((await stored()).hooks).toBe('Set by a bulk change');
  });
});

describe('a reminder, set in two places', () => {
  const friday = { at: T0 + days(4), reason: 'Ask about the new job' };
  const monday = { at: T0 + days(7), reason: 'Congratulate' };

  it('refuses setting or removing a reminder that changed since it was shown, and resolves as chosen', async () => {
    const { db, id, stored } = await anna();
    await remindContact(db, id, friday, T0 + 1, false, { expected: null });
    expect(await rejection(remindContact(db, id, monday, T0 + 2, false, { expected: null }))).toMatchObject({
      code: 'conflict',
      params: ['reminder'],
    });
    expect(await rejection(remindContact(db, id, null, T0 + 2, false, { expected: monday }))).toMatchObject({ code: 'conflict' });
    expect(await stored()).toMatchObject({ reminderAt: friday.at, reminderReason: friday.reason });

    expect(await remindContact(db, id, monday, T0 + 3, false, { expected: null, resolve: 'theirs' })).toMatchObject({ reminderAt: friday.at });
    expect(await remindContact(db, id, monday, T0 + 4, false, { expected: null, resolve: 'mine' })).toMatchObject({
      reminderAt: monday.at,
      reminderReason: monday.reason,
    });
    // Removing the reminder it showed is no conflict.
    expect(await remindContact(db, id, null, T0 + 5, false, { expected: monday })).toMatchObject({ reminderAt: null, reminderReason: '' });
  });
});

describe('an introduction, edited in two places', () => {
  it('refuses a stale status or note, keeps edits of the other field, and resolves as chosen', async () => {
    const { db, id } = await anna();
    const { contact: ben } = await ensureContactForProfile(db, linkedinRef('ben'), T0);
    const intro = await createIntroduction(db, { aId: id, bId: ben.id, note: 'Both into water' }, T0);
    const start = { status: intro.status, note: intro.note };

    await updateIntroduction(db, intro.id, { note: 'Both into water policy' }, T0 + 1, { expected: start });
    expect(await rejection(updateIntroduction(db, intro.id, { note: 'Water and sailing' }, T0 + 2, { expected: start }))).toMatchObject({
      code: 'conflict',
      key: 'errorFieldsChangedElsewhere',
      params: ['note'],
    });
    // The status was not changed elsewhere: its edit stands.
    const asked = await updateIntroduction(db, intro.id, { status: 'asked-a' }, T0 + 3, { expected: start });
    expect(asked).toMatchObject({ status: 'asked-a', note: 'Both into water policy' });

    const theirs = await updateIntroduction(db, intro.id, { note: 'Water and sailing' }, T0 + 4, { expected: start, resolve: 'theirs' });
    expect(theirs).toMatchObject({ note: 'Both into water policy', updatedAt: T0 + 3 });
    const mine = await updateIntroduction(db, intro.id, { note: 'Water and sailing' }, T0 + 5, { expected: start, resolve: 'mine' });
    expect(mine).toMatchObject({ note: 'Water and sailing', updatedAt: T0 + 5 });
  });
});

describe('the message-log choice, set in two places', () => {
  it("one site's choice never undoes the other's, whatever the page showed", async () => {
    const db = freshDb();
    // A settings page shows both sites on "ask"; meanwhile the user says yes on XING's page.
    await updateSettings(db, { messageLog: { xing: 'on' } });
    // The settings page, still showing "ask" for XING, turns LinkedIn off.
    await updateSettings(db, { messageLog: { linkedin: 'off' } });
    expect((await getSettings(db)).messageLog).toEqual({ linkedin: 'off', xing: 'on' });
    // In a message, an unknown choice is refused and an unknown site dropped.
    expect(settingsPatchSchema.safeParse({ messageLog: { linkedin: 'maybe' } }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ messageLog: { myspace: 'on' } }).data).toEqual({ messageLog: {} });
  });
});
