import { z } from 'zod';
import { AuthenticationError, decrypt, encrypt, fromBase64, MAX_PBKDF2_ITERATIONS, SALT_BYTES, toBase64, type Bytes } from './crypto';
import { batchSchema, deviceIdSchema, SYNC_FORMAT_VERSION, type Batch, type Op } from './ops';

/**
 * A segment of a device's change log (docs/sync.md): a plain JSON header line, then one line per
 * encrypted batch of operations. Every line ends with a newline, so a file cut short in the
 * middle of a line (half synced, half written) is recognised as such.
 */

export const SYNC_FILE_FORMAT = 'tiekeeper-sync';
/** A segment is closed and the next one begun beyond this size. */
export const SEGMENT_MAX_BYTES = 1_000_000;
/** A file of more than this is not read (the folder is shared with other programs). */
export const MAX_SEGMENT_FILE_BYTES = 64_000_000;

export function segmentFileName(device: string, segment: number): string {
  return `tiekeeper-${device}-${String(segment).padStart(6, '0')}.log`;
}

/** A snapshot (docs/sync.md): the merged state as one device saw it, and which logs it covers. */
export function snapshotFileName(device: string, number: number): string {
  return `tiekeeper-${device}-snapshot-${String(number).padStart(6, '0')}.log`;
}

export function parseSnapshotFileName(name: string): { device: string; segment: number } | null {
  const match = /^tiekeeper-([0-9a-f]{16})-snapshot-(\d{6,9})(?: ?\(\d+\))?\.log$/.exec(name);
  return match ? { device: match[1]!, segment: Number(match[2]) } : null;
}

/**
 * The device and segment a file name claims, or null for files that are not segments. Lenient
 * about the copies browsers and sync clients make (`… (1).log`): the header decides.
 */
export function parseSegmentFileName(name: string): { device: string; segment: number } | null {
  const match = /^tiekeeper-([0-9a-f]{16})-(\d{6,9})(?: ?\(\d+\))?\.log$/.exec(name);
  return match ? { device: match[1]!, segment: Number(match[2]) } : null;
}

export const segmentHeaderSchema = z.object({
  format: z.literal(SYNC_FILE_FORMAT),
  version: z.literal(SYNC_FORMAT_VERSION),
  device: deviceIdSchema,
  segment: z.number().int().min(1).max(999_999_999),
  /** A segment of the log, or a snapshot (numbered on their own). */
  kind: z.enum(['log', 'snapshot']).default('log'),
  kdf: z.literal('PBKDF2-SHA-256'),
  iterations: z.number().int().min(1).max(MAX_PBKDF2_ITERATIONS),
  /** base64 of the device's salt. */
  salt: z.string().length(Math.ceil(SALT_BYTES / 3) * 4),
  /** A fixed text encrypted with the key: tells a wrong passphrase from a damaged file. */
  check: z.string().max(200),
});
export type SegmentHeader = z.infer<typeof segmentHeaderSchema>;

export type SyncFileProblem =
  /** Cut short: half synced or half written. Tried again at the next sync. */
  | 'truncated'
  /** Written by a later version of Tiekeeper. */
  | 'newer-version'
  /** Written with another passphrase. */
  | 'wrong-passphrase'
  /** A tag that fails while the passphrase is right: damaged or altered. */
  | 'damaged'
  /** Not a sync file, or its contents are not valid operations. */
  | 'invalid'
  /** From a device not read before, while this one knows only the keys it kept, not the passphrase. */
  | 'needs-passphrase';

export class SyncFileError extends Error {
  constructor(
    readonly problem: SyncFileProblem,
    detail: string,
  ) {
    super(`${problem}: ${detail}`);
    this.name = 'SyncFileError';
  }
}

const CHECK_TEXT = 'tiekeeper-sync-check';
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
const checkContext = (device: string) => `check/${device}`;
const batchContext = (header: Pick<SegmentHeader, 'device' | 'segment' | 'kind'>, index: number) =>
  `batch/${header.kind}/${header.device}/${header.segment}/${index}`;

export async function makeHeader(
  key: CryptoKey,
  fields: { device: string; segment: number; iterations: number; salt: Bytes; kind?: SegmentHeader['kind'] },
): Promise<SegmentHeader> {
  const check = await encrypt(key, encoder.encode(CHECK_TEXT), checkContext(fields.device));
  return {
    format: SYNC_FILE_FORMAT,
    version: SYNC_FORMAT_VERSION,
    device: fields.device,
    segment: fields.segment,
    kind: fields.kind ?? 'log',
    kdf: 'PBKDF2-SHA-256',
    iterations: fields.iterations,
    salt: toBase64(fields.salt),
    check: toBase64(check),
  };
}

