import { describe, expect, it } from 'vitest';
import { TiekeeperError } from '../../../domain/errors';
import { ensureContactForProfile, getProfileState, snoozeContact, updateContact } from '../../../storage/contacts';
import { logInteraction } from '../../../storage/interactions';
import { AUTO_UNDO_WINDOW_MS, logSentMessage, undoSentMessage } from '../../../storage/sent-messages';
import { days, freshDb, linkedinRef, T0 } from './helpers';

const HOUR = 3_600_000;

describe('messages the user sent', () => {
  it('turn an unknown person into a contact with one automatic message', async () => {
    const db = freshDb();
    const log = await logSentMessage(db, linkedinRef('jana-beispiel', { name: 'Jana Beispiel' }), T0);
    expect(log.interaction).toMatchObject({ kind: 'message', at: T0, automatic: true, note: '' });
    const state = await getProfileState(db, { site: 'linkedin', key: 'jana-beispiel' });
    expect(state?.contact).toMatchObject({ displayName: 'Jana Beispiel', lastContactAt: T0 });
    expect(state?.interactions).toHaveLength(1);
  });

  it('land on the contact the profile already belongs to, at most once a day', async () => {
    const db = freshDb();
    const { contact } = await ensureContactForProfile(db, linkedinRef('jana', { name: 'Jana B.' }), T0 - days(30));
    expect((await logSentMessage(db, linkedinRef('jana', { name: 'Jana Beispiel' }), T0)).interaction).not.toBeNull();
    // Later the same day (Berlin time): nothing more.
    expect((await logSentMessage(db, linkedinRef('jana'), T0 + 10 * HOUR)).interaction).toBeNull();
    // The next day: a new one.
    expect((await logSentMessage(db, linkedinRef('jana'), T0 + days(1))).interaction).not.toBeNull();
    expect(await db.interactions.count()).toBe(2);
    expect(await db.contacts.count()).toBe(1);
    // The user's own wording of the name stays.
    expect((await db.contacts.get(contact.id))?.displayName).toBe('Jana B.');
  });

  it('add nothing on a day a message was already logged by hand', async () => {
    const db = freshDb();
    const { contact } = await ensureContactForProfile(db, linkedinRef('jana'), T0);
    await logInteraction(db, { contactId: contact.id, kind: 'message' }, T0);
    expect((await logSentMessage(db, linkedinRef('jana'), T0 + HOUR)).interaction).toBeNull();
    expect(await db.interactions.count()).toBe(1);
  });

  it('can be undone for a while, putting back the snooze the message ended', async () => {
    const db = freshDb();
    const { contact } = await ensureContactForProfile(db, linkedinRef('jana'), T0 - days(100));
    await updateContact(db, contact.id, { cadenceDays: 30 }, T0 - days(100));
    await snoozeContact(db, contact.id, T0 + days(3), T0 - HOUR);
    const before = await db.contacts.get(contact.id);
    const log = await logSentMessage(db, linkedinRef('jana'), T0);
    expect(log.snoozedUntil).toBe(T0 + days(3));
    await undoSentMessage(db, { id: log.interaction!.id, snoozedUntil: log.snoozedUntil }, T0 + 1000);
    expect(await db.interactions.count()).toBe(0);
    expect(await db.contacts.get(contact.id)).toEqual({ ...before, updatedAt: T0 + 1000 });
  });

  it('refuse an undo of what the user logged, or of an old automatic log', async () => {
    const db = freshDb();
    const { contact } = await ensureContactForProfile(db, linkedinRef('jana'), T0);
    const manual = await logInteraction(db, { contactId: contact.id, kind: 'call' }, T0);
    const auto = await logSentMessage(db, linkedinRef('jana'), T0);
    const refused = (input: { id: string }, at: number) =>
      undoSentMessage(db, { ...input, snoozedUntil: null }, at).then(() => null, (error: unknown) => error);
    expect(await refused(manual.interaction, T0)).toBeInstanceOf(TiekeeperError);
    expect(await refused(auto.interaction!, T0 + AUTO_UNDO_WINDOW_MS + 1)).toBeInstanceOf(TiekeeperError);
    expect(await refused({ id: 'nope' }, T0)).toBeInstanceOf(TiekeeperError);
    expect(await db.interactions.count()).toBe(2);
  });
});

describe('settings for messages sent, in rows of older versions', () => {
  it('start as "ask" on both sites with groups off, and a bad stored value falls back alone', async () => {
    const { settingsFromRow } = await import('../../../storage/settings');
    expect(settingsFromRow({ id: 'settings', notifyFading: true })).toMatchObject({
      notifyFading: true,
      messageLog: { linkedin: 'ask', xing: 'ask' },
      messageLogGroups: false,
    });
    const bad = { id: 'settings' as const, messageLog: { linkedin: 'maybe' }, quietStartMinute: 600 } as unknown as Parameters<typeof settingsFromRow>[0];
    expect(settingsFromRow(bad)).toMatchObject({ messageLog: { linkedin: 'ask', xing: 'ask' }, quietStartMinute: 600 });
  });
});
