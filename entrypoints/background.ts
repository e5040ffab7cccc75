import { browser } from 'wxt/browser';
import { createHandlers } from '../background/handlers';
import { withEffects } from '../background/effects';
import { serveImportPort } from '../background/import-port';
import { createNotifier, DONE_BUTTON, SNOOZE_BUTTON, targetOf } from '../background/notifications';
import { createRouter } from '../background/router';
import { writePopupSnapshot } from '../background/popup-snapshot';
import { createScheduler, NUDGE_ALARM } from '../background/scheduler';
import { createSummaryCache } from '../background/summary-cache';
import { snoozeUntil } from '../domain/schedule';
import { IMPORT_PORT, OPEN_PANEL_MESSAGE } from '../messaging/channels';
import { commands } from '../messaging/protocol';
import { TiekeeperDb } from '../storage/db';
import { profileUrlOf } from '../storage/nudges';
import { getSettings } from '../storage/settings';
import { backfillTies } from '../storage/ties';

export default defineBackground(() => {
  // Everything that touches browser APIs stays in here: WXT imports this file in Node at build
  // time. Listeners are registered synchronously, so that an event that woke the worker is heard.
  const db = new TiekeeperDb();
  const now = () => Date.now();
  const dashboardUrl = (contactId: string | null) =>
    browser.runtime.getURL('/dashboard.html') + (contactId ? `#/contact/${encodeURIComponent(contactId)}` : '');
  const openTab = async (url: string) => {
    await browser.tabs.create({ url });
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
  const summaries = createSummaryCache(db);
  const handlers = withEffects(createHandlers({ db, now, openTab, dashboardUrl }), { db, summaries, reconcile: scheduler.reconcile });
  const handle = createRouter(
    { db, now, openTab, dashboardUrl, extensionOrigin: browser.runtime.getURL('/'), extensionId: browser.runtime.id },
    handlers,
  );

  // webextension-polyfill sends the promise's value as the response.
  browser.runtime.onMessage.addListener((message: unknown, sender) => handle(message, sender));
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === IMPORT_PORT) serveImportPort(port, handle);
  });

  browser.runtime.onInstalled.addListener(async () => {
    // Asks the browser not to evict the database under storage pressure. Chrome grants this
    // already through unlimitedStorage; Firefox honours the request. Failure is harmless.
    void navigator.storage?.persist?.().catch(() => false);
    // After an update: contacts stored before the tie figures existed get them (badge ledger).
    await backfillTies(db);
    await summaries.rebuild();
    await scheduler.reconcile();
  });
  browser.runtime.onStartup.addListener(() => scheduler.reconcile());
  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name === NUDGE_ALARM) await scheduler.reconcile();
  });

  browser.notifications.onClicked.addListener(async (notificationId) => {
    const target = targetOf(notificationId);
    if (!target) return;
    await browser.notifications.clear(notificationId);
    if (target.kind === 'digest') await openTab(`${dashboardUrl(null)}#/due`);
    else if (target.kind === 'fading') await openTab(dashboardUrl(null));
    else await openTab((await profileUrlOf(db, target.contactId)) ?? dashboardUrl(target.contactId));
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

  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'open-panel') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    // A tab without our content script (not a profile page) simply does not answer.
    if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, { type: OPEN_PANEL_MESSAGE }).catch(() => undefined);
  });
});