export function encodeHeader(header: SegmentHeader): string {
  return `${JSON.stringify(header)}\n`;
}

/** One line: the batch at position `index` (0-based) of the segment. */
export async function encodeBatch(key: CryptoKey, header: SegmentHeader, index: number, ops: readonly Op[], covers?: Batch['covers']): Promise<string> {
  const plain = encoder.encode(JSON.stringify({ v: SYNC_FORMAT_VERSION, ops, ...(covers && { covers }) }));
  return `${toBase64(await encrypt(key, plain, batchContext(header, index)))}\n`;
}

/**
 * The header alone, checked: the format, then the version (a later one is refused before its
 * other fields are looked at), then the fields.
 */
export function decodeHeader(text: string): SegmentHeader {
  const end = text.indexOf('\n');
  if (end < 0) throw new SyncFileError('truncated', 'the header is incomplete');
  let raw: unknown;
  try {
    raw = JSON.parse(text.slice(0, end));
  } catch {
    throw new SyncFileError('invalid', 'the header is not JSON');
  }
  const { format, version } = (raw ?? {}) as { format?: unknown; version?: unknown };
  if (format !== SYNC_FILE_FORMAT) throw new SyncFileError('invalid', 'not a Tiekeeper sync file');
  if (typeof version === 'number' && version > SYNC_FORMAT_VERSION) throw new SyncFileError('newer-version', `format version ${version}`);
  const parsed = segmentHeaderSchema.safeParse(raw);
  if (!parsed.success) throw new SyncFileError('invalid', 'the header is not valid');
  return parsed.data;
}

export interface DecodedSegment {
  header: SegmentHeader;
  /** The batches, in order: their operations. */
  batches: Op[][];
  /** A snapshot's first batch: the logs it covers. */
  covers?: Batch['covers'];
}

/**
 * The whole segment, or a `SyncFileError`: nothing of a file that is not right in every part
 * is returned. `keyFor` gives the key for the header's salt and iterations (the caller asks for
 * the passphrase and keeps the keys it derived).
 */
export async function decodeSegment(text: string, keyFor: (header: SegmentHeader) => Promise<CryptoKey>, from = 0): Promise<DecodedSegment> {
  if (!text.endsWith('\n')) throw new SyncFileError('truncated', 'the file ends in the middle of a line');
  const header = decodeHeader(text);
  let key: CryptoKey;
  try {
    key = await keyFor(header);
  } catch (error) {
    if (error instanceof SyncFileError) throw error;
    throw new SyncFileError('invalid', 'the header has no usable key parameters');
  }
  try {
    const plain = await decrypt(key, fromBase64(header.check), checkContext(header.device));
    if (decoder.decode(plain) !== CHECK_TEXT) throw new AuthenticationError();
  } catch {
    throw new SyncFileError('wrong-passphrase', `device ${header.device}`);
  }
  const lines = text.slice(text.indexOf('\n') + 1, -1);
  const batches: Op[][] = [];
  let covers: Batch['covers'];
  if (lines === '') return { header, batches };
  for (const [index, line] of lines.split('\n').entries()) {
    // Batches read before (below the reader's cursor) are not decrypted again: they stay empty.
    if (index < from) {
      batches.push([]);
      continue;
    }
    let plain: Bytes;
    try {
      plain = await decrypt(key, fromBase64(line), batchContext(header, index));
    } catch {
      throw new SyncFileError('damaged', `batch ${index + 1} of segment ${header.segment} of device ${header.device}`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(decoder.decode(plain));
    } catch {
      throw new SyncFileError('invalid', `batch ${index + 1} is not JSON`);
    }
    const version = (raw as { v?: unknown } | null)?.v;
    if (typeof version === 'number' && version > SYNC_FORMAT_VERSION) throw new SyncFileError('newer-version', `batch format version ${version}`);
    const parsed = batchSchema.safeParse(raw);
    if (!parsed.success) throw new SyncFileError('invalid', `batch ${index + 1} holds invalid operations`);
    batches.push(parsed.data.ops);
    if (index === 0 && parsed.data.covers) covers = parsed.data.covers;
  }
  return { header, batches, ...(covers && { covers }) };
}
