import { userMessage, type UserMessage } from '../../domain/errors';
import { MAX_IMPORT_BYTES, MAX_IMPORT_CHARS } from '../../domain/import-text';

const MB = 1024 * 1024;

/**
 * Refuses a file that cannot be imported before reading it into memory. A UTF-8 file has at
 * least one byte per character, at most four: beyond MAX_IMPORT_BYTES it cannot fit.
 */
export function fileSizeProblem(bytes: number): UserMessage | null {
  if (bytes === 0) return userMessage('importEmpty');
  if (bytes > MAX_IMPORT_BYTES) return userMessage('importTooLarge', (bytes / MB).toFixed(1), MAX_IMPORT_CHARS / MB);
  return null;
}

/**
 * Whether a file's first characters are JSON, so a Tiekeeper backup; anything else is taken for
 * LinkedIn's Connections.csv. A wrong guess is harmless: each import names what it expected.
 */
export function isJsonStart(start: string): boolean {
  const text = start.replace(/^\uFEFF/, '').trimStart();
  return text.startsWith('{') || text.startsWith('[');
}
