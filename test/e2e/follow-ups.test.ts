import { describe, expect, it } from 'vitest';
import { sendFromPage as send } from '../../scripts/extension-page';
import { notificationId } from '../../background/notification-ids';
import { NUDGE_ALARM } from '../../background/scheduler';
import { Harness, harnessForEachTest } from './harness';
import { captureNotifications, onScreen, shown } from './notifications';
import { DashboardPage, PopupPage, ProfileBadge } from './page-objects';
import { zoneWithLocalHour } from './time-zones';

type Chrome = typeof import('webextension-polyfill');

const localHour = (harness: Harness) => harness.inWorker(() => new Date().getHours(), null);

/** A test about a nudge appearing (or not) says which quiet hours it means. */
const NO_QUIET_HOURS = { quietStartMinute: 0, quietEndMinute: 0 };

// The same tests late in the evening and at noon, in a zone chosen for the hour: none of them
// may depend on the time of day (the default quiet hours are 21:00 to 08:00).
describe.each([
  { when: 'late in the evening', hour: 23 },
  { when: 'at noon', hour: 12 },
])('follow-up nudges in Chromium, $when', ({ hour }) => {
  let harness: Harness;
  harnessForEachTest(async () => {
    harness = await Harness.start({ timezone: zoneWithLocalHour(hour) });
    // The hour may turn while the tests run, never further.
    expect([hour, (hour + 1) % 24]).toContain(await localHour(harness));
    return harness;
  });

  it('shows one notification when someone comes due, and Done updates the toolbar, the popup and the badge', async () => {
    await captureNotifications(harness);
    const popup = await PopupPage.open(harness);
    await send(popup.page, 'settings.update', { patch: NO_QUIET_HOURS });
    const ensured = await send(popup.page, 'profile.ensure', {
      site: 'linkedin', key: 'jana-beispiel', url: 'https://www.linkedin.com/in/jana-beispiel/', name: 'Jana Beispiel',
    });
    const contactId = ensured.contact.id;
    await send(popup.page, 'contact.update', { id: contactId, patch: { cadenceDays: 30, hooks: 'Sailing on the Alster' } });
    // Last in touch a month ago, less two seconds: due in two seconds.
    await send(popup.page, 'interaction.log', { contactId, kind: 'meeting', at: Date.now() - 30 * 24 * 3600 * 1000 + 2000 });
    expect(await shown(harness)).toEqual([]);

    await expect.poll(() => shown(harness)).toHaveLength(1);
    const [nudge] = await shown(harness);
    expect(nudge).toMatchObject({ title: 'Time to get in touch with Jana Beispiel', message: 'Last contact last month\nAsk about: Sailing on the Alster' });
    expect(nudge!.buttons?.map((b) => b.title)).toEqual(['Done: in touch today', 'Remind me in a week']);
    await expect.poll(() => harness.inWorker(() => (globalThis as unknown as { chrome: Chrome }).chrome.action.getBadgeText({}), null)).toBe('1');

    const listed = await PopupPage.open(harness);
    await expect.poll(() => listed.page.locator('.tk-followups').first().textContent()).toContain('Jana Beispiel');
    const profile = await harness.open('https://www.linkedin.com/in/jana-beispiel/');
    const badge = await ProfileBadge.on(profile, harness);
    await expect.poll(() => badge.label()).toContain('Time to get in touch');

    // The worker is stopped and started again: the nudge is not shown a second time.
    const cdp = await harness.cdp(profile);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await send(popup.page, 'settings.get', {}); // wakes the new worker without changing anything
    // A new worker: the capture installed in the old one is gone.
    await expect.poll(() => harness.inWorker(() => typeof (globalThis as { __shown?: unknown }).__shown, null)).toBe('undefined');
    await captureNotifications(harness);
    await send(popup.page, 'settings.update', { patch: { dailyNotificationCap: 4 } }); // a change: it reconciles
    expect(await shown(harness)).toEqual([]);
    expect(await onScreen(harness)).toEqual([nudge!.id]);

    // The user presses Done on the notification.
    await harness.inWorker((id) => {
      const event = (globalThis as unknown as { chrome: { notifications: { onButtonClicked: { dispatch: (id: string, button: number) => void } } } })
        .chrome.notifications.onButtonClicked;
      event.dispatch(id, 0);
    }, nudge!.id);
    await expect.poll(() => harness.inWorker(() => (globalThis as unknown as { chrome: Chrome }).chrome.action.getBadgeText({}), null)).toBe('');
    await expect.poll(() => badge.label()).toBe('Tiekeeper, Jana Beispiel: Last contact today');
    await expect.poll(() => listed.page.locator('main').textContent()).not.toContain('Jana Beispiel');
    expect(await shown(harness)).toEqual([]);
  });

  it('Done on a notification shows at once in an open dashboard', async () => {
    const popup = await PopupPage.open(harness);
    const ensured = await send(popup.page, 'profile.ensure', {
      site: 'linkedin', key: 'jana-beispiel', url: 'https://www.linkedin.com/in/jana-beispiel/', name: 'Jana Beispiel',
    });
    const contact = ensured.contact;
    await send(popup.page, 'contact.update', { id: contact.id, patch: { cadenceDays: 30 } });
    const logged = await send(popup.page, 'interaction.log', { contactId: contact.id, kind: 'call', at: Date.now() - 40 * 24 * 3600 * 1000 });
    const { nextDueAt } = logged.contact;

    const dashboard = await DashboardPage.open(harness);
    await expect.poll(() => dashboard.cell('Jana Beispiel', 'lastContact')).toBe('last month');
    expect(await dashboard.cell('Jana Beispiel', 'nextDue')).toMatch(/^Overdue by/);

    // The id the notifier gives a nudge (background/notification-ids.ts): whether it is on screen
    // depends on the quiet hours; pressing Done does not.
    await harness.inWorker((id) => {
      const event = (globalThis as unknown as { chrome: { notifications: { onButtonClicked: { dispatch: (id: string, button: number) => void } } } })
        .chrome.notifications.onButtonClicked;
      event.dispatch(id, 0);
    }, notificationId({ kind: 'contact', contactId: contact.id }, nextDueAt));
    await expect.poll(() => dashboard.cell('Jana Beispiel', 'lastContact')).toBe('today');
    expect(await dashboard.cell('Jana Beispiel', 'nextDue')).not.toMatch(/^Overdue/);
    await expect.poll(() => dashboard.nav(/^Due now/).textContent()).toBe('Due now');
  });

  it('a click on the digest notification opens the dashboard’s due list', async () => {
    const opened = harness.context.waitForEvent('page');
    await harness.inWorker((id) => {
      const event = (globalThis as unknown as { chrome: { notifications: { onClicked: { dispatch: (id: string) => void } } } }).chrome.notifications.onClicked;
      event.dispatch(id);
    }, notificationId({ kind: 'digest' }, 123));
    const page = await opened;
    await page.waitForURL(`${harness.origin}/dashboard.html#/due`);
    await page.locator('.dash-page-title', { hasText: 'Due now' }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Due now' }).isChecked()).toBe(true);
  });

  it('lists who is due, most urgent first, with quick actions that work from the keyboard', async () => {
    const popup = await PopupPage.open(harness);
    const day = 24 * 3600 * 1000;
    const people: [string, number, number][] = [
      // name, rhythm in days, days since the last contact
      ['Yearly Three Weeks Late', 365, 386],
      ['Monthly Three Weeks Late', 30, 51],
      ['Due In Three Days', 30, 27],
    ];
    for (const [name, cadenceDays, ago] of people) {
      const key = name.toLowerCase().replaceAll(' ', '-');
      const { contact } = await send(popup.page, 'profile.ensure', { site: 'linkedin', key, url: `https://www.linkedin.com/in/${key}/`, name });
      const id = contact.id;
      await send(popup.page, 'contact.update', { id, patch: { cadenceDays } });
      await send(popup.page, 'interaction.log', { contactId: id, kind: 'call', at: Date.now() - ago * day });
    }
    const fresh = await PopupPage.open(harness);
    const names = () => fresh.page.locator('.tk-followup .tk-name').allTextContents();
    await expect.poll(names).toEqual(['Monthly Three Weeks Late', 'Yearly Three Weeks Late', 'Due In Three Days']);
    expect(await fresh.page.getByRole('heading', { name: 'Due now (2)' }).count()).toBe(1);

    // Keyboard only: to the first person's "In touch today: Call" and Enter.
    const first = fresh.page.getByRole('group', { name: 'In touch today with Monthly Three Weeks Late: what kind?' }).getByRole('button', { name: 'Call' });
    await first.focus();
    await fresh.page.keyboard.press('Enter');
    await expect.poll(names).toEqual(['Yearly Three Weeks Late', 'Due In Three Days']);
    // Logged as a call, and one click takes it back.
    const toast = fresh.page.locator('.tk-toast');
    await expect.poll(() => toast.textContent()).toContain('Call with Monthly Three Weeks Late logged.');
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(names).toEqual(['Monthly Three Weeks Late', 'Yearly Three Weeks Late', 'Due In Three Days']);
    await fresh.page.getByRole('group', { name: 'In touch today with Monthly Three Weeks Late: what kind?' }).getByRole('button', { name: 'Meeting' }).click();
    await expect.poll(names).toEqual(['Yearly Three Weeks Late', 'Due In Three Days']);
    const monthly = (await send(popup.page, 'contacts.list', {})).find((c) => c.displayName === 'Monthly Three Weeks Late')!;
    expect((await send(popup.page, 'contact.get', { id: monthly.id }))?.interactions.map((i) => i.kind)).toEqual(['meeting', 'call']);

    await fresh.page.locator('.tk-followup').first().getByRole('combobox', { name: /^Remind me later about/ }).selectOption('1w');
    await expect.poll(names).toEqual(['Due In Three Days']);
  });

  it('explains how to start when nobody is there yet', async () => {
    const popup = await PopupPage.open(harness);
    await expect.poll(() => popup.page.locator('main').textContent()).toContain('Nobody to get back to yet');
    expect(await popup.page.getByRole('button', { name: 'import Connections.csv' }).count()).toBe(1);
  });
});

describe('quiet hours in Chromium', () => {
  let harness: Harness;
  harnessForEachTest(async () => (harness = await Harness.start()));

  it('hold a due nudge while they last and show it once they end', { timeout: 150_000 }, async () => {
    const popup = await PopupPage.open(harness);
    // Quiet from this minute to the next one (or the one after, when that is under 15 s away).
    const quiet = await harness.inWorker(() => {
      const now = new Date();
      const minutes = now.getSeconds() < 45 ? 1 : 2;
      const end = new Date(now);
      end.setSeconds(0, 0);
      end.setMinutes(end.getMinutes() + minutes);
      return { startMinute: now.getHours() * 60 + now.getMinutes(), endMinute: end.getHours() * 60 + end.getMinutes(), endsAt: end.getTime() };
    }, null);
    await send(popup.page, 'settings.update', { patch: { quietStartMinute: quiet.startMinute, quietEndMinute: quiet.endMinute } });

    const { contact } = await send(popup.page, 'profile.ensure', {
      site: 'linkedin', key: 'jana-beispiel', url: 'https://www.linkedin.com/in/jana-beispiel/', name: 'Jana Beispiel',
    });
    await send(popup.page, 'contact.update', { id: contact.id, patch: { cadenceDays: 30 } });
    const logged = await send(popup.page, 'interaction.log', { contactId: contact.id, kind: 'call', at: Date.now() - 31 * 24 * 3600 * 1000 });
    expect(logged.contact.nextDueAt).toBeLessThan(Date.now());

    // Due now, and the popup says so, but the worker waits for the end of the quiet hours.
    const alarm = () => harness.inWorker(async (name) => (await (globalThis as unknown as { chrome: Chrome }).chrome.alarms.get(name))?.scheduledTime, NUDGE_ALARM);
    await expect.poll(alarm).toBe(quiet.endsAt);
    const listed = await PopupPage.open(harness);
    await expect.poll(() => listed.page.locator('.tk-followups').first().textContent()).toContain('Jana Beispiel');
    expect(Date.now()).toBeLessThan(quiet.endsAt);
    expect(await onScreen(harness)).toEqual([]);

    await expect.poll(() => onScreen(harness), { timeout: quiet.endsAt - Date.now() + 30_000 }).toEqual([notificationId({ kind: 'contact', contactId: contact.id }, logged.contact.nextDueAt)]);
    expect(Date.now()).toBeGreaterThanOrEqual(quiet.endsAt);
  });
});
