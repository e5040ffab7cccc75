import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffRows, stableJson, type DbRows } from '../../../../domain/sync/diff';
import { HybridClock } from '../../../../domain/sync/hlc';
import { SYNC_TABLES, type Op, type SyncTable } from '../../../../domain/sync/ops';
import { stateToOps } from '../../../../domain/sync/snapshot';
import { applyOps, canonicalState, emptyState, exists, materialise, recordKey, type ReplicaState, type Row } from '../../../../domain/sync/replica';

/*
 * Three devices make random changes to their own database, log them through the shadow diff,
 * and read each other's logs in random order, late, and more than once. At the end, once every
 * batch reached every device, all three must hold the same state, and that state must be what
 * the rules say of the whole set of operations: no note lost, no deletion undone by an edit.
 */

const DEVICES = ['1111111111111111', '2222222222222222', '3333333333333333'];

type Action =
  | { kind: 'contact'; name: string }
  | { kind: 'note'; pick: number; body: string }
  | { kind: 'edit'; pick: number; text: string }
  | { kind: 'delete'; pick: number }
  | { kind: 'merge'; pick: number; other: number }
  | { kind: 'split'; pick: number }
  | { kind: 'receive'; from: number; batch: number };

interface Step {
  device: number;
  /** How far this device's wall clock moves (it may go back: clocks disagree). */
  tick: number;
  action: Action;
}

const text = fc.string({ minLength: 1, maxLength: 6 });
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('contact' as const), name: text }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('note' as const), pick: fc.nat(), body: text }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), text }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('merge' as const), pick: fc.nat(), other: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('split' as const), pick: fc.nat() }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('receive' as const), from: fc.nat({ max: 2 }), batch: fc.nat() }) },
);
const step: fc.Arbitrary<Step> = fc.record({ device: fc.nat({ max: 2 }), tick: fc.integer({ min: -3, max: 5 }), action });

class Device {
  readonly state: ReplicaState = emptyState();
  /** The batches this device wrote, in order: its change log. */
  readonly log: Op[][] = [];
  /** The database: rows as the device's write paths leave them. */
  db: Record<SyncTable, Map<string, Record<string, unknown>>>;
  wall = 1_000;
  readonly clock: HybridClock;
  private counter = 0;

  constructor(readonly index: number) {
    this.clock = new HybridClock(DEVICES[index]!, undefined, () => this.wall);
    this.db = this.fromState();
  }

  private fromState() {
    const rows = materialise(this.state);
    return Object.fromEntries(SYNC_TABLES.map((table) => [table, new Map([...rows[table]].map(([id, row]) => [id, { ...row }]))])) as unknown as Device['db'];
  }

  newId(prefix: string): string {
    this.counter += 1;
    return `${prefix}-${this.index}-${this.counter}`;
  }

  /** The local change is logged: diff against the shadow, stamped now. */
  log_(): void {
    const dbRows = Object.fromEntries(SYNC_TABLES.map((table) => [table, [...this.db[table].values()]])) as unknown as DbRows;
    const ops = diffRows(dbRows, materialise(this.state), this.clock.tick());
    if (ops.length === 0) return;
    applyOps(this.state, ops);
    this.log.push(ops);
  }

  /** Remote operations join the shadow; the database is rewritten from it. */
  receive(ops: Op[]): void {
    for (const op of ops) this.clock.receive(op.c);
    applyOps(this.state, ops);
    this.db = this.fromState();
  }
}

function pickFrom<T>(items: readonly T[], pick: number): T | undefined {
  return items.length === 0 ? undefined : items[pick % items.length];
}

function act(device: Device, act: Action, devices: Device[]): void {
  const { db } = device;
  const contacts = [...db.contacts.keys()].sort();
  switch (act.kind) {
    case 'contact': {
      const id = device.newId('c');
      db.contacts.set(id, { id, displayName: act.name, hooks: '', tags: [] });
      break;
    }
    case 'note': {
      const contactId = pickFrom(contacts, act.pick);
      if (contactId === undefined) return;
      const id = device.newId('n');
      db.notes.set(id, { id, contactId, body: act.body });
      break;
    }
    case 'edit': {
      const keys = [...[...db.notes.keys()].map((id) => ['notes', id] as const), ...contacts.map((id) => ['contacts', id] as const)].sort();
      const target = pickFrom(keys, act.pick);
      if (!target) return;
      const row = db[target[0]].get(target[1])!;
      db[target[0]].set(target[1], target[0] === 'notes' ? { ...row, body: act.text } : { ...row, hooks: act.text });
      break;
    }
    case 'delete': {
      const keys = [...[...db.notes.keys()].map((id) => ['notes', id] as const), ...contacts.map((id) => ['contacts', id] as const)].sort();
      const target = pickFrom(keys, act.pick);
      if (!target) return;
      db[target[0]].delete(target[1]);
      // Deleting a person deletes their notes, as the repository does.
      if (target[0] === 'contacts') for (const [id, note] of db.notes) if (note.contactId === target[1]) db.notes.delete(id);
      break;
    }
    case 'merge': {
      const keep = pickFrom(contacts, act.pick);
      const other = pickFrom(contacts, act.other);
      if (keep === undefined || other === undefined || keep === other) return;
      const gone = db.contacts.get(other)!;
      const kept = db.contacts.get(keep)!;
      const records = (kept.mergedFrom as unknown[] | undefined) ?? [];
      db.contacts.set(keep, { ...kept, mergedFrom: [...records, { mergedAt: device.wall, contact: gone }] });
      db.contacts.delete(other);
      for (const [id, note] of db.notes) if (note.contactId === other) db.notes.set(id, { ...note, contactId: keep });
      break;
    }
    case 'split': {
      // The last merge recorded on a contact is undone: the merged contact comes back under its id.
      const merged = contacts.filter((id) => ((db.contacts.get(id)!.mergedFrom as unknown[] | undefined) ?? []).length > 0);
      const keep = pickFrom(merged, act.pick);
      if (keep === undefined) return;
      const kept = db.contacts.get(keep)!;
      const records = [...(kept.mergedFrom as { contact: Row }[])];
      const record = records.pop()!;
      if (db.contacts.has(record.contact.id)) return;
      db.contacts.set(record.contact.id, { ...record.contact });
      db.contacts.set(keep, records.length > 0 ? { ...kept, mergedFrom: records } : (({ mergedFrom: _m, ...rest }) => rest)(kept));
      break;
    }
    case 'receive': {
      // From some batch on to the newest: read late, again, or skipping some for now.
      const log = devices[act.from]!.log;
      if (log.length === 0 || act.from === device.index) return;
      for (const batch of log.slice(act.batch % log.length)) device.receive(batch);
      return;
    }
  }
  device.log_();
}

