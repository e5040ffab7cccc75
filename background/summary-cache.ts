import { browser } from 'wxt/browser';
import { SUMMARY_PREFIX } from '../messaging/summary-cache';
import type { TiekeeperDb } from '../storage/db';
import { summariesByProfile } from '../storage/summaries';

/** Writes the badge summaries kept in extension storage (see messaging/summary-cache.ts). */
export function createSummaryCache(db: TiekeeperDb) {
  const store = browser.storage.local;
  return {
    /** Refreshes the entries of these contacts' profiles. */
    async write(contactIds: readonly string[]): Promise<void> {
      if (contactIds.length === 0) return;
      const entries = await summariesByProfile(db, contactIds);
      await store.set(Object.fromEntries([...entries].map(([profileId, summary]) => [SUMMARY_PREFIX + profileId, summary])));
    },

    async remove(profileIds: readonly string[]): Promise<void> {
      if (profileIds.length > 0) await store.remove(profileIds.map((id) => SUMMARY_PREFIX + id));
    },

    /** Makes the whole cache match the database: after imports, a wipe, an update of the extension. */
    async rebuild(): Promise<void> {
      const entries = await summariesByProfile(db);
      const stored = Object.keys(await store.get(null)).filter((key) => key.startsWith(SUMMARY_PREFIX));
      const stale = stored.filter((key) => !entries.has(key.slice(SUMMARY_PREFIX.length)));
      if (stale.length > 0) await store.remove(stale);
      if (entries.size > 0) {
        await store.set(Object.fromEntries([...entries].map(([profileId, summary]) => [SUMMARY_PREFIX + profileId, summary])));
      }
    },
  };
}

export type SummaryCache = ReturnType<typeof createSummaryCache>;
