import { describe, expect, it } from 'vitest';
import { diffRows, stableJson, type DbRows } from '../../../../domain/sync/diff';
import { formatClock } from '../../../../domain/sync/hlc';
import { SYNC_TABLES } from '../../../../domain/sync/ops';
import { applyOps, emptyState, materialise, type Row } from '../../../../domain/sync/replica';

const A = 'aaaaaaaaaaaaaaaa';
const at = (wall: number) => formatClock({ wall, counter: 0, device: A });

function db(tables: Partial<Record<keyof DbRows, Record<string, unknown>[]>>): DbRows {
  return Object.fromEntries(SYNC_TABLES.map((table) => [table, tables[table] ?? []])) as unknown as DbRows;
}

describe('shadow diff', () => {
  const anna = { id: 'c1', displayName: 'Anna', hooks: '', tags: ['x'], lastContactAt: 5, nextDueAt: 9, tie: { given: 1 } };

  it('logs a new row whole, without its derived fields', () => {
    const ops = diffRows(db({ contacts: [anna] }), materialise(emptyState()), at(1));
    expect(ops).toEqual([{ k: 'put', t: 'contacts', id: 'c1', c: at(1), f: { displayName: 'Anna', hooks: '', tags: ['x'] }, w: true }]);
  });

  it('logs only the fields that changed, the removed ones, and nothing when nothing did', () => {
    const shadow = emptyState();
    applyOps(shadow, diffRows(db({ contacts: [{ ...anna, reminderReason: 'ask' }] }), materialise(shadow), at(1)));
    expect(diffRows(db({ contacts: [{ ...anna, reminderReason: 'ask', nextDueAt: 12 }] }), materialise(shadow), at(2))).toEqual([]);
    expect(diffRows(db({ contacts: [{ ...anna, hooks: 'FC Köln' }] }), materialise(shadow), at(2))).toEqual([
      { k: 'put', t: 'contacts', id: 'c1', c: at(2), f: { hooks: 'FC Köln' }, u: ['reminderReason'] },
    ]);
  });

  it('logs a deleted row as a delete, and a merge as a merge', () => {
    const shadow = emptyState();
    const bert = { id: 'c2', displayName: 'Bert', hooks: '', tags: [] };
    const note = { id: 'n1', contactId: 'c2', body: 'b' };
    applyOps(shadow, diffRows(db({ contacts: [anna, bert], notes: [note] }), materialise(shadow), at(1)));
    const merged = { ...anna, mergedFrom: [{ mergedAt: 3, contact: bert, profileIds: [], noteIds: ['n1'], interactionIds: [] }] };
    const ops = diffRows(db({ contacts: [merged], notes: [{ ...note, contactId: 'c1' }] }), materialise(shadow), at(3));
    expect(ops).toContainEqual({ k: 'del', t: 'contacts', id: 'c2', c: at(3) });
    expect(ops).toContainEqual({ k: 'merge', from: 'c2', into: 'c1', c: at(3) });
    expect(ops).toContainEqual({ k: 'put', t: 'notes', id: 'n1', c: at(3), f: { contactId: 'c1' } });
    applyOps(shadow, ops);
    expect([...materialise(shadow).contacts.keys()]).toEqual(['c1']);
  });

  it('does not log a reference the merge redirect resolved as a change', () => {
    const shadow = emptyState();
    applyOps(shadow, [
      { k: 'put', t: 'contacts', id: 'keep', c: at(1), f: { displayName: 'K' }, w: true },
      { k: 'merge', from: 'gone', into: 'keep', c: at(2) },
      { k: 'put', t: 'notes', id: 'n', c: at(3), f: { contactId: 'gone', body: 'b' }, w: true },
    ]);
    const rows = materialise(shadow);
    // The database holds what was materialised: the note on "keep".
    const inDb = db({ contacts: [...rows.contacts.values()], notes: [...rows.notes.values()] as Row[] });
    expect(diffRows(inDb, rows, at(4))).toEqual([]);
  });

  it('compares values whatever the order of their keys', () => {
    expect(stableJson({ b: 1, a: [{ y: 2, x: null }] })).toBe(stableJson({ a: [{ x: null, y: 2 }], b: 1 }));
  });
});
