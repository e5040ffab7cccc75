import { syncedRows } from './helpers';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../domain/constants';
import { segmentFileName } from '../../../domain/sync/segment';
import { deleteContact, ensureContactForProfile, updateContact } from '../../../storage/contacts';
import { TiekeeperDb } from '../../../storage/db';
import { logInteraction } from '../../../storage/interactions';
import { mergeContacts } from '../../../storage/merge';
import { dueUnnotified, recordNudges } from '../../../storage/nudges';
import { addNote, deleteNote, editNote } from '../../../storage/notes';
import { downloadWith, loadKeys, recordLocalChanges, syncNow, writeSnapshotNow } from '../../../storage/sync';
import { KeyRing, pickedFiles } from '../../../storage/sync-folder';
import { NodeDirectory } from './node-directory';

// Few key iterations in tests; production's 600,000 is checked in test/unit/domain/sync/crypto.test.ts.
const ITERATIONS = 1_000;
const options = { iterations: ITERATIONS };
const T0 = Date.UTC(2026, 2, 2, 9);

let root: string;
let folder: NodeDirectory;
let laptop: TiekeeperDb;
let desktop: TiekeeperDb;
let clock: number;
const now = () => clock;
const keys = () => new KeyRing('Sommer in Bremen', ITERATIONS);

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'tiekeeper-sync-db-'));
  folder = new NodeDirectory(root);
  laptop = new TiekeeperDb(`laptop-${crypto.randomUUID()}`);
  desktop = new TiekeeperDb(`desktop-${crypto.randomUUID()}`);
  clock = T0;
});
afterEach(async () => {
  await laptop.delete();
  await desktop.delete();
  await fs.rm(root, { recursive: true, force: true });
});

const sync = (db: TiekeeperDb) => syncNow(db, folder, keys(), now, options);

/** Both devices sync until neither has anything new: twice round is enough. */
async function syncBoth() {
  const results = [];
  for (let round = 0; round < 2; round++) for (const db of [laptop, desktop]) results.push(await sync(db));
  return results;
}

const data = syncedRows;

const anna = { site: 'linkedin' as const, key: 'anna-beispiel', url: 'https://www.linkedin.com/in/anna-beispiel', name: 'Anna Beispiel' };
const bert = { site: 'xing' as const, key: 'bert_muster', url: 'https://www.xing.com/profile/Bert_Muster', name: 'Bert Muster' };

