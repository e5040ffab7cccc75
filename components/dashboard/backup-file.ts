import { JSONParser, TokenType } from '@streamparser/json';
import { BACKUP_TABLES, isBackupTable, type BackupPiece } from '../../domain/backup';
import { invalid, TiekeeperError, userMessage } from '../../domain/errors';
import { checkImportText } from '../../domain/import-text';

/**
 * About how many bytes of the file one piece carries: few enough to stay small in memory, many
 * enough that a 200 MB file takes a hundred round trips to the background, not thousands.
 */
const PIECE_BYTES = 2 * 1024 * 1024;

/**
 * Reads a backup file in pieces, however large, with no more than about one read's worth of it
 * in memory: a streaming JSON parser hands over each record of each table as it is complete
 * (and drops it from the parser's own memory), and the records a read completes go out as one
 * piece. The background checks every piece; this only finds the file's structure and refuses
 * what is not JSON text at all (another encoding, binary, not JSON). `file` is a file, or the
 * plain text of an encrypted backup as it is decrypted (domain/encrypted-backup.ts).
 */
export async function* backupFilePieces(file: { stream(): ReadableStream<Uint8Array> }, onBytes: (read: number) => void = () => {}): AsyncGenerator<BackupPiece> {
  const parser = new JSONParser({
    // The parser keeps only what it hands over, so no path may hold a table whole.
    paths: ['$.format', '$.version', '$.exportedAt', '$.data.settings', ...BACKUP_TABLES.map((table) => `$.data.${table}.*`)],
    keepStack: false,
  });
  let pieces: BackupPiece[] = [];
  parser.onValue = ({ value, key, stack }) => {
    if (stack.length === 1) pieces.push({ type: 'field', key: String(key), value });
    else if (stack.length === 2) pieces.push({ type: 'member', key: String(key), value });
    else {
      const table = String(stack[2]?.key);
      if (!isBackupTable(table)) return;
      const last = pieces.at(-1);
      if (last?.type === 'rows' && last.table === table) last.rows.push(value);
      else pieces.push({ type: 'rows', table, rows: [value] });
    }
  };
  // `pieces` is replaced after each read: the shape's pieces go to the current list.
  parser.onToken = shapeOf((piece) => pieces.push(piece));

  const decoder = new TextDecoder('utf-8', { fatal: true });
  const reader = file.stream().getReader();
  let read = 0;
  let lines = 1;
  let first = true;
  let blank = true;
  try {
    let sinceLastPiece = 0;
    for (;;) {
      const { done, value: bytes } = await reader.read();
      if (done) break;
      if (first) {
        // The file's first bytes tell another encoding or a binary file (read leniently here,
        // as the page reads any text file, so that the checks see what they expect).
        const problem = checkImportText(new TextDecoder().decode(bytes.subarray(0, 4096)));
        if (problem && problem.key !== 'importEmpty' && problem.key !== 'importWrongEncoding') throw new TiekeeperError('invalid', problem);
        first = false;
      }
      let text: string;
      try {
        text = decoder.decode(bytes, { stream: true });
      } catch {
        throw invalid('importWrongEncoding', lines);
      }
      lines += text.split('\n').length - 1;
      if (blank && /\S/.test(text)) blank = false;
      try {
        parser.write(text);
      } catch {
        throw invalid('importBackupNotJson');
      }
      read += bytes.length;
      sinceLastPiece += bytes.length;
      if (sinceLastPiece < PIECE_BYTES) continue;
      sinceLastPiece = 0;
      onBytes(read);
      const ready = pieces;
      pieces = [];
      yield* ready;
    }
    if (blank) throw new TiekeeperError('invalid', userMessage('importEmpty'));
    try {
      // The parser ends by itself after a complete document; else the file was cut short.
      if (!parser.isEnded) parser.end();
    } catch {
      throw invalid('importBackupNotJson');
    }
    onBytes(read);
    yield* pieces;
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/**
 * Follows the document's structure token by token for what the parser does not keep: a table's
 * end (after its last record), a table that is no list, and a `data` that is no object. The
 * background checks the envelope from these.
 */
function shapeOf(push: (piece: BackupPiece) => void): (token: { token: TokenType; value?: unknown }) => void {
  const open: { array: boolean; key: string | null }[] = [];
  let expectKey = false;
  return ({ token, value }) => {
    const top = open.at(-1);
    if (top && !top.array && expectKey && token === TokenType.STRING) {
      top.key = String(value);
      expectKey = false;
      return;
    }
    if (token === TokenType.COLON || token === TokenType.SEPARATOR) return;
    if (token === TokenType.COMMA) {
      expectKey = top !== undefined && !top.array;
      return;
    }
    const root = open[0];
    const parent = open[1];
    if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) {
      const closed = open.pop();
      // A table's list closes: all its records have been handed over.
      if (closed?.array && open.length === 2 && root?.key === 'data' && isBackupTable(parent?.key ?? '')) push({ type: 'member', key: parent!.key!, value: [] });
      return;
    }
    // A value starts here.
    if (open.length === 1 && root && !root.array && root.key === 'data' && token !== TokenType.LEFT_BRACE) push({ type: 'field', key: 'data', value: null });
    const inData = open.length === 2 && root && !root.array && root.key === 'data' && parent && !parent.array;
    if (inData && isBackupTable(parent.key ?? '') && token !== TokenType.LEFT_BRACKET) push({ type: 'member', key: parent.key!, value: null });
    if (token === TokenType.LEFT_BRACE) {
      open.push({ array: false, key: null });
      expectKey = true;
    } else if (token === TokenType.LEFT_BRACKET) {
      open.push({ array: true, key: null });
    }
  };
}
