import type { Clock } from '../domain/sync/hlc';
import type { Json, Op } from '../domain/sync/ops';
import type { Cursors, LogPosition } from './sync-folder';

/** The rows of the sync stores (schema version 2, storage/db.ts). */

/** One record of the shadow. A field without `v` was removed at `c`. */
export interface SyncRecordRow {
  /** `${table}/${id}` */
  key: string;
  born?: Clock;
  died?: Clock;
  fields: Record<string, { c: Clock; v?: Json }>;
}

export interface SyncDeviceRow {
  id: 'device';
  device: string;
  /** The latest clock issued or read: the clock carries on from it after a restart. */
  clock: Clock;
  /** The salt (base64) and iterations of this device's key (the passphrase is never stored). */
  salt: string;
  iterations: number;
  /** The last batch written to the folder; null before the first. */
  position: LogPosition | null;
}

export interface SyncCursorsRow {
  id: 'cursors';
  cursors: Cursors;
}

export interface SyncRedirectsRow {
  id: 'redirects';
  redirects: Record<string, { into: string; c: Clock }>;
}

/**
 * The keys derived from the passphrase, by `${iterations}/${salt}`: not extractable, so they can
 * be used after a restart without asking for the passphrase, but never read back out.
 */
export interface SyncKeysRow {
  id: 'keys';
  keys: Record<string, CryptoKey>;
}

export type SyncMetaRow = SyncDeviceRow | SyncCursorsRow | SyncRedirectsRow | SyncKeysRow;

export interface SyncOutboxRow {
  seq?: number;
  ops: Op[];
}
