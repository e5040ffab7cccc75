import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from '../../../domain/sync/crypto';
import { diffRows, type DbRows } from '../../../domain/sync/diff';
import { HybridClock } from '../../../domain/sync/hlc';
import { SYNC_TABLES, type Op } from '../../../domain/sync/ops';
import { applyOps, canonicalState, emptyState, materialise, type ReplicaState } from '../../../domain/sync/replica';
import { segmentFileName } from '../../../domain/sync/segment';
import { appendBatch, KeyRing, readOthers, type Cursors, type OwnLog, type SyncDirectory } from '../../../storage/sync-folder';
import { NodeDirectory } from './node-directory';

// Few key iterations in tests; production's 600,000 is checked in test/unit/domain/sync/crypto.test.ts.
const ITERATIONS = 1_000;
const LAPTOP = 'aaaaaaaaaaaaaaaa';
const DESKTOP = 'dddddddddddddddd';
const PHONE = 'eeeeeeeeeeeeeeee';

let root: string;
let dir: NodeDirectory;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'tiekeeper-sync-'));
  dir = new NodeDirectory(root);
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

/** One device: its keys, its log, its cursors and its state (standing in for its database). */
class Device {
  readonly keys: KeyRing;
  own: OwnLog;
  cursors: Cursors = {};
  state: ReplicaState = emptyState();
  readonly clock: HybridClock;
  wall = 1_700_000_000_000;

  constructor(
    readonly id: string,
    passphrase = 'Kölner Dom 1248',
  ) {
    this.keys = new KeyRing(passphrase, ITERATIONS);
    this.own = { device: id, salt: randomBytes(16), iterations: ITERATIONS, position: null };
    this.clock = new HybridClock(id, undefined, () => this.wall);
  }

  note(id: string, body: string, contactId = 'c1'): Op[] {
    return [
      { k: 'put', t: 'contacts', id: contactId, c: this.clock.tick(), f: { displayName: 'Anna' }, w: true },
      { k: 'put', t: 'notes', id, c: this.clock.tick(), f: { contactId, body }, w: true },
    ];
  }

  async write(ops: Op[], folder: SyncDirectory = dir, maxBytes?: number): Promise<void> {
    applyOps(this.state, ops);
    const key = await this.keys.key(this.own.salt, this.own.iterations);
    this.own = { ...this.own, position: await appendBatch(folder, this.own, key, ops, maxBytes) };
  }

  /** Reads the folder and applies what is new, as the database would in one transaction. */
  async sync(folder: SyncDirectory = dir) {
    const result = await readOthers(folder, this.id, this.cursors, this.keys);
    for (const batch of result.batches) {
      for (const op of batch.ops) this.clock.receive(op.c);
      applyOps(this.state, batch.ops);
    }
    this.cursors = result.cursors;
    return result;
  }

  notes(): string[] {
    return [...materialise(this.state).notes.values()].map((note) => String(note.body)).sort();
  }
}

// Chrome's own directory handle fits the interface as it is (the compiler checks this line).
const _chromeHandleFits = (handle: FileSystemDirectoryHandle): SyncDirectory => handle;

const file = (device: string, segment: number) => path.join(root, segmentFileName(device, segment));

