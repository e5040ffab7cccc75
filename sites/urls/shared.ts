/*
 * Profile addresses, apart from the adapters' page parsing: these modules use no DOM, so that
 * domain/ (the Connections.csv import) can read addresses by the same rules as the adapters.
 * Being in a folder, they are not taken for adapters by the registry (sites/index.ts).
 */

/** Decodes a path segment; null when it is malformed percent-encoding. */
export function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment).normalize('NFC');
  } catch {
    return null;
  }
}

/** A web address as people type or paste it (a missing `https://` is fine), or null. */
export function parseAddress(text: string): URL | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed.replace(/^\/+/, '')}`);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}
