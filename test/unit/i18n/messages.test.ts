import { describe, expect, it } from 'vitest';
import de from '../../../public/_locales/de/messages.json';
import en from '../../../public/_locales/en/messages.json';
import { setLanguageOverride, t, tCount } from '../../../i18n';
import { COUNTED_NOUNS, GERMAN_GLOSSARY } from '../../../i18n/glossary';

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

describe('German glossary', () => {
  it('every German message keeps to one word per idea', () => {
    for (const [key, { message }] of Object.entries(de)) {
      for (const { term, avoid } of GERMAN_GLOSSARY) {
        for (const pattern of avoid) expect(pattern.test(message), `${key}: "${message}" — use ${term}`).toBe(false);
      }
    }
  });

  it('an ellipsis follows a space in German and the word in English', () => {
    for (const [key, { message }] of Object.entries(de)) expect(message, key).not.toMatch(/[^\s„(]…/);
    for (const [key, { message }] of Object.entries(en)) expect(message, key).not.toMatch(/\s…(?!\s*\S)|\S\s…/);
  });
});

/** Messages whose count is never one, with the reason. */
const NEVER_ONE: Record<string, string> = {
  timesMany: 'timesText says "once" and "twice" in words',
  errorNoteTooLong: 'too long means more characters than the limit',
  importBackupTooLong: 'too long means more characters than the limit',
  importCsvFieldTooLong: 'too long means more characters than the limit',
  importCsvWrongFieldCount: 'the expected count is the header\'s, which names several columns',
};

describe('counts in messages', () => {
  it('a number before a counted noun comes with a plural rule', () => {
    for (const [language, bundle] of [['en', en], ['de', de]] as const) {
      for (const [key, { message }] of Object.entries(bundle)) {
        const counted = [...message.matchAll(/\$\d[ -]?/g)].some((m) => COUNTED_NOUNS[language].test(message.slice(m.index + m[0].length)));
        if (counted && !(key in NEVER_ONE)) expect(key, `${language}: "${message}"`).toMatch(/(One|Other)$/);
      }
    }
  });

  it('every plural message has its form for one and for more, and tCount picks by the count', () => {
    for (const key of Object.keys(en).filter((k) => k.endsWith('One'))) expect(Object.keys(en), key).toContain(key.replace(/One$/, 'Other'));
    setLanguageOverride('de');
    expect(tCount('countAll', 1)).toBe('1 Person');
    expect(tCount('countAll', 1234)).toBe('1.234 Personen');
    setLanguageOverride('en');
    expect(tCount('countAll', 0)).toBe('0 people');
    expect(tCount('nudgeDigestTitle', 1)).toBe('1 person is due to hear from you');
    setLanguageOverride(null);
  });

  it('t takes only text, so that a count cannot slip in without a plural form', () => {
    // @ts-expect-error a number needs tCount or a formatted string
    expect(t('nudgeTitle', 3)).toBeTypeOf('string');
  });
});
