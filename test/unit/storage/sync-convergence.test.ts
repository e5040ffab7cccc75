import { syncedRows } from './helpers';
import fc from 'fast-check';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../domain/constants';
import { deleteContact, ensureContactForProfile, updateContact } from '../../../storage/contacts';
import { SYNC_TABLES } from '../../../domain/sync/ops';
import { TiekeeperDb } from '../../../storage/db';
import { logInteraction } from '../../../storage/interactions';
import { mergeContacts, splitContact } from '../../../storage/merge';
import { addNote, deleteNote, editNote } from '../../../storage/notes';
import { recordLocalChanges, syncNow } from '../../../storage/sync';
import { wholeTable } from '../../../storage/sync-marks';
import { KeyRing } from '../../../storage/sync-folder';
import { NodeDirectory } from './node-directory';

/*
 * The database side of sync under random use: three databases changed through the repositories
 * (contacts, notes, interactions, merges, splits, deletes), synced through one folder at random
 * moments. Once all have synced twice round, the three hold the same data, and none of them
 * finds a change of its own to log (nothing echoes).
 */

const ITERATIONS = 1_000;
const T0 = Date.UTC(2026, 2, 2, 9);
const PEOPLE = ['anna', 'bert', 'carla', 'dora'];

type Action =
  | { kind: 'visit'; person: number }
  | { kind: 'note'; pick: number; body: string }
  | { kind: 'edit-note'; pick: number; body: string }
  | { kind: 'delete-note'; pick: number }
  | { kind: 'field'; pick: number; hooks: string }
  | { kind: 'touch'; pick: number; daysAgo: number }
  | { kind: 'merge'; pick: number; other: number }
  | { kind: 'split'; pick: number }
  | { kind: 'delete'; pick: number }
  | { kind: 'sync' };

const body = fc.string({ minLength: 1, maxLength: 5 }).filter((s) => s.trim().length > 0);
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('visit' as const), person: fc.nat({ max: PEOPLE.length - 1 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('note' as const), pick: fc.nat(), body }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('edit-note' as const), pick: fc.nat(), body }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete-note' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('field' as const), pick: fc.nat(), hooks: body }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('touch' as const), pick: fc.nat(), daysAgo: fc.nat({ max: 30 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('merge' as const), pick: fc.nat(), other: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('split' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 4, arbitrary: fc.constant({ kind: 'sync' as const }) },
);
const step = fc.record({ device: fc.nat({ max: 2 }), advance: fc.integer({ min: 0, max: 5_000 }), action });

const pick = <T>(items: readonly T[], n: number): T | undefined => (items.length === 0 ? undefined : items[n % items.length]);
const ids = async (table: { toCollection(): { primaryKeys(): Promise<unknown[]> } }) => ((await table.toCollection().primaryKeys()) as string[]).sort();

async function act(db: TiekeeperDb, a: Action, now: number, sync: () => Promise<unknown>): Promise<void> {
  const contacts = await ids(db.contacts);
  const notes = await ids(db.notes);
  switch (a.kind) {
    case 'visit': {
      const key = PEOPLE[a.person]!;
      await ensureContactForProfile(db, { site: 'linkedin', key, url: `https://www.linkedin.com/in/${key}`, name: key }, now);
      return;
    }
    case 'note': {
      const id = pick(contacts, a.pick);
      if (id) await addNote(db, id, a.body, now);
      return;
    }
    case 'edit-note': {
      const id = pick(notes, a.pick);
      if (id) await editNote(db, id, a.body, now);
      return;
    }
    case 'delete-note': {
      const id = pick(notes, a.pick);
      if (id) await deleteNote(db, id);
      return;
    }
    case 'field': {
      const id = pick(contacts, a.pick);
      if (id) await updateContact(db, id, { hooks: a.hooks, cadenceDays: 30 }, now);
      return;
    }
    case 'touch': {
      const id = pick(contacts, a.pick);
      if (id) await logInteraction(db, { contactId: id, kind: 'call', note: '', at: now - a.daysAgo * DAY_MS }, now);
      return;
    }
    case 'merge': {
      const keep = pick(contacts, a.pick);
      const other = pick(contacts, a.other);
      if (keep && other && keep !== other) await mergeContacts(db, keep, other, now);
      return;
    }
    case 'split': {
      const merged = (await db.contacts.toArray()).filter((c) => (c.mergedFrom ?? []).length > 0).sort((x, y) => (x.id < y.id ? -1 : 1));
      const contact = pick(merged, a.pick);
      const profileId = contact?.mergedFrom?.at(-1)?.profileIds[0];
      if (contact && profileId && (await db.profiles.get(profileId))?.contactId === contact.id) await splitContact(db, contact.id, profileId, now);
      return;
    }
    case 'delete': {
      const id = pick(contacts, a.pick);
      if (id) await deleteContact(db, id);
      return;
    }
    case 'sync':
      await sync();
      return;
  }
}

const data = syncedRows;

describe('sync of three databases under random use', () => {
  it('ends with the same data everywhere, and nothing to log', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 8, maxLength: 30 }), async (steps) => {
        const root = await fs.mkdtemp(path.join(os.tmpdir(), 'tiekeeper-sync-fuzz-'));
        const folder = new NodeDirectory(root);
        const dbs = [0, 1, 2].map((i) => new TiekeeperDb(`fuzz-${i}-${crypto.randomUUID()}`));
        const keys = dbs.map(() => new KeyRing('gemeinsam', ITERATIONS));
        const clocks = [T0, T0, T0];
        const sync = (i: number) => syncNow(dbs[i]!, folder, keys[i]!, () => clocks[i]!, { iterations: ITERATIONS });
        try {
          // Everyone starts from the same few people, then goes their own way.
          for (const person of PEOPLE.keys()) await act(dbs[0]!, { kind: 'visit', person }, T0, async () => {});
          for (let i = 0; i < 3; i++) await sync(i);
          for (const { device, advance, action: a } of steps) {
            clocks[device]! += advance;
            try {
              await act(dbs[device]!, a, clocks[device]!, () => sync(device));
            } catch (error) {
              // The repositories refuse some random requests (a split that cannot be done...).
              if (!(error instanceof Error) || error.name !== 'TiekeeperError') throw error;
            }
          }
          for (let round = 0; round < 2; round++) for (let i = 0; i < 3; i++) await sync(i);
          const [first, ...rest] = await Promise.all(dbs.map(data));
          for (const other of rest) expect(other).toEqual(first);
          // Compared as a whole (not only what was marked): the database and the shadow agree.
          for (let i = 0; i < 3; i++) {
            await dbs[i]!.syncDirty.bulkPut(SYNC_TABLES.map((table) => ({ key: wholeTable(table) })));
            expect(await recordLocalChanges(dbs[i]!, () => clocks[i]!, { iterations: ITERATIONS })).toBe(0);
          }
        } finally {
          await Promise.all(dbs.map((db) => db.delete()));
          await fs.rm(root, { recursive: true, force: true });
        }
      }),
      { numRuns: 40 },
    );
  });
});
