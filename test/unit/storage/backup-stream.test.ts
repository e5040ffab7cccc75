import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { browser } from 'wxt/browser';
import { serveImportPort } from '../../../background/import-port';
import { createRouter } from '../../../background/router';
import { backupFilePieces } from '../../../components/dashboard/backup-file';
import { serializeBackup } from '../../../domain/backup';
import { sendBackupFile } from '../../../messaging/client';
import { exportBackup, writeBackup } from '../../../storage/backup';
import type { TiekeeperDb } from '../../../storage/db';
import { browserDeps, days, freshDb, seed, T0 } from './helpers';

const EXT_ID = 'test-extension-id';
const ORIGIN = `chrome-extension://${EXT_ID}/`;
const dashboard = { id: EXT_ID, url: `${ORIGIN}dashboard.html` } as Browser.runtime.MessageSender;

type Listener = (message: unknown) => void;

/** Two ends of a runtime port, delivering messages asynchronously as the browser does. */
function portPair(sender: Browser.runtime.MessageSender) {
  const listeners = { page: [] as Listener[], background: [] as Listener[] };
  const closers = { page: [] as (() => void)[], background: [] as (() => void)[] };
  let open = true;
  const end = (self: 'page' | 'background', other: 'page' | 'background') => ({
    name: 'tiekeeper-import',
    sender,
    onMessage: { addListener: (l: Listener) => listeners[self].push(l) },
    onDisconnect: { addListener: (l: () => void) => closers[self].push(l) },
    postMessage: (message: unknown) => {
      if (!open) throw new Error('Attempting to use a disconnected port object');
      const copy = structuredClone(message);
      setTimeout(() => open && listeners[other].forEach((l) => l(copy)), 0);
    },
    disconnect: () => {
      if (!open) return;
      open = false;
      setTimeout(() => closers[other].forEach((l) => l()), 0);
    },
  });
  return { page: end('page', 'background') as unknown as Browser.runtime.Port, background: end('background', 'page') as unknown as Browser.runtime.Port };
}

/** The dashboard's way: a file read in pieces, sent over the import port to the background. */
function importFile(db: TiekeeperDb, file: Blob, mode: 'merge' | 'replace', apply: boolean, onBytes?: (read: number) => void) {
  const handle = createRouter({ ...browserDeps(), db, now: () => T0, extensionOrigin: ORIGIN, extensionId: EXT_ID });
  const ports = portPair(dashboard);
  serveImportPort(ports.background, handle);
  vi.spyOn(browser.runtime, 'connect').mockReturnValue(ports.page as never);
  return sendBackupFile(apply ? 'import.apply' : 'import.preview', mode, backupFilePieces(file, onBytes));
}

