import { browser } from 'wxt/browser';
import { createHandlers } from '../background/handlers';
import { withEffects } from '../background/effects';
import { serveImportPort } from '../background/import-port';
import { targetOf } from '../background/notification-ids';
import { createNotifier, DONE_BUTTON, SNOOZE_BUTTON } from '../background/notifications';
import { createRouter } from '../background/router';
import { writePopupSnapshot } from '../background/popup-snapshot';
import { createScheduler, NUDGE_ALARM } from '../background/scheduler';
import { createBadges } from '../background/badges';
import { createSyncRunner, SYNC_ALARM, SYNC_EVERY_MINUTES } from '../background/sync';
import { dashboardPath, type Route } from '../components/dashboard/route';
import { snoozeUntil } from '../domain/schedule';
import { IMPORT_PORT } from '../messaging/channels';
import { commands } from '../messaging/protocol';
import { TiekeeperDb } from '../storage/db';
import { isLegacyLocalKey } from '../storage/legacy-local';
import { profileUrlOf } from '../storage/nudges';
import { getSettings } from '../storage/settings';
import { keptFolder } from '../storage/sync-state';
import { backfillTies } from '../storage/ties';
import { startTracking } from '../storage/auto-backup';

export default defineBackground(() => {
  // Everything that touches browser APIs stays in here: WXT imports this file in Node at build
  // time. Listeners are registered synchronously, so that an event that woke the worker is heard.
  const db = new TiekeeperDb();
  const now = () => Date.now();
  const dashboardUrl = (route: Route) => browser.runtime.getURL(dashboardPath(route));
  const openTab = async (url: string) => {
    await browser.tabs.create({ url });
  };
  /**
   * The panel beside the tab: Chrome's side panel, Firefox's sidebar. Both open only in answer to
   * a user's gesture, so nothing is awaited before. Where the browser refuses (Firefox does not
   * count a click in a web page as one), the panel opens in a small window of its own instead.
   */
  const openPanel = (tabId: number): Promise<void> => {
    const opened = import.meta.env.FIREFOX
      ? (browser as unknown as FirefoxSidebar).sidebarAction.open()
      : (globalThis as unknown as { chrome: ChromeSidePanel }).chrome.sidePanel.open({ tabId });
    return opened.catch(async () => {
      await browser.windows.create({ url: `${browser.runtime.getURL('/sidepanel.html')}?tab=${tabId}`, type: 'popup', width: 420, height: 760 });
    });
  };

  const notifier = createNotifier({ now, language: async () => (await getSettings(db)).language });
  const scheduler = createScheduler({
    db,
    now,
    show: notifier.show,
    showFading: notifier.showFading,
    setAlarm: async (when) => {
      if (when === null) await browser.alarms.clear(NUDGE_ALARM);
      else await browser.alarms.create(NUDGE_ALARM, { when });
    },
    setDueCount: async (count) => {
      await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' });
      await browser.action.setBadgeBackgroundColor({ color: '#b42318' });
    },
    publishPopupList: (at) => writePopupSnapshot(db, at),
  });
  const badges = createBadges({ db, now, session: browser.storage.session, sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message) });
  const sync = createSyncRunner({
    db,
    now,
    folder: () => keptFolder(db),
    onRemoteChanges: async () => {
      await scheduler.reconcile();
      await badges.refresh();
    },
    // Sync on its own every so often, while a folder is chosen (each attempt sets or clears the
    // alarm; alarms outlive the worker). Firefox keeps no folder for an extension: never woken.
    ...(!import.meta.env.FIREFOX && {
      keepAlarm: async (wanted: boolean) => {
        const alarm = await browser.alarms.get(SYNC_ALARM);
        if (wanted && !alarm) await browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_EVERY_MINUTES });
        if (!wanted && alarm) await browser.alarms.clear(SYNC_ALARM);
      },
    }),
  });
  const deps = {
    db,
    sync,
    now,
    openTab,
    dashboardUrl: (contactId: string | null) => dashboardUrl(contactId ? { page: 'contact', id: contactId } : { page: 'list', due: false }),
    openPanel,
    badges,
  };
  const handlers = withEffects(createHandlers(deps), { db, badges, reconcile: scheduler.reconcile, changed: sync.soon });
  const handle = createRouter({ ...deps, extensionOrigin: browser.runtime.getURL('/'), extensionId: browser.runtime.id }, handlers);

  // webextension-polyfill sends the promise's value as the response.
  browser.runtime.onMessage.addListener((message: unknown, sender) => handle(message, sender));
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === IMPORT_PORT) serveImportPort(port, handle);
  });

  browser.runtime.onInstalled.addListener(async () => {
    // Asks the browser not to evict the database under storage pressure. Chrome grants this
    // already through unlimitedStorage; Firefox honours the request. Failure is harmless.
    void navigator.storage?.persist?.().catch(() => false);
    // After an update: contacts stored before the tie figures existed get them (badge ledger),
    // and what earlier versions kept in local storage (where content scripts can read) goes.
    await backfillTies(db);
    // The backup reminder counts from install, or from the update that brought it: never at once.
    await startTracking(db, now());
    const earlier = Object.keys(await browser.storage.local.get(null)).filter(isLegacyLocalKey);
    if (earlier.length > 0) await browser.storage.local.remove(earlier);
    await scheduler.reconcile();
  });
  browser.tabs.onRemoved.addListener((tabId) => void badges.forget(tabId));
  browser.runtime.onStartup.addListener(() => {
    void sync.run();
    return scheduler.reconcile();
  });
  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name === NUDGE_ALARM) await scheduler.reconcile();
    if (alarm.name === SYNC_ALARM) await sync.run();
  });

  browser.notifications.onClicked.addListener(async (notificationId) => {
    const target = targetOf(notificationId);
    if (!target) return;
    await browser.notifications.clear(notificationId);
    if (target.kind === 'digest') await openTab(dashboardUrl({ page: 'list', due: true }));
    else if (target.kind === 'fading') await openTab(dashboardUrl({ page: 'list', due: false }));
    else await openTab((await profileUrlOf(db, target.contactId)) ?? dashboardUrl({ page: 'contact', id: target.contactId }));
  });
  browser.notifications.onButtonClicked.addListener(async (notificationId, button) => {
    const target = targetOf(notificationId);
    if (target?.kind !== 'contact') return;
    await browser.notifications.clear(notificationId);
    if (button === DONE_BUTTON) {
      await handlers['interaction.log'](commands['interaction.log'].input.parse({ contactId: target.contactId, kind: 'other' }), {});
    } else if (button === SNOOZE_BUTTON) {
      await handlers['contact.snooze']({ id: target.contactId, until: snoozeUntil('1w', now()) }, {});
    }
  });

  // The shortcut is a user's gesture too: the panel opens beside the tab it was pressed in.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'open-panel' && tab?.id !== undefined) void openPanel(tab.id);
  });
});

interface ChromeSidePanel {
  sidePanel: { open(options: { tabId: number }): Promise<void> };
}
interface FirefoxSidebar {
  sidebarAction: { open(): Promise<void> };
}
