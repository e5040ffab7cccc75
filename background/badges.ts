import type { Browser } from 'wxt/browser';
import { setLanguageOverride } from '../i18n';
import { badgeView, type BadgeView } from '../i18n/badge-status';
import { BADGE_MESSAGE, MARKERS_MESSAGE } from '../messaging/channels';
import { MARKER_TAB_PREFIX, markerTabKey, parseTabProfile, TAB_PROFILE_PREFIX, tabProfileKey } from '../messaging/tab-profiles';
import type { ProfileRef } from '../sites/types';
import type { TiekeeperDb } from '../storage/db';
import { getSettings } from '../storage/settings';
import { summaryForProfile } from '../storage/summaries';

export interface BadgeDeps {
  db: TiekeeperDb;
  now: () => number;
  /** Where the tabs' profiles are kept: `browser.storage.session`. */
  session: Pick<Browser.storage.StorageArea, 'get' | 'set' | 'remove'>;
  /** Sends a message to the content script of a tab. */
  sendToTab: (tabId: number, message: unknown) => Promise<unknown>;
}

/**
 * The badges on the tabs' profile pages. The background draws up what each says (in words, in
 * the user's language) and the content script only paints it, so the page's side needs neither
 * the database nor the texts. After every change the open badges get their new state.
 */
export function createBadges({ db, now, session, sendToTab }: BadgeDeps) {
  const viewFor = async (ref: ProfileRef): Promise<BadgeView> => {
    const [summary, settings] = await Promise.all([summaryForProfile(db, ref.site, ref.key), getSettings(db)]);
    setLanguageOverride(settings.language);
    return badgeView(summary, now(), summary?.displayName || ref.name || '');
  };

  const forget = async (tabId: number): Promise<void> => {
    await session.remove([tabProfileKey(tabId), markerTabKey(tabId)]);
  };

  return {
    viewFor,
    forget,

    /** Keeps which profile a tab shows (null: none), for the panel beside it. */
    async remember(tabId: number, ref: ProfileRef | null): Promise<void> {
      if (ref) await session.set({ [tabProfileKey(tabId)]: ref });
      else await forget(tabId);
    },

    /** A tab whose list shows markers: after a change it is told to ask again. */
    async rememberMarkers(tabId: number): Promise<void> {
      await session.set({ [markerTabKey(tabId)]: true });
    },

    /**
     * Every tab on a profile gets its badge anew, and every tab with markers is told to ask
     * again; a tab that went away is forgotten.
     */
    async refresh(): Promise<void> {
      const stored = await session.get(null);
      for (const key of Object.keys(stored)) {
        if (!key.startsWith(MARKER_TAB_PREFIX)) continue;
        const tabId = Number(key.slice(MARKER_TAB_PREFIX.length));
        await sendToTab(tabId, { type: MARKERS_MESSAGE }).catch(() => forget(tabId));
      }
      for (const [key, value] of Object.entries(stored)) {
        const ref = key.startsWith(TAB_PROFILE_PREFIX) ? parseTabProfile(value) : null;
        if (!ref) continue;
        const tabId = Number(key.slice(TAB_PROFILE_PREFIX.length));
        const view = await viewFor(ref);
        await sendToTab(tabId, { type: BADGE_MESSAGE, badge: view }).catch(() => forget(tabId));
      }
    },
  };
}

export type Badges = ReturnType<typeof createBadges>;