describe('sync folder on disk', () => {
  it('writes each device only its own files, and reads the others from where it stopped', async () => {
    const laptop = new Device(LAPTOP);
    const desktop = new Device(DESKTOP);
    await laptop.write(laptop.note('n1', 'met at the training'));
    await laptop.write(laptop.note('n2', 'likes FC Köln'));
    await desktop.write(desktop.note('n3', 'asked about the new job', 'c2'));
    expect((await fs.readdir(root)).sort()).toEqual([segmentFileName(LAPTOP, 1), segmentFileName(DESKTOP, 1)].sort());
    const text = await fs.readFile(file(LAPTOP, 1), 'utf8');
    expect(text.split('\n')).toHaveLength(4);
    expect(text).not.toContain('FC Köln');

    const first = await desktop.sync();
    expect(first.problems).toEqual([]);
    expect(first.batches).toHaveLength(2);
    expect(desktop.cursors).toEqual({ [LAPTOP]: { segment: 1, batches: 2 } });
    expect(desktop.notes()).toEqual(['asked about the new job', 'likes FC Köln', 'met at the training']);

    await laptop.write(laptop.note('n4', 'coffee in March'));
    const second = await desktop.sync();
    expect(second.batches.map((b) => b.ops.length)).toEqual([2]);
    expect(desktop.cursors[LAPTOP]).toEqual({ segment: 1, batches: 3 });
    expect((await desktop.sync()).batches).toEqual([]);

    await laptop.sync();
    expect(canonicalState(laptop.state)).toBe(canonicalState(desktop.state));
  });

  it('begins a new segment when one is full, and readers follow it', async () => {
    const laptop = new Device(LAPTOP);
    const desktop = new Device(DESKTOP);
    for (let i = 0; i < 5; i++) await laptop.write(laptop.note(`n${i}`, `note ${i}`), dir, 600);
    const names = (await fs.readdir(root)).sort();
    expect(names.length).toBeGreaterThan(1);
    expect(laptop.own.position!.segment).toBe(names.length);
    await desktop.sync();
    expect(desktop.notes()).toHaveLength(5);
    expect(desktop.cursors[LAPTOP]!.segment).toBe(names.length);
  });

  it('does not write into a segment that is no longer as it left it', async () => {
    const laptop = new Device(LAPTOP);
    await laptop.write(laptop.note('n1', 'one'));
    await fs.rm(file(LAPTOP, 1));
    await laptop.write(laptop.note('n2', 'two'));
    expect(laptop.own.position).toEqual({ segment: 2, batches: 1 });
    const desktop = new Device(DESKTOP);
    await desktop.sync();
    expect(desktop.notes()).toEqual(['two']);
  });

  describe('bad files change nothing', () => {
    async function prepared() {
      const laptop = new Device(LAPTOP);
      const desktop = new Device(DESKTOP);
      await laptop.write(laptop.note('n1', 'first'));
      await desktop.sync();
      await laptop.write(laptop.note('n2', 'second'));
      await laptop.write(laptop.note('n3', 'third'));
      return { laptop, desktop, before: canonicalState(desktop.state), cursors: structuredClone(desktop.cursors) };
    }

    it('skips a file cut short (half synced), says so, and reads it when it is complete', async () => {
      const { desktop, before, cursors } = await prepared();
      const full = await fs.readFile(file(LAPTOP, 1));
      await fs.truncate(file(LAPTOP, 1), full.length - 20);
      const result = await desktop.sync();
      expect(result.problems).toMatchObject([{ file: segmentFileName(LAPTOP, 1), device: LAPTOP, problem: 'truncated' }]);
      expect(result.batches).toEqual([]);
      expect(canonicalState(desktop.state)).toBe(before);
      expect(desktop.cursors).toEqual(cursors);

      // The sync client finishes the file: the next sync takes it.
      await fs.writeFile(file(LAPTOP, 1), full);
      expect((await desktop.sync()).problems).toEqual([]);
      expect(desktop.notes()).toEqual(['first', 'second', 'third']);
    });

    it('lets a device’s later segments wait behind one cut short', async () => {
      const laptop = new Device(LAPTOP);
      const desktop = new Device(DESKTOP);
      for (let i = 0; i < 4; i++) await laptop.write(laptop.note(`n${i}`, `note ${i}`), dir, 600);
      expect(laptop.own.position!.segment).toBeGreaterThan(1);
      const full = await fs.readFile(file(LAPTOP, 1));
      await fs.truncate(file(LAPTOP, 1), full.length - 3);
      const result = await desktop.sync();
      expect(result.problems.map((p) => p.problem)).toEqual(['truncated']);
      expect(result.batches).toEqual([]);
      expect(desktop.cursors).toEqual({});
    });

    it('refuses a file from a newer version', async () => {
      const { desktop, before, cursors } = await prepared();
      const text = await fs.readFile(file(LAPTOP, 1), 'utf8');
      const [header, ...rest] = text.split('\n');
      await fs.writeFile(file(LAPTOP, 1), [JSON.stringify({ ...JSON.parse(header!), version: 2 }), ...rest].join('\n'));
      const result = await desktop.sync();
      expect(result.problems).toMatchObject([{ device: LAPTOP, problem: 'newer-version' }]);
      expect(canonicalState(desktop.state)).toBe(before);
      expect(desktop.cursors).toEqual(cursors);
    });

    it('refuses a file whose tag fails', async () => {
      const { desktop, before, cursors } = await prepared();
      const text = await fs.readFile(file(LAPTOP, 1), 'utf8');
      const lines = text.split('\n');
      const last = lines[3]!;
      lines[3] = `${last.slice(0, 40)}${last[40] === 'x' ? 'y' : 'x'}${last.slice(41)}`;
      await fs.writeFile(file(LAPTOP, 1), lines.join('\n'));
      const result = await desktop.sync();
      expect(result.problems).toMatchObject([{ device: LAPTOP, problem: 'damaged' }]);
      // The good second batch of the same file is not taken either: a file is taken whole.
      expect(result.batches).toEqual([]);
      expect(canonicalState(desktop.state)).toBe(before);
      expect(desktop.cursors).toEqual(cursors);
    });

    it('refuses files written with another passphrase, and still reads the other devices', async () => {
      const laptop = new Device(LAPTOP);
      const phone = new Device(PHONE, 'another passphrase');
      const desktop = new Device(DESKTOP);
      await laptop.write(laptop.note('n1', 'from the laptop'));
      await phone.write(phone.note('n2', 'from the phone', 'c2'));
      const result = await desktop.sync();
      expect(result.problems).toMatchObject([{ device: PHONE, problem: 'wrong-passphrase' }]);
      expect(desktop.notes()).toEqual(['from the laptop']);
      expect(desktop.cursors).toEqual({ [LAPTOP]: { segment: 1, batches: 1 } });
    });

    it('refuses a file whose header claims another device or segment than its name', async () => {
      const laptop = new Device(LAPTOP);
      const desktop = new Device(DESKTOP);
      await laptop.write(laptop.note('n1', 'one'));
      await fs.rename(file(LAPTOP, 1), file(PHONE, 1));
      const result = await desktop.sync();
      expect(result.problems).toMatchObject([{ device: PHONE, problem: 'invalid' }]);
      expect(desktop.notes()).toEqual([]);
    });

    it('refuses files protected by fewer key iterations than its own', async () => {
      const weak = new Device(LAPTOP);
      weak.own = { ...weak.own, iterations: 10 };
      const weakKeys = new KeyRing('Kölner Dom 1248', 1);
      const ops = weak.note('n1', 'one');
      await appendBatch(dir, weak.own, await weakKeys.key(weak.own.salt, 10), ops);
      const desktop = new Device(DESKTOP);
      expect((await desktop.sync()).problems).toMatchObject([{ device: LAPTOP, problem: 'invalid' }]);
    });
  });

  it('ignores files that are not segments, and the swap files of writes under way', async () => {
    await fs.writeFile(path.join(root, 'holiday.jpg'), 'x');
    await fs.writeFile(path.join(root, `${segmentFileName(LAPTOP, 1)}.crswap`), 'half');
    await fs.mkdir(path.join(root, 'tiekeeper-aaaaaaaaaaaaaaaa-000002.log'));
    const desktop = new Device(DESKTOP);
    expect(await desktop.sync()).toEqual({ batches: [], cursors: {}, problems: [] });
  });

  it('syncs two devices that both change things, through the shadow diff', async () => {
    const laptop = new Device(LAPTOP);
    const desktop = new Device(DESKTOP);
    const db = (state: ReplicaState) => materialise(state);
    // Each device edits its database; the diff against its shadow is what it logs.
    const edit = async (device: Device, change: (rows: ReturnType<typeof db>) => void) => {
      const rows = db(device.state);
      change(rows);
      const dbRows = Object.fromEntries(SYNC_TABLES.map((t) => [t, [...rows[t].values()]])) as unknown as DbRows;
      const ops = diffRows(dbRows, db(device.state), device.clock.tick());
      if (ops.length > 0) await device.write(ops);
    };
    await edit(laptop, (rows) => {
      rows.contacts.set('c1', { id: 'c1', displayName: 'Anna', hooks: '' });
      rows.notes.set('n1', { id: 'n1', contactId: 'c1', body: 'met at the training' });
    });
    await desktop.sync();
    laptop.wall += 1_000;
    desktop.wall += 2_000;
    await edit(laptop, (rows) => rows.contacts.set('c1', { ...rows.contacts.get('c1')!, hooks: 'FC Köln' }));
    await edit(desktop, (rows) => {
      rows.contacts.set('c1', { ...rows.contacts.get('c1')!, displayName: 'Anna Schmidt' });
      rows.notes.delete('n1');
      rows.notes.set('n2', { id: 'n2', contactId: 'c1', body: 'new job at Bosch' });
    });
    await laptop.sync();
    await desktop.sync();
    expect(canonicalState(laptop.state)).toBe(canonicalState(desktop.state));
    expect(db(laptop.state).contacts.get('c1')).toEqual({ id: 'c1', displayName: 'Anna Schmidt', hooks: 'FC Köln' });
    expect(laptop.notes()).toEqual(['new job at Bosch']);
  });
});
