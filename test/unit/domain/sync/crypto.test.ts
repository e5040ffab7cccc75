import { describe, expect, it } from 'vitest';
import { AuthenticationError, decrypt, deriveKey, encrypt, fromBase64, PBKDF2_ITERATIONS, randomBytes, toBase64 } from '../../../../domain/sync/crypto';

// Tests derive keys with few iterations; the production count is checked once, below.
const FAST = 1_000;
const bytes = (text: string) => new TextEncoder().encode(text);

describe('sync encryption', () => {
  it('derives keys with at least 600,000 PBKDF2 iterations by default', async () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const salt = randomBytes(16);
    const byDefault = await deriveKey('correct horse', salt);
    const explicit = await deriveKey('correct horse', salt, 600_000);
    const sealed = await encrypt(byDefault, bytes('hello'), 'ctx');
    expect(new TextDecoder().decode(await decrypt(explicit, sealed, 'ctx'))).toBe('hello');
  });

  it('keeps derived keys out of reach', async () => {
    const key = await deriveKey('pass', randomBytes(16), FAST);
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('refuses a wrong passphrase, another salt, another place, and a flipped bit', async () => {
    const salt = randomBytes(16);
    const key = await deriveKey('Grüße aus Köln', salt, FAST);
    const sealed = await encrypt(key, bytes('note'), 'batch/1');
    expect(new TextDecoder().decode(await decrypt(key, sealed, 'batch/1'))).toBe('note');
    await expect(decrypt(await deriveKey('Grüsse aus Köln', salt, FAST), sealed, 'batch/1')).rejects.toThrow(AuthenticationError);
    await expect(decrypt(await deriveKey('Grüße aus Köln', randomBytes(16), FAST), sealed, 'batch/1')).rejects.toThrow(AuthenticationError);
    await expect(decrypt(key, sealed, 'batch/2')).rejects.toThrow(AuthenticationError);
    const flipped = sealed.slice();
    flipped[20]! ^= 1;
    await expect(decrypt(key, flipped, 'batch/1')).rejects.toThrow(AuthenticationError);
    await expect(decrypt(key, sealed.subarray(0, 10), 'batch/1')).rejects.toThrow(AuthenticationError);
  });

  it('uses a fresh iv for every message', async () => {
    const key = await deriveKey('pass', randomBytes(16), FAST);
    const a = await encrypt(key, bytes('same'), 'c');
    const b = await encrypt(key, bytes('same'), 'c');
    expect(toBase64(a)).not.toBe(toBase64(b));
  });

  it('refuses iteration counts that are not sane', async () => {
    await expect(deriveKey('pass', randomBytes(16), 0)).rejects.toThrow(RangeError);
    await expect(deriveKey('pass', randomBytes(16), 1e12)).rejects.toThrow(RangeError);
  });

  it('writes and reads base64, and refuses what is not', () => {
    const data = new Uint8Array(100_000).map((_, i) => (i * 7919) % 256);
    expect(fromBase64(toBase64(data))).toEqual(data);
    expect(() => fromBase64('abc')).toThrow(SyntaxError);
    expect(() => fromBase64('ab\u00e4=')).toThrow(SyntaxError);
  });
});
