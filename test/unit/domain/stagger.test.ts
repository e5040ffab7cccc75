import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../domain/constants';
import { newContact } from '../../../domain/contacts';
import type { Contact } from '../../../domain/model';
import { nextDueAt } from '../../../domain/schedule';
import { staggeredDueTimes, withStaggeredRhythm } from '../../../domain/stagger';

const at = (iso: string) => new Date(iso).getTime();
const NOW = at('2026-06-15T10:00:00+02:00');

/** `count` fictional people connected over the past years, some in touch since. */
function people(count: number): Contact[] {
  return Array.from({ length: count }, (_, i) => {
    const contact = newContact(`p-${String(i).padStart(4, '0')}`, { displayName: `Person ${i}`, connectedAt: NOW - (30 + ((i * 7919) % 2000)) * DAY_MS }, NOW - 10 * DAY_MS);
    return i % 5 === 0 ? { ...contact, lastContactAt: NOW - ((i * 31) % 400) * DAY_MS } : contact;
  });
}

describe('staggered first due times', () => {
  it('spreads 500 people on a 6-month rhythm evenly: about 3 a day, 70 to 90 in the first 30 days', () => {
    const dueTimes = [...staggeredDueTimes(people(500), 182, NOW).values()];
    expect(dueTimes).toHaveLength(500);
    const within = (days: number) => dueTimes.filter((t) => t <= NOW + days * DAY_MS).length;
    expect(within(30)).toBeGreaterThanOrEqual(70);
    expect(within(30)).toBeLessThanOrEqual(90);
    // No day gets more than its share (500 / 182 ≈ 2.7, so never more than 3).
    const perDay = new Map<number, number>();
    for (const t of dueTimes) perDay.set(Math.floor((t - NOW) / DAY_MS), (perDay.get(Math.floor((t - NOW) / DAY_MS)) ?? 0) + 1);
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(3);
  });

  it('keeps every first due time inside the first rhythm period, none at the moment of the change', () => {
    const dueTimes = [...staggeredDueTimes(people(40), 91, NOW).values()];
    expect(Math.min(...dueTimes)).toBeGreaterThan(NOW);
    expect(Math.max(...dueTimes)).toBeLessThan(NOW + 91 * DAY_MS);
  });

  it('puts the longest silent first: by the latest of last interaction and connection date, then id', () => {
    const base = (id: string, connectedAt: number | null, lastContactAt: number | null, createdAt = NOW): Contact => ({
      ...newContact(id, { connectedAt }, createdAt),
      lastContactAt,
    });
    const list = [
      base('recent', at('2026-05-01'), null),
      base('old-but-talked', at('2018-01-01'), at('2026-04-01')),
      base('oldest', at('2017-03-01'), null),
      base('b-tie', at('2020-01-01'), null),
      base('a-tie', at('2020-01-01'), null),
      base('added-only', null, null, at('2026-06-01')),
    ];
    const dueTimes = staggeredDueTimes(list, 30, NOW);
    const order = [...dueTimes.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);
    expect(order).toEqual(['oldest', 'a-tie', 'b-tie', 'old-but-talked', 'recent', 'added-only']);
  });

  it('is deterministic: the same people, rhythm and time give the same dates, in any input order', () => {
    const list = people(60);
    const one = staggeredDueTimes(list, 182, NOW);
    const two = staggeredDueTimes([...list].reverse(), 182, NOW);
    expect([...two.entries()].sort()).toEqual([...one.entries()].sort());
  });

  it('sets the rhythm with the first due time, only for people whose rhythm changes', () => {
    const [a, b, c] = people(3) as [Contact, Contact, Contact];
    const keeps = { ...c, cadenceDays: 182, cadenceSetAt: NOW - 50 * DAY_MS };
    const changed = withStaggeredRhythm([a, b, { ...keeps, nextDueAt: nextDueAt(keeps) }], 182, NOW);
    expect(changed.map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    for (const x of changed) {
      expect(x).toMatchObject({ cadenceDays: 182, cadenceSetAt: NOW, updatedAt: NOW });
      expect(x.nextDueAt).toBe(x.firstDueAt);
      expect(x.nextDueAt!).toBeGreaterThan(NOW);
    }
  });
});
