import { applyBulk, type BulkAction } from '../domain/bulk';
import type { Contact } from '../domain/model';
import { writeInChunks, type ProgressListener } from './backup';
import type { TiekeeperDb } from './db';

/**
 * One change to many people, in one transaction: all of them or, should the browser stop the
 * worker half way, none. Ids that no longer exist are skipped. Returns how many changed.
 */
export async function bulkUpdateContacts(
  db: TiekeeperDb,
  ids: readonly string[],
  action: BulkAction,
  now: number,
  onProgress?: ProgressListener,
): Promise<{ changed: number }> {
  return db.transaction('rw', db.contacts, async () => {
    const wanted = new Set(ids);
    // Reading the whole table at once is much quicker than one lookup per person, once the
    // selection is a good part of it ("select all matching" on a large list).
    const contacts =
      wanted.size * 2 >= (await db.contacts.count())
        ? (await db.contacts.toArray()).filter((c) => wanted.has(c.id))
        : (await db.contacts.bulkGet([...wanted])).filter((c): c is Contact => c !== undefined);
    const changed = applyBulk(contacts, action, now);
    const progress = { done: 0, total: changed.length };
    onProgress?.({ done: 0, total: changed.length });
    await writeInChunks(changed, (chunk) => db.contacts.bulkPut(chunk), progress, onProgress);
    return { changed: changed.length };
  });
}
