import { browser } from 'wxt/browser';
import { commandProfileApi, type ProfileApi } from '@/components/profile/api';
import type { ProfileRef } from '@/sites/types';
import { send } from '@/messaging/client';
import { parseSummary, summaryKey } from '@/messaging/summary-cache';

/** The badge and panel on a site talk to the background; they never open the database. */
export const siteProfileApi: ProfileApi = {
  async cachedSummary(ref) {
    const key = summaryKey(ref.site, ref.key);
    const stored = await browser.storage.local.get(key);
    return parseSummary(stored[key]);
  },
  watchSummary(ref, onChange) {
    const key = summaryKey(ref.site, ref.key);
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && key in changes) onChange();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
  ...commandProfileApi(send),
};

/**
 * The API for one profile view, with the person's kept summary already being read: the badge
 * waits for it, and starting the storage round trip here lets it overlap React's first render
 * instead of following it. Later reads (after a change) go to storage again.
 */
export function withSummaryReadAhead(api: ProfileApi, ref: ProfileRef): ProfileApi {
  let ahead: Promise<Awaited<ReturnType<ProfileApi['cachedSummary']>>> | null = api.cachedSummary(ref);
  // Whoever takes the result handles a failure; until then it must not count as unhandled.
  ahead.catch(() => undefined);
  return {
    ...api,
    cachedSummary(asked) {
      const read = asked === ref ? ahead : null;
      ahead = null;
      return read ?? api.cachedSummary(asked);
    },
  };
}
