import { describe, expect, it } from 'vitest';
import { sendFromPage as send } from '../../scripts/extension-page';
import { NUDGE_ALARM } from '../../background/scheduler';
import { Harness, harnessForEachTest } from './harness';
import { PopupPage, ProfileBadge } from './page-objects';

type Chrome = typeof import('webextension-polyfill');

// Where Chromium and Firefox differ (README, "Firefox"), the Chromium side; the Firefox suite
// (test/e2e/firefox) checks the same in Firefox.
describe('storage and alarms in Chromium', () => {
  let harness: Harness;
  harnessForEachTest(async () => (harness = await Harness.start()));

  it('keeps the database through unlimitedStorage, its session data in session storage, and one alarm at the due time', async () => {
    // Chromium answers navigator.storage.persist() by its own measure; unlimitedStorage exempts
    // the extension from eviction.
    const unlimited = await harness.inWorker(
      () => (globalThis as unknown as { chrome: Chrome }).chrome.permissions.contains({ permissions: ['unlimitedStorage'] }),
      null,
    );
    expect(unlimited).toBe(true);

    const profile = await harness.open('https://www.linkedin.com/in/jana-beispiel/');
    const badge = await ProfileBadge.on(profile, harness);
    await expect.poll(() => badge.label()).toContain('Jana Beispiel');
    const popup = await PopupPage.open(harness);
    await send(popup.page, 'settings.update', { patch: { quietStartMinute: 0, quietEndMinute: 0 } });
    const { contact } = await send(popup.page, 'profile.ensure', {
      site: 'linkedin', key: 'jana-beispiel', url: 'https://www.linkedin.com/in/jana-beispiel/', name: 'Jana Beispiel',
    });
    await send(popup.page, 'contact.update', { id: contact.id, patch: { cadenceDays: 30 } });
    const logged = await send(popup.page, 'interaction.log', { contactId: contact.id, kind: 'call', at: Date.now() - 30 * 24 * 3600 * 1000 + 3600 * 1000 });
    const alarms = () =>
      harness.inWorker(async () => (await (globalThis as unknown as { chrome: Chrome }).chrome.alarms.getAll()).map((a) => [a.name, a.scheduledTime, a.periodInMinutes ?? null]), null);
    // The nudges' one alarm; sync's every 15 minutes exists only once a folder is chosen (test/e2e/sync.test.ts).
    await expect.poll(async () => (await alarms()).sort()).toEqual([[NUDGE_ALARM, logged.contact.nextDueAt, null]]);

    const session = await harness.inWorker(async () => Object.keys(await (globalThis as unknown as { chrome: Chrome }).chrome.storage.session.get(null)), null);
    expect(session).toContain('popup');
    expect(session.some((key) => key.startsWith('tab:'))).toBe(true);

    // The content script cannot read it (session storage is for trusted contexts only).
    const cdp = await harness.cdp(profile);
    const contexts: { id: number; origin: string }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }: { context: { id: number; origin: string } }) => void contexts.push(context));
    await cdp.send('Runtime.enable');
    await expect.poll(() => contexts.some((c) => c.origin === harness.origin)).toBe(true);
    const { result } = await cdp.send('Runtime.evaluate', {
      contextId: contexts.find((c) => c.origin === harness.origin)!.id,
      expression: 'Promise.resolve().then(() => chrome.storage.session.get(null)).then((all) => "read " + Object.keys(all).length, (error) => "refused: " + error.message)',
      awaitPromise: true,
      returnByValue: true,
    });
    expect(result.value).toMatch(/^refused: /);
  });
});
