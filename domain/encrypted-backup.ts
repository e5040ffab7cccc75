import { z } from 'zod';
import { invalid } from './errors';
import { AuthenticationError, decrypt, encrypt, fromBase64, MAX_PBKDF2_ITERATIONS, toBase64, type Bytes } from './sync/crypto';

/**
 * A backup encrypted with the sync passphrase's key, for the sync folder (which the user's cloud
 * client copies to a provider): one plain JSON header line, then one line per chunk of the plain
 * backup file, each base64 of `iv ‖ AES-GCM ciphertext`. A chunk's number, and whether it is the
 * last, are its additional data: chunks cannot be reordered, dropped or cut off without failing.
 * Written and read a chunk at a time, so memory stays bounded at any size.
 */

export const ENCRYPTED_BACKUP_FORMAT = 'tiekeeper-backup-encrypted';
export const ENCRYPTED_BACKUP_VERSION = 1;
/** Plain bytes per chunk. */
export const ENCRYPTED_CHUNK_BYTES = 1024 * 1024;
/** Longest line a reader accepts: a chunk in base64 with its iv and tag, and room to spare. */
const MAX_LINE_CHARS = 2 * ENCRYPTED_CHUNK_BYTES;

const CHECK_TEXT = 'tiekeeper-backup-check';
const CHECK_CONTEXT = 'backup/check';
const chunkContext = (index: number, last: boolean) => `backup/${index}/${last ? 'last' : 'more'}`;

const encoder = new TextEncoder();

export const encryptedBackupHeaderSchema = z.object({
  format: z.literal(ENCRYPTED_BACKUP_FORMAT),
  version: z.number().int(),
  exportedAt: z.number().int(),
  kdf: z.literal('PBKDF2-SHA-256'),
  iterations: z.number().int().min(1).max(MAX_PBKDF2_ITERATIONS),
  salt: z.string().min(1).max(100),
  check: z.string().max(200),
});
export type EncryptedBackupHeader = z.infer<typeof encryptedBackupHeaderSchema>;

/** The header for a backup under `key` (derived from `salt` with `iterations`). */
export async function makeBackupHeader(key: CryptoKey, fields: { exportedAt: number; salt: Bytes; iterations: number }): Promise<EncryptedBackupHeader> {
  return {
    format: ENCRYPTED_BACKUP_FORMAT,
    version: ENCRYPTED_BACKUP_VERSION,
    exportedAt: fields.exportedAt,
    kdf: 'PBKDF2-SHA-256',
    iterations: fields.iterations,
    salt: toBase64(fields.salt),
    check: toBase64(await encrypt(key, encoder.encode(CHECK_TEXT), CHECK_CONTEXT)),
  };
}

/**
 * Writes the encrypted file line by line: the header, then the plain backup (a Blob, read a
 * chunk at a time). `write` is awaited before the next chunk is read.
 */
export async function encryptBackup(key: CryptoKey, header: EncryptedBackupHeader, plain: Blob, write: (line: string) => Promise<void>): Promise<void> {
  await write(`${JSON.stringify(header)}\n`);
  const chunks = Math.max(1, Math.ceil(plain.size / ENCRYPTED_CHUNK_BYTES));
  for (let index = 0; index < chunks; index++) {
    const bytes = new Uint8Array(await plain.slice(index * ENCRYPTED_CHUNK_BYTES, (index + 1) * ENCRYPTED_CHUNK_BYTES).arrayBuffer());
    await write(`${toBase64(await encrypt(key, bytes, chunkContext(index, index === chunks - 1)))}\n`);
  }
}

