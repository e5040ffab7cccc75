import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { ClosedShadow } from '../../scripts/closed-shadow';
import { sendFromPage as send } from '../../scripts/extension-page';
import { Harness } from './harness';
import { DashboardPage, PopupPage, ProfileBadge, ProfilePanel } from './page-objects';

/** A word nobody else writes: it must never reach Tiekeeper's data. */
const SECRET = 'Zebrafink-7f3a9c-geheim';

/** Tiekeeper's notice in the page's corner (the question, or the toast), in its closed shadow root. */
class PageNotice {
  private constructor(readonly shadow: ClosedShadow) {}

  static async appear(page: Page): Promise<PageNotice> {
    return new PageNotice(await ClosedShadow.appear(page, '.tk-notice'));
  }

  /** Its words: generated content, so read from the attribute ('' while there is none). */
  async text(): Promise<string> {
    return (await this.shadow.exists('.tk-text')) ? ((await this.shadow.attribute('.tk-text', 'data-text')) ?? '') : '';
  }

  async buttons(): Promise<string[]> {
    return this.shadow.callAll<string>('.tk-actions', 'function () { return [...this.children].map((b) => b.getAttribute("aria-label")).join("|"); }').then((all) => (all[0] ?? '').split('|').filter(Boolean));
  }

  async press(label: string): Promise<void> {
    const index = (await this.buttons()).indexOf(label);
    if (index < 0) throw new Error(`No button ${label}`);
    await this.shadow.click(`.tk-action:nth-child(${index + 1})`);
  }
}

/** Types into the site's composer and sends with Enter, as the user does; waits until it shows. */
async function sendMessage(page: Page, text: string, options: { root?: string; via?: 'Enter' | 'button'; shows?: boolean } = {}): Promise<void> {
  const scope = options.root ? page.locator(options.root) : page;
  const composer = scope.locator('.msg-form__contenteditable');
  await composer.click();
  await page.keyboard.type(text);
  if (options.via === 'button') await scope.locator('.msg-form__send-button').click();
  else await page.keyboard.press('Enter');
  if (options.shows !== false) await expect.poll(() => scope.locator('.msg-s-message-list__event', { hasText: text }).count()).toBe(1);
}

/** Which of the words the page's scripts can find in the page (its text and markup, and window.find). */
function pageFinds(page: Page, words: string[]): Promise<string[]> {
  return page.evaluate((list) => {
    const all = document.documentElement.innerText + document.documentElement.outerHTML;
    const find = (window as unknown as { find: (s: string) => boolean }).find.bind(window);
    return list.filter((word) => all.includes(word) || find(word));
  }, words);
}

async function interactionsOf(popup: PopupPage, site: 'linkedin' | 'xing', key: string) {
  const state = await send(popup.page, 'profile.get', { site, key });
  return state?.interactions ?? [];
}

