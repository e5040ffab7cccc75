import { describe, expect, it } from 'vitest';
import { createScheduler } from '../../../background/scheduler';
import type { Contact } from '../../../domain/model';
import { ensureContactForProfile, getContactState, remindContact, snoozeContact, updateContact } from '../../../storage/contacts';
import type { TiekeeperDb } from '../../../storage/db';
import { logInteraction } from '../../../storage/interactions';
import { updateSettings } from '../../../storage/settings';
import { days, freshDb, linkedinRef } from '../storage/helpers';

/** Monday 15 June 2026, 10:00 in Berlin: outside the default quiet hours. */
const T0 = new Date('2026-06-15T10:00:00+02:00').getTime();
const HOUR = 60 * 60 * 1000;

/** A scheduler whose notifications, alarm and toolbar count are recorded; the clock is ours. */
function rig(db: TiekeeperDb, start = T0) {
  const clock = { now: start };
  const shown: { via: 'single' | 'digest' | 'fading'; names: string[] }[] = [];
  const state = { alarm: null as number | null, dueCount: 0 };
  const make = () =>
    createScheduler({
      db,
      now: () => clock.now,
      show: async (via, contacts: Contact[]) => {
        shown.push({ via, names: contacts.map((c) => c.displayName) });
      },
      showFading: async (contacts: Contact[]) => {
        shown.push({ via: 'fading', names: contacts.map((c) => c.displayName) });
      },
      setAlarm: async (when) => {
        state.alarm = when;
      },
      setDueCount: async (count) => {
        state.dueCount = count;
      },
      publishPopupList: async () => {},
    });
  return { clock, shown, state, scheduler: make(), restart: make };
}

/** A monthly contact whose last interaction was `ago` before `T0`. */
async function monthly(db: TiekeeperDb, name: string, ago: number) {
  const { contact } = await ensureContactForProfile(db, linkedinRef(name.toLowerCase().replace(/ /g, '-'), { name }), T0 - days(400));
  await updateContact(db, contact.id, { cadenceDays: 30 }, T0 - days(400));
  await logInteraction(db, { contactId: contact.id, kind: 'call', at: T0 - ago }, T0 - ago);
  return contact.id;
}