async function streamedText(db: TiekeeperDb, at: number): Promise<string> {
  const parts: string[] = [];
  await writeBackup(db, at, (part) => parts.push(part));
  return parts.join('');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a backup of any size, in pieces', () => {
  it('is written part by part as the same text as the whole backup', async () => {
    const db = freshDb();
    await seed(db);
    expect(await streamedText(db, T0)).toBe(serializeBackup(await exportBackup(db, T0)));
    expect(await streamedText(freshDb(), T0)).toBe(serializeBackup(await exportBackup(freshDb(), T0)));
  });

  it('restores through the port, read in pieces, and exports the same again', async () => {
    const source = freshDb();
    await seed(source);
    const text = await streamedText(source, T0);
    const target = freshDb();
    const read: number[] = [];
    const preview = await importFile(target, new Blob([text]), 'replace', false, (bytes) => read.push(bytes));
    expect(preview.counts.contacts).toEqual({ new: 2, changed: 0, unchanged: 0, deleted: 0 });
    // Both modes from one reading: choosing the other mode needs no second one.
    expect(preview.modes?.replace).toEqual(preview.counts);
    expect(preview.modes?.merge.notes).toEqual({ new: 2, changed: 0, unchanged: 0, deleted: 0 });
    expect(read.at(-1)).toBe(new TextEncoder().encode(text).length);
    expect(await target.contacts.count()).toBe(0);
    await importFile(target, new Blob([text]), 'replace', true);
    expect(await streamedText(target, T0 + days(1))).toBe(text.replace(`"exportedAt":${T0}`, `"exportedAt":${T0 + days(1)}`));
  });

  it('takes a file cut at any place into reads, and members in any order', async () => {
    const source = freshDb();
    await seed(source);
    const backup = JSON.parse(await streamedText(source, T0)) as { data: Record<string, unknown> };
    // Settings first, tables reversed, header last: the pieces still find each other.
    const { contacts, profiles, notes, interactions, introductions, settings } = backup.data;
    const reordered = `{"data":{"settings":${JSON.stringify(settings)},"introductions":${JSON.stringify(introductions)},"interactions":${JSON.stringify(interactions)},"notes":${JSON.stringify(notes)},"profiles":${JSON.stringify(profiles)},"contacts":${JSON.stringify(contacts)}},"exportedAt":${T0},"version":1,"format":"tiekeeper-backup"}`;
    const bytes = new TextEncoder().encode(reordered);
    // A stream of 7-byte reads, so that every record and many characters are split across reads.
    const chunked = new Blob(Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.slice(i * 7, i * 7 + 7)));
    const target = freshDb();
    await importFile(target, chunked, 'replace', true);
    expect(await streamedText(target, T0)).toBe(await streamedText(source, T0));
  });

  it('refuses a file whose last record is broken, having written nothing', async () => {
    const source = freshDb();
    await seed(source);
    const text = await streamedText(source, T0);
    const broken = text.replace(/("introductions":\[\{[^}]*?"status":")[a-z-]+"/, '$1lost"');
    expect(broken).not.toBe(text);
    const target = freshDb();
    await seed(target);
    const before = await streamedText(target, T0);
    await expect(importFile(target, new Blob([broken]), 'replace', true)).rejects.toMatchObject({ key: 'importBackupInvalidField' });
    expect(await streamedText(target, T0)).toBe(before);
  });

  it('names what is wrong with files that are no backup', async () => {
    const db = freshDb();
    const cases: [BlobPart, string][] = [
      ['{"format":"tiekeeper-backup","data":{"contacts":[{"id":', 'importBackupNotJson'],
      ['   \n ', 'importEmpty'],
      ['{"format":"something-else"}', 'importBackupWrongFormat'],
      ['{"format":"tiekeeper-backup","version":2}', 'importBackupTooNew'],
      [new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]), 'importUtf16'],
      [new Uint8Array([0x7b, 0x22, 0xfc, 0x22, 0x7d]), 'importWrongEncoding'],
    ];
    for (const [content, key] of cases) await expect(importFile(db, new Blob([content]), 'merge', false)).rejects.toMatchObject({ key });
  });

  it('changes nothing when the page goes away in the middle of a file', async () => {
    const source = freshDb();
    await seed(source);
    const text = await streamedText(source, T0);
    const target = freshDb();
    const handle = createRouter({ ...browserDeps(), db: target, now: () => T0, extensionOrigin: ORIGIN, extensionId: EXT_ID });
    const ports = portPair(dashboard);
    serveImportPort(ports.background, handle);
    const posted: unknown[] = [];
    ports.page.onMessage.addListener((message: unknown) => posted.push(message));
    ports.page.postMessage({ cmd: 'import.apply', input: { kind: 'backupFile', mode: 'replace' } });
    const pieces = backupFilePieces(new Blob([text]));
    await vi.waitFor(() => expect(posted).toContainEqual({ type: 'ack' }));
    const first = await pieces.next();
    ports.page.postMessage({ type: 'piece', piece: first.value });
    await vi.waitFor(() => expect(posted.filter((m) => (m as { type: string }).type === 'ack')).toHaveLength(2));
    ports.page.disconnect();
    // The background's answer cannot reach a closed page; what counts is the database.
    await vi.waitFor(async () => expect(await target.transaction('r', target.contacts, () => target.contacts.count())).toBe(0));
    expect(await streamedText(target, T0)).toBe(await streamedText(freshDb(), T0));
  });
});
