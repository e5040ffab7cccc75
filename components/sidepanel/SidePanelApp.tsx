import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { t } from '../../i18n';
import { send } from '../../messaging/client';
import { parseTabProfile, tabProfileKey } from '../../messaging/tab-profiles';
import type { ProfileRef } from '../../sites/types';
import { getProfileState } from '../../storage/contacts';
import type { TiekeeperDb } from '../../storage/db';
import { readDb } from '../../storage/instance';
import { commandProfileApi, type ProfileApi } from '../profile/api';
import { Panel } from '../panel/Panel';
import { useLanguageReady } from '../shared/use-language';

const commandApi: ProfileApi = commandProfileApi(send);

/** The tab the panel is about: the given one, or the active tab of this window as it changes. */
function useTabId(fixedTabId: number | null): number | null | undefined {
  const [active, setActive] = useState<number | null | undefined>(fixedTabId ?? undefined);
  useEffect(() => {
    if (fixedTabId !== null) return;
    let live = true;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => live && setActive(tab?.id ?? null));
    const onActivated = async ({ tabId, windowId }: { tabId: number; windowId: number }) => {
      const own = await browser.windows.getCurrent();
      if (live && own.id === windowId) setActive(tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => {
      live = false;
      browser.tabs.onActivated.removeListener(onActivated);
    };
  }, [fixedTabId]);
  return active;
}

/** The profile the tab shows, as the background keeps it; null when it shows none. */
function useTabProfile(tabId: number | null | undefined): ProfileRef | null | undefined {
  const [profile, setProfile] = useState<ProfileRef | null | undefined>(undefined);
  useEffect(() => {
    if (tabId === undefined || tabId === null) return;
    let live = true;
    const key = tabProfileKey(tabId);
    void browser.storage.session.get(key).then((stored) => live && setProfile(parseTabProfile(stored[key])));
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && key in changes) setProfile(parseTabProfile(changes[key]?.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [tabId]);
  return tabId === null ? null : profile;
}

/**
 * The panel beside a profile page: everything the user keeps about the person the tab shows,
 * following the tab from person to person. It lives in the extension, not in the site's page,
 * so the site's scripts can neither read it nor hear what is typed into it.
 */
export function SidePanelApp({ fixedTabId, now = Date.now }: { fixedTabId: number | null; now?: () => number }) {
  const ready = useLanguageReady();
  const tabId = useTabId(fixedTabId);
  const profile = useTabProfile(tabId);
  if (!ready || profile === undefined) return null;
  if (profile === null) {
    return (
      <main className="tk-sidepanel-empty">
        <h1>Tiekeeper</h1>
        <p>{t('sidePanelNoProfile')}</p>
      </main>
    );
  }
  // A new person, or the name read from the page once it shows them: the panel starts afresh.
  return <ProfilePanel key={`${profile.site}:${profile.key}:${profile.name ?? ''}`} profile={profile} now={now} />;
}

export interface ProfilePanelProps {
  profile: ProfileRef;
  now: () => number;
  api?: ProfileApi;
  db?: TiekeeperDb;
  onClose?: () => void;
}

/** The panel about one person. The database answers live: a change made anywhere shows at once. */
export function ProfilePanel({ profile, now, api = commandApi, db = readDb(), onClose = () => window.close() }: ProfilePanelProps) {
  const state = useLiveQuery(() => getProfileState(db, profile), [db, profile.site, profile.key]);
  if (state === undefined) return null;
  return <Panel api={api} profile={profile} state={state} onClose={onClose} now={now} />;
}
