import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background';
import { notificationId } from '../../../background/notification-ids';
import { NUDGE_ALARM } from '../../../background/scheduler';
import { DAY_MS } from '../../../domain/constants';
import { parsePopupSnapshot, POPUP_SNAPSHOT_KEY } from '../../../storage/popup-snapshot';
import type { Response } from '../../../messaging/protocol';
import { DB_NAME, TiekeeperDb } from '../../../storage/db';
import { toolbar } from '../setup';

const T0 = new Date('2026-06-15T10:00:00+02:00').getTime();
const panelPage = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html') } as unknown as Browser.runtime.MessageSender;
/** The content script in tab `tabId`, on the profile page at `url`. */
const profileTab = (tabId: number, url: string) =>
  ({ id: fakeBrowser.runtime.id, url, tab: { id: tabId }, frameId: 0 }) as unknown as Browser.runtime.MessageSender;

/** Sends a command as an extension page (the panel) would, or as `sender`. */
async function send(cmd: string, input: unknown, sender = panelPage): Promise<unknown> {
  const [response] = (await fakeBrowser.runtime.onMessage.trigger({ cmd, input }, sender)) as unknown as Response[];
  if (!response?.ok) throw new Error(`${cmd} failed: ${JSON.stringify(response)}`);
  return response.value;
}

/** What the badge on a profile tab says: the content script reports the tab, the background answers. */
async function badgeOn(tabId: number, url: string, name?: string): Promise<string> {
  return ((await send('tab.profile', name ? { name } : {}, profileTab(tabId, url))) as { ariaLabel: string }).ariaLabel;
}

/** The badges the background sent to tabs after changes, last first. */
function badgesSent(sent: { mock: { calls: unknown[][] } }): { tabId: number; label: string }[] {
  return sent.mock.calls.map(([tabId, message]) => ({ tabId: tabId as number, label: (message as { badge: { ariaLabel: string } }).badge.ariaLabel })).reverse();
}

/** A fresh worker: the browser stopped the old one; only the database survived. */
function startWorker() {
  fakeBrowser.runtime.resetState();
  fakeBrowser.alarms.onAlarm.removeAllListeners();
  fakeBrowser.notifications.onClicked.removeAllListeners();
  fakeBrowser.notifications.onButtonClicked.removeAllListeners();
  vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation(() => {});
  background.main();
}

