import { describe, expect, it } from 'vitest';
import { offsetMinutes, zoneWithLocalHour } from '../../e2e/time-zones';

describe('choosing a time zone for an hour of the day', () => {
  it('gives a zone where it is that hour now, from every UTC hour', () => {
    for (let utcHour = 0; utcHour < 24; utcHour++) {
      const now = new Date(Date.UTC(2026, 11, 4, utcHour, 30));
      for (const hour of [0, 12, 23]) {
        const zone = zoneWithLocalHour(hour, now);
        const local = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: 'numeric', hourCycle: 'h23' }).format(now);
        expect(Number(local), `${zone} at ${utcHour}:30 UTC`).toBe(hour);
      }
    }
  });

  it('reads a zone’s offset, summer time included', () => {
    expect(offsetMinutes('Etc/GMT-3', Date.UTC(2026, 11, 4, 21, 20))).toBe(180);
    expect(offsetMinutes('Etc/GMT+11', Date.UTC(2026, 11, 4, 21, 20))).toBe(-660);
    expect(offsetMinutes('Europe/Berlin', Date.UTC(2026, 11, 4, 12))).toBe(60);
    expect(offsetMinutes('Europe/Berlin', Date.UTC(2026, 6, 4, 12))).toBe(120);
  });
});
