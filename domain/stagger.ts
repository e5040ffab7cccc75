import { DAY_MS } from './constants';
import type { Contact } from './model';
import { withSchedule } from './contacts';
import { lastTouchAt } from './schedule';

/**
 * A rhythm given to many people at once (an import, a bulk change in the dashboard) would make
 * all of them due on the same day: most imported people were last in touch long ago, so one
 * rhythm after that is already past. Instead their first due times are spread evenly across the
 * first rhythm period, oldest contact first:
 *
 *   order:  by the latest of last interaction and connection date, oldest first (people with
 *           neither by when they were added), then by id;
 *   slot i of n:  now + rhythm × (i + 1) / (n + 1)
 *
 * So 500 people on a 6-month rhythm come due about 2.7 a day, the longest-silent first, and
 * nobody is due at the very moment of the change. The same people, rhythm and time always give
 * the same dates. After that first due time the person's own rhythm takes over: the next
 * interaction starts a normal cycle.
 */

type StaggerFields = Pick<Contact, 'id' | 'lastContactAt' | 'connectedAt' | 'createdAt'>;

/** The first due time of each person, by id. */
export function staggeredDueTimes(people: readonly StaggerFields[], cadenceDays: number, now: number): Map<string, number> {
  const since = (p: StaggerFields) => lastTouchAt(p) ?? p.createdAt;
  const ordered = [...people].sort((a, b) => since(a) - since(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const period = cadenceDays * DAY_MS;
  const n = ordered.length;
  return new Map(ordered.map((p, i) => [p.id, now + Math.floor((period * (i + 1)) / (n + 1))]));
}

/**
 * The contacts with the rhythm set, first due times staggered. Only those whose rhythm changes
 * are returned (and spread among themselves): a person who already has this rhythm keeps their
 * due time.
 */
export function withStaggeredRhythm(contacts: readonly Contact[], cadenceDays: number, now: number): Contact[] {
  const changing = contacts.filter((c) => c.cadenceDays !== cadenceDays);
  const dueTimes = staggeredDueTimes(changing, cadenceDays, now);
  return changing.map((c) =>
    withSchedule({
      ...c,
      cadenceDays,
      cadenceSetAt: now,
      firstDueAt: dueTimes.get(c.id) ?? null,
      snoozedUntil: null,
      updatedAt: now,
    }),
  );
}