describe('background worker lifecycle', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
  });
  afterEach(async () => {
    vi.useRealTimers();
    await new TiekeeperDb(DB_NAME).delete();
  });

  it('schedules, notifies once with the person and a hook, and Done updates everything', async () => {
    startWorker();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    const { contact } = (await send('profile.ensure', {
      site: 'linkedin', key: 'anna-schmidt', url: 'https://www.linkedin.com/in/anna-schmidt/', name: 'Anna Schmidt',
    })) as { contact: { id: string } };
    await send('contact.update', { id: contact.id, patch: { cadenceDays: 30, hooks: 'Werder Bremen' } });
    await send('interaction.log', { contactId: contact.id, kind: 'call', at: T0 - 10 * DAY_MS });

    const alarm = await fakeBrowser.alarms.get(NUDGE_ALARM);
    expect(alarm?.scheduledTime).toBe(T0 + 20 * DAY_MS);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});

    // The machine wakes up when the alarm is due.
    vi.setSystemTime(T0 + 20 * DAY_MS + 1000);
    await fakeBrowser.alarms.onAlarm.trigger(alarm!);
    const shown = Object.entries(await fakeBrowser.notifications.getAll());
    expect(shown).toHaveLength(1);
    const [id, options] = shown[0]!;
    expect(options).toMatchObject({ title: 'Time to get in touch with Anna Schmidt' });
    expect(options.message).toContain('Last contact last month');
    expect(options.message).toContain('Ask about: Werder Bremen');
    expect(toolbar.badgeText).toBe('1');

    // The worker is stopped and the browser restarted: the nudge is not shown again.
    await fakeBrowser.notifications.clear(id);
    startWorker();
    await fakeBrowser.runtime.onStartup.trigger();
    expect(await fakeBrowser.notifications.getAll()).toEqual({});

    // Done on the nudge: in touch today, nothing due, next alarm one rhythm from now.
    await fakeBrowser.notifications.create(id, options);
    await fakeBrowser.notifications.onButtonClicked.trigger(id, 0);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect(toolbar.badgeText).toBe('');
    expect((await fakeBrowser.alarms.get(NUDGE_ALARM))?.scheduledTime).toBe(T0 + 20 * DAY_MS + 1000 + 30 * DAY_MS);
    const state = (await send('profile.get', { site: 'linkedin', key: 'anna-schmidt' })) as { interactions: unknown[] };
    expect(state.interactions).toHaveLength(2);
  });

  it('keeps the badge on an open profile tab in step with every change, and forgets a tab that left profiles', async () => {
    startWorker();
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    const anna = 'https://www.linkedin.com/in/anna-schmidt/';
    expect(await badgeOn(1, anna, 'Anna Schmidt')).toBe('Tiekeeper, Anna Schmidt: Add a note');
    const { contact } = (await send('profile.ensure', { site: 'linkedin', key: 'anna-schmidt', url: anna, name: 'Anna Schmidt' })) as { contact: { id: string } };
    expect(badgesSent(sent)[0]).toEqual({ tabId: 1, label: 'Tiekeeper, Anna Schmidt: No contact yet' });
    await send('interaction.log', { contactId: contact.id, kind: 'meeting' });
    expect(badgesSent(sent)[0]).toEqual({ tabId: 1, label: 'Tiekeeper, Anna Schmidt: Last contact today' });
    await send('contact.delete', { id: contact.id });
    expect(badgesSent(sent)[0]).toEqual({ tabId: 1, label: 'Tiekeeper, Anna Schmidt: Add a note' });

    // The tab went on to the feed: no badge, and nothing more is sent to it.
    expect(await send('tab.profile', {}, profileTab(1, 'https://www.linkedin.com/feed/'))).toBeNull();
    const before = sent.mock.calls.length;
    await send('profile.ensure', { site: 'linkedin', key: 'anna-schmidt', url: anna, name: 'Anna Schmidt' });
    expect(sent.mock.calls.length).toBe(before);
  });

  it('keeps the ledger on both people’s badges when an introduction is made', async () => {
    startWorker();
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    const ensure = async (key: string, name: string) =>
      ((await send('profile.ensure', { site: 'linkedin', key, url: `https://www.linkedin.com/in/${key}/`, name })) as { contact: { id: string } }).contact.id;
    const anna = await ensure('anna-schmidt', 'Anna Schmidt');
    const ben = await ensure('ben-otto', 'Ben Otto');
    await send('interaction.log', { contactId: anna, kind: 'favour-received', favour: 'advice' });
    const badge = (key: string) => badgeOn(2, `https://www.linkedin.com/in/${key}/`);
    expect(await badge('anna-schmidt')).toBe('Tiekeeper, Anna Schmidt: Last contact today · you asked once');
    const { id } = (await send('introduction.create', { aId: anna, bId: ben })) as { id: string };
    expect(await badge('ben-otto')).toBe('Tiekeeper, Ben Otto: No contact yet');
    await send('introduction.update', { id, status: 'made' });
    expect(await badge('anna-schmidt')).toBe('Tiekeeper, Anna Schmidt: Last contact today');
    expect(await badge('ben-otto')).toBe('Tiekeeper, Ben Otto: Last contact today');
  });

  it('fills in the tie figures of contacts stored by an older version when it is updated', async () => {
    const db = new TiekeeperDb(DB_NAME);
    const contact = {
      id: 'old', displayName: 'Anna Schmidt', headline: '', company: '', email: '', howWeMet: '', hooks: '', tags: [],
      cadenceDays: null, cadenceSetAt: null, lastContactAt: T0, snoozedUntil: null, nextDueAt: null, meetInPerson: false,
      connectedAt: null, archived: false, createdAt: T0, updatedAt: T0,
    };
    await db.contacts.add(contact);
    await db.profiles.add({
      id: 'linkedin:anna-schmidt', contactId: 'old', site: 'linkedin', key: 'anna-schmidt', url: 'https://www.linkedin.com/in/anna-schmidt/',
      memberId: null, seenName: null, seenHeadline: null, createdAt: T0, seenAt: null,
    });
    await db.interactions.add({ id: 'i1', contactId: 'old', at: T0, kind: 'favour-received', favour: 'advice', note: '', introductionId: null, createdAt: T0 });
    db.close();
    startWorker();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', temporary: false, previousVersion: '0.0.9' });
    const state = (await send('profile.get', { site: 'linkedin', key: 'anna-schmidt' })) as { contact: { tie: unknown; updatedAt: number } };
    expect(state.contact).toMatchObject({ tie: { given: 0, received: 1, remoteStreak: 1 }, updatedAt: T0 });
    expect(await badgeOn(1, 'https://www.linkedin.com/in/anna-schmidt/')).toBe('Tiekeeper, Anna Schmidt: Last contact today · you asked once');
  });

  it('clears, on update, what earlier versions kept where content scripts could read it', async () => {
    await fakeBrowser.storage.local.set({ 'summary:linkedin:anna-schmidt': { id: 'x', displayName: 'Anna' }, popup: { data: {} } });
    startWorker();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', temporary: false, previousVersion: '0.0.9' });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('opens the person’s profile when the nudge is clicked', async () => {
    startWorker();
    const { contact } = (await send('profile.ensure', {
      site: 'linkedin', key: 'anna-schmidt', url: 'https://www.linkedin.com/in/anna-schmidt/', name: 'Anna Schmidt',
    })) as { contact: { id: string } };
    const created = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as Browser.tabs.Tab);
    await fakeBrowser.notifications.onClicked.trigger(notificationId({ kind: 'contact', contactId: contact.id }, T0));
    expect(created).toHaveBeenCalledWith({ url: 'https://www.linkedin.com/in/anna-schmidt/' });
    await fakeBrowser.notifications.onClicked.trigger(notificationId({ kind: 'fading' }, T0));
    expect(created).toHaveBeenLastCalledWith({ url: fakeBrowser.runtime.getURL('/dashboard.html') });
  });

  it('opens the side panel beside the tab where the shortcut was pressed, or a window when the browser will not', async () => {
    const open = vi.fn(async () => undefined);
    vi.stubGlobal('chrome', { sidePanel: { open } });
    try {
      startWorker();
      const onCommand = vi.mocked(fakeBrowser.commands.onCommand.addListener).mock.calls.at(-1)![0] as (command: string, tab?: Browser.tabs.Tab) => void;
      onCommand('open-panel', { id: 42 } as Browser.tabs.Tab);
      // At once, while the key press still counts as the user's gesture.
      expect(open).toHaveBeenCalledWith({ tabId: 42 });

      open.mockRejectedValueOnce(new Error('sidePanel.open() may only be called in response to a user gesture.'));
      const created = vi.spyOn(fakeBrowser.windows, 'create').mockResolvedValue({} as never);
      onCommand('open-panel', { id: 43 } as Browser.tabs.Tab);
      await vi.waitFor(() => expect(created).toHaveBeenCalledWith(expect.objectContaining({ url: `${fakeBrowser.runtime.getURL('/sidepanel.html')}?tab=43`, type: 'popup' })), { timeout: 10_000 });
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('keeps the popup’s first look in step with the database', async () => {
    startWorker();
    const { contact } = (await send('profile.ensure', {
      site: 'linkedin', key: 'anna-schmidt', url: 'https://www.linkedin.com/in/anna-schmidt/', name: 'Anna Schmidt',
    })) as { contact: { id: string } };
    await send('contact.update', { id: contact.id, patch: { cadenceDays: 30 } });
    await send('interaction.log', { contactId: contact.id, kind: 'call', at: T0 - 31 * DAY_MS });
    const snapshot = parsePopupSnapshot((await fakeBrowser.storage.session.get(POPUP_SNAPSHOT_KEY))[POPUP_SNAPSHOT_KEY]);
    expect(snapshot?.data.dueTotal).toBe(1);
    expect(snapshot?.data.due.map((item) => item.contact.displayName)).toEqual(['Anna Schmidt']);
    await send('interaction.log', { contactId: contact.id, kind: 'call' });
    const after = parsePopupSnapshot((await fakeBrowser.storage.session.get(POPUP_SNAPSHOT_KEY))[POPUP_SNAPSHOT_KEY]);
    expect(after?.data.dueTotal).toBe(0);
  });
});
