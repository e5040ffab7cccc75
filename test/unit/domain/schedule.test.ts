import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../domain/model';
import { DAY_MS, LATEST_TIME } from '../../../domain/constants';
import {
  afterQuietHours,
  byUrgency,
  cycleDueAt,
  dueWindow,
  followUpStatus,
  isQuietTime,
  nextDueAt,
  planNudges,
  snoozeUntil,
} from '../../../domain/schedule';

const at = (iso: string) => new Date(iso).getTime();
const NOW = at('2026-06-15T10:00:00+02:00');

const schedule = (
  fields: Partial<Pick<Contact, 'cadenceDays' | 'cadenceSetAt' | 'lastContactAt' | 'connectedAt' | 'firstDueAt' | 'reminderAt' | 'snoozedUntil' | 'archived'>>,
) => ({
  cadenceDays: null,
  cadenceSetAt: null,
  lastContactAt: null,
  snoozedUntil: null,
  archived: false,
  ...fields,
});

describe('due time', () => {
  it('is one rhythm after the last interaction', () => {
    const contact = schedule({ cadenceDays: 30, cadenceSetAt: at('2026-01-01'), lastContactAt: at('2026-05-01') });
    expect(nextDueAt(contact)).toBe(at('2026-05-01') + 30 * DAY_MS);
  });

  it('is one rhythm after the rhythm was set when there was no interaction yet', () => {
    expect(nextDueAt(schedule({ cadenceDays: 91, cadenceSetAt: at('2026-03-01') }))).toBe(at('2026-03-01') + 91 * DAY_MS);
  });

  it('stays within the range of stored times, however late the last interaction', () => {
    const contact = schedule({ cadenceDays: 365, cadenceSetAt: NOW, lastContactAt: LATEST_TIME - DAY_MS });
    expect(nextDueAt(contact)).toBe(LATEST_TIME);
  });

  it('does not exist without a rhythm, or for archived contacts', () => {
    expect(nextDueAt(schedule({ lastContactAt: NOW }))).toBeNull();
    expect(nextDueAt(schedule({ cadenceDays: 30, lastContactAt: NOW, archived: true }))).toBeNull();
  });

  it('moves with a snooze, but a snooze never brings it forward', () => {
    const base = { cadenceDays: 30, lastContactAt: at('2026-05-01') };
    const due = cycleDueAt({ cadenceSetAt: null, ...base })!;
    expect(nextDueAt(schedule({ ...base, snoozedUntil: due + 7 * DAY_MS }))).toBe(due + 7 * DAY_MS);
    expect(nextDueAt(schedule({ ...base, snoozedUntil: due - DAY_MS }))).toBe(due);
  });
});

describe('snooze', () => {
  it('offers a day, a week, a month (calendar month) and a custom time', () => {
    expect(snoozeUntil('1d', NOW)).toBe(NOW + DAY_MS);
    expect(snoozeUntil('1w', NOW)).toBe(NOW + 7 * DAY_MS);
    expect(new Date(snoozeUntil('1m', at('2026-01-31T10:00:00+01:00'))).getDate()).toBe(28);
    expect(snoozeUntil({ until: NOW + 123 }, NOW)).toBe(NOW + 123);
  });
});

describe('due window and status', () => {
  it('gives a quarter of the rhythm as slack, between 3 and 30 days', () => {
    expect(dueWindow(30, 0).latestAt).toBe(8 * DAY_MS);
    expect(dueWindow(7, 0).latestAt).toBe(3 * DAY_MS);
    expect(dueWindow(365, 0).latestAt).toBe(30 * DAY_MS);
  });

  it('tells scheduled, soon, due, overdue and snoozed apart', () => {
    const monthly = (lastContactAt: number, snoozedUntil: number | null = null) =>
      followUpStatus(schedule({ cadenceDays: 30, lastContactAt, snoozedUntil }), NOW);
    expect(monthly(NOW - 10 * DAY_MS).kind).toBe('scheduled');
    expect(monthly(NOW - 25 * DAY_MS).kind).toBe('soon');
    expect(monthly(NOW - 31 * DAY_MS).kind).toBe('due');
    expect(monthly(NOW - 40 * DAY_MS).kind).toBe('overdue');
    expect(monthly(NOW - 40 * DAY_MS, NOW + 3 * DAY_MS).kind).toBe('snoozed');
    expect(followUpStatus(schedule({ lastContactAt: NOW }), NOW).kind).toBe('none');
  });
});

