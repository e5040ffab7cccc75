import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../domain/constants';
import type { InteractionKind } from '../../../domain/model';
import { contactGapsDays, EMPTY_TIE, median, tieStats } from '../../../domain/ties';

const T = new Date('2026-01-05T10:00:00+01:00').getTime();
const x = (day: number, kind: InteractionKind = 'message', createdAt = T + day * DAY_MS) => ({ at: T + day * DAY_MS, kind, createdAt });

describe('tie figures from interactions', () => {
  it('are empty without interactions', () => {
    expect(tieStats([])).toEqual(EMPTY_TIE);
  });

  it('count favours given and introductions made as giving, favours received as asking, nothing else', () => {
    const stats = tieStats([x(0, 'favour-given'), x(1, 'favour-received'), x(2, 'favour-received'), x(3, 'introduction'), x(4, 'meeting'), x(5, 'other')]);
    expect(stats).toMatchObject({ given: 2, received: 2 });
  });

  it('take the median gap between separate contacts as the typical gap, not the mean', () => {
    // Gaps 10, 10, 12 and one long silence of 200 days: the silence does not set the rhythm.
    expect(tieStats([x(0), x(10), x(20), x(32), x(232)]).typicalGapDays).toBe(11);
    expect(tieStats([x(0), x(30)]).typicalGapDays).toBe(30);
  });

  it('treat interactions within a day of each other as one contact', () => {
    expect(contactGapsDays([T, T + 3_600_000, T + 20 * 3_600_000, T + 30 * DAY_MS])).toEqual([30]);
    expect(tieStats([x(0), x(0.5, 'favour-received'), x(14)]).typicalGapDays).toBe(14);
  });

  it('have no typical gap with fewer than two separate contacts', () => {
    expect(tieStats([x(0)]).typicalGapDays).toBeNull();
    expect(tieStats([x(0), x(0.2)]).typicalGapDays).toBeNull();
  });

  it('ignore the order they are given in', () => {
    const list = [x(40, 'call'), x(0, 'meeting'), x(20, 'message'), x(60, 'favour-given')];
    expect(tieStats(list)).toEqual(tieStats([...list].reverse()));
  });

  it('count the latest interactions in a row that were not in person', () => {
    expect(tieStats([x(0, 'meeting'), x(10, 'message'), x(20, 'call'), x(30, 'favour-given')]).remoteStreak).toBe(3);
    expect(tieStats([x(0, 'message'), x(10, 'event')]).remoteStreak).toBe(0);
    expect(tieStats([x(0, 'message'), x(10, 'other')]).remoteStreak).toBe(2);
    // Logged for the same moment: the one entered last is the latest.
    expect(tieStats([x(10, 'message', T + 1), x(10, 'meeting', T + 2)]).remoteStreak).toBe(0);
  });

  it('median of an even count is the mean of the middle two', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
