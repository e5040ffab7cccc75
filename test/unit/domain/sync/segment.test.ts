import { describe, expect, it } from 'vitest';
import { deriveKey, encrypt, randomBytes, toBase64 } from '../../../../domain/sync/crypto';
import { formatClock } from '../../../../domain/sync/hlc';
import type { Op } from '../../../../domain/sync/ops';
import {
  decodeSegment,
  encodeBatch,
  encodeHeader,
  makeHeader,
  parseSegmentFileName,
  segmentFileName,
  SyncFileError,
  type SegmentHeader,
  type SyncFileProblem,
} from '../../../../domain/sync/segment';

const DEVICE = '0123456789abcdef';
const ITERATIONS = 1_000;
const op = (wall: number): Op => ({ k: 'put', t: 'notes', id: `n${wall}`, c: formatClock({ wall, counter: 0, device: DEVICE }), f: { body: 'Grüße' }, w: true });

async function segment(batches: Op[][], passphrase = 'pass') {
  const salt = randomBytes(16);
  const key = await deriveKey(passphrase, salt, ITERATIONS);
  const header = await makeHeader(key, { device: DEVICE, segment: 3, iterations: ITERATIONS, salt });
  let text = encodeHeader(header);
  for (const [index, ops] of batches.entries()) text += await encodeBatch(key, header, index, ops);
  return { text, key, header };
}

const keyFor = (passphrase: string) => (header: SegmentHeader) =>
  deriveKey(passphrase, Uint8Array.from(atob(header.salt), (c) => c.charCodeAt(0)), header.iterations);

async function problem(text: string, passphrase = 'pass'): Promise<SyncFileProblem> {
  try {
    await decodeSegment(text, keyFor(passphrase));
  } catch (error) {
    if (error instanceof SyncFileError) return error.problem;
    throw error;
  }
  throw new Error('decoded');
}

