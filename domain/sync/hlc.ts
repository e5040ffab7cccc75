/**
 * A hybrid logical clock (HLC): wall time in milliseconds, a counter for changes within one
 * millisecond (or while the wall clock lags behind a clock read from another device), and the
 * device id that breaks ties. Written as one fixed-width string, so that comparing two strings
 * compares the clocks: `<wall, 11 hex>-<counter, 4 hex>-<device>`.
 *
 * A device's clock never goes backwards and never falls behind a clock it has read
 * (`receive`), so a change made after seeing another is always stamped later than it.
 */

export type Clock = string;

const WALL_DIGITS = 11;
const COUNTER_DIGITS = 4;
const MAX_COUNTER = 16 ** COUNTER_DIGITS - 1;
/** Device ids: 16 lower-case hex digits (see `newDeviceId`). */
export const DEVICE_ID_PATTERN = /^[0-9a-f]{16}$/;
export const CLOCK_PATTERN = /^[0-9a-f]{11}-[0-9a-f]{4}-[0-9a-f]{16}$/;

export interface ClockParts {
  wall: number;
  counter: number;
  device: string;
}

export function formatClock({ wall, counter, device }: ClockParts): Clock {
  if (!Number.isSafeInteger(wall) || wall < 0 || wall >= 16 ** WALL_DIGITS) throw new RangeError(`clock wall time out of range: ${wall}`);
  if (!Number.isInteger(counter) || counter < 0 || counter > MAX_COUNTER) throw new RangeError(`clock counter out of range: ${counter}`);
  if (!DEVICE_ID_PATTERN.test(device)) throw new RangeError(`not a device id: ${device}`);
  return `${wall.toString(16).padStart(WALL_DIGITS, '0')}-${counter.toString(16).padStart(COUNTER_DIGITS, '0')}-${device}`;
}

export function parseClock(clock: Clock): ClockParts {
  if (!CLOCK_PATTERN.test(clock)) throw new RangeError(`not a clock: ${clock}`);
  const [wall, counter, device] = clock.split('-');
  return { wall: parseInt(wall!, 16), counter: parseInt(counter!, 16), device: device! };
}

/** -1, 0 or 1, as the clocks' strings compare. */
export function compareClocks(a: Clock, b: Clock): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The later clock; `undefined` counts as earlier than every clock. */
export function maxClock(a: Clock | undefined, b: Clock | undefined): Clock | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a >= b ? a : b;
}

/** 16 random hex digits. */
export function newDeviceId(random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (bytes) => globalThis.crypto.getRandomValues(bytes)): string {
  return Array.from(random(new Uint8Array(8)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * One device's clock. `last` is kept by the caller (it must survive restarts: a device that
 * forgot its last clock could stamp a change earlier than one it already wrote).
 */
export class HybridClock {
  private last: ClockParts;

  constructor(
    readonly device: string,
    last: Clock | undefined,
    private readonly now: () => number = Date.now,
  ) {
    if (!DEVICE_ID_PATTERN.test(device)) throw new RangeError(`not a device id: ${device}`);
    this.last = last === undefined ? { wall: 0, counter: 0, device } : { ...parseClock(last), device };
  }

  /** The latest clock this device issued or read. */
  get current(): Clock {
    return formatClock(this.last);
  }

  /** A new clock for a local change: later than every clock issued or read so far. */
  tick(): Clock {
    const wall = this.now();
    if (wall > this.last.wall) this.last = { wall, counter: 0, device: this.device };
    else this.advance(this.last.wall, this.last.counter + 1);
    return formatClock(this.last);
  }

  /** Takes in a clock read from another device, so that later local changes are stamped after it. */
  receive(remote: Clock): void {
    const other = parseClock(remote);
    const wall = Math.max(this.now(), this.last.wall, other.wall);
    let counter = 0;
    if (wall === this.last.wall && wall === other.wall) counter = Math.max(this.last.counter, other.counter) + 1;
    else if (wall === this.last.wall) counter = this.last.counter + 1;
    else if (wall === other.wall) counter = other.counter + 1;
    this.advance(wall, counter);
  }

  private advance(wall: number, counter: number): void {
    // A counter that runs out moves on to the next millisecond: still later, still unique.
    this.last = counter > MAX_COUNTER ? { wall: wall + 1, counter: 0, device: this.device } : { wall, counter, device: this.device };
  }
}
