import { addWeeks, startOfDay } from 'date-fns';
import { weekStartOf } from '../domain/fading';
import type { Contact, Settings } from '../domain/model';
import { afterQuietHours, isQuietTime, planNudges } from '../domain/schedule';
import type { TiekeeperDb } from '../storage/db';
import { dueCount, dueUnnotified, fadingNudgeId, nextDueAfter, nudgeId, recordNudges, singlesShownSince, unshownNudges } from '../storage/nudges';
import { readSuggestions } from '../storage/popup';
import { getSettings } from '../storage/settings';

export const NUDGE_ALARM = 'tiekeeper-next-nudge';

export interface SchedulerDeps {
  db: TiekeeperDb;
  now: () => number;
  /** Shows the nudges; resolves once the browser has them. */
  show: (via: 'single' | 'digest', contacts: Contact[]) => Promise<void>;
  /** Shows this week's fading ties, for users who asked for that (`settings.notifyFading`). */
  showFading: (contacts: Contact[]) => Promise<void>;
  /** Sets the one wake-up alarm, or clears it when null. */
  setAlarm: (when: number | null) => Promise<void>;
  setDueCount: (count: number) => Promise<void>;
  /** Keeps what the popup shows first in step (see storage/popup-snapshot.ts). */
  publishPopupList: (now: number) => Promise<void>;
}

/**
 * The follow-up scheduler. The worker may be stopped at any time, so it holds no state: every
 * wake-up (install, browser start, the alarm, a change) reconciles from the database. Due
 * nudges not yet shown for their due time are shown, then exactly one alarm is set for the next
 * due time. A nudge is recorded right after it is shown, under an id made of the contact and
 * its due time: a restart never shows it again, and a changed due time (a snooze, a new
 * interaction) is a new cycle.
 */
export function createScheduler(deps: SchedulerDeps) {
  const { db } = deps;

  const run = async () => {
    const now = deps.now();
    const [settings, due, next, shownToday] = await Promise.all([
      getSettings(db),
      dueUnnotified(db, now),
      nextDueAfter(db, now),
      singlesShownSince(db, startOfDay(now).getTime()),
    ]);
    const plan = planNudges({ due, nextDueAt: next, shownToday, settings, now });
    if (plan.show) {
      const { via, nudges } = plan.show;
      const byId = new Map(due.map((d) => [d.contactId, d.contact]));
      await deps.show(via, nudges.map((n) => byId.get(n.contactId)!));
      await recordNudges(db, nudges.map((n) => ({ id: nudgeId(n.contactId, n.dueAt), contactId: n.contactId, dueAt: n.dueAt, shownAt: now, via })));
    }
    const fadingWake = settings.notifyFading ? await notifyFading(settings, now) : null;
    await deps.setAlarm(earliest(plan.wakeAt, fadingWake));
    await deps.setDueCount(await dueCount(db, now));
    await deps.publishPopupList(now);
  };

  /**
   * This week's fading ties (the popup's picks), once a week at most, outside the quiet hours,
   * recorded under the contact and the week. Returns when to look again: next Monday.
   */
  const notifyFading = async (settings: Settings, now: number): Promise<number> => {
    const week = weekStartOf(now);
    const nextWeek = afterQuietHours(addWeeks(week, 1).getTime(), settings);
    if (isQuietTime(now, settings)) return afterQuietHours(now, settings);
    const picks = (await readSuggestions(db, now)).fading.map((pick) => pick.contact);
    const ids = picks.map((contact) => fadingNudgeId(contact.id, week));
    const unshown = new Set(await unshownNudges(db, ids));
    const fresh = picks.filter((_, i) => unshown.has(ids[i]!));
    if (fresh.length > 0) {
      await deps.showFading(fresh);
      await recordNudges(db, fresh.map((contact) => ({ id: fadingNudgeId(contact.id, week), contactId: contact.id, dueAt: week, shownAt: now, via: 'digest' })));
    }
    return nextWeek;
  };

  // One reconcile at a time: two changes racing must not both show the same nudge.
  let queue: Promise<void> = Promise.resolve();
  return {
    reconcile(): Promise<void> {
      const next = queue.then(run);
      queue = next.catch((error) => console.error('Tiekeeper: scheduling failed', error));
      return next;
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;

function earliest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  return b === null ? a : Math.min(a, b);
}