describe('follow-up scheduler', () => {
  it('notifies a due follow-up once, sets one alarm for the next, and shows the count', async () => {
    const db = freshDb();
    await monthly(db, 'Anna Schmidt', days(31));
    await monthly(db, 'Ben Otto', days(20));
    const { scheduler, shown, state } = rig(db);
    await scheduler.reconcile();
    expect(shown).toEqual([{ via: 'single', names: ['Anna Schmidt'] }]);
    expect(state.alarm).toBe(T0 - days(20) + days(30));
    expect(state.dueCount).toBe(1);
    await scheduler.reconcile();
    expect(shown).toHaveLength(1);
  });

  it('does not repeat a nudge after the worker is killed and restarted', async () => {
    const db = freshDb();
    await monthly(db, 'Anna Schmidt', days(31));
    const first = rig(db);
    await first.scheduler.reconcile();
    const second = rig(db);
    await second.restart().reconcile();
    expect(first.shown).toHaveLength(1);
    expect(second.shown).toEqual([]);
  });

  it('shows what fell due while the machine slept, once, as a digest when more than the cap', async () => {
    const db = freshDb();
    for (const [i, name] of ['A One', 'B Two', 'C Three', 'D Four', 'E Five'].entries()) await monthly(db, name, days(25 - i));
    const { scheduler, shown, clock } = rig(db);
    await scheduler.reconcile();
    expect(shown).toEqual([]);
    clock.now = T0 + days(10); // asleep for ten days: all five came due in between
    await scheduler.reconcile();
    expect(shown).toEqual([{ via: 'digest', names: expect.arrayContaining(['A One', 'B Two', 'C Three', 'D Four', 'E Five']) }]);
    await scheduler.reconcile();
    expect(shown).toHaveLength(1);
  });

  it('does not notify again when the clock jumps back and forth', async () => {
    const db = freshDb();
    await monthly(db, 'Anna Schmidt', days(31));
    const { scheduler, shown, clock } = rig(db);
    await scheduler.reconcile();
    clock.now = T0 - days(3);
    await scheduler.reconcile();
    clock.now = T0 + days(1);
    await scheduler.reconcile();
    expect(shown).toHaveLength(1);
  });

  it('shows a nudge once when two changes race', async () => {
    const db = freshDb();
    await monthly(db, 'Anna Schmidt', days(31));
    const { scheduler, shown } = rig(db);
    await Promise.all([scheduler.reconcile(), scheduler.reconcile(), scheduler.reconcile()]);
    expect(shown).toHaveLength(1);
  });

  it('waits for the end of the quiet hours, then shows it', async () => {
    const db = freshDb();
    await monthly(db, 'Anna Schmidt', days(31));
    const night = new Date('2026-06-15T23:30:00+02:00').getTime();
    const { scheduler, shown, state, clock } = rig(db, night);
    await scheduler.reconcile();
    expect(shown).toEqual([]);
    expect(state.alarm).toBe(new Date('2026-06-16T08:00:00+02:00').getTime());
    clock.now = state.alarm!;
    await scheduler.reconcile();
    expect(shown).toHaveLength(1);
  });

  it('treats a snooze as a new cycle: silent until it ends, then one nudge', async () => {
    const db = freshDb();
    const anna = await monthly(db, 'Anna Schmidt', days(31));
    const { scheduler, shown, state, clock } = rig(db);
    await scheduler.reconcile();
    await snoozeContact(db, anna, T0 + days(7), T0);
    await scheduler.reconcile();
    expect(state.alarm).toBe(T0 + days(7));
    expect(state.dueCount).toBe(0);
    clock.now = T0 + days(7) + HOUR;
    await scheduler.reconcile();
    await scheduler.reconcile();
    expect(shown).toHaveLength(2);
  });

  it('moves the next nudge one rhythm past a new interaction, and never wakes when nothing is scheduled', async () => {
    const db = freshDb();
    const anna = await monthly(db, 'Anna Schmidt', days(31));
    const { scheduler, state } = rig(db);
    await logInteraction(db, { contactId: anna, kind: 'meeting', at: T0 }, T0);
    await scheduler.reconcile();
    expect(state.alarm).toBe(T0 + days(30));
    await updateContact(db, anna, { cadenceDays: null }, T0);
    await scheduler.reconcile();
    expect(state.alarm).toBeNull();
    expect(state.dueCount).toBe(0);
  });

  it('keeps counting toward the daily cap across wake-ups of one day', async () => {
    const db = freshDb();
    await updateSettings(db, { dailyNotificationCap: 2 });
    await monthly(db, 'A One', days(31));
    await monthly(db, 'B Two', days(31));
    const { scheduler, shown, clock } = rig(db);
    await scheduler.reconcile();
    await monthly(db, 'C Three', days(31));
    clock.now = T0 + HOUR;
    await scheduler.reconcile();
    expect(shown.map((s) => s.via)).toEqual(['single', 'digest']);
  });

  describe('fading ties', () => {
    /** Someone without a rhythm, in touch every month or so, silent for ten months now. */
    async function faded(db: TiekeeperDb, name: string) {
      const { contact } = await ensureContactForProfile(db, linkedinRef(name.toLowerCase().replace(/ /g, '-'), { name }), T0 - days(800));
      for (const ago of [400, 370, 340, 310]) await logInteraction(db, { contactId: contact.id, kind: 'call', at: T0 - days(ago) }, T0 - days(ago));
      return contact.id;
    }

    it('are never notified unless the user asks', async () => {
      const db = freshDb();
      await faded(db, 'Mateo Garcia');
      const { scheduler, shown, state } = rig(db);
      await scheduler.reconcile();
      expect(shown).toEqual([]);
      expect(state.alarm).toBeNull();
    });

    it('are notified once a week when asked, and looked at again next Monday morning', async () => {
      const db = freshDb();
      await updateSettings(db, { notifyFading: true });
      await faded(db, 'Mateo Garcia');
      const { scheduler, shown, state, clock } = rig(db);
      await scheduler.reconcile();
      expect(shown).toEqual([{ via: 'fading', names: ['Mateo Garcia'] }]);
      expect(state.alarm).toBe(new Date('2026-06-22T08:00:00+02:00').getTime());
      clock.now = T0 + days(2);
      await scheduler.reconcile();
      expect(shown).toHaveLength(1);
      clock.now = state.alarm!;
      await scheduler.reconcile();
      expect(shown.map((s) => s.via)).toEqual(['fading', 'fading']);
    });

    it('wait for the end of the quiet hours', async () => {
      const db = freshDb();
      await updateSettings(db, { notifyFading: true });
      await faded(db, 'Mateo Garcia');
      const { scheduler, shown, state } = rig(db, new Date('2026-06-15T22:00:00+02:00').getTime());
      await scheduler.reconcile();
      expect(shown).toEqual([]);
      expect(state.alarm).toBe(new Date('2026-06-16T08:00:00+02:00').getTime());
    });
  });

  describe('one-off reminders', () => {
    async function withReminder(db: TiekeeperDb, name: string, at: number) {
      const { contact } = await ensureContactForProfile(db, linkedinRef(name.toLowerCase().replace(/ /g, '-'), { name }), T0 - days(10));
      await remindContact(db, contact.id, { at, reason: 'ask how the new job is going' }, T0 - days(10));
      return contact.id;
    }

    it('nudge exactly once, across worker restarts, and leave the rhythm alone', async () => {
      const db = freshDb();
      const id = await monthly(db, 'Anna Schmidt', days(5));
      await withReminder(db, 'Anna Schmidt', T0 + HOUR);
      const first = rig(db);
      await first.scheduler.reconcile();
      expect(first.shown).toEqual([]);
      expect(first.state.alarm).toBe(T0 + HOUR);
      first.clock.now = T0 + HOUR;
      await first.scheduler.reconcile();
      expect(first.shown).toEqual([{ via: 'single', names: ['Anna Schmidt'] }]);
      // The worker is stopped and started again, later the same day: nothing more.
      const second = rig(db, T0 + 2 * HOUR);
      await second.restart().reconcile();
      expect(second.shown).toEqual([]);
      const { contact } = (await getContactState(db, id))!;
      expect(contact.cadenceDays).toBe(30);
      expect(contact.reminderAt).toBe(T0 + HOUR);
      expect(second.state.dueCount).toBe(1);
    });

    it('are done by an interaction on or after their day, not by one before', async () => {
      const db = freshDb();
      const id = await withReminder(db, 'Ben Otto', T0 + days(3));
      await logInteraction(db, { contactId: id, kind: 'call', at: T0 }, T0);
      expect((await getContactState(db, id))!.contact.reminderAt).toBe(T0 + days(3));
      await logInteraction(db, { contactId: id, kind: 'message', at: T0 + days(3) - HOUR }, T0 + days(3));
      const { contact } = (await getContactState(db, id))!;
      expect(contact.reminderAt).toBeNull();
      expect(contact.nextDueAt).toBeNull();
    });

    it('move with "remind me later" once they have come, and nudge again at the new time', async () => {
      const db = freshDb();
      const id = await withReminder(db, 'Clara Vogt', T0);
      const { scheduler, shown, clock } = rig(db);
      await scheduler.reconcile();
      expect(shown).toHaveLength(1);
      await snoozeContact(db, id, T0 + days(1), T0);
      clock.now = T0 + days(1);
      await scheduler.reconcile();
      expect(shown).toHaveLength(2);
      expect((await getContactState(db, id))!.contact.reminderAt).toBe(T0 + days(1));
    });

    it('set from "Remind me later" move a due nudge to their day, and then nudge once', async () => {
      const db = freshDb();
      const id = await monthly(db, 'Emil Roth', days(31));
      const { scheduler, shown, clock } = rig(db);
      await scheduler.reconcile();
      expect(shown).toHaveLength(1);
      await remindContact(db, id, { at: T0 + days(2), reason: '' }, T0, true);
      const { contact } = (await getContactState(db, id))!;
      expect(contact.nextDueAt).toBe(T0 + days(2));
      clock.now = T0 + days(2);
      await scheduler.reconcile();
      await scheduler.reconcile();
      expect(shown.map((s) => s.names)).toEqual([['Emil Roth'], ['Emil Roth']]);
    });

    it('can be removed before they come', async () => {
      const db = freshDb();
      const id = await withReminder(db, 'Dora Weiss', T0 + HOUR);
      await remindContact(db, id, null, T0);
      const { scheduler, shown, state, clock } = rig(db);
      clock.now = T0 + 2 * HOUR;
      await scheduler.reconcile();
      expect(shown).toEqual([]);
      expect(state.alarm).toBeNull();
    });
  });
});
