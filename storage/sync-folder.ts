import { deriveKey, fromBase64, PBKDF2_ITERATIONS, toBase64, type Bytes } from '../domain/sync/crypto';
import type { Op } from '../domain/sync/ops';
import {
  decodeHeader,
  decodeSegment,
  encodeBatch,
  encodeHeader,
  makeHeader,
  MAX_SEGMENT_FILE_BYTES,
  parseSegmentFileName,
  parseSnapshotFileName,
  SEGMENT_MAX_BYTES,
  segmentFileName,
  snapshotFileName,
  SyncFileError,
  type SegmentHeader,
  type SyncFileProblem,
} from '../domain/sync/segment';

/**
 * The sync folder's files (docs/sync.md): this device appends batches to its own change log, and
 * reads what the other devices appended since it last looked. Nothing here touches the database:
 * reading returns operations and new cursors, which the caller applies and keeps together, in
 * one transaction.
 *
 * It works on the part of the File System Access API it needs, so that Chrome's
 * `FileSystemDirectoryHandle` fits as it is and tests use a real folder through Node's `fs`.
 */

export interface SyncFileHandle {
  readonly kind: 'file';
  readonly name: string;
  getFile(): Promise<{ readonly size: number; text(): Promise<string> }>;
  /** Writes a new version of the file that replaces the old one when closed (Chrome's swap file). */
  createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void> }>;
}

export interface SyncDirectory {
  /** Files and folders in it: only the names of files are used. */
  values(): AsyncIterable<{ readonly kind: string; readonly name: string }>;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<SyncFileHandle>;
  /** Deletes a file (this device's own older snapshots, old weekly backups); absent where files cannot be deleted (picked files). */
  removeEntry?(name: string): Promise<void>;
}

/** How much of a device's log has been read (or, for this device, written). */
export interface LogPosition {
  segment: number;
  /** Batches of that segment, from its start. */
  batches: number;
}
export type Cursors = Record<string, LogPosition>;

/** This device's log: where it writes, and the salt and iterations of its key. */
export interface OwnLog {
  device: string;
  salt: Bytes;
  iterations: number;
  /** The last batch written; null before the first. */
  position: LogPosition | null;
}

/**
 * The keys of the folder: one per device salt, derived from the passphrase once and kept.
 * A header asking for fewer iterations than `minIterations` is refused: nobody can make this
 * device read (or trust) a file protected less than its own.
 *
 * Made again after a restart from the keys kept in the database (`known`), without the
 * passphrase: then a device with a salt not seen before needs the passphrase once more.
 */
export class KeyRing {
  private readonly keys = new Map<string, Promise<CryptoKey>>();

  constructor(
    private readonly passphrase: string | null,
    private readonly minIterations: number = PBKDF2_ITERATIONS,
    known: Iterable<[string, CryptoKey]> = [],
  ) {
    for (const [id, key] of known) this.keys.set(id, Promise.resolve(key));
  }

  key(salt: Bytes, iterations: number): Promise<CryptoKey> {
    if (iterations < this.minIterations) return Promise.reject(new SyncFileError('invalid', `only ${iterations} key iterations`));
    const id = `${iterations}/${toBase64(salt)}`;
    let key = this.keys.get(id);
    if (!key) {
      if (this.passphrase === null) return Promise.reject(new SyncFileError('needs-passphrase', 'a device this one has not read before'));
      key = deriveKey(this.passphrase, salt, iterations);
      this.keys.set(id, key);
    }
    return key;
  }

  keyFor = (header: SegmentHeader): Promise<CryptoKey> => this.key(fromBase64(header.salt), header.iterations);

  /** The keys derived so far, to keep (they are not extractable: only usable). */
  async entries(): Promise<[string, CryptoKey][]> {
    const out: [string, CryptoKey][] = [];
    for (const [id, key] of this.keys) {
      try {
        out.push([id, await key]);
      } catch {
        // A derivation that failed is not kept.
      }
    }
    return out;
  }
}

/** Segment file names by device and number. */
async function listSegments(dir: SyncDirectory): Promise<Map<string, Map<number, string>>> {
  const byDevice = new Map<string, Map<number, string>>();
  for await (const entry of dir.values()) {
    if (entry.kind !== 'file') continue;
    const parsed = parseSegmentFileName(entry.name);
    if (!parsed) continue;
    const segments = byDevice.get(parsed.device) ?? new Map<number, string>();
    byDevice.set(parsed.device, segments);
    // A copy a browser renamed (`… (1).log`) counts only when the file itself is absent.
    const exact = entry.name === segmentFileName(parsed.device, parsed.segment);
    if (exact || !segments.has(parsed.segment)) segments.set(parsed.segment, entry.name);
  }
  return byDevice;
}

async function readText(handle: SyncFileHandle): Promise<string> {
  let file;
  try {
    file = await handle.getFile();
  } catch {
    // Gone or locked while the sync client works on it: like a file not complete yet.
    throw new SyncFileError('truncated', 'the file could not be read');
  }
  if (file.size > MAX_SEGMENT_FILE_BYTES) throw new SyncFileError('invalid', `the file is ${file.size} bytes`);
  return file.text();
}

