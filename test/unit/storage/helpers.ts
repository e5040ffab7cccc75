import { afterEach } from 'vitest';
import { TiekeeperDb } from '../../../storage/db';
import type { ProfileRef } from '../../../sites/types';
import { DAY_MS } from '../../../domain/model';

/** A fixed clock: Monday 1 June 2026, 09:00 UTC. */
export const T0 = Date.UTC(2026, 5, 1, 9);
export const days = (n: number) => n * DAY_MS;

const open: TiekeeperDb[] = [];

/** A database of its own for each test, so tests never see each other's rows. */
export function freshDb(): TiekeeperDb {
  const db = new TiekeeperDb(`test-${crypto.randomUUID()}`);
  open.push(db);
  return db;
}

afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

export function linkedinRef(key: string, extra: Partial<ProfileRef> = {}): ProfileRef {
  return { site: 'linkedin', key, url: `https://www.linkedin.com/in/${key}`, ...extra };
}
