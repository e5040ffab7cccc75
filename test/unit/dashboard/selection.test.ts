import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION, selectAll, toggleRow } from '../../../components/dashboard/selection';

const rows = ['a', 'b', 'c', 'd', 'e', 'f'];
const ids = (s: { ids: ReadonlySet<string> }) => [...s.ids].sort();

describe('multi-select in the list', () => {
  it('ticks single rows, and a shift-click ticks the range from the last click', () => {
    let s = toggleRow(EMPTY_SELECTION, rows, 1, true, false);
    expect(ids(s)).toEqual(['b']);
    s = toggleRow(s, rows, 4, true, true);
    expect(ids(s)).toEqual(['b', 'c', 'd', 'e']);
    // Upwards too, from the same anchor.
    s = toggleRow(s, rows, 0, true, true);
    expect(ids(s)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('unticks a range with a shift-click on a ticked row', () => {
    let s = selectAll(rows);
    s = toggleRow(s, rows, 2, false, false);
    s = toggleRow(s, rows, 4, false, true);
    expect(ids(s)).toEqual(['a', 'b', 'f']);
  });

  it('a shift-click without an earlier click ticks just that row', () => {
    expect(ids(toggleRow(EMPTY_SELECTION, rows, 3, true, true))).toEqual(['d']);
  });
});
