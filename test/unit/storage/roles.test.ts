import { describe, expect, it } from 'vitest';
import { applyConnections } from '../../../storage/connections';
import { ensureContactForProfile, getContactState, recordProfileVisit, updateContact } from '../../../storage/contacts';
import { parseConnections } from '../../../domain/connections';
import { days, freshDb, linkedinRef, T0 } from './helpers';

const jana = (headline: string) => linkedinRef('jana-beispiel', { name: 'Jana Beispiel', headline });

describe('new roles noticed on visits', () => {
  it('records a new headline once, as a new role, and replaces the one the page showed', async () => {
    const db = freshDb();
    const { contact } = await ensureContactForProfile(db, jana('Werkstudentin bei Musterwerk'), T0);
    expect(await recordProfileVisit(db, jana('Werkstudentin  bei Musterwerk 🎓'), T0 + days(1))).toBe(false);
    expect(await recordProfileVisit(db, jana('Product Manager at Musterwerk'), T0 + days(2))).toBe(true);
    expect(await recordProfileVisit(db, jana('Product Manager at Musterwerk'), T0 + days(3))).toBe(false);
    const state = (await getContactState(db, contact.id))!;
    expect(state.contact.headline).toBe('Product Manager at Musterwerk');
    expect(state.contact.roleChanges).toEqual([{ at: T0 + days(2), headline: 'Product Manager at Musterwerk' }]);
    expect(state.profiles[0]).toMatchObject({ seenHeadline: 'Product Manager at Musterwerk', seenAt: T0 + days(2) });
  });

  it('keeps a headline the user wrote, and records the new role to offer it', async () => {
    const db = freshDb();
    const { contact } = await ensureContactForProfile(db, jana('Werkstudentin bei Musterwerk'), T0);
    await updateContact(db, contact.id, { headline: 'Sailing friend from Hamburg' }, T0);
    expect(await recordProfileVisit(db, jana('Product Manager at Musterwerk'), T0 + days(2))).toBe(true);
    const state = (await getContactState(db, contact.id))!;
    expect(state.contact.headline).toBe('Sailing friend from Hamburg');
    expect(state.contact.roleChanges?.at(-1)?.headline).toBe('Product Manager at Musterwerk');
  });

  it('creates nobody, and takes an import’s position only as the start, not as a role seen', async () => {
    const db = freshDb();
    expect(await recordProfileVisit(db, jana('Product Manager'), T0)).toBe(false);
    expect(await db.contacts.count()).toBe(0);

    const csv = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nJana,Beispiel,https://www.linkedin.com/in/jana-beispiel,,Musterwerk,Product Manager,15 Jun 2024\n';
    const parsed = parseConnections(csv);
    if (!parsed.ok) throw new Error('the file is valid');
    await applyConnections(db, parsed.value, T0);
    expect(await recordProfileVisit(db, jana('Speaker · helping teams ship 🚀'), T0 + days(1))).toBe(false);
    expect(await recordProfileVisit(db, jana('Head of Product at Musterwerk'), T0 + days(2))).toBe(true);
  });
});
