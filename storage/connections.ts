import {
  planConnections,
  type ConnectionsFile,
  type ConnectionsPlan,
  type ConnectionsSummary,
  type ImportCounts,
} from '../domain/connections';
import { profileId } from '../domain/contacts';
import type { Contact, Profile } from '../domain/model';
import type { TiekeeperDb } from './db';
import { writeInChunks, type ProgressListener } from './backup';

/**
 * The stored profiles among these ids. A large file into a small database (the first import of
 * everyone) reads the table whole: one read instead of one lookup per row, most of them misses.
 */
async function storedProfiles(db: TiekeeperDb, ids: readonly string[]): Promise<Profile[]> {
  if ((await db.profiles.count()) < ids.length) {
    const wanted = new Set(ids);
    return (await db.profiles.toArray()).filter((p) => wanted.has(p.id));
  }
  return (await db.profiles.bulkGet([...ids])).filter((p): p is Profile => p !== undefined);
}

async function plan(db: TiekeeperDb, file: ConnectionsFile, now: number, rhythmDays: number | null): Promise<ConnectionsPlan> {
  const profiles = await storedProfiles(db, file.rows.map((row) => profileId('linkedin', row.key)));
  const contacts = (await db.contacts.bulkGet(profiles.map((p) => p.contactId))).filter(
    (c): c is Contact => c !== undefined,
  );
  return planConnections(
    file.rows,
    new Map(profiles.map((p) => [p.id, p])),
    new Map(contacts.map((c) => [c.id, c])),
    now,
    () => crypto.randomUUID(),
    rhythmDays,
  );
}

function summary(file: ConnectionsFile, counts: ImportCounts): ConnectionsSummary {
  return { ...counts, skippedNoUrl: file.skippedNoUrl, skippedEmpty: file.skippedEmpty, duplicates: file.duplicates };
}

export async function previewConnections(
  db: TiekeeperDb,
  file: ConnectionsFile,
  now: number,
  rhythmDays: number | null = null,
): Promise<ConnectionsSummary> {
  return db.transaction('r', db.profiles, db.contacts, async () => summary(file, (await plan(db, file, now, rhythmDays)).counts));
}

/** Creates or updates one contact per connection, in one transaction (see `planConnections`). */
export async function applyConnections(
  db: TiekeeperDb,
  file: ConnectionsFile,
  now: number,
  onProgress?: ProgressListener,
  rhythmDays: number | null = null,
): Promise<ConnectionsSummary> {
  return db.transaction('rw', db.profiles, db.contacts, async () => {
    const { contacts, profiles, counts } = await plan(db, file, now, rhythmDays);
    const progress = { done: 0, total: contacts.length + profiles.length };
    onProgress?.({ done: 0, total: progress.total });
    await writeInChunks(contacts, (chunk) => db.contacts.bulkPut(chunk), progress, onProgress);
    await writeInChunks(profiles, (chunk) => db.profiles.bulkPut(chunk), progress, onProgress);
    return summary(file, counts);
  });
}
