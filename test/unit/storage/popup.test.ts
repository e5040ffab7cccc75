import { describe, expect, it } from 'vitest';
import { readSuggestions } from '../../../storage/popup';
import { DAY_MS } from '../../../domain/constants';
import type { InteractionKind } from '../../../domain/model';
import { ensureContactForProfile, updateContact } from '../../../storage/contacts';
import type { TiekeeperDb } from '../../../storage/db';
import { logInteraction } from '../../../storage/interactions';
import { freshDb, linkedinRef } from '../storage/helpers';

/** Wednesday of ISO week 25 of 2026 (the week began on Monday 15 June). */
const NOW = new Date('2026-06-17T10:00:00+02:00').getTime();

/** A person without a rhythm, in touch on each of these days before NOW. */
async function person(db: TiekeeperDb, key: string, daysAgo: number[], kind: InteractionKind = 'message') {
  const { contact } = await ensureContactForProfile(db, linkedinRef(key, { name: key }), NOW - 1000 * DAY_MS);
  for (const ago of daysAgo) await logInteraction(db, { contactId: contact.id, kind, at: NOW - ago * DAY_MS }, NOW - ago * DAY_MS);
  return contact.id;
}

describe('popup suggestions', () => {
  it('shows at most three fading ties a week, never fresh ones or people with a rhythm', async () => {
    const db = freshDb();
    // Monthly for a while, then silent for half a year: fading.
    for (let i = 0; i < 5; i++) await person(db, `fading-${i}`, [300, 270, 240, 210, 180 + i]);
    await person(db, 'fresh', [60, 30, 10]);
    const rhythm = await person(db, 'with-rhythm', [300, 270, 240]);
    await updateContact(db, rhythm, { cadenceDays: 365 }, NOW);
    await ensureContactForProfile(db, linkedinRef('never', { name: 'never' }), NOW);

    const data = await readSuggestions(db, NOW);
    expect(data.fading).toHaveLength(3);
    for (const item of data.fading) {
      expect(item.contact.displayName).toMatch(/^fading-/);
      expect(item.estimate).toMatchObject({ level: 'faded', basis: 'history', typicalGapDays: 30 });
      expect(item.profile?.url).toBe(`https://www.linkedin.com/in/${item.contact.displayName}`);
    }
    expect((await readSuggestions(db, NOW + DAY_MS)).fading.map((f) => f.contact.id)).toEqual(data.fading.map((f) => f.contact.id));
  });

  it('drops a fading tie the user got in touch with this week, without a replacement', async () => {
    const db = freshDb();
    for (let i = 0; i < 5; i++) await person(db, `fading-${i}`, [300, 270, 240, 210, 180 + i]);
    const [first, ...rest] = (await readSuggestions(db, NOW)).fading.map((f) => f.contact.id);
    await logInteraction(db, { contactId: first!, kind: 'call', at: NOW - 3_600_000 }, NOW);
    expect((await readSuggestions(db, NOW)).fading.map((f) => f.contact.id)).toEqual(rest);
  });

  it('suggests meeting people marked worth it after three remote contacts', async () => {
    const db = freshDb();
    const remote = await person(db, 'remote', [30, 20, 10], 'call');
    const met = await person(db, 'met', [30, 20, 10], 'meeting');
    await person(db, 'not-marked', [30, 20, 10], 'call');
    for (const id of [remote, met]) await updateContact(db, id, { meetInPerson: true }, NOW);
    expect((await readSuggestions(db, NOW)).meet.map((m) => m.contact.id)).toEqual([remote]);
  });
});