describe('segment files', () => {
  it('names files by device and number, and recognises copies a browser renamed', () => {
    expect(segmentFileName(DEVICE, 12)).toBe('tiekeeper-0123456789abcdef-000012.log');
    expect(parseSegmentFileName('tiekeeper-0123456789abcdef-000012.log')).toEqual({ device: DEVICE, segment: 12 });
    expect(parseSegmentFileName('tiekeeper-0123456789abcdef-000012 (1).log')).toEqual({ device: DEVICE, segment: 12 });
    expect(parseSegmentFileName('tiekeeper-0123456789abcdef-000012.log.tmp')).toBeNull();
    expect(parseSegmentFileName('notes.txt')).toBeNull();
  });

  it('reads back the batches it wrote, in order', async () => {
    const { text } = await segment([[op(1), op(2)], [op(3)]]);
    const decoded = await decodeSegment(text, keyFor('pass'));
    expect(decoded.header).toMatchObject({ format: 'tiekeeper-sync', version: 1, device: DEVICE, segment: 3, iterations: ITERATIONS });
    expect(decoded.batches).toEqual([[op(1), op(2)], [op(3)]]);
    // The header is readable without the passphrase; the notes are not.
    expect(text).not.toContain('Grüße');
  });

  it('reads a segment without batches', async () => {
    expect((await decodeSegment((await segment([])).text, keyFor('pass'))).batches).toEqual([]);
  });

  it('knows a file cut short, in a batch or in the header', async () => {
    const { text } = await segment([[op(1)], [op(2)]]);
    expect(await problem(text.slice(0, -5))).toBe('truncated');
    expect(await problem(text.slice(0, 40))).toBe('truncated');
    expect(await problem('')).toBe('truncated');
  });

  it('refuses a file of a newer format, in the header or in a batch', async () => {
    const { text, key } = await segment([[op(1)]]);
    const [first, ...rest] = text.split('\n');
    const newer = JSON.stringify({ ...JSON.parse(first!), version: 2, somethingNew: true });
    expect(await problem([newer, ...rest].join('\n'))).toBe('newer-version');
    const sealed = await encrypt(key, new TextEncoder().encode(JSON.stringify({ v: 2, ops: [] })), `batch/log/${DEVICE}/3/1`);
    expect(await problem(`${text}${toBase64(sealed)}\n`)).toBe('newer-version');
  });

  it('reads only the batches from the cursor on; those before are not decrypted again', async () => {
    const { text } = await segment([[op(1)], [op(2)], [op(3)]]);
    expect((await decodeSegment(text, keyFor('pass'), 2)).batches).toEqual([[], [], [op(3)]]);
    // A batch before the cursor is not even opened; one after it still is.
    const lines = text.split('\n');
    const flip = (line: string) => `${line.slice(0, 30)}${line[30] === 'A' ? 'B' : 'A'}${line.slice(31)}`;
    expect((await decodeSegment([lines[0], flip(lines[1]!), lines[2], lines[3], ''].join('\n'), keyFor('pass'), 1)).batches).toEqual([[], [op(2)], [op(3)]]);
    await expect(decodeSegment([lines[0], lines[1], flip(lines[2]!), lines[3], ''].join('\n'), keyFor('pass'), 1)).rejects.toThrow(SyncFileError);
  });

  it('tells a wrong passphrase from a damaged file', async () => {
    const { text } = await segment([[op(1)], [op(2)]]);
    expect(await problem(text, 'other')).toBe('wrong-passphrase');
    const lines = text.split('\n');
    const batch = lines[1]!;
    const flipped = `${batch.slice(0, 30)}${batch[30] === 'A' ? 'B' : 'A'}${batch.slice(31)}`;
    expect(await problem([lines[0], flipped, lines[2], ''].join('\n'))).toBe('damaged');
    // A batch moved to another place fails too: its place is part of what the tag covers.
    expect(await problem([lines[0], lines[2], lines[1], ''].join('\n'))).toBe('damaged');
    expect(await problem([lines[0], 'not base64!', ''].join('\n'))).toBe('damaged');
  });

  it('does not take a batch of a snapshot for a batch of the log of the same number', async () => {
    const salt = randomBytes(16);
    const key = await deriveKey('pass', salt, ITERATIONS);
    const log = await makeHeader(key, { device: DEVICE, segment: 3, iterations: ITERATIONS, salt });
    const snapshot = await makeHeader(key, { device: DEVICE, segment: 3, iterations: ITERATIONS, salt, kind: 'snapshot' });
    const moved = await encodeBatch(key, snapshot, 0, [op(1)]);
    expect(await problem(encodeHeader(log) + moved)).toBe('damaged');
    expect((await decodeSegment(encodeHeader(snapshot) + moved, keyFor('pass'))).header.kind).toBe('snapshot');
  });

  it('refuses operations that are not valid, even when they decrypt', async () => {
    const { text, key } = await segment([]);
    const evil = { v: 1, ops: [{ k: 'put', t: 'settings', id: 'x', c: 'now', f: {} }] };
    const sealed = await encrypt(key, new TextEncoder().encode(JSON.stringify(evil)), `batch/log/${DEVICE}/3/0`);
    expect(await problem(`${text}${toBase64(sealed)}\n`)).toBe('invalid');
  });

  it('refuses a header whose salt is not base64, without deriving anything', async () => {
    const { text } = await segment([[op(1)]]);
    const [first, ...rest] = text.split('\n');
    const bad = JSON.stringify({ ...JSON.parse(first!), salt: '!'.repeat(24) });
    expect(await problem([bad, ...rest].join('\n'))).toBe('invalid');
  });

  it('refuses files that are not sync files', async () => {
    expect(await problem('hello\n')).toBe('invalid');
    expect(await problem('{"format":"something-else"}\n')).toBe('invalid');
    expect(await problem('{"format":"tiekeeper-sync","version":1}\n')).toBe('invalid');
  });
});
