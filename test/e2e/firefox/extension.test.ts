import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { notificationId } from '../../../background/notification-ids';
import { FirefoxClosedShadow } from './closed-shadow';
import { firefoxForEachTest } from './harness';
import { clickNamed, FirefoxBadge, send, textOf } from './page-objects';

const start = firefoxForEachTest();

/** A test about a nudge appearing says which quiet hours it means. */
const NO_QUIET_HOURS = { quietStartMinute: 0, quietEndMinute: 0 };

describe('the extension in Firefox', () => {
  it('shows its badge on the fictional LinkedIn and XING profiles', async () => {
    const h = await start();
    const linkedin = await h.open('https://www.linkedin.com/in/jana-beispiel/');
    const onLinkedin = new FirefoxBadge(linkedin, h);
    await expect.poll(() => onLinkedin.text()).toContain('Add a note');
    expect(await onLinkedin.label()).toContain('Jana Beispiel');
    expect(await onLinkedin.count()).toBe(1);

    const xing = await h.open('https://www.xing.com/profile/Sofia_Probst');
    const onXing = new FirefoxBadge(xing, h);
    await expect.poll(() => onXing.label()).toContain('Sofia Probst');
    expect(await onXing.count()).toBe(1);
  });

  it('follows single-page navigation by the tab’s address as Firefox reports it', async () => {
    const h = await start();
    const page = await h.open('https://www.linkedin.com/feed/');
    const badge = new FirefoxBadge(page, h);
    await clickNamed(page, 'Jana', 'header');
    await expect.poll(() => badge.label()).toContain('Jana Beispiel');
    await clickNamed(page, 'Lukas', 'header');
    await expect.poll(() => badge.label()).toContain('Lukas Mustermann');
    expect(await badge.count()).toBe(1);
    // The router takes the content script's tab address from sender.tab.url: Firefox tells the
    // extension its tabs' addresses on the sites, after pushState too.
    const urls = await h.inBackground(async (bg) => (await bg.browser.tabs.query({})).map((tab) => tab.url ?? ''), null);
    expect(urls).toContain(await page.evaluate(() => location.href));
    expect(await page.evaluate(() => location.pathname)).toMatch(/^\/in\/lukas/);
  });

  it('opens the panel in a window of its own; a note written there survives a reload and the page cannot read it', async () => {
    const h = await start();
    const profile = await h.open('https://www.linkedin.com/in/jana-beispiel/');
    const badge = new FirefoxBadge(profile, h);
    const { panel, tabId } = await badge.open();
    expect(tabId).toBeGreaterThan(0);
    // The window fallback: a popup window holding the panel for that tab.
    const windows = await h.inBackground(
      async (bg) => (await bg.browser.windows.getAll({ populate: true })).map((w) => ({ type: w.type, urls: (w.tabs ?? []).map((t) => t.url ?? '') })),
      null,
    );
    expect(windows).toContainEqual({ type: 'popup', urls: [`${h.origin}/sidepanel.html?tab=${tabId}`] });
    expect(await panel.$eval('input.tk-name', (input) => (input as HTMLInputElement).value)).toBe('Jana Beispiel');

    const note = 'Segelt auf der Alster, fragt nach dem Bootsführerschein.';
    await panel.locator('textarea[data-autofocus]').fill(note);
    await clickNamed(panel, 'Add note');
    await expect.poll(() => textOf(panel, '.tk-notes')).toContain(note);

    await h.navigateExtensionPage(panel, `sidepanel.html?tab=${tabId}`);
    await expect.poll(() => textOf(panel, '.tk-notes')).toContain(note);

    // The page's main world: no trace of the note in its DOM, its text search or its storage.
    const seen = await profile.evaluate((word) => ({
      html: document.documentElement.outerHTML.includes(word),
      text: document.body.innerText.includes(word),
      found: (window as unknown as { find: (s: string) => boolean }).find(word),
      storage: JSON.stringify({ ...localStorage, ...sessionStorage }).includes(word),
    }), 'Bootsführerschein');
    expect(seen).toEqual({ html: false, text: false, found: false, storage: false });
    expect(await badge.label()).not.toContain('Bootsführerschein');

    // The panel follows its tab to the next person (session storage's change events).
    await clickNamed(profile, 'Lukas', 'header');
    await expect.poll(() => panel.$eval('input.tk-name', (input) => (input as HTMLInputElement).value).catch(() => '')).toBe('Lukas Mustermann');
    expect(await textOf(panel, '.tk-panel')).not.toContain(note);
  });

  it('keeps its data where Firefox puts it: a persistent database, session storage, one alarm at the due time', async () => {
    const h = await start();
    // navigator.storage.persist() on install: Firefox grants it, so the database is never evicted.
    expect(await h.inBackground((bg) => bg.navigator.storage.persisted(), null)).toBe(true);

    const profile = await h.open('https://www.linkedin.com/in/jana-beispiel/');
    await expect.poll(() => new FirefoxBadge(profile, h).label()).toContain('Jana Beispiel');
    const page = await h.openExtensionPage('dashboard.html');
    await send(page, 'settings.update', { patch: NO_QUIET_HOURS });
    const { contact } = await send(page, 'profile.ensure', {
      site: 'linkedin', key: 'jana-beispiel', url: 'https://www.linkedin.com/in/jana-beispiel/', name: 'Jana Beispiel',
    });
    await send(page, 'contact.update', { id: contact.id, patch: { cadenceDays: 30 } });
    // Due in an hour: the one alarm is set for that moment, not rounded to a period.
    const logged = await send(page, 'interaction.log', { contactId: contact.id, kind: 'call', at: Date.now() - 30 * 24 * 3600 * 1000 + 3600 * 1000 });
    await expect.poll(() => h.inBackground(async (bg) => (await bg.browser.alarms.getAll()).map((a) => [a.name, a.scheduledTime]), null))
      .toEqual([['tiekeeper-next-nudge', logged.contact.nextDueAt]]);

    // What the tab shows and the popup's list live in session storage (Firefox has it since 115).
    const session = await page.evaluate(async () => Object.keys(await (globalThis as unknown as { browser: typeof import('webextension-polyfill') }).browser.storage.session.get(null)));
    expect(session).toContain('popup');
    expect(session.some((key) => key.startsWith('tab:'))).toBe(true);
  });

  it('nudges once when someone falls due; the popup lists them, in touch clears the count, and a restarted background does not nudge again', { timeout: 120_000 }, async () => {
    // The background is stopped after three idle seconds (Firefox's default: 30), as Firefox
    // stops an event page nobody needs; the test's own calls keep it busy until it waits.
    const h = await start({ prefs: { 'extensions.background.idle.timeout': 3000 } });
    const control = await h.openExtensionPage('dashboard.html');
    await send(control, 'settings.update', { patch: NO_QUIET_HOURS });
    const { contact } = await send(control, 'profile.ensure', {
      site: 'linkedin', key: 'jana-beispiel', url: 'https://www.linkedin.com/in/jana-beispiel/', name: 'Jana Beispiel',
    });
    await send(control, 'contact.update', { id: contact.id, patch: { cadenceDays: 30, hooks: 'Sailing on the Alster' } });
    // Last in touch a month ago, less two seconds: due in two seconds.
    const logged = await send(control, 'interaction.log', { contactId: contact.id, kind: 'meeting', at: Date.now() - 30 * 24 * 3600 * 1000 + 2000 });
    const id = notificationId({ kind: 'contact', contactId: contact.id }, logged.contact.nextDueAt);
    expect(await h.shownNotifications()).toEqual([]);

    await expect.poll(() => h.shownNotifications(), { timeout: 20_000 }).toEqual([id]);
    // Firefox shows no buttons: the notification says who and why; a click opens the profile.
    const onScreen = await h.notificationsOnScreen();
    expect(Object.keys(onScreen)).toEqual([id]);
    expect(onScreen[id]).toMatchObject({ title: 'Time to get in touch with Jana Beispiel', message: 'Last contact last month\nAsk about: Sailing on the Alster' });
    expect(onScreen[id]!.buttons).toBeUndefined();
    await expect.poll(() => h.toolbarCount()).toBe('1');

    const popup = await h.openExtensionPage('popup.html');
    await expect.poll(() => textOf(popup, '.tk-followups')).toContain('Jana Beispiel');

    // The background is stopped once idle and started again by the next message.
    await h.inBackground((bg) => {
      (bg as unknown as { __before?: boolean }).__before = true;
    }, null);
    await expect.poll(() => h.inBackground((bg) => (bg as unknown as { __before?: boolean }).__before === true, null), { timeout: 40_000, interval: 4_000 }).toBe(false);
    await send(control, 'settings.update', { patch: { dailyNotificationCap: 4 } }); // a change: it reconciles
    await expect.poll(() => h.toolbarCount()).toBe('1');
    expect(await h.shownNotifications()).toEqual([id]);

    // In touch today from the popup: the toolbar count and the notification go.
    await popup.locator(`[role="group"][aria-label="In touch today with Jana Beispiel: what kind?"] button::-p-text(Call)`).click();
    await expect.poll(() => h.toolbarCount()).toBe('');
    await expect.poll(() => popup.$$eval('.tk-followup .tk-name', (names) => names.map((n) => n.textContent))).toEqual([]);
    expect(await textOf(popup, '.tk-toast')).toContain('Call with Jana Beispiel logged.');
    expect(await h.shownNotifications()).toEqual([id]);
  });

  it('logs a message sent on LinkedIn after the user\'s yes, and shows the marker beside that person in a list', async () => {
    const h = await start();
    const control = await h.openExtensionPage('dashboard.html');
    const page = await h.open('https://www.linkedin.com/messaging/thread/2-jana/');
    // The user types in the site's composer and sends with Enter.
    await page.locator('.msg-form__contenteditable').click();
    await page.keyboard.type('Hello Jana, see you in Hamburg');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.$$eval('.msg-s-message-list__event', (items) => items.length)).toBe(3);

    // Tiekeeper asks first, in its closed shadow root; nothing is logged before the yes.
    const notice = new FirefoxClosedShadow(h.bidi, page, h.contextOf(page), '.tk-notice');
    const buttons = () => notice.call<string>('.tk-actions', '(el) => [...el.children].map((b) => b.getAttribute("aria-label")).join("|")');
    await expect.poll(buttons).toBe('No|Yes, log them');
    expect(await send(control, 'contacts.list', {})).toEqual([]);
    await notice.click('.tk-action:nth-child(2)');
    await expect.poll(() => notice.attribute('.tk-text', 'data-text')).toBe('In touch today with Jana Beispiel: logged.');
    const state = await send(control, 'profile.get', { site: 'linkedin', key: 'jana-beispiel' });
    expect(state?.interactions).toMatchObject([{ kind: 'message', automatic: true, note: '' }]);

    // The search results list her: a marker after her name says so; the others get none.
    const list = await h.open('https://www.linkedin.com/search/results/people/?keywords=x');
    const markers = new FirefoxClosedShadow(h.bidi, list, h.contextOf(list), '.tk-marker');
    await expect.poll(() => markers.attribute('.tk-marker', 'aria-label')).toBe('Tiekeeper, Jana Beispiel: Last contact today');
    expect(await markers.hostCount()).toBe(1);
    // The page sees the same empty host after every name, and hit-tests none of them.
    const hosts = await list.evaluate(() => {
      const all = [...document.querySelectorAll('span')].filter((span) => span.outerHTML === '<span></span>');
      return all.map((host) => {
        const box = host.getBoundingClientRect();
        return `${box.width}×${box.height} ${document.elementFromPoint(box.left + 20, box.top + 8) === host}`;
      });
    });
    expect(hosts).toHaveLength(3);
    expect(new Set(hosts).size).toBe(1);
    expect(hosts[0]).toMatch(/ false$/);

    // The user's click on the marker opens the panel about her (in a window of its own in Firefox).
    const before = new Set(await h.extensionPages('sidepanel.html'));
    await markers.click('.tk-marker');
    let panel: Page | undefined;
    await expect.poll(async () => {
      panel = (await h.extensionPages('sidepanel.html')).find((candidate) => !before.has(candidate));
      return panel !== undefined;
    }).toBe(true);
    await expect.poll(() => panel!.$eval('input.tk-name', (input) => (input as HTMLInputElement).value).catch(() => '')).toBe('Jana Beispiel');
    expect(list.url()).toContain('/search/results/people/');
  });

  it('imports LinkedIn’s Connections.csv in the dashboard and finds people by search', async () => {
    const h = await start();
    const dashboard = await h.openExtensionPage('dashboard.html#/import');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'tiekeeper-csv-')), 'Connections.csv');
    writeFileSync(file, [
      'Notes:',
      '"When exporting your connection data, you may notice that some of the email addresses are missing."',
      '',
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      'Jürgen,Müller,https://www.linkedin.com/in/juergen-mueller-1,,"Musterfirma GmbH","Projektleitung, Team 1",15 Jun 2026',
      'Anna,Schmidt,https://www.linkedin.com/in/anna-schmidt-2,,Beispiel AG,Einkauf,3 Feb 2021',
      'Özlem,Weber,www.linkedin.com/in/oezlem-weber-3,,Beispiel AG,Vertrieb,28 Nov 2019',
      '',
    ].join('\r\n'));
    await dashboard.waitForSelector('input[type="file"]');
    const input = (await dashboard.$('input[type="file"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await expect.poll(() => textOf(dashboard, 'main')).toContain('What importing Connections.csv does');
    await clickNamed(dashboard, 'Import', 'main');
    await expect.poll(() => textOf(dashboard, 'main')).toContain('Connections.csv imported');
    expect(await textOf(dashboard, 'main')).toContain('People added: 3');

    await h.navigateExtensionPage(dashboard, 'dashboard.html');
    await dashboard.locator('input[type="search"]').fill('jurgen mueller');
    await expect.poll(() => dashboard.$$eval('[role="row"] .dash-name', (links) => links.map((l) => l.textContent))).toEqual(['Jürgen Müller']);
    await dashboard.locator('input[type="search"]').fill('beispiel ag');
    await expect.poll(() => dashboard.$$eval('[role="row"] .dash-name', (links) => links.map((l) => l.textContent).sort())).toEqual(['Anna Schmidt', 'Özlem Weber']);
  });
});
