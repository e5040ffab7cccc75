import { describe, expect, it } from 'vitest';
import { fromSamples, markdownTable, median, quantile, single, unavailable } from '../../../bench/figures';

describe('benchmark figures', () => {
  it('takes medians and percentiles by interpolating between ranks', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1);
  });

  it('judges the median against the target', () => {
    const input = { id: 'x', area: '1. A', label: 'x', unit: 'ms' as const, target: { max: 30, source: 'test' } };
    expect(fromSamples(input, [10, 20, 90]).status).toBe('pass');
    expect(fromSamples(input, [10, 40, 90]).status).toBe('miss');
    expect(single({ ...input, target: undefined }, 3).status).toBe('info');
    expect(() => fromSamples(input, [1, Number.NaN])).toThrow(/non-finite/);
  });

  it('writes a table with not-available figures and their reason kept apart', () => {
    const table = markdownTable([
      fromSamples({ id: 'a', area: '2. Badge', label: 'start → badge', unit: 'ms', target: { max: 30, source: 'test' } }, [12, 14, 40]),
      unavailable({ id: 'b', area: '5. Database', label: 'search | per query', unit: 'ms' }, 'no module'),
    ]);
    expect(table).toContain('| start → badge | 14.0 ms | 12.0–40.0, p90 34.8 (n=3) | ≤ 30.0 ms | pass |');
    expect(table).toContain('| search \\| per query | – |  |  | not available |');
  });
});