describe('messages the user sends', () => {
  let harness: Harness;
  afterEach(async () => {
    harness.assertNoExtensionRequests();
    harness.assertNoExtensionErrors();
    await harness.close();
  });

  it('LinkedIn: asks first, then logs one "in touch" per person and day, never what was written, and can be undone', async () => {
    harness = await Harness.start();
    const popup = await PopupPage.open(harness);
    const page = await harness.open('https://www.linkedin.com/messaging/thread/2-jana/');

    await sendMessage(page, `Hello Jana, ${SECRET}`);
    const question = await PageNotice.appear(page);
    await expect.poll(() => question.text()).toBe("Log messages you send as 'in touch'? Tiekeeper keeps only who and when, never what you wrote.");
    expect(await question.buttons()).toEqual(['No', 'Yes, log them']);
    expect(await pageFinds(page, ['Tiekeeper', 'log them', 'never what you wrote'])).toEqual([]);
    // The background has answered with the question: nothing is logged before the yes.
    expect(await send(popup.page, 'contacts.list', {})).toEqual([]);

    await question.press('Yes, log them');
    const toast = await PageNotice.appear(page);
    await expect.poll(() => toast.text()).toBe('In touch today with Jana Beispiel: logged.');
    expect(await pageFinds(page, ['Jana Beispiel: logged', 'In touch today', 'Undo'])).toEqual([]);
    const logged = await interactionsOf(popup, 'linkedin', 'jana-beispiel');
    expect(logged).toMatchObject([{ kind: 'message', automatic: true, note: '' }]);
    expect((await send(popup.page, 'settings.get', {})).messageLog).toEqual({ linkedin: 'on', xing: 'ask' });

    // A second message the same day, sent with the button: nothing more.
    await sendMessage(page, 'And one more thing', { via: 'button' });
    // A failed send: the site shows its error, the message never appears.
    await page.goto('https://www.linkedin.com/messaging/thread/2-offline/');
    await sendMessage(page, 'This one will not go out', { shows: false });
    await page.locator('[role="alert"]').waitFor();
    // A group thread: nothing, as group threads are off.
    await page.goto('https://www.linkedin.com/messaging/thread/2-group/');
    await sendMessage(page, 'Hello you two');
    // A thread whose header has no link to the person: nothing, and no error.
    await page.goto('https://www.linkedin.com/messaging/thread/2-nolink/');
    await sendMessage(page, 'Hi Lukas');

    // The chat overlay inside the site's open shadow root, on another page: logged, then undone.
    await page.goto('https://www.linkedin.com/search/results/people/?keywords=lukas');
    await sendMessage(page, 'Thanks for the talk', { root: '.msg-overlay-conversation-bubble' });
    const overlayToast = await PageNotice.appear(page);
    await expect.poll(() => overlayToast.text()).toBe('In touch today with Lukas Mustermann: logged.');
    expect(await interactionsOf(popup, 'linkedin', 'lukas-mustermann-4a1b2c')).toHaveLength(1);
    // Everything sent before the overlay's message has been answered by now.
    expect(await interactionsOf(popup, 'linkedin', 'jana-beispiel')).toHaveLength(1);
    expect(await send(popup.page, 'profile.get', { site: 'linkedin', key: 'jürgen-müller-b4792a57' })).toBeNull();
    expect((await send(popup.page, 'contacts.list', {})).map((c) => c.displayName).sort()).toEqual(['Jana Beispiel', 'Lukas Mustermann']);

    await overlayToast.press('Undo');
    await expect.poll(() => overlayToast.text()).toBe('Taken back.');
    expect(await interactionsOf(popup, 'linkedin', 'lukas-mustermann-4a1b2c')).toEqual([]);

    // The badge on Jana's profile, and the backup: who and when, not a trace of what was written.
    const profile = await harness.open('https://www.linkedin.com/in/jana-beispiel/');
    const badge = await ProfileBadge.on(profile, harness);
    await expect.poll(() => badge.label()).toBe('Tiekeeper, Jana Beispiel: Last contact today');
    const dashboard = await DashboardPage.open(harness);
    await dashboard.openContact('Jana Beispiel');
    await expect.poll(() => dashboard.timelineEntries()).toEqual([expect.stringMatching(/Message · logged automatically/)]);
    const backup = await dashboard.downloadBackup();
    expect(backup.text).toContain('"automatic":true');
    for (const trace of [SECRET, 'Zebrafink', '7f3a9c', 'Hello Jana', 'one more thing', 'Hello you two', 'Thanks for the talk']) {
      expect(backup.text).not.toContain(trace);
    }
    // Nor anywhere else the extension keeps things.
    const stored = await harness.inWorker(async () => {
      type Area = { get: (keys: null) => Promise<unknown> };
      const { storage } = (globalThis as unknown as { chrome: { storage: { local: Area; session: Area } } }).chrome;
      return JSON.stringify([await storage.local.get(null), await storage.session.get(null)]);
    }, null);
    expect(stored).not.toContain('Zebrafink');
  });

  it('XING, in German: asks in German, keeps each site\'s answer apart, and says no for good', async () => {
    harness = await Harness.start({ locale: 'de-DE' });
    const popup = await PopupPage.open(harness);
    const page = await harness.open('https://www.xing.com/chats/sofia');
    const write = async (text: string) => {
      await page.locator('textarea').fill(text);
      await page.getByRole('button', { name: 'Senden' }).click();
      await expect.poll(() => page.locator('[role="article"]', { hasText: text }).count()).toBe(1);
    };

    await write('Hallo Sofia!');
    const question = await PageNotice.appear(page);
    await expect.poll(() => question.text()).toBe(
      'Nachrichten, die du sendest, als Austausch eintragen? Tiekeeper behält nur, mit wem und wann, nie, was du geschrieben hast.',
    );
    expect(await question.buttons()).toEqual(['Nein', 'Ja, eintragen']);
    await question.press('Ja, eintragen');
    const toast = await PageNotice.appear(page);
    await expect.poll(() => toast.text()).toBe('Austausch heute mit Sofia Probst eingetragen.');
    expect(await interactionsOf(popup, 'xing', 'sofia_probst')).toMatchObject([{ kind: 'message', automatic: true }]);
    expect((await send(popup.page, 'settings.get', {})).messageLog).toEqual({ linkedin: 'ask', xing: 'on' });

    // Turned off in the dashboard's settings: the next day's message would not be logged either.
    const dashboard = await DashboardPage.open(harness, '#/settings');
    await dashboard.page.getByLabel('XING').selectOption('off');
    await expect.poll(async () => (await send(popup.page, 'settings.get', {})).messageLog.xing).toBe('off');
    await expect.poll(() => dashboard.page.getByLabel('LinkedIn').inputValue()).toBe('ask');
  });
});

