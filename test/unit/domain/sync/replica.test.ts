import { describe, expect, it } from 'vitest';
import { formatClock } from '../../../../domain/sync/hlc';
import { batchSchema, opSchema, type Op } from '../../../../domain/sync/ops';
import { applyOps, canonicalState, emptyState, exists, materialise, recordKey } from '../../../../domain/sync/replica';

const A = 'aaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbb';
const at = (wall: number, device = A) => formatClock({ wall, counter: 0, device });

function stateOf(ops: Op[]) {
  const state = emptyState();
  applyOps(state, ops);
  return state;
}

const contact = (id: string, wall: number, fields: Record<string, string> = {}, device = A): Op => ({
  k: 'put',
  t: 'contacts',
  id,
  c: at(wall, device),
  f: { displayName: id, hooks: '', ...fields },
  w: true,
});
const note = (id: string, contactId: string, wall: number, device = A): Op => ({
  k: 'put',
  t: 'notes',
  id,
  c: at(wall, device),
  f: { contactId, body: `note ${id}` },
  w: true,
});

describe('sync operations', () => {
  it('are validated: unknown kinds, tables, clocks and field names are refused', () => {
    expect(opSchema.safeParse(contact('c1', 1)).success).toBe(true);
    expect(opSchema.safeParse({ ...contact('c1', 1), t: 'settings' }).success).toBe(false);
    expect(opSchema.safeParse({ ...contact('c1', 1), c: 'yesterday' }).success).toBe(false);
    expect(opSchema.safeParse({ ...contact('c1', 1), f: { _private: 1 } }).success).toBe(false);
    expect(opSchema.safeParse({ ...contact('c1', 1), f: { tie: { 'not a name': 1 } } }).success).toBe(false);
    // `__proto__` is no field name, as an own key of parsed JSON too: such an operation never reaches the state.
    expect(opSchema.safeParse({ k: 'put', t: 'notes', id: 'n', c: at(1), f: JSON.parse('{"__proto__":{"x":1},"body":"b"}') }).success).toBe(false);
    expect(opSchema.safeParse({ k: 'put', t: 'notes', id: 'n', c: at(1), f: { body: Number.NaN } }).success).toBe(false);
    // Nested deeper than any record: refused, without recursing on.
    const deep = JSON.parse(`${'['.repeat(10_000)}${']'.repeat(10_000)}`);
    expect(opSchema.safeParse({ k: 'put', t: 'notes', id: 'n', c: at(1), f: { body: deep } }).success).toBe(false);
    expect(opSchema.safeParse({ k: 'put', t: 'notes', id: 'n', c: at(1), f: { tie: { given: [1, { a: null }] } } }).success).toBe(true);
    expect(opSchema.safeParse({ k: 'drop', t: 'notes', id: 'n', c: at(1) }).success).toBe(false);
    expect(batchSchema.safeParse({ v: 2, ops: [] }).success).toBe(false);
  });
});

