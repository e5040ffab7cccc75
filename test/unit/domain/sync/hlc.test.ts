import { describe, expect, it } from 'vitest';
import { compareClocks, formatClock, HybridClock, newDeviceId, parseClock } from '../../../../domain/sync/hlc';

const A = 'aaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbb';

describe('hybrid logical clock', () => {
  it('writes clocks so that comparing the strings compares the clocks', () => {
    const early = formatClock({ wall: 0x18c2f3a1b2, counter: 0xffff, device: B });
    const late = formatClock({ wall: 0x18c2f3a1b3, counter: 0, device: A });
    expect(early < late).toBe(true);
    expect(compareClocks(late, early)).toBe(1);
    expect(parseClock(late)).toEqual({ wall: 0x18c2f3a1b3, counter: 0, device: A });
    // Same time and counter: the device id breaks the tie.
    expect(formatClock({ wall: 5, counter: 1, device: A }) < formatClock({ wall: 5, counter: 1, device: B })).toBe(true);
  });

  it('refuses what is not a clock', () => {
    expect(() => parseClock('0000-0000-aaaa')).toThrow(RangeError);
    expect(() => formatClock({ wall: -1, counter: 0, device: A })).toThrow(RangeError);
    expect(() => new HybridClock('not-a-device', undefined)).toThrow(RangeError);
  });

  it('never goes backwards, also when the wall clock does', () => {
    let now = 1_000;
    const clock = new HybridClock(A, undefined, () => now);
    const first = clock.tick();
    now = 500;
    const second = clock.tick();
    const third = clock.tick();
    expect(first < second && second < third).toBe(true);
    expect(parseClock(third)).toMatchObject({ wall: 1_000, counter: 2 });
  });

  it('goes past a clock it has read, even one from a device whose clock runs ahead', () => {
    const clock = new HybridClock(A, undefined, () => 1_000);
    const remote = formatClock({ wall: 9_000, counter: 7, device: B });
    clock.receive(remote);
    expect(clock.tick() > remote).toBe(true);
  });

  it('carries on from the last clock it issued before a restart', () => {
    const before = new HybridClock(A, undefined, () => 2_000);
    before.tick();
    const last = before.tick();
    const after = new HybridClock(A, last, () => 1_000);
    expect(after.tick() > last).toBe(true);
  });

  it('makes device ids of 16 hex digits', () => {
    expect(newDeviceId()).toMatch(/^[0-9a-f]{16}$/);
    expect(newDeviceId()).not.toBe(newDeviceId());
  });
});
