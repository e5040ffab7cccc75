import { afterEach, describe, expect, it } from 'vitest';
import { setLanguageOverride } from '../../../i18n';
import { beforeFirstContact, lastContactLabel, lastContactSentence } from '../../../i18n/badge-status';
import { contactName, duration, formatDate, nameOrUnnamed, relativeTime, rhythmLength } from '../../../i18n/format';
import { DAY_MS } from '../../../domain/constants';

const NOW = Date.UTC(2026, 5, 15, 10);

// The formatters are kept per locale: switching the language must switch every text.
describe('dates, durations and rhythms in the UI language', () => {
  afterEach(() => setLanguageOverride(null));

  it('formats in English and then, after a switch, in German', () => {
    setLanguageOverride('en');
    expect(relativeTime(NOW - 120 * DAY_MS, NOW)).toBe('4 months ago');
    expect(relativeTime(NOW + 5 * DAY_MS, NOW)).toBe('in 5 days');
    expect(duration(14 * DAY_MS)).toBe('2 weeks');
    expect(rhythmLength(91)).toBe('3 months');
    expect(formatDate(NOW)).toBe('15 Jun 2026');

    setLanguageOverride('de');
    expect(relativeTime(NOW - 120 * DAY_MS, NOW)).toBe('vor 4 Monaten');
    expect(relativeTime(NOW + 5 * DAY_MS, NOW)).toBe('in 5 Tagen');
    expect(duration(14 * DAY_MS)).toBe('2 Wochen');
    expect(rhythmLength(365)).toBe('1 Jahr');
    expect(formatDate(NOW)).toBe('15. Juni 2026');

    setLanguageOverride('en');
    expect(rhythmLength(14)).toBe('2 weeks');
    expect(relativeTime(NOW, NOW)).toBe('today');
  });
});

describe('names', () => {
  afterEach(() => setLanguageOverride(null));

  it('stand for themselves, and an empty or blank one for an unnamed contact', () => {
    setLanguageOverride('en');
    expect(contactName({ displayName: 'Jana Beispiel' })).toBe('Jana Beispiel');
    expect(contactName({ displayName: '' })).toBe(nameOrUnnamed('  '));
    expect(nameOrUnnamed('')).not.toBe('');
  });
});

describe('the last contact in words', () => {
  afterEach(() => setLanguageOverride(null));

  it('names the day the tie began on the badge, not in the popup or a notification', () => {
    setLanguageOverride('en');
    const connectedAt = Date.UTC(2026, 0, 15, 10);
    expect(lastContactLabel({ lastContactAt: null, connectedAt }, NOW)).toBe(beforeFirstContact(connectedAt));
    expect(lastContactLabel({ lastContactAt: null, connectedAt }, NOW)).not.toBe(lastContactSentence(null, NOW));
    expect(lastContactSentence(null, NOW)).toBe(beforeFirstContact(null));
    expect(lastContactLabel({ lastContactAt: NOW - 3 * DAY_MS, connectedAt }, NOW)).toBe(lastContactSentence(NOW - 3 * DAY_MS, NOW));
  });
});