describe('urgency order', () => {
  const contact = (id: string, cadenceDays: number | null, nextDue: number | null) => ({ id, cadenceDays, nextDueAt: nextDue });

  it('puts the relatively latest first, then the upcoming by due time, then those without', () => {
    const monthlyLate = contact('monthly-3w-late', 30, NOW - 21 * DAY_MS);
    const yearlyLate = contact('yearly-3w-late', 365, NOW - 21 * DAY_MS);
    const slightlyLate = contact('weekly-1d-late', 7, NOW - DAY_MS);
    const soon = contact('due-tomorrow', 30, NOW + DAY_MS);
    const later = contact('due-next-week', 30, NOW + 7 * DAY_MS);
    const none = contact('no-rhythm', null, null);
    const ordered = byUrgency([none, later, yearlyLate, soon, slightlyLate, monthlyLate], NOW).map((c) => c.id);
    expect(ordered).toEqual(['monthly-3w-late', 'weekly-1d-late', 'yearly-3w-late', 'due-tomorrow', 'due-next-week', 'no-rhythm']);
  });
});

describe('quiet hours (21:00 to 08:00 local time)', () => {
  const quiet = { quietStartMinute: 21 * 60, quietEndMinute: 8 * 60 };

  it('spans midnight', () => {
    expect(isQuietTime(at('2026-06-15T20:59:00+02:00'), quiet)).toBe(false);
    expect(isQuietTime(at('2026-06-15T21:00:00+02:00'), quiet)).toBe(true);
    expect(isQuietTime(at('2026-06-16T03:00:00+02:00'), quiet)).toBe(true);
    expect(isQuietTime(at('2026-06-16T08:00:00+02:00'), quiet)).toBe(false);
  });

  it('moves a nudge at 23:00 to 08:00 the next morning, and one at 03:00 to 08:00 the same day', () => {
    expect(afterQuietHours(at('2026-06-15T23:00:00+02:00'), quiet)).toBe(at('2026-06-16T08:00:00+02:00'));
    expect(afterQuietHours(at('2026-06-16T03:00:00+02:00'), quiet)).toBe(at('2026-06-16T08:00:00+02:00'));
    expect(afterQuietHours(at('2026-06-16T12:00:00+02:00'), quiet)).toBe(at('2026-06-16T12:00:00+02:00'));
  });

  it('ends at 08:00 local time across the switch to summer time', () => {
    // 29 March 2026: clocks go from 02:00 to 03:00 in Berlin.
    expect(afterQuietHours(at('2026-03-28T22:00:00+01:00'), quiet)).toBe(at('2026-03-29T08:00:00+02:00'));
  });

  it('can be switched off by making start and end equal', () => {
    expect(isQuietTime(at('2026-06-16T03:00:00+02:00'), { quietStartMinute: 0, quietEndMinute: 0 })).toBe(false);
  });
});

describe('nudge plan', () => {
  const settings = { quietStartMinute: 21 * 60, quietEndMinute: 8 * 60, dailyNotificationCap: 3 };
  const due = (n: number) => Array.from({ length: n }, (_, i) => ({ contactId: `c${i}`, dueAt: NOW - i * DAY_MS }));

  it('shows one notification per person up to the daily cap', () => {
    const plan = planNudges({ due: due(3), nextDueAt: NOW + DAY_MS, shownToday: 0, settings, now: NOW });
    expect(plan.show?.via).toBe('single');
    expect(plan.show?.nudges).toHaveLength(3);
    expect(plan.wakeAt).toBe(NOW + DAY_MS);
  });

  it('shows one digest when more are due than the cap allows today', () => {
    expect(planNudges({ due: due(7), nextDueAt: null, shownToday: 0, settings, now: NOW }).show).toMatchObject({ via: 'digest' });
    expect(planNudges({ due: due(2), nextDueAt: null, shownToday: 2, settings, now: NOW }).show).toMatchObject({ via: 'digest' });
  });

  it('waits for the end of the quiet hours', () => {
    const night = at('2026-06-15T23:30:00+02:00');
    const plan = planNudges({ due: due(1), nextDueAt: null, shownToday: 0, settings, now: night });
    expect(plan.show).toBeNull();
    expect(plan.wakeAt).toBe(at('2026-06-16T08:00:00+02:00'));
  });

  it('sleeps until the next due time, moved out of the quiet hours, and not at all when nothing is scheduled', () => {
    expect(planNudges({ due: [], nextDueAt: at('2026-06-15T22:00:00+02:00'), shownToday: 0, settings, now: NOW }).wakeAt)
      .toBe(at('2026-06-16T08:00:00+02:00'));
    expect(planNudges({ due: [], nextDueAt: null, shownToday: 0, settings, now: NOW })).toEqual({ show: null, wakeAt: null });
  });
});

