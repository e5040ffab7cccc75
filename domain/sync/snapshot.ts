import type { Op, PutOp, SyncTable } from './ops';
import type { ReplicaState } from './replica';

/**
 * A snapshot: the merged state written as operations that build exactly that state again (per
 * record its creation, its deletion, and each field with its own clock; the merges' redirects).
 * Joining them into any state is the same as joining all the operations they came from, so a
 * new device starts from a snapshot and reads only the logs after it, and reading a log the
 * snapshot already covers changes nothing.
 */
export function stateToOps(state: ReplicaState): Op[] {
  const ops: Op[] = [];
  for (const [key, record] of state.records) {
    const slash = key.indexOf('/');
    const t = key.slice(0, slash) as SyncTable;
    const id = key.slice(slash + 1);
    if (record.died !== undefined) ops.push({ k: 'del', t, id, c: record.died });
    if (record.born !== undefined) ops.push({ k: 'put', t, id, c: record.born, f: {}, w: true });
    // Fields written at one clock go together, as they were written.
    const byClock = new Map<string, PutOp>();
    for (const [field, value] of record.fields) {
      let op = byClock.get(value.c);
      if (!op) {
        op = { k: 'put', t, id, c: value.c, f: {} };
        byClock.set(value.c, op);
        ops.push(op);
      }
      if (value.v === undefined) op.u = [...(op.u ?? []), field];
      else op.f[field] = value.v;
    }
  }
  for (const [from, { into, c }] of state.redirects) ops.push({ k: 'merge', from, into, c });
  return ops;
}
