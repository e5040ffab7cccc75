import { describe, expect, it } from 'vitest';
import { runBenchmark } from '../../bench/index';

// The benchmark (`npm run bench`) with tiny sizes: every figure must still be measurable, so
// that a change to the extension that breaks a measurement shows up here and not only when
// someone runs the full benchmark.
describe('the benchmark, quick', () => {
  it('measures a finite number for every figure, or says why not', async () => {
    const results = await runBenchmark({ quick: true, only: [] });
    expect(results.errors).toEqual([]);
    for (const figure of results.figures) {
      if (figure.status === 'n/a') {
        expect(figure.value, figure.id).toBeNull();
        expect(figure.note, `${figure.id} is not available without a reason`).toBeTruthy();
      } else {
        expect(Number.isFinite(figure.value), `${figure.id} = ${figure.value}`).toBe(true);
        for (const bound of Object.values(figure.spread ?? {})) expect(Number.isFinite(bound), figure.id).toBe(true);
      }
    }
    const areas = new Set(results.figures.map((f) => Number.parseInt(f.area, 10)));
    expect([...areas].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(results.figures.find((f) => f.id === 'size.production.benchMarks')?.value).toBe(0);
  }, 120_000);
});
