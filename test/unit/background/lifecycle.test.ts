import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { NUDGE_ALARM } from '@/background/scheduler';
import { DAY_MS } from '@/domain/constants';
import { parsePopupSnapshot, POPUP_SNAPSHOT_KEY } from '@/messaging/popup-snapshot';
import type { Response } from '@/messaging/protocol';
import { DB_NAME, TiekeeperDb } from '@/storage/db';
import { toolbar } from '../setup';

const T0 = new Date('2026-06-15T10:00:00+02:00').getTime();
const profilePage = {
  id: fakeBrowser.runtime.id,
  url: 'https://www.linkedin.com/in/anna-schmidt/',
  tab: { id: 1 },
} as unknown as Browser.runtime.MessageSender;

/** Sends a command as the content script on Anna's profile page would. */
async function send(cmd: string, input: unknown): Promise<unknown> {
  const [response] = (await fakeBrowser.runtime.onMessage.trigger({ cmd, input }, profilePage)) as unknown as Response[];
  if (!response?.ok) throw new Error(`${cmd} failed: ${JSON.stringify(response)}`);
  return response.value;
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

  it('keeps the badge summary of a profile in step with every change', async () => {
    startWorker();
    const { contact } = (await send('profile.ensure', {
      site: 'linkedin', key: 'anna-schmidt', url: 'https://www.linkedin.com/in/anna-schmidt/', name: 'Anna Schmidt',
    })) as { contact: { id: string } };
    const key = 'summary:linkedin:anna-schmidt';
    expect((await fakeBrowser.storage.local.get(key))[key]).toMatchObject({ displayName: 'Anna Schmidt', lastContactAt: null });
    await send('interaction.log', { contactId: contact.id, kind: 'meeting' });
    expect((await fakeBrowser.storage.local.get(key))[key]).toMatchObject({ lastContactAt: T0 });
    await send('contact.delete', { id: contact.id });
    expect(await fakeBrowser.storage.local.get(key)).toEqual({});
  });

  it('keeps the ledger in both people’s badge summaries when an introduction is made', async () => {
    startWorker();
    const ensure = async (key: string, name: string) =>
      ((await send('profile.ensure', { site: 'linkedin', key, url: `https://www.linkedin.com/in/${key}/`, name })) as { contact: { id: string } }).contact.id;
    const anna = await ensure('anna-schmidt', 'Anna Schmidt');
    const ben = await ensure('ben-otto', 'Ben Otto');
    await send('interaction.log', { contactId: anna, kind: 'favour-received', favour: 'advice' });
    const summary = async (key: string) => (await fakeBrowser.storage.local.get(`summary:linkedin:${key}`))[`summary:linkedin:${key}`];
    expect(await summary('anna-schmidt')).toMatchObject({ favoursGiven: 0, favoursReceived: 1 });
    const { id } = (await send('introduction.create', { aId: anna, bId: ben })) as { id: string };
    expect(await summary('ben-otto')).toMatchObject({ favoursGiven: 0, lastContactAt: null });
    await send('introduction.update', { id, status: 'made' });
    expect(await summary('anna-schmidt')).toMatchObject({ favoursGiven: 1, favoursReceived: 1, lastContactAt: T0 });
    expect(await summary('ben-otto')).toMatchObject({ favoursGiven: 1, lastContactAt: T0 });
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
    const key = 'summary:linkedin:anna-schmidt';
    expect((await fakeBrowser.storage.local.get(key))[key]).toMatchObject({ favoursReceived: 1 });
  });

  it('rebuilds the summaries on install, dropping ones the database no longer has', async () => {
    startWorker();
    await fakeBrowser.storage.local.set({ 'summary:linkedin:gone': { id: 'x' } });
    await send('profile.ensure', { site: 'xing', key: 'ben_otto', url: 'https://www.xing.com/profile/Ben_Otto', name: 'Ben Otto' });
    await fakeBrowser.storage.local.clear();
    await fakeBrowser.storage.local.set({ 'summary:linkedin:gone': { id: 'x' } });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', temporary: false, previousVersion: '0.0.9' });
    const stored = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(stored).filter((key) => key.startsWith('summary:'))).toEqual(['summary:xing:ben_otto']);
  });

  it('opens the person’s profile when the nudge is clicked', async () => {
    startWorker();
    const { contact } = (await send('profile.ensure', {
      site: 'linkedin', key: 'anna-schmidt', url: 'https://www.linkedin.com/in/anna-schmidt/', name: 'Anna Schmidt',
    })) as { contact: { id: string } };
    const created = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as Browser.tabs.Tab);
    await fakeBrowser.notifications.onClicked.trigger(`nudge:${contact.id}@${T0}`);
    expect(created).toHaveBeenCalledWith({ url: 'https://www.linkedin.com/in/anna-schmidt/' });
    await fakeBrowser.notifications.onClicked.trigger(`fading:${T0}`);
    expect(created).toHaveBeenLastCalledWith({ url: fakeBrowser.runtime.getURL('/dashboard.html') });
  });

  it('asks the active tab to open the panel when the shortcut is pressed', async () => {
    startWorker();
    const onCommand = vi.mocked(fakeBrowser.commands.onCommand.addListener).mock.calls.at(-1)![0] as (command: string) => Promise<void>;
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 42 } as Browser.tabs.Tab]);
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await onCommand('open-panel');
    expect(sent).toHaveBeenCalledWith(42, { type: 'tiekeeper:open-panel' });
  });

  it('keeps the popup’s first look in step with the database', async () => {
    startWorker();
    const { contact } = (await send('profile.ensure', {
      site: 'linkedin', key: 'anna-schmidt', url: 'https://www.linkedin.com/in/anna-schmidt/', name: 'Anna Schmidt',
    })) as { contact: { id: string } };
    await send('contact.update', { id: contact.id, patch: { cadenceDays: 30 } });
    await send('interaction.log', { contactId: contact.id, kind: 'call', at: T0 - 31 * DAY_MS });
    const snapshot = parsePopupSnapshot((await fakeBrowser.storage.local.get(POPUP_SNAPSHOT_KEY))[POPUP_SNAPSHOT_KEY]);
    expect(snapshot?.data.dueTotal).toBe(1);
    expect(snapshot?.data.due.map((item) => item.contact.displayName)).toEqual(['Anna Schmidt']);
    await send('interaction.log', { contactId: contact.id, kind: 'call' });
    const after = parsePopupSnapshot((await fakeBrowser.storage.local.get(POPUP_SNAPSHOT_KEY))[POPUP_SNAPSHOT_KEY]);
    expect(after?.data.dueTotal).toBe(0);
  });
});