/** Whether the file's start is an encrypted backup's header (the import tells the kinds apart by it). */
export function isEncryptedBackupStart(start: string): boolean {
  return /^\s*\{\s*"format"\s*:\s*"tiekeeper-backup-encrypted"/.test(start);
}

/** The header from the file's first line; refuses a file that is not one, or from a newer version. */
export function readBackupHeader(firstLine: string): EncryptedBackupHeader {
  let parsed: unknown;
  try {
    parsed = JSON.parse(firstLine);
  } catch {
    throw invalid('encryptedBackupDamaged');
  }
  const format = (parsed as { format?: unknown } | null)?.format;
  const version = (parsed as { version?: unknown } | null)?.version;
  if (format !== ENCRYPTED_BACKUP_FORMAT) throw invalid('encryptedBackupDamaged');
  if (typeof version === 'number' && version > ENCRYPTED_BACKUP_VERSION) throw invalid('importBackupTooNew', version);
  const header = encryptedBackupHeaderSchema.safeParse(parsed);
  if (!header.success) throw invalid('encryptedBackupDamaged');
  return header.data;
}

/** Whether `key` is the one the backup was written with (its header's check decrypts). */
export async function keyOpensBackup(key: CryptoKey, header: EncryptedBackupHeader): Promise<boolean> {
  try {
    await decrypt(key, fromBase64(header.check), CHECK_CONTEXT);
    return true;
  } catch (error) {
    if (error instanceof AuthenticationError || error instanceof SyntaxError) return false;
    throw error;
  }
}

/** The file's lines as they are read, none of them longer than `MAX_LINE_CHARS`. */
async function* linesOf(file: { stream(): ReadableStream<Uint8Array> }): AsyncGenerator<string> {
  const reader = file.stream().getReader();
  // Base64 and the header are ASCII; anything else fails the header or base64 checks below.
  const decoder = new TextDecoder();
  let rest = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rest += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = rest.indexOf('\n')) >= 0) {
        yield rest.slice(0, end);
        rest = rest.slice(end + 1);
      }
      if (rest.length > MAX_LINE_CHARS) throw invalid('encryptedBackupDamaged');
    }
    rest += decoder.decode();
    if (rest.trim() !== '') yield rest;
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/**
 * The plain backup file inside an encrypted one, as a stream that decrypts a chunk when the
 * reader asks for it. A wrong key, a chunk altered, missing, moved or cut off: the stream fails
 * with a message that says so, and the import that reads it changes nothing.
 */
export function decryptBackup(file: { stream(): ReadableStream<Uint8Array> }, key: CryptoKey): ReadableStream<Uint8Array<ArrayBuffer>> {
  const lines = linesOf(file);
  let index = -1;
  let ended = false;
  return new ReadableStream<Uint8Array<ArrayBuffer>>({
    async pull(controller) {
      try {
        for (;;) {
          const next = await lines.next();
          if (next.done) {
            if (!ended) throw invalid(index < 0 ? 'encryptedBackupDamaged' : 'encryptedBackupCut');
            controller.close();
            return;
          }
          const line = next.value;
          if (index < 0) {
            if (!(await keyOpensBackup(key, readBackupHeader(line)))) throw invalid('encryptedBackupWrongPassphrase');
            index = 0;
            continue;
          }
          if (line.trim() === '') continue;
          if (ended) throw invalid('encryptedBackupDamaged');
          let message: Bytes;
          try {
            message = fromBase64(line.trim());
          } catch {
            throw invalid('encryptedBackupDamaged');
          }
          let plain: Bytes;
          try {
            plain = await decrypt(key, message, chunkContext(index, false));
          } catch {
            try {
              plain = await decrypt(key, message, chunkContext(index, true));
              ended = true;
            } catch {
              throw invalid('encryptedBackupDamaged');
            }
          }
          index += 1;
          controller.enqueue(plain);
          return;
        }
      } catch (error) {
        await lines.return(undefined);
        controller.error(error);
      }
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
}

/** The first line of a file (its header), read without reading the rest. */
export async function firstLineOf(file: Blob): Promise<string> {
  const start = await file.slice(0, 4096).text();
  const end = start.indexOf('\n');
  return end < 0 ? start : start.slice(0, end);
}
