/**
 * Encryption of the sync files (docs/sync.md): AES-GCM-256 with a fresh random 96-bit iv per
 * message, the key derived from the user's passphrase with PBKDF2-SHA-256. Only WebCrypto
 * (`crypto.subtle`), which browsers and Node 20 both have.
 */

/** PBKDF2 iterations for new files: OWASP's figure for PBKDF2-HMAC-SHA256 (2023). */
export const PBKDF2_ITERATIONS = 600_000;
/** A file asking for more than this would make reading it a denial of service. */
export const MAX_PBKDF2_ITERATIONS = 10_000_000;
export const SALT_BYTES = 16;
const IV_BYTES = 12;

const subtle = () => globalThis.crypto.subtle;
const encoder = new TextEncoder();

export type Bytes = Uint8Array<ArrayBuffer>;

export function randomBytes(length: number): Bytes {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

/** A tag that does not match: wrong key, or a message damaged or altered. */
export class AuthenticationError extends Error {
  constructor() {
    super('authentication failed');
    this.name = 'AuthenticationError';
  }
}

/**
 * The AES-GCM key for a passphrase and salt. Not extractable: it can be used (and kept in
 * IndexedDB) but never read back out.
 */
export async function deriveKey(passphrase: string, salt: Bytes, iterations: number = PBKDF2_ITERATIONS): Promise<CryptoKey> {
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS) throw new RangeError(`PBKDF2 iterations out of range: ${iterations}`);
  const material = await subtle().importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
}

/** `iv ‖ ciphertext with tag`. `context` is authenticated, not encrypted: where the message belongs. */
export async function encrypt(key: CryptoKey, plaintext: Bytes, context: string): Promise<Bytes> {
  const iv = randomBytes(IV_BYTES);
  const sealed = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(context) }, key, plaintext));
  const out = new Uint8Array(IV_BYTES + sealed.length);
  out.set(iv);
  out.set(sealed, IV_BYTES);
  return out;
}

/** Throws `AuthenticationError` when the key, the context or a single bit is not as written. */
export async function decrypt(key: CryptoKey, message: Bytes, context: string): Promise<Bytes> {
  if (message.length < IV_BYTES + 16) throw new AuthenticationError();
  try {
    const plain = await subtle().decrypt(
      { name: 'AES-GCM', iv: message.subarray(0, IV_BYTES), additionalData: encoder.encode(context) },
      key,
      message.subarray(IV_BYTES),
    );
    return new Uint8Array(plain);
  } catch {
    throw new AuthenticationError();
  }
}

/**
 * The browsers' own base64 (Chrome 140, Firefox 133), several times faster on the megabytes a
 * sync or a backup carries; the loops below where it is missing.
 */
interface NativeBase64 {
  fromBase64?(text: string, options: { lastChunkHandling: 'strict' }): Uint8Array<ArrayBuffer>;
}
const nativeFrom = (Uint8Array as unknown as NativeBase64).fromBase64;
const nativeTo = (Uint8Array.prototype as unknown as { toBase64?(): string }).toBase64;

export function toBase64(bytes: Uint8Array): string {
  if (nativeTo) return nativeTo.call(bytes);
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** Throws `SyntaxError` on anything that is not base64. */
export function fromBase64(text: string): Bytes {
  if (text.length % 4 !== 0) throw new SyntaxError('not base64');
  if (nativeFrom) return nativeFrom.call(Uint8Array, text, { lastChunkHandling: 'strict' }) as Bytes;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new SyntaxError('not base64');
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
