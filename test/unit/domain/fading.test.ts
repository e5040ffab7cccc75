import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../domain/constants';
import {
  byFading,
  DEFAULT_TYPICAL_GAP_DAYS,
  fadingEstimate,
  fadingLevel,
  isoWeekKey,
  weekStartOf,
  weeklyFadingPicks,
  type FadingFields,
} from '../../../domain/fading';
import { EMPTY_TIE } from '../../../domain/ties';

const at = (iso: string) => new Date(iso).getTime();
/** Wednesday of ISO week 25 of 2026; the week began on Monday 15 June, 00:00 in Berlin. */
const NOW = at('2026-06-17T10:00:00+02:00');
const WEEK_START = at('2026-06-15T00:00:00+02:00');

type Person = FadingFields & { id: string };
const person = (id: string, daysSince: number | null, typicalGapDays: number | null, extra: Partial<Person> = {}): Person => ({
  id,
  cadenceDays: null,
  archived: false,
  lastContactAt: daysSince === null ? null : NOW - daysSince * DAY_MS,
  tie: { ...EMPTY_TIE, typicalGapDays },
  ...extra,
});

describe('fading estimate', () => {
  it('is the time since the last contact over the typical gap', () => {
    expect(fadingEstimate(person('a', 60, 30), NOW)).toEqual({ score: 2, level: 'fading', daysSince: 60, typicalGapDays: 30, basis: 'history' });
    expect(fadingEstimate(person('a', 15, 30), NOW)?.level).toBe('fresh');
  });

  it('has documented thresholds: fresh < 1 <= cooling < 2 <= fading < 4 <= faded', () => {
    expect([0, 0.99, 1, 1.99, 2, 3.99, 4, 40].map(fadingLevel)).toEqual(['fresh', 'fresh', 'cooling', 'cooling', 'fading', 'fading', 'faded', 'faded']);
  });

  it('stands in a default gap with fewer than two contacts, and says so', () => {
    expect(fadingEstimate(person('a', 180, null), NOW)).toMatchObject({ typicalGapDays: DEFAULT_TYPICAL_GAP_DAYS, basis: 'default', score: 2 });
  });

  it('takes a typical gap of at least two weeks', () => {
    expect(fadingEstimate(person('a', 28, 3), NOW)).toMatchObject({ typicalGapDays: 14, score: 2 });
  });

  it('is not made for people with a rhythm, archived, never contacted, or whose figures are not known yet', () => {
    expect(fadingEstimate(person('a', 100, 10, { cadenceDays: 30 }), NOW)).toBeNull();
    expect(fadingEstimate(person('a', 100, 10, { archived: true }), NOW)).toBeNull();
    expect(fadingEstimate(person('a', null, null), NOW)).toBeNull();
    expect(fadingEstimate(person('a', 100, 10, { tie: undefined }), NOW)).toBeNull();
  });

  it('counts the silence from the connection date when there was no contact, or when it is later', () => {
    const connected = NOW - 270 * DAY_MS;
    expect(fadingEstimate(person('a', null, null, { connectedAt: connected }), NOW)).toMatchObject({ daysSince: 270, score: 3, level: 'fading', basis: 'default' });
    expect(fadingEstimate(person('a', 400, null, { connectedAt: connected }), NOW)).toMatchObject({ daysSince: 270 });
    expect(fadingEstimate(person('a', 90, null, { connectedAt: connected }), NOW)).toMatchObject({ daysSince: 90 });
    expect(fadingEstimate(person('a', null, null, { connectedAt: null }), NOW)).toBeNull();
  });

  it('never goes below zero for a contact after the moment asked about', () => {
    expect(fadingEstimate(person('a', 0, 30), NOW - DAY_MS)?.score).toBe(0);
  });
});

describe('sorting by fading (the dashboard column)', () => {
  it('puts the most faded first, then the rest, those without an estimate last, stable by id', () => {
    const list = [person('fresh', 5, 30), person('none', null, null), person('faded', 300, 30), person('b-cool', 45, 30), person('a-cool', 45, 30)];
    expect(byFading(list, NOW).map((p) => p.id)).toEqual(['faded', 'a-cool', 'b-cool', 'fresh', 'none']);
    expect(byFading(list, NOW, 'asc').map((p) => p.id)).toEqual(['fresh', 'a-cool', 'b-cool', 'faded', 'none']);
  });
});

describe('weekly fading suggestions', () => {
  const many = Array.from({ length: 12 }, (_, i) => person(`p${i}`, 100 + i, 30));

  it('knows the ISO week', () => {
    expect(isoWeekKey(NOW)).toBe('2026-W25');
    expect(isoWeekKey(at('2027-01-01T12:00:00+01:00'))).toBe('2026-W53');
    expect(weekStartOf(NOW)).toBe(WEEK_START);
  });

  it('are at most three, only fading or faded ties', () => {
    const list = [...many, person('fresh', 10, 30), person('cooling', 40, 30)];
    const picks = weeklyFadingPicks(list, NOW);
    expect(picks).toHaveLength(3);
    for (const { contact, estimate } of picks) {
      expect(contact.id).toMatch(/^p\d+$/);
      expect(['fading', 'faded']).toContain(estimate.level);
    }
  });

  it('stay the same all week, whatever the order of the contacts, and change with the week', () => {
    const ids = (now: number, list = many) => weeklyFadingPicks(list, now).map((p) => p.contact.id);
    const monday = ids(WEEK_START + 60_000);
    expect(ids(NOW)).toEqual(monday);
    expect(ids(at('2026-06-21T23:59:00+02:00'))).toEqual(monday);
    expect(ids(NOW, [...many].reverse())).toEqual(monday);
    const nextWeeks = [1, 2, 3].map((w) => ids(NOW + w * 7 * DAY_MS));
    expect(nextWeeks.some((next) => next.join() !== monday.join())).toBe(true);
  });

  it('leave someone who crosses the threshold mid-week for next week', () => {
    // Fading from Tuesday on (2 x 30 days), so not yet when the week began.
    const crossing = person('crossing', 61.5, 30);
    expect(weeklyFadingPicks([crossing], NOW)).toEqual([]);
    expect(weeklyFadingPicks([crossing], NOW + 7 * DAY_MS)).toHaveLength(1);
  });

  it('drop a pick the user got in touch with, without bringing in another that week', () => {
    const picks = weeklyFadingPicks(many, NOW);
    const done = picks[0]!.contact;
    const before = new Map([[done.id, done]]);
    const after = many.map((p) => (p.id === done.id ? { ...p, lastContactAt: NOW - 3_600_000, tie: { ...EMPTY_TIE, typicalGapDays: 50 } } : p));
    const again = weeklyFadingPicks(after, NOW, before);
    expect(again.map((p) => p.contact.id)).toEqual(picks.slice(1).map((p) => p.contact.id));
    // Without knowing how they stood when the week began, they are simply left out of the draw.
    expect(weeklyFadingPicks(after, NOW)).toHaveLength(3);
  });

  it('follow a rhythm or an archive set during the week at once', () => {
    const [first] = weeklyFadingPicks(many, NOW);
    const changed = many.map((p) => (p.id === first!.contact.id ? { ...p, cadenceDays: 30 } : p));
    expect(weeklyFadingPicks(changed, NOW).map((p) => p.contact.id)).not.toContain(first!.contact.id);
  });
});
