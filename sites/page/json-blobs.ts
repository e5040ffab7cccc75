/*
 * The pages' embedded data (LinkedIn's `<code>` blobs, XING's state script): megabytes of JSON,
 * searched by a key and parsed one object at a time.
 */

/** Longest JSON object read around a key; a profile object is a few kilobytes. */
const MAX_OBJECT_LENGTH = 200_000;
const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/** Parses JSON from a saved or re-wrapped page, where raw line breaks may stand inside strings. */
function parseLenient(text: string): unknown {
  try {
    // eslint-disable-next-line no-control-regex
    return JSON.parse(text.replace(/[\u0000-\u001f]+/g, ' '));
  } catch {
    return undefined;
  }
}

/**
 * The innermost JSON object in `text` around position `index` (which must lie outside any
 * string, e.g. on a key's opening quote), parsed; undefined when it is not an object, not
 * balanced within MAX_OBJECT_LENGTH characters either way, or not valid JSON. Only this
 * object is parsed, never the blob around it.
 */
export function jsonObjectAround(text: string, index: number): Record<string, unknown> | undefined {
  // Backwards to the unmatched opening brace, skipping strings: a quote is escaped by an odd
  // number of backslashes before it.
  let depth = 0;
  let inString = false;
  let start = -1;
  for (let i = index - 1; i >= 0 && i >= index - MAX_OBJECT_LENGTH; i--) {
    const char = text.charCodeAt(i);
    if (char === QUOTE) {
      let backslashes = 0;
      while (text.charCodeAt(i - 1 - backslashes) === BACKSLASH) backslashes++;
      if (backslashes % 2 === 0) inString = !inString;
    } else if (inString) {
      continue;
    } else if (char === CLOSE_BRACE || char === CLOSE_BRACKET) {
      depth++;
    } else if (char === OPEN_BRACE || char === OPEN_BRACKET) {
      if (depth === 0) {
        if (char === OPEN_BRACE) start = i;
        break;
      }
      depth--;
    }
  }
  if (start < 0) return undefined;
  // Forwards to the matching closing brace.
  depth = 0;
  inString = false;
  for (let i = start; i < text.length && i < start + MAX_OBJECT_LENGTH; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === BACKSLASH) i++;
      else if (char === QUOTE) inString = false;
    } else if (char === QUOTE) {
      inString = true;
    } else if (char === OPEN_BRACE || char === OPEN_BRACKET) {
      depth++;
    } else if ((char === CLOSE_BRACE || char === CLOSE_BRACKET) && --depth === 0) {
      const value = parseLenient(text.slice(start, i + 1));
      return isRecord(value) ? value : undefined;
    }
  }
  return undefined;
}

/** `: "value"` after a key, as raw JSON string content. */
const STRING_VALUE = /\s*:\s*"((?:[^"\\]|\\.)*)"/y;

/**
 * The JSON objects in `text` (a data blob of the page) that have the string field `field` with
 * a value for which `matches` holds, in document order. Each is found by searching for the key
 * and parsed alone, so a blob of megabytes is searched, not parsed.
 */
export function* jsonObjectsWithField(
  text: string,
  field: string,
  matches: (value: string) => boolean,
): Generator<Record<string, unknown>> {
  const key = `"${field}"`;
  for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + key.length)) {
    STRING_VALUE.lastIndex = at + key.length;
    const raw = STRING_VALUE.exec(text)?.[1];
    if (raw === undefined) continue; // e.g. a schema entry `"publicIdentifier":{"type":"string"}`
    const value = parseLenient(`"${raw}"`);
    if (typeof value !== 'string' || !matches(value)) continue;
    const object = jsonObjectAround(text, at);
    if (object && object[field] === value) yield object;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
