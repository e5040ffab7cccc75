import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DAY_MS } from '../../../domain/constants';
import { setLanguageOverride, t, uiLanguage } from '../../../i18n';
import { duration, everyText, relativeTime, rhythmLength, rhythmText } from '../../../i18n/format';

const NOW = new Date('2026-06-15T10:00:00+02:00').getTime();

describe('UI language', () => {
  afterEach(() => setLanguageOverride(null));

  it('follows the browser, unless the settings choose a language', () => {
    Object.assign(fakeBrowser.i18n, { getUILanguage: () => 'de-AT' });
    expect(uiLanguage()).toBe('de');
    expect(t('notesAdd')).toBe('Notiz speichern');
    setLanguageOverride('en');
    expect(t('notesAdd')).toBe('Add note');
  });

  it('asks the browser first when no language is chosen', () => {
    Object.assign(fakeBrowser.i18n, { getMessage: (key: string) => (key === 'notesAdd' ? 'from the browser' : '') });
    expect(t('notesAdd')).toBe('from the browser');
  });

  it('fills in $1, $2 … in either language', () => {
    setLanguageOverride('de');
    expect(t('nudgeTitle', 'Anna')).toBe('Zeit, dich bei Anna zu melden');
    setLanguageOverride('en');
    expect(t('siteLinkLabel', 'LinkedIn', 'Anna')).toBe('Anna on LinkedIn (opens in a new tab)');
  });

  it('formats times and rhythms in the UI language', () => {
    setLanguageOverride('de');
    expect(relativeTime(NOW - 120 * DAY_MS, NOW)).toBe('vor 4 Monaten');
    expect(relativeTime(NOW + 5 * DAY_MS, NOW)).toBe('in 5 Tagen');
    expect(duration(14 * DAY_MS)).toBe('2 Wochen');
    expect(rhythmLength(91)).toBe('3 Monate');
    setLanguageOverride('en');
    expect(relativeTime(NOW - DAY_MS, NOW)).toBe('yesterday');
    expect(rhythmLength(365)).toBe('1 year');
    expect(rhythmLength(14)).toBe('2 weeks');
  });

  it('says how often in natural words, with a plural only where there is more than one', () => {
    setLanguageOverride('en');
    expect([30, 91, 365, 7, 14, 730, 1, 3].map(rhythmText)).toEqual([
      'Every month', 'Every 3 months', 'Every year', 'Every week', 'Every 2 weeks', 'Every 2 years', 'Every day', 'Every 3 days',
    ]);
    expect(everyText(30)).toBe('every month');
    setLanguageOverride('de');
    expect([30, 91, 365, 7, 14, 730, 1, 3].map(rhythmText)).toEqual([
      'Jeden Monat', 'Alle 3 Monate', 'Jedes Jahr', 'Jede Woche', 'Alle 2 Wochen', 'Alle 2 Jahre', 'Jeden Tag', 'Alle 3 Tage',
    ]);
    expect(everyText(31)).toBe('jeden Monat');
  });
});