describe('sync of two databases through one folder', () => {
  it('brings contacts, profiles, notes and interactions to the other device, last contact and due time included', async () => {
    const { contact } = await ensureContactForProfile(laptop, anna, T0);
    await updateContact(laptop, contact.id, { cadenceDays: 30, hooks: 'Segelt auf der Weser' }, T0);
    await addNote(laptop, contact.id, 'Zwei Kinder.', T0);
    await logInteraction(laptop, { contactId: contact.id, kind: 'meeting', note: 'Kaffee', at: T0 - 3 * DAY_MS }, T0);
    await syncBoth();
    expect(await data(desktop)).toEqual(await data(laptop));
    const there = await desktop.contacts.get(contact.id);
    expect(there).toMatchObject({ lastContactAt: T0 - 3 * DAY_MS, cadenceDays: 30, hooks: 'Segelt auf der Weser' });
    expect(there?.nextDueAt).toBe(T0 + 27 * DAY_MS);
    // Nothing echoes back: both databases agree with their shadows.
    expect(await recordLocalChanges(laptop, now, options)).toBe(0);
    expect(await recordLocalChanges(desktop, now, options)).toBe(0);
    // The folder holds one log per device, and no note in the clear.
    const names = await fs.readdir(root);
    expect(names.every((name) => name.startsWith('tiekeeper-') && name.endsWith('-000001.log'))).toBe(true);
    for (const name of names) expect(await fs.readFile(path.join(root, name), 'utf8')).not.toContain('Kinder');
  });

  it('a nudge shown on one device is not due unshown on the other any more', async () => {
    const { contact } = await ensureContactForProfile(laptop, anna, T0);
    await updateContact(laptop, contact.id, { cadenceDays: 30 }, T0);
    await syncBoth();
    const dueAt = (await laptop.contacts.get(contact.id))!.nextDueAt!;
    const later = dueAt + 60_000;
    expect((await dueUnnotified(desktop, later)).map((due) => due.contact.id)).toEqual([contact.id]);
    // The laptop shows it.
    const [shown] = await dueUnnotified(laptop, later);
    await recordNudges(laptop, [{ id: `${contact.id}@${dueAt}`, contactId: contact.id, dueAt, shownAt: later, via: 'single' }]);
    expect(shown?.contact.id).toBe(contact.id);
    await syncBoth();
    expect(await dueUnnotified(desktop, later + 60_000)).toEqual([]);
  });

  it('keeps both sides of edits made on both devices at once: other fields, and every note', async () => {
    const { contact } = await ensureContactForProfile(laptop, anna, T0);
    await syncBoth();
    clock += 60_000;
    await updateContact(laptop, contact.id, { hooks: 'FC Köln' }, clock);
    await addNote(laptop, contact.id, 'from the laptop', clock);
    clock += 1_000;
    await updateContact(desktop, contact.id, { company: 'Bosch' }, clock);
    await addNote(desktop, contact.id, 'from the desktop', clock);
    await syncBoth();
    expect(await data(desktop)).toEqual(await data(laptop));
    expect(await laptop.contacts.get(contact.id)).toMatchObject({ hooks: 'FC Köln', company: 'Bosch' });
    expect((await laptop.notes.toArray()).map((n) => n.body).sort()).toEqual(['from the desktop', 'from the laptop']);
  });

  it('the later edit of one field wins on both devices', async () => {
    const { contact } = await ensureContactForProfile(laptop, anna, T0);
    const note = await addNote(laptop, contact.id, 'first', T0);
    await syncBoth();
    clock += 1_000;
    await editNote(desktop, note.id, 'desktop text', clock);
    await recordLocalChanges(desktop, now, options);
    clock += 1_000;
    await editNote(laptop, note.id, 'laptop text, later', clock);
    await syncBoth();
    expect((await desktop.notes.get(note.id))?.body).toBe('laptop text, later');
    expect(await data(desktop)).toEqual(await data(laptop));
  });

  it('a note deleted on one device stays deleted though the other edited it meanwhile', async () => {
    const { contact } = await ensureContactForProfile(laptop, anna, T0);
    const note = await addNote(laptop, contact.id, 'first', T0);
    await syncBoth();
    clock += 1_000;
    await deleteNote(laptop, note.id);
    await recordLocalChanges(laptop, now, options);
    clock += 1_000;
    await editNote(desktop, note.id, 'edited later', clock);
    await syncBoth();
    expect(await laptop.notes.count()).toBe(0);
    expect(await desktop.notes.count()).toBe(0);
  });

  it('a deleted contact takes its profile, notes and interactions along on the other device', async () => {
    const { contact } = await ensureContactForProfile(laptop, anna, T0);
    await addNote(laptop, contact.id, 'note', T0);
    await syncBoth();
    await deleteContact(desktop, contact.id);
    await syncBoth();
    expect(await data(laptop)).toEqual({ contacts: [], profiles: [], notes: [], interactions: [], introductions: [], nudges: [] });
  });

  it('a note added on one device to a contact the other merged away shows on the merged contact', async () => {
    const a = (await ensureContactForProfile(laptop, anna, T0)).contact;
    const b = (await ensureContactForProfile(laptop, bert, T0)).contact;
    await syncBoth();
    clock += 1_000;
    await mergeContacts(laptop, a.id, b.id, clock);
    await addNote(desktop, b.id, 'written on the desktop about Bert', clock + 500);
    await syncBoth();
    expect(await data(desktop)).toEqual(await data(laptop));
    expect(await laptop.contacts.count()).toBe(1);
    expect((await laptop.notes.toArray()).map((n) => [n.contactId, n.body])).toEqual([[a.id, 'written on the desktop about Bert']]);
    expect((await laptop.profiles.toArray()).map((p) => p.contactId)).toEqual([a.id, a.id]);
  });

  it('changes made while the folder cannot be reached wait in the outbox, stamped when they were made', async () => {
    const { contact } = await ensureContactForProfile(laptop, anna, T0);
    await syncBoth();
    clock += 1_000;
    await updateContact(laptop, contact.id, { hooks: 'made first, written late' }, clock);
    await recordLocalChanges(laptop, now, options);
    expect(await laptop.syncOutbox.count()).toBe(1);
    clock += 1_000;
    await updateContact(desktop, contact.id, { hooks: 'made later' }, clock);
    clock += 60_000;
    await syncBoth();
    expect(await laptop.syncOutbox.count()).toBe(0);
    expect((await laptop.contacts.get(contact.id))?.hooks).toBe('made later');
  });

  it('a file cut short changes nothing on the reading device, and is read once complete', async () => {
    const { contact } = await ensureContactForProfile(laptop, anna, T0);
    await syncBoth();
    await addNote(laptop, contact.id, 'arrives late', clock);
    await sync(laptop);
    const device = (await laptop.syncMeta.get('device')) as { device: string };
    const file = path.join(root, segmentFileName(device.device, 1));
    const full = await fs.readFile(file);
    await fs.truncate(file, full.length - 10);
    const before = await data(desktop);
    const [result] = [await sync(desktop)];
    expect(result.problems).toMatchObject([{ problem: 'truncated' }]);
    expect(await data(desktop)).toEqual(before);
    await fs.writeFile(file, full);
    await sync(desktop);
    expect((await desktop.notes.toArray()).map((n) => n.body)).toEqual(['arrives late']);
  });

  it('a wrong passphrase changes nothing, and writes nothing the others could not read', async () => {
    await ensureContactForProfile(laptop, anna, T0);
    await sync(laptop);
    await ensureContactForProfile(desktop, bert, T0);
    const before = await data(desktop);
    const result = await syncNow(desktop, folder, new KeyRing('falsch', ITERATIONS), now, options);
    expect(result.problems).toMatchObject([{ problem: 'wrong-passphrase' }]);
    expect(result.written).toBe(0);
    expect(await data(desktop)).toEqual(before);
    expect(await fs.readdir(root)).toHaveLength(1);
    // With the right one, what waited goes out.
    expect((await sync(desktop)).written).toBeGreaterThan(0);
    await sync(laptop);
    expect(await data(laptop)).toEqual(await data(desktop));
  });

  it('Firefox: each sync downloads a new segment into the folder, and reads the files the user picked', async () => {
    const { contact } = await ensureContactForProfile(laptop, anna, T0);
    await sync(laptop);
    const downloaded: string[] = [];
    const save = async (name: string, text: string) => {
      downloaded.push(name);
      await fs.writeFile(path.join(root, name), text);
    };
    /** The user picks every file of the folder in the file input. */
    const picked = async () =>
      pickedFiles(
        await Promise.all(
          (await fs.readdir(root)).map(async (name) => {
            const data = await fs.readFile(path.join(root, name));
            return { name, size: data.length, text: async () => data.toString('utf8') };
          }),
        ),
      );
    const firefox = async () => syncNow(desktop, await picked(), keys(), now, { ...options, write: downloadWith(save) });

    await firefox();
    expect(await desktop.contacts.get(contact.id)).toBeDefined();
    expect(downloaded).toEqual([]);
    await addNote(desktop, contact.id, 'first from Firefox', clock);
    await firefox();
    await addNote(desktop, contact.id, 'second from Firefox', clock);
    await firefox();
    expect(downloaded.map((name) => name.slice(-10))).toEqual(['000001.log', '000002.log']);

    await sync(laptop);
    expect((await laptop.notes.toArray()).map((n) => n.body).sort()).toEqual(['first from Firefox', 'second from Firefox']);
    expect(await data(laptop)).toEqual(await data(desktop));
  });

  it('a new device starts from a snapshot, and reads only the logs after it', async () => {
    const { contact } = await ensureContactForProfile(laptop, anna, T0);
    await addNote(laptop, contact.id, 'one', T0);
    await sync(laptop);
    const name = await writeSnapshotNow(laptop, folder, keys());
    expect(name).toMatch(/^tiekeeper-[0-9a-f]{16}-snapshot-000001\.log$/);
    // The log the snapshot covers is gone (compacted): the snapshot must be enough.
    const device = ((await laptop.syncMeta.get('device')) as { device: string }).device;
    await fs.rm(path.join(root, segmentFileName(device, 1)));
    await addNote(laptop, contact.id, 'two', T0);
    await sync(laptop);
    await sync(desktop);
    expect(await data(desktop)).toEqual(await data(laptop));
    expect(await desktop.syncMeta.get('cursors')).toEqual({ id: 'cursors', cursors: { [device]: { segment: 2, batches: 1 } } });
  });

  it('writes a snapshot once its log is mostly history, keeps only its newest, and a new device starts from it', async () => {
    const { contact } = await ensureContactForProfile(laptop, anna, T0);
    const snapshots = async () => (await fs.readdir(root)).filter((name) => name.includes('-snapshot-')).sort();
    const often = { ...options, snapshotMinOps: 10 };
    await syncNow(laptop, folder, keys(), now, often);
    // Two records, two operations: a first sync is no history.
    expect(await snapshots()).toEqual([]);
    for (let i = 1; i <= 25; i++) {
      clock += 1_000;
      await updateContact(laptop, contact.id, { hooks: `edit ${i}` }, clock);
      await syncNow(laptop, folder, keys(), now, often);
    }
    // 2 + 25 operations: snapshots after the 10th and the 20th edit, and only the newest is kept.
    const [device] = (await fs.readdir(root)).map((name) => /^tiekeeper-([0-9a-f]{16})-/.exec(name)?.[1]).filter(Boolean);
    expect(await snapshots()).toEqual([`tiekeeper-${device}-snapshot-000002.log`]);

    const result = await sync(desktop);
    // From the snapshot (the two records, field by field) and the 5 edits after it, not all 27.
    expect(result.ops).toBeLessThan(27);
    expect(await data(desktop)).toEqual(await data(laptop));
    expect((await desktop.contacts.get(contact.id))?.hooks).toBe('edit 25');
  });

  it('a snapshot that cannot be read is passed over for the logs', async () => {
    const { contact } = await ensureContactForProfile(laptop, anna, T0);
    await addNote(laptop, contact.id, 'one', T0);
    await sync(laptop);
    const name = (await writeSnapshotNow(laptop, folder, keys()))!;
    const text = await fs.readFile(path.join(root, name), 'utf8');
    await fs.writeFile(path.join(root, name), text.slice(0, -4));
    const result = await sync(desktop);
    expect(result.problems).toMatchObject([{ file: name, problem: 'truncated' }]);
    expect(await data(desktop)).toEqual(await data(laptop));
  });

  it('writes a large first sync in batches of a sane size', async () => {
    const { contact } = await ensureContactForProfile(laptop, anna, T0);
    for (let i = 0; i < 30; i++) await addNote(laptop, contact.id, `${i} ${'x'.repeat(19_000)}`, T0);
    await sync(laptop);
    const device = ((await laptop.syncMeta.get('device')) as { device: string }).device;
    const lines = (await fs.readFile(path.join(root, segmentFileName(device, 1)), 'utf8')).split('\n').filter(Boolean);
    // The header, and more than one batch.
    expect(lines.length).toBeGreaterThan(2);
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThan(800_000);
    await sync(desktop);
    expect(await desktop.notes.count()).toBe(30);
  });

  it('after a restart the kept keys are enough; a device not read before needs the passphrase once more', async () => {
    const { contact } = await ensureContactForProfile(laptop, anna, T0);
    await syncBoth();
    const kept = await desktop.syncMeta.get('keys');
    const stored = Object.values(kept?.id === 'keys' ? kept.keys : {});
    expect(stored).toHaveLength(2);
    for (const key of stored) expect(key).toMatchObject({ extractable: false, usages: expect.arrayContaining(['encrypt', 'decrypt']) });

    // The browser restarts: the passphrase is gone, the keys are not.
    const restored = (await loadKeys(desktop, null, ITERATIONS))!;
    await addNote(laptop, contact.id, 'after the restart', clock);
    await sync(laptop);
    await addNote(desktop, contact.id, 'also after the restart', clock);
    const result = await syncNow(desktop, folder, restored, now, options);
    expect(result.problems).toEqual([]);
    expect(result.written).toBeGreaterThan(0);
    expect(await desktop.notes.count()).toBe(2);

    // A third device joins, with a salt of its own.
    const phone = new TiekeeperDb(`phone-${crypto.randomUUID()}`);
    try {
      await ensureContactForProfile(phone, bert, T0);
      await sync(phone);
      const without = await syncNow(desktop, folder, restored, now, options);
      expect(without.problems).toMatchObject([{ problem: 'needs-passphrase' }]);
      expect(await desktop.contacts.count()).toBe(1);
      await syncNow(desktop, folder, (await loadKeys(desktop, 'Sommer in Bremen', ITERATIONS))!, now, options);
      expect(await desktop.contacts.count()).toBe(2);
    } finally {
      await phone.delete();
    }
  });
});