describe('due time with a connection date', () => {
  const connected = at('2026-05-20');

  it('counts a newly set rhythm from the connection date when there was no interaction', () => {
    expect(nextDueAt(schedule({ cadenceDays: 30, cadenceSetAt: NOW, connectedAt: connected }))).toBe(connected + 30 * DAY_MS);
  });

  it('counts from the latest of the last interaction and the connection date', () => {
    const earlier = at('2026-01-10');
    expect(nextDueAt(schedule({ cadenceDays: 30, cadenceSetAt: NOW, lastContactAt: earlier, connectedAt: connected }))).toBe(connected + 30 * DAY_MS);
    const later = at('2026-06-01');
    expect(nextDueAt(schedule({ cadenceDays: 30, cadenceSetAt: NOW, lastContactAt: later, connectedAt: connected }))).toBe(later + 30 * DAY_MS);
  });

  it('is one rhythm after the rhythm was set with neither', () => {
    expect(nextDueAt(schedule({ cadenceDays: 30, cadenceSetAt: NOW, connectedAt: null }))).toBe(NOW + 30 * DAY_MS);
  });

  it('takes a staggered first due time instead, while it stands', () => {
    const first = NOW + 12 * DAY_MS;
    expect(nextDueAt(schedule({ cadenceDays: 182, cadenceSetAt: NOW, connectedAt: at('2019-03-01'), firstDueAt: first }))).toBe(first);
    expect(nextDueAt(schedule({ cadenceDays: null, cadenceSetAt: null, firstDueAt: first }))).toBeNull();
  });

  it('shows as scheduled, not as overdue, for a connection within the rhythm', () => {
    expect(followUpStatus(schedule({ cadenceDays: 91, cadenceSetAt: NOW, connectedAt: connected }), NOW)).toEqual({
      kind: 'scheduled',
      dueAt: connected + 91 * DAY_MS,
    });
  });
});

describe('one-off reminders', () => {
  const monthly = { cadenceDays: 30, cadenceSetAt: at('2026-01-01'), lastContactAt: at('2026-06-01T10:00:00+02:00') };

  it('come due on their own, without a rhythm', () => {
    const contact = schedule({ reminderAt: NOW + 3 * DAY_MS });
    expect(nextDueAt(contact)).toBe(NOW + 3 * DAY_MS);
    expect(followUpStatus(contact, NOW)).toEqual({ kind: 'soon', dueAt: NOW + 3 * DAY_MS, reminder: true });
    expect(followUpStatus(contact, NOW + 3 * DAY_MS)).toEqual({ kind: 'due', dueAt: NOW + 3 * DAY_MS, latestAt: NOW + 3 * DAY_MS, reminder: true });
  });

  it('come first when earlier than the rhythm, and leave the rhythm as it is', () => {
    const rhythmDue = at('2026-07-01T10:00:00+02:00');
    expect(nextDueAt(schedule({ ...monthly, reminderAt: NOW + DAY_MS }))).toBe(NOW + DAY_MS);
    expect(nextDueAt(schedule({ ...monthly, reminderAt: rhythmDue + 20 * DAY_MS }))).toBe(rhythmDue);
    expect(cycleDueAt({ ...monthly, reminderAt: NOW + DAY_MS })).toBe(rhythmDue);
    expect(followUpStatus(schedule({ ...monthly, reminderAt: rhythmDue + 20 * DAY_MS }), NOW)).toEqual({ kind: 'scheduled', dueAt: rhythmDue });
  });

  it('stay due until done, never "overdue": they have no rhythm to be late against', () => {
    const contact = schedule({ reminderAt: NOW - 60 * DAY_MS });
    expect(followUpStatus(contact, NOW).kind).toBe('due');
  });

  it('do not exist for archived contacts', () => {
    expect(nextDueAt(schedule({ reminderAt: NOW + DAY_MS, archived: true }))).toBeNull();
  });
});
