import { userMessage, type UserMessage } from './errors';

/**
 * Checks that every import does on the file text before looking at its content. The page reads
 * the file as UTF-8 (`File.text()`), so a file in another encoding shows up here as NUL
 * characters (UTF-16) or U+FFFD replacement characters (Latin-1, Windows-1252).
 */

/**
 * 40 MB of text: about 200,000 LinkedIn connections, or a backup of 10,000 people with 100,000
 * notes. Far more than anyone has, and well under what one extension message may carry.
 */
export const MAX_IMPORT_CHARS = 40 * 1024 * 1024;
/** The page can refuse a file before reading it; a UTF-8 file is at least as long in bytes. */
export const MAX_IMPORT_BYTES = MAX_IMPORT_CHARS * 4;
/** More problems than this are summarised in one last line. */
export const MAX_REPORTED_PROBLEMS = 20;

const MB = 1024 * 1024;

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The first problem that makes the text unusable as an import, or null. */
export function checkImportText(text: string): UserMessage | null {
  if (text.length > MAX_IMPORT_CHARS) {
    return userMessage('importTooLarge', (text.length / MB).toFixed(1), MAX_IMPORT_CHARS / MB);
  }
  const body = stripBom(text);
  if (body.trim() === '') return userMessage('importEmpty');

  const sample = body.slice(0, 4096);
  // UTF-16 or UTF-32 read as UTF-8: the byte-order mark becomes replacement characters, and
  // every ASCII character comes with one NUL (UTF-16) or three (UTF-32).
  const nuls = sample.split('\u0000').length - 1;
  // eslint-disable-next-line no-control-regex -- NULs are what gives the encoding away
  if (/^(\ufffd\ufffd)?\u0000\u0000/.test(sample) || /[^\u0000]\u0000{3}[^\u0000]/.test(sample)) return userMessage('importUtf32');
  if (sample.startsWith('\ufffd\ufffd') || nuls > sample.length / 4) return userMessage('importUtf16');
  // Control characters other than tab and line breaks do not occur in text files.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  const controls = sample.match(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g)?.length ?? 0;
  if (nuls > 0 || controls > sample.length / 100) return userMessage('importBinary');
  const replacement = body.indexOf('\ufffd');
  if (replacement !== -1) return userMessage('importWrongEncoding', lineAt(body, replacement));
  return null;
}

/** Caps a problem list for display: the first ones and a count of the rest. */
export function capProblems(problems: UserMessage[]): UserMessage[] {
  if (problems.length <= MAX_REPORTED_PROBLEMS) return problems;
  return [
    ...problems.slice(0, MAX_REPORTED_PROBLEMS),
    userMessage('importMoreProblems', problems.length - MAX_REPORTED_PROBLEMS),
  ];
}
