import { describe, expect, it } from 'vitest';
import { TiekeeperError } from '../../../domain/errors';
import { ensureContactForProfile, snoozeContact, updateContact } from '../../../storage/contacts';
import { logInteraction, undoInteraction } from '../../../storage/interactions';
import { createIntroduction } from '../../../storage/introductions';
import { days, freshDb, linkedinRef, T0 } from './helpers';

describe('undoing an interaction just logged', () => {
  it('puts the last contact, the next follow-up, the tie figures and an ended snooze back as they were', async () => {
    const db = freshDb();
    const { contact } = await ensureContactForProfile(db, linkedinRef('jana', { name: 'Jana Beispiel' }), T0 - days(200));
    await updateContact(db, contact.id, { cadenceDays: 30 }, T0 - days(200));
    await logInteraction(db, { contactId: contact.id, kind: 'meeting', at: T0 - days(50) }, T0 - days(50));
    const snoozed = await snoozeContact(db, contact.id, T0 + days(2), T0);
    const before = await db.contacts.get(contact.id);

    const logged = await logInteraction(db, { contactId: contact.id, kind: 'call' }, T0);
    expect(logged.contact).toMatchObject({ lastContactAt: T0, snoozedUntil: null });
    const { contact: undone } = await undoInteraction(db, { id: logged.interaction.id, snoozedUntil: snoozed.snoozedUntil }, T0 + 1000);
    expect(undone).toEqual({ ...before, updatedAt: T0 + 1000 });
    expect(await db.interactions.where('[contactId+at]').between([contact.id, 0], [contact.id, Infinity]).count()).toBe(1);
  });

  it('refuses an entry that is gone or that an introduction made, and changes nothing', async () => {
    const db = freshDb();
    const a = (await ensureContactForProfile(db, linkedinRef('anna', { name: 'Anna' }), T0)).contact;
    const b = (await ensureContactForProfile(db, linkedinRef('ben', { name: 'Ben' }), T0)).contact;
    await createIntroduction(db, { aId: a.id, bId: b.id, status: 'made' }, T0);
    const made = await db.interactions.toArray();
    expect(made).toHaveLength(2);
    const refused = await undoInteraction(db, { id: made[0]!.id }, T0).then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(TiekeeperError);
    expect((refused as TiekeeperError).key).toBe('errorInteractionOfIntroduction');
    const gone = await undoInteraction(db, { id: 'nope' }, T0).then(() => null, (e: unknown) => e);
    expect((gone as TiekeeperError).key).toBe('errorInteractionNotFound');
    expect(await db.interactions.count()).toBe(2);
  });
});