async function writeText(handle: SyncFileHandle, text: string): Promise<void> {
  const writable = await handle.createWritable();
  await writable.write(text);
  await writable.close();
}

/**
 * Appends one batch to this device's log and returns where it now stands (the caller keeps it).
 * A segment beyond `maxBytes`, or one that is no longer as this device left it (deleted, cut
 * short by the sync client), is not touched again: the batch begins the next segment.
 */
export async function appendBatch(
  dir: SyncDirectory,
  own: OwnLog,
  key: CryptoKey,
  ops: readonly Op[],
  maxBytes: number = SEGMENT_MAX_BYTES,
): Promise<LogPosition> {
  let text: string | null = null;
  let header: SegmentHeader | null = null;
  if (own.position !== null) {
    try {
      const handle = await dir.getFileHandle(segmentFileName(own.device, own.position.segment));
      const current = await readText(handle);
      const lines = current.split('\n').length - 1;
      if (current.endsWith('\n') && lines === own.position.batches + 1 && current.length < maxBytes) {
        header = decodeHeader(current);
        if (header.device !== own.device || header.segment !== own.position.segment) header = null;
        else text = current;
      }
    } catch {
      // Missing or unreadable: a new segment.
    }
  }
  let position: LogPosition;
  if (text !== null && header !== null && own.position !== null) {
    position = { segment: own.position.segment, batches: own.position.batches + 1 };
  } else {
    // Past every segment of this device in the folder, so that nothing of it is ever rewritten.
    const existing = (await listSegments(dir)).get(own.device);
    const highest = Math.max(own.position?.segment ?? 0, ...(existing ? existing.keys() : []));
    position = { segment: highest + 1, batches: 1 };
    header = await makeHeader(key, { device: own.device, segment: position.segment, iterations: own.iterations, salt: own.salt });
    text = encodeHeader(header);
  }
  const line = await encodeBatch(key, header, position.batches - 1, ops);
  await writeText(await dir.getFileHandle(segmentFileName(own.device, position.segment), { create: true }), text + line);
  return position;
}

/**
 * Firefox has no File System Access: a device there writes each batch as a whole new segment,
 * which the dashboard saves with the downloads API into the synced folder. Same format, so the
 * other devices read it like any segment.
 */
export async function segmentForDownload(own: OwnLog, key: CryptoKey, ops: readonly Op[]): Promise<{ name: string; text: string; position: LogPosition }> {
  const position = { segment: (own.position?.segment ?? 0) + 1, batches: 1 };
  const header = await makeHeader(key, { device: own.device, segment: position.segment, iterations: own.iterations, salt: own.salt });
  const text = encodeHeader(header) + (await encodeBatch(key, header, 0, ops));
  return { name: segmentFileName(own.device, position.segment), text, position };
}

/** A read-only "folder" of files the user picked with a file input (Firefox's "Sync now"). */
export function pickedFiles(files: Iterable<{ readonly name: string; readonly size: number; text(): Promise<string> }>): SyncDirectory {
  const byName = new Map([...files].map((file) => [file.name, file]));
  return {
    async *values() {
      for (const name of byName.keys()) yield { kind: 'file', name };
    },
    async getFileHandle(name: string) {
      const file = byName.get(name);
      if (!file) throw new DOMException(`${name} was not picked`, 'NotFoundError');
      return {
        kind: 'file' as const,
        name,
        getFile: async () => file,
        createWritable: () => Promise.reject(new DOMException('picked files are read-only', 'NotAllowedError')),
      };
    },
  };
}

export interface ReadBatch {
  device: string;
  segment: number;
  ops: Op[];
}

export interface FileProblem {
  file: string;
  device: string;
  problem: SyncFileProblem;
  detail: string;
}

export interface ReadResult {
  /** The new batches, each device's in order. */
  batches: ReadBatch[];
  /** The cursors after them: unchanged for a device whose next file could not be read. */
  cursors: Cursors;
  /** Files not read, why: each is tried again at the next sync. */
  problems: FileProblem[];
}

/**
 * What the other devices wrote since `cursors`. Each file is taken whole or not at all, and a
 * device's files are taken in order: at the first that cannot be read (cut short, newer, another
 * passphrase, damaged), that device's cursor stops, and the rest of its files wait.
 */
