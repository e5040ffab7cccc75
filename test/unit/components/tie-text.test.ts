import { afterEach, describe, expect, it } from 'vitest';
import { badgeStatus, badgeView } from '../../../i18n/badge-status';
import { fadingWhy, introductionStatusText, ledgerBadgeNote, ledgerSentence } from '../../../i18n/tie-text';
import { DAY_MS } from '../../../domain/constants';
import { ledgerOf } from '../../../domain/ledger';
import { contactSummary } from '../../../domain/summary';
import { newContact } from '../../../domain/contacts';
import { setLanguageOverride } from '../../../i18n';

const NOW = new Date('2026-06-15T10:00:00+02:00').getTime();
const words = (given: number, received: number) => ledgerSentence(ledgerOf({ given, received }));

describe('give and take in words', () => {
  afterEach(() => setLanguageOverride(null));

  it('in English, with once, twice and n times', () => {
    expect(words(0, 0)).toBe('Nothing given or asked yet');
    expect(words(0, 2)).toBe('You asked twice, gave nothing yet');
    expect(words(1, 4)).toBe('You asked 4 times, gave once');
    expect(words(3, 1)).toBe('You gave 3 times, asked once');
    expect(words(1, 0)).toBe('You gave once, asked nothing yet');
    expect(words(2, 2)).toBe('Even: gave 2, asked 2');
  });

  it('in German, speaking to the user as "du"', () => {
    setLanguageOverride('de');
    expect(words(0, 2)).toBe('Du hast zweimal um etwas gebeten und noch nichts gegeben');
    expect(words(3, 1)).toBe('Du hast 3-mal etwas gegeben und einmal um etwas gebeten');
    expect(words(2, 2)).toBe('Ausgeglichen: 2-mal gegeben, 2-mal gebeten');
    expect(ledgerBadgeNote(ledgerOf({ given: 0, received: 2 }))).toBe('zweimal um etwas gebeten');
  });

  it('puts a short note on the badge only when the user owes', () => {
    expect(ledgerBadgeNote(ledgerOf({ given: 0, received: 2 }))).toBe('you asked twice');
    expect(ledgerBadgeNote(ledgerOf({ given: 1, received: 3 }))).toBe('you asked 3 times, gave once');
    expect(ledgerBadgeNote(ledgerOf({ given: 2, received: 2 }))).toBeNull();
  });

  it('in the badge label when calm, in its detail otherwise', () => {
    const owing = { given: 0, received: 2, typicalGapDays: null, remoteStreak: 0 };
    const calm = contactSummary({ ...newContact('c', { displayName: 'Anna' }, NOW), lastContactAt: NOW - 60 * DAY_MS, tie: owing });
    expect(badgeStatus(calm, NOW)).toEqual({ tone: 'calm', label: 'Last contact 2 months ago · you asked twice', detail: null });
    // A note alone is no contact: no check mark for "No contact yet".
    expect(badgeStatus({ ...calm, lastContactAt: null, favoursReceived: 0 }, NOW)).toEqual({ tone: 'none', label: 'No contact yet', detail: null });
    const due = { ...calm, cadenceDays: 30, nextDueAt: NOW - 30 * DAY_MS };
    expect(badgeStatus(due, NOW)).toMatchObject({ tone: 'overdue', detail: 'Last contact 2 months ago · you asked twice' });
  });
});

describe('fading and introductions in words', () => {
  afterEach(() => setLanguageOverride(null));

  it('says why a tie counts as fading', () => {
    expect(fadingWhy({ score: 3, level: 'fading', daysSince: 180, typicalGapDays: 61, basis: 'history' })).toBe('You used to be in touch every 2 months');
    expect(fadingWhy({ score: 2, level: 'fading', daysSince: 180, typicalGapDays: 90, basis: 'default' })).toBe('Only one contact so far');
    setLanguageOverride('de');
    expect(fadingWhy({ score: 3, level: 'fading', daysSince: 180, typicalGapDays: 61, basis: 'history' })).toBe('Sonst wart ihr etwa alle 2 Monate in Kontakt');
  });

  it('names whom was asked', () => {
    expect(introductionStatusText('asked-b', 'Jana', 'Lukas')).toBe('Asked Lukas');
    setLanguageOverride('de');
    expect(introductionStatusText('asked-a', 'Jana', 'Lukas')).toBe('Jana gefragt');
  });
});

describe('connection date and next follow-up on the badge', () => {
  afterEach(() => setLanguageOverride(null));
  const connectedAt = new Date(2026, 5, 1).getTime();

  it('says when the two connected when there was no contact yet, "No contact yet" with neither', () => {
    const imported = contactSummary(newContact('c', { displayName: 'Anna', connectedAt }, NOW));
    expect(badgeStatus(imported, NOW)).toEqual({ tone: 'none', label: 'Connected 1 Jun 2026', detail: null });
    expect(badgeStatus({ ...imported, connectedAt: null }, NOW)).toMatchObject({ label: 'No contact yet' });
    setLanguageOverride('de');
    expect(badgeStatus(imported, NOW).label).toBe('Vernetzt am 1. Juni 2026');
  });

  it('tells when the next follow-up is in the tooltip: "Next: in 3 weeks, 6 Jul"', () => {
    const base = { ...newContact('c', { displayName: 'Anna' }, NOW), lastContactAt: NOW - 70 * DAY_MS, cadenceDays: 91 };
    const scheduled = contactSummary({ ...base, cadenceSetAt: NOW - 80 * DAY_MS });
    // 91 days after the last contact.
    expect(badgeStatus(scheduled, NOW)).toEqual({ tone: 'calm', label: 'Last contact 2 months ago', detail: null, next: 'Next: in 3 weeks, 6 Jul' });
    // In the tooltip; the accessible name stays the badge's words.
    expect(badgeView(scheduled, NOW, 'Anna')).toMatchObject({ ariaLabel: 'Tiekeeper, Anna: Last contact 2 months ago', tooltip: 'Next: in 3 weeks, 6 Jul' });
    const soon = contactSummary({ ...base, lastContactAt: NOW - 88 * DAY_MS });
    expect(badgeStatus(soon, NOW)).toMatchObject({ tone: 'soon', next: 'Next: in 3 days, 18 Jun' });
    // Overdue: the tooltip is the last contact; nothing is coming, it is here.
    const overdue = contactSummary({ ...base, lastContactAt: NOW - 200 * DAY_MS });
    expect(badgeView(overdue, NOW, 'Anna').tooltip).toBe('Last contact 7 months ago');
    setLanguageOverride('de');
    expect(badgeStatus(scheduled, NOW).next).toBe('Nächste Erinnerung: in 3 Wochen, 6. Juli');
  });
});
