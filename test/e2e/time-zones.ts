/**
 * The browser's local time in the end-to-end tests. Quiet hours, "today" and the weekly picks
 * follow local time, so every browser runs in a named time zone, and the Node side of a test
 * (dates it types or expects) runs in the same one.
 */

/** Where the tests run unless a test asks for another; `E2E_TIMEZONE` tries another. */
export const DEFAULT_TIMEZONE = process.env.E2E_TIMEZONE || 'Europe/Berlin';

/**
 * A zone whose local hour is `hour` right now: `Etc/GMT-3` is three hours ahead of UTC (the IANA
 * names have the sign reversed), and the offsets from -12 to +11 reach every hour of the day.
 */
export function zoneWithLocalHour(hour: number, now = new Date()): string {
  const offset = ((hour - now.getUTCHours() + 36) % 24) - 12;
  if (offset === 0) return 'Etc/UTC';
  return `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

/** Minutes east of UTC of `zone` at `time`. */
export function offsetMinutes(zone: string, time = Date.now()): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
  }).formatToParts(time);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return Math.round((local - Math.floor(time / 60_000) * 60_000) / 60_000);
}