const sorted = (rows: Map<string, unknown>) => [...rows].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, row]) => row);

/** What the rules say of a set of operations, computed on its own from all of them. */
function expected(ops: Op[]) {
  const born = new Map<string, string>();
  const died = new Map<string, string>();
  for (const op of ops) {
    if (op.k === 'merge') continue;
    const key = recordKey(op.t, op.id);
    if (op.k === 'put' && op.w && op.c > (born.get(key) ?? '')) born.set(key, op.c);
    if (op.k === 'del' && op.c > (died.get(key) ?? '')) died.set(key, op.c);
  }
  return { born, died };
}

describe('sync convergence', () => {
  // About 3 s on an idle machine; the limit leaves room for a busy one.
  it('three devices end with the same data, whatever order, delay and duplication their logs arrive in', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), fc.infiniteStream(fc.nat()), (steps, shuffle) => {
        const devices = [0, 1, 2].map((index) => new Device(index));
        for (const { device, tick, action } of steps) {
          const one = devices[device]!;
          one.wall = Math.max(0, one.wall + tick);
          act(one, action, devices);
        }
        // A fourth device joins from a snapshot of device 2's state as it is now.
        const newcomer = emptyState();
        applyOps(newcomer, stateToOps(devices[1]!.state));
        expect(canonicalState(newcomer)).toBe(canonicalState(devices[1]!.state));

        // Everything reaches everyone at last: all batches, in a random order, some twice.
        const all = devices.flatMap((from) => from.log.map((batch) => ({ from: from.index, batch })));
        const random = shuffle[Symbol.iterator]();
        for (const to of devices) {
          const order = [...all, ...all.filter(() => random.next().value! % 4 === 0)];
          for (let i = order.length - 1; i > 0; i--) {
            const j = random.next().value! % (i + 1);
            [order[i], order[j]] = [order[j]!, order[i]!];
          }
          for (const { from, batch } of order) if (from !== to.index) to.receive(batch);
        }

        const states = devices.map((device) => canonicalState(device.state));
        expect(states[1]).toBe(states[0]);
        expect(states[2]).toBe(states[0]);
        // The newcomer reads every log in full, also what its snapshot covered: the same state.
        for (const { batch } of all) applyOps(newcomer, batch);
        expect(canonicalState(newcomer)).toBe(states[0]);
        const views = devices.map((device) => stableJson(Object.fromEntries(SYNC_TABLES.map((t) => [t, sorted(materialise(device.state)[t])]))));
        expect(views[1]).toBe(views[0]);
        expect(views[2]).toBe(views[0]);

        const ops = all.flatMap(({ batch }) => batch);
        const { born, died } = expected(ops);
        const state = devices[0]!.state;
        for (const [key, created] of born) {
          const deleted = died.get(key);
          const present = exists(state.records.get(key));
          // No lost note (or contact): created and not deleted later, it is there.
          if (deleted === undefined || created > deleted) expect(present, `${key} was lost`).toBe(true);
          // No resurrected deletion: deleted after its last creation, it stays away.
          else expect(present, `${key} came back`).toBe(false);
        }
        // Each field holds the value of its latest write after the last delete.
        for (const [key, found] of state.records) {
          if (!exists(found)) continue;
          const deleted = died.get(key) ?? '';
          const latest = new Map<string, { c: string; v: unknown }>();
          for (const op of ops) {
            if (op.k !== 'put' || recordKey(op.t, op.id) !== key || op.c <= deleted) continue;
            for (const [field, value] of Object.entries(op.f)) if (op.c > (latest.get(field)?.c ?? '')) latest.set(field, { c: op.c, v: value });
            for (const field of op.u ?? []) if (op.c > (latest.get(field)?.c ?? '')) latest.set(field, { c: op.c, v: undefined });
          }
          for (const [field, { v }] of latest) expect(found.fields.get(field)?.v, `${key}.${field}`).toEqual(v);
        }
        // And every device's database is what its state shows.
        for (const device of devices) {
          const rows = materialise(device.state);
          for (const table of SYNC_TABLES) expect(stableJson(sorted(device.db[table]))).toBe(stableJson(sorted(rows[table])));
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