describe('merged state', () => {
  it('keeps the latest value of each field on its own', () => {
    const state = stateOf([
      contact('c1', 1),
      { k: 'put', t: 'contacts', id: 'c1', c: at(5, A), f: { displayName: 'Anna' } },
      { k: 'put', t: 'contacts', id: 'c1', c: at(3, B), f: { displayName: 'Old', hooks: 'FC Köln' } },
    ]);
    expect(materialise(state).contacts.get('c1')).toEqual({ id: 'c1', displayName: 'Anna', hooks: 'FC Köln' });
  });

  it('breaks a tie of times by device id', () => {
    const ops: Op[] = [
      contact('c1', 1),
      { k: 'put', t: 'contacts', id: 'c1', c: at(5, A), f: { hooks: 'from A' } },
      { k: 'put', t: 'contacts', id: 'c1', c: at(5, B), f: { hooks: 'from B' } },
    ];
    expect(materialise(stateOf(ops)).contacts.get('c1')?.hooks).toBe('from B');
    expect(canonicalState(stateOf([...ops].reverse()))).toBe(canonicalState(stateOf(ops)));
  });

  it('removes an optional field that was removed later', () => {
    const state = stateOf([
      contact('c1', 1, { reminderReason: 'ask' }),
      { k: 'put', t: 'contacts', id: 'c1', c: at(2), f: {}, u: ['reminderReason'] },
    ]);
    expect(materialise(state).contacts.get('c1')).not.toHaveProperty('reminderReason');
  });

  it('does not bring a deleted record back for an edit made at the same time', () => {
    const ops: Op[] = [
      contact('c1', 1),
      note('n1', 'c1', 2),
      { k: 'del', t: 'notes', id: 'n1', c: at(5, A) },
      // Device B had not seen the delete and edited the note later.
      { k: 'put', t: 'notes', id: 'n1', c: at(7, B), f: { body: 'edited' } },
    ];
    const state = stateOf(ops);
    expect(materialise(state).notes.has('n1')).toBe(false);
    expect(canonicalState(stateOf([...ops].reverse()))).toBe(canonicalState(state));
  });

  it('brings a record back when it is created again after the delete (a split re-using an id)', () => {
    const state = stateOf([contact('c1', 1, { hooks: 'old' }), { k: 'del', t: 'contacts', id: 'c1', c: at(3) }, contact('c1', 6)]);
    expect(exists(state.records.get(recordKey('contacts', 'c1')))).toBe(true);
    // Nothing from before the delete comes back with it.
    expect(materialise(state).contacts.get('c1')).toEqual({ id: 'c1', displayName: 'c1', hooks: '' });
  });

  it('shows a note added to a contact on one device while another merged it, on the merged contact', () => {
    const state = stateOf([
      contact('keep', 1),
      contact('gone', 1),
      // Device A merges "gone" into "keep".
      { k: 'del', t: 'contacts', id: 'gone', c: at(5) },
      { k: 'merge', from: 'gone', into: 'keep', c: at(5) },
      // Device B, not knowing, adds a note to "gone".
      note('n-b', 'gone', 6, B),
    ]);
    const rows = materialise(state);
    expect(rows.notes.get('n-b')?.contactId).toBe('keep');
    // The redirect is a view: the note itself still names the contact it was written about.
    expect(state.records.get(recordKey('notes', 'n-b'))?.fields.get('contactId')?.v).toBe('gone');
  });

  it('ends the redirect when a split brings the merged contact back', () => {
    const state = stateOf([
      contact('keep', 1),
      contact('gone', 1),
      { k: 'del', t: 'contacts', id: 'gone', c: at(5) },
      { k: 'merge', from: 'gone', into: 'keep', c: at(5) },
      note('n-b', 'gone', 6, B),
      contact('gone', 8),
    ]);
    expect(materialise(state).notes.get('n-b')?.contactId).toBe('gone');
  });

  it('follows merges in a chain, and survives a cycle', () => {
    const chain = stateOf([
      contact('c', 1),
      note('n', 'a', 1),
      { k: 'merge', from: 'a', into: 'b', c: at(2) },
      { k: 'merge', from: 'b', into: 'c', c: at(3) },
    ]);
    expect(materialise(chain).notes.get('n')?.contactId).toBe('c');
    const cycle = stateOf([
      note('n', 'a', 1),
      { k: 'merge', from: 'a', into: 'b', c: at(2) },
      { k: 'merge', from: 'b', into: 'a', c: at(3) },
    ]);
    // Nobody to show it on: kept in the state, not shown.
    expect(materialise(cycle).notes.has('n')).toBe(false);
    expect(exists(cycle.records.get(recordKey('notes', 'n')))).toBe(true);
  });

  it('hides an introduction whose two people became one', () => {
    const state = stateOf([
      contact('a', 1),
      contact('b', 1),
      { k: 'put', t: 'introductions', id: 'i', c: at(2), f: { aId: 'a', bId: 'b' }, w: true },
      { k: 'del', t: 'contacts', id: 'b', c: at(3) },
      { k: 'merge', from: 'b', into: 'a', c: at(3) },
    ]);
    expect(materialise(state).introductions.size).toBe(0);
  });

  it('applies an operation twice as once', () => {
    const ops = [contact('c1', 1), note('n1', 'c1', 2), { k: 'del', t: 'notes', id: 'n1', c: at(3) } as Op];
    expect(canonicalState(stateOf([...ops, ...ops]))).toBe(canonicalState(stateOf(ops)));
  });
});