export async function readOthers(dir: SyncDirectory, device: string, cursors: Cursors, keys: KeyRing): Promise<ReadResult> {
  const batches: ReadBatch[] = [];
  const problems: FileProblem[] = [];
  const next: Cursors = { ...cursors };
  const segments = await listSegments(dir);
  for (const [other, files] of [...segments].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (other === device) continue;
    const cursor = cursors[other];
    for (const number of [...files.keys()].sort((a, b) => a - b)) {
      if (cursor && number < cursor.segment) continue;
      const name = files.get(number)!;
      try {
        const handle = await dir.getFileHandle(name).catch(() => {
          throw new SyncFileError('truncated', 'the file is gone');
        });
        const from = cursor && number === cursor.segment ? cursor.batches : 0;
        const decoded = await decodeSegment(await readText(handle), keys.keyFor, from);
        if (decoded.header.device !== other || decoded.header.segment !== number || decoded.header.kind !== 'log') {
          throw new SyncFileError('invalid', `the header names device ${decoded.header.device}, segment ${decoded.header.segment}`);
        }
        for (const ops of decoded.batches.slice(from)) batches.push({ device: other, segment: number, ops });
        const already = next[other];
        if (!already || number > already.segment || decoded.batches.length > already.batches) {
          next[other] = { segment: number, batches: Math.max(decoded.batches.length, number === already?.segment ? already.batches : 0) };
        }
      } catch (error) {
        if (!(error instanceof SyncFileError)) throw error;
        problems.push({ file: name, device: other, problem: error.problem, detail: error.message });
        break;
      }
    }
  }
  return { batches, cursors: next, problems };
}

/** Operations per batch of a snapshot (a batch holds at most 100,000). */
const SNAPSHOT_BATCH_OPS = 10_000;

/**
 * Writes a snapshot of this device's merged state (`stateToOps`) with the positions of the logs
 * it covers, as a new file (`tiekeeper-<device>-snapshot-<n>.log`); returns its name.
 */
export async function writeSnapshot(
  dir: SyncDirectory,
  own: Pick<OwnLog, 'device' | 'salt' | 'iterations'>,
  key: CryptoKey,
  ops: readonly Op[],
  covers: Cursors,
): Promise<string> {
  let highest = 0;
  for await (const entry of dir.values()) {
    const parsed = entry.kind === 'file' ? parseSnapshotFileName(entry.name) : null;
    if (parsed?.device === own.device) highest = Math.max(highest, parsed.segment);
  }
  const number = highest + 1;
  const header = await makeHeader(key, { device: own.device, segment: number, iterations: own.iterations, salt: own.salt, kind: 'snapshot' });
  let text = encodeHeader(header);
  const chunks = Math.max(1, Math.ceil(ops.length / SNAPSHOT_BATCH_OPS));
  for (let i = 0; i < chunks; i++) {
    text += await encodeBatch(key, header, i, ops.slice(i * SNAPSHOT_BATCH_OPS, (i + 1) * SNAPSHOT_BATCH_OPS), i === 0 ? covers : undefined);
  }
  const name = snapshotFileName(own.device, number);
  await writeText(await dir.getFileHandle(name, { create: true }), text);
  return name;
}

/** Deletes this device's snapshots older than `kept` (its own files only: no other device writes them). */
export async function removeOlderSnapshots(dir: SyncDirectory, kept: string): Promise<void> {
  const newest = parseSnapshotFileName(kept);
  if (!newest || !dir.removeEntry) return;
  const older: string[] = [];
  for await (const entry of dir.values()) {
    const parsed = entry.kind === 'file' ? parseSnapshotFileName(entry.name) : null;
    if (parsed && parsed.device === newest.device && parsed.segment < newest.segment) older.push(entry.name);
  }
  for (const name of older) await dir.removeEntry(name).catch(() => undefined);
}

export interface ReadSnapshot {
  /** The file it came from. */
  file: string;
  ops: Op[];
  covers: Cursors;
}

const coverage = (covers: Cursors) => Object.values(covers).reduce((sum, at) => sum + at.segment * 10_000_000 + at.batches, 0);

/**
 * The snapshot that covers the most of the logs, of the newest snapshot of each device, or null
 * when there is none that can be read (the problems say why). A new device starts from it.
 */
export async function readSnapshot(dir: SyncDirectory, keys: KeyRing): Promise<{ snapshot: ReadSnapshot | null; problems: FileProblem[] }> {
  const newest = new Map<string, { number: number; name: string }>();
  for await (const entry of dir.values()) {
    const parsed = entry.kind === 'file' ? parseSnapshotFileName(entry.name) : null;
    if (!parsed) continue;
    const found = newest.get(parsed.device);
    if (!found || parsed.segment > found.number || (parsed.segment === found.number && entry.name === snapshotFileName(parsed.device, parsed.segment))) {
      newest.set(parsed.device, { number: parsed.segment, name: entry.name });
    }
  }
  let best: ReadSnapshot | null = null;
  const problems: FileProblem[] = [];
  for (const [device, { number, name }] of [...newest].sort(([a], [b]) => (a < b ? -1 : 1))) {
    try {
      const handle = await dir.getFileHandle(name).catch(() => {
        throw new SyncFileError('truncated', 'the file is gone');
      });
      const decoded = await decodeSegment(await readText(handle), keys.keyFor);
      const { header } = decoded;
      if (header.kind !== 'snapshot' || header.device !== device || header.segment !== number || !decoded.covers) {
        throw new SyncFileError('invalid', 'not the snapshot its name says');
      }
      const covers = decoded.covers as Cursors;
      if (!best || coverage(covers) > coverage(best.covers)) best = { file: name, ops: decoded.batches.flat(), covers };
    } catch (error) {
      if (!(error instanceof SyncFileError)) throw error;
      problems.push({ file: name, device, problem: error.problem, detail: error.message });
    }
  }
  return { snapshot: best, problems };
}
