import { describe, expect, it } from 'vitest';
import de from '../../../public/_locales/de/messages.json';
import en from '../../../public/_locales/en/messages.json';

const placeholders = (text: string) => [...new Set(text.match(/\$\d/g) ?? [])].sort();

describe('user messages', () => {
  it('every message exists in English and German with the same placeholders', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const [key, { message }] of Object.entries(en)) {
      expect(placeholders((de as Record<string, { message: string }>)[key]!.message), key).toEqual(placeholders(message));
    }
  });

  it('German messages speak to the user as "du", never "Sie"', () => {
    for (const [key, { message }] of Object.entries(de)) expect(message, key).not.toMatch(/\b(Sie|Ihre?[mnrs]?)\b/);
  });
});