describe('markers beside people in lists', () => {
  let harness: Harness;
  afterEach(async () => {
    harness.assertNoExtensionRequests();
    harness.assertNoExtensionErrors();
    await harness.close();
  });

  it('show for known people only, with the badge\'s state, move nothing, open the panel, and follow changes made elsewhere', async () => {
    harness = await Harness.start();
    const popup = await PopupPage.open(harness);
    const { contact: jana } = await send(popup.page, 'profile.ensure', {
      site: 'linkedin', key: 'jana-beispiel', url: 'https://www.linkedin.com/in/jana-beispiel/', name: 'Jana Beispiel',
    });
    await send(popup.page, 'contact.update', { id: jana.id, patch: { cadenceDays: 30 } });
    await send(popup.page, 'interaction.log', { contactId: jana.id, kind: 'call', at: Date.now() - 90 * 24 * 3600 * 1000 });
    await send(popup.page, 'profile.ensure', {
      site: 'linkedin', key: 'lukas-mustermann-4a1b2c', url: 'https://www.linkedin.com/in/lukas-mustermann-4a1b2c/', name: 'Lukas Mustermann',
    });

    const labels = (shadow: ClosedShadow) => shadow.callAll<string>('.tk-marker', 'function () { return this.getAttribute("aria-label"); }');
    for (const url of ['https://www.linkedin.com/search/results/people/?keywords=x', 'https://www.linkedin.com/mynetwork/invite-connect/connections/']) {
      const page = await harness.context.newPage();
      // Layout shifts from the start, as the page's own PerformanceObserver would see them.
      await page.addInitScript(() => {
        const scope = window as unknown as { __shift: number };
        scope.__shift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) scope.__shift += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(url);
      const markers = await ClosedShadow.appear(page, '.tk-marker');
      await expect.poll(() => markers.hostCount()).toBe(2);
      const [janaLabel, lukasLabel] = await labels(markers);
      expect(janaLabel).toMatch(/^Tiekeeper, Jana Beispiel: Overdue by/);
      expect(lukasLabel).toBe('Tiekeeper, Lukas Mustermann: No contact yet');
      expect(await markers.callAll<string>('.tk-marker', 'function () { return this.className; }')).toEqual([
        'tk-marker tk-tone-overdue', 'tk-marker tk-tone-none',
      ]);
      expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBe(0);
      // What the page sees: the same empty element after every name, kept or not.
      const names = url.includes('search') ? 3 : 4;
      await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('span')].filter((s) => s.outerHTML === '<span></span>').length)).toBe(names);
      // The page finds no words of it.
      expect(await page.evaluate(() => document.documentElement.innerText.includes('Overdue') || document.documentElement.outerHTML.includes('No contact yet'))).toBe(false);
      await page.close();
    }

    // A click on the marker opens the panel about that person, not the profile.
    const page = await harness.open('https://www.linkedin.com/search/results/people/?keywords=x');
    const markers = await ClosedShadow.appear(page, '.tk-marker');
    await expect.poll(() => markers.hostCount()).toBe(2);
    await harness.capturePanelOpens();
    await markers.click('.tk-marker');
    await expect.poll(async () => (await harness.panelOpens()).length).toBe(1);
    const tabId = (await harness.panelOpens())[0]!;
    expect(tabId).toBeGreaterThan(0);
    expect(page.url()).toContain('/search/results/people/');
    const panel = await ProfilePanel.open(harness, tabId);
    await expect.poll(() => panel.name()).toBe('Jana Beispiel');

    // Changes made elsewhere reach the markers on the open list: in touch, then a deletion.
    await panel.logInTouch('Call');
    await expect.poll(async () => (await labels(markers))[0]).toBe('Tiekeeper, Jana Beispiel: Last contact today');
    await send(popup.page, 'contact.delete', { id: jana.id });
    await expect.poll(() => labels(markers)).toEqual(['Tiekeeper, Lukas Mustermann: No contact yet']);
    expect(await markers.hostCount()).toBe(1);
  });
});
