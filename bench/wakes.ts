import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createScheduler } from '../background/scheduler';
import type { BackupData } from '../domain/backup';
import { parseBackup } from '../domain/backup';
import { DAY_MS } from '../domain/constants';
import type { Contact } from '../domain/model';
import { applyBackup } from '../storage/backup';
import { TiekeeperDb } from '../storage/db';
import { run, type BenchBrowser, type ExtensionPage } from './browser';
import { backupText, generateDataset } from './data';
import { single, type Figure } from './figures';

const AREA = '7. Background wake-ups';
const HOUR = 60 * 60 * 1000;

/** Contacts none of whom falls due in the next two days. */
export function quietDataset(now: number, contacts: number): BackupData {
  return generateDataset({ now, seed: 31, contacts, due: 0, upcoming: 0, laterThan: 2 * DAY_MS, scheduledShare: 0.6 });
}

/**
 * A simulated day with the real scheduler on an in-memory IndexedDB and a clock of our own: the
 * worker starts (the scheduler reconciles and sets its one alarm), then every time the alarm is
 * due within the 24 hours the clock jumps there and the worker wakes and reconciles again.
 * The count is the number of alarm wake-ups in the day.
 */
export async function simulateDay(data: BackupData, start: number): Promise<{ wakes: number; wakeTimes: number[] }> {
  // The real IndexedDB exists only in the browser; this is the same engine the unit tests use.
  Dexie.dependencies.indexedDB = new IDBFactory();
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  const db = new TiekeeperDb('bench-simulated-day');
  try {
    const parsed = parseBackup(backupText(data, start));
    if (!parsed.ok) throw new Error(`invalid generated data: ${JSON.stringify(parsed.problems[0])}`);
    await applyBackup(db, parsed.value, 'replace');
    const clock = { now: start };
    let alarm: number | null = null;
    const scheduler = createScheduler({
      db,
      now: () => clock.now,
      show: async () => {},
      showFading: async () => {},
      setAlarm: async (when) => {
        alarm = when;
      },
      setDueCount: async () => {},
      publishPopupList: async () => {},
    });
    await scheduler.reconcile();
    const wakeTimes: number[] = [];
    const end = start + DAY_MS;
    for (let next = alarm as number | null; next !== null && next <= end; next = alarm as number | null) {
      // Chrome fires an alarm set in the past at once; the scheduler never should set one.
      if (next <= clock.now) throw new Error(`the scheduler set an alarm that is not in the future (${new Date(next).toISOString()})`);
      clock.now = next;
      wakeTimes.push(next);
      await scheduler.reconcile();
    }
    return { wakes: wakeTimes.length, wakeTimes };
  } finally {
    await db.delete();
  }
}

/** The quiet data plus a few people who fall due at spread-out times during the day. */
function withDueDuringTheDay(data: BackupData, start: number, hours: readonly number[]): BackupData {
  const chosen = new Set(data.contacts.slice(0, hours.length).map((c) => c.id));
  const contacts = data.contacts.map((c, i): Contact => {
    if (!chosen.has(c.id)) return c;
    const dueAt = start + hours[i]! * HOUR;
    return { ...c, cadenceDays: 30, cadenceSetAt: dueAt - 30 * DAY_MS, lastContactAt: null, snoozedUntil: null, archived: false, nextDueAt: dueAt };
  });
  return { ...data, contacts, interactions: data.interactions.filter((x) => !chosen.has(x.contactId)) };
}

export async function measureWakes(options: { contacts: number; browser: BenchBrowser; page: ExtensionPage }): Promise<Figure[]> {
  const start = Date.now();
  const quiet = quietDataset(start, options.contacts);
  const simulated = await simulateDay(quiet, start);
  const hours = [2, 5, 8, 11, 15, 19];
  const busy = await simulateDay(withDueDuringTheDay(quiet, start, hours), start);

  // The real worker: after an import it has reconciled; its alarms say when it will wake.
  await options.page.importBackup(backupText(quiet, start), 'replace');
  const worker = await options.browser.worker();
  const alarms = await run(
    worker,
    async () => (await (globalThis as unknown as { chrome: { alarms: { getAll(): Promise<{ name: string; scheduledTime: number; periodInMinutes?: number }[]> } } }).chrome.alarms.getAll()),
    null,
  );
  const now = Date.now();
  const firingInDay = alarms.reduce((sum, alarm) => {
    if (alarm.scheduledTime > now + DAY_MS) return sum;
    const period = alarm.periodInMinutes ? alarm.periodInMinutes * 60_000 : Infinity;
    return sum + 1 + Math.floor((now + DAY_MS - Math.max(alarm.scheduledTime, now)) / period);
  }, 0);
  const nextAlarm = alarms.map((a) => `${a.name} in ${((a.scheduledTime - now) / HOUR).toFixed(1)} h`).join(', ') || 'none';
  const count = options.contacts.toLocaleString('en-GB');
  return [
    single(
      {
        id: 'wakes.simulated',
        area: AREA,
        label: `simulated day, ${count} contacts, none due within 24 h: alarm wake-ups`,
        unit: 'count',
        target: { max: 0, source: 'design: one alarm for the next due time, none when nothing is due' },
        note:
          'the real scheduler (background/scheduler.ts) on fake-indexeddb with a fake clock: reconcile at start, then jump to each alarm that falls within 24 h and reconcile again; the count is those jumps. ' +
          `The earliest due time was ${(((quiet.contacts.map((c) => c.nextDueAt).filter((t): t is number => t !== null).sort((a, b) => a - b)[0] ?? Number.NaN) - start) / HOUR).toFixed(1)} h away.`,
      },
      simulated.wakes,
    ),
    single(
      {
        id: 'wakes.simulatedBusy',
        area: AREA,
        label: `simulated day, ${hours.length} contacts falling due at +${hours.join(', +')} h: alarm wake-ups`,
        unit: 'count',
        note: `the same simulation with people falling due during the day, to show that it counts wake-ups (quiet hours 21:00–08:00 local time move nudges to their end): woke at ${busy.wakeTimes.map((t) => `+${((t - start) / HOUR).toFixed(1)} h`).join(', ') || 'never'}.`,
      },
      busy.wakes,
    ),
    single(
      {
        id: 'wakes.worker',
        area: AREA,
        label: `real worker, ${count} contacts none due within 24 h: alarms firing in the next 24 h`,
        unit: 'count',
        target: { max: 0, source: 'design: one alarm for the next due time, none when nothing is due' },
        note: `chrome.alarms.getAll() in the extension's service worker after importing the same data (the import reschedules before it answers): ${nextAlarm}. Alarms are the worker's only timed wake-up.`,
      },
      firingInDay,
    ),
  ];
}
