import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sendFromPage as send } from '../../scripts/extension-page';
import { Harness, harnessForEachTest } from './harness';
import { DashboardPage, PopupPage, ProfileBadge } from './page-objects';

type Chrome = typeof import('webextension-polyfill');
const DAY = 24 * 3600 * 1000;

/** A LinkedIn contact known to Tiekeeper, without a rhythm. */
async function linkedinContact(page: Page, key: string, name: string): Promise<string> {
  const { contact } = await send(page, 'profile.ensure', {
    site: 'linkedin', key, url: `https://www.linkedin.com/in/${key}/`, name,
  });
  return contact.id;
}

describe('give and take, introductions, fading ties and meeting in person in Chromium', () => {
  let harness: Harness;
  harnessForEachTest(async () => (harness = await Harness.start()));

  it('ledger: two asks logged from the panel show on the badge and panel, and the second suggests giving first', async () => {
    const popup = await PopupPage.open(harness);
    const jana = await linkedinContact(popup.page, 'jana-beispiel', 'Jana Beispiel');
    await send(popup.page, 'contact.update', { id: jana, patch: { hooks: 'Sailing on the Alster' } });

    const page = await harness.open('https://www.linkedin.com/in/jana-beispiel/');
    const badge = await ProfileBadge.on(page, harness);
    await expect.poll(() => badge.label()).toBe('Tiekeeper, Jana Beispiel: No contact yet');
    const panel = await badge.open();
    await expect.poll(() => panel.ledger()).toBe('Nothing given or asked yet');

    await panel.logFavour('You received', 'advice');
    await expect.poll(() => panel.ledger()).toBe('You asked once, gave nothing yet');
    expect(await panel.text()).not.toContain('Give first?');

    await panel.logFavour('You received', 'referral');
    await expect.poll(() => panel.ledger()).toBe('You asked twice, gave nothing yet');
    await expect.poll(() => panel.text()).toContain('Give first?');
    expect(await panel.text()).toContain('Ask about: Sailing on the Alster, or share something that fits');
    await expect.poll(() => badge.label()).toBe('Tiekeeper, Jana Beispiel: Last contact today · you asked twice');
    expect(await panel.timeline()).toContain('Favour received · Referral');

    // A new page shows the balance at once too.
    await page.reload();
    const again = await ProfileBadge.on(page, harness);
    await expect.poll(() => again.label()).toBe('Tiekeeper, Jana Beispiel: Last contact today · you asked twice');
  });

  it('introductions: from Jana’s profile, introduce her to Lukas; once made it is on both timelines', async () => {
    const popup = await PopupPage.open(harness);
    await linkedinContact(popup.page, 'lukas-mustermann-4a1b2c', 'Lukas Mustermann');

    const janaPage = await harness.open('https://www.linkedin.com/in/jana-beispiel/');
    const panel = await (await ProfileBadge.on(janaPage, harness)).open();
    await panel.introduceTo('luk', 'Lukas Mustermann', 'Both build field-service tools');
    expect(await panel.timeline()).not.toContain('Introduced');
    await panel.setIntroductionStatus('made');
    await expect.poll(() => panel.timeline()).toContain('Introduced to Lukas Mustermann');
    expect(await panel.timeline()).toContain('Both build field-service tools');
    await expect.poll(() => panel.ledger()).toBe('You gave once, asked nothing yet');

    const lukasPage = await harness.open('https://www.linkedin.com/in/lukas-mustermann-4a1b2c/');
    const lukasBadge = await ProfileBadge.on(lukasPage, harness);
    await expect.poll(() => lukasBadge.label()).toBe('Tiekeeper, Lukas Mustermann: Last contact today');
    const lukasPanel = await lukasBadge.open();
    await expect.poll(() => lukasPanel.timeline()).toContain('Introduced to Jana Beispiel');
    expect(await lukasPanel.text()).toContain('With Jana Beispiel');
    expect(await lukasPanel.introductionStatus()).toBe('made');
  });

  it('fading: people without a rhythm who fell silent show in the popup, at most three, and never as notifications', async () => {
    const popup = await PopupPage.open(harness);
    // No quiet hours, so that a notification, were there one, would show at any hour.
    await send(popup.page, 'settings.update', { patch: { quietStartMinute: 0, quietEndMinute: 0 } });
    const now = Date.now();
    const fading: string[] = [];
    // Monthly for half a year, then silent for another half: five faded ties.
    for (let i = 0; i < 5; i++) {
      const name = `Faded Tie ${i}`;
      fading.push(name);
      const id = await linkedinContact(popup.page, `faded-tie-${i}`, name);
      for (const ago of [330, 300, 270, 240, 210, 180 + i]) await send(popup.page, 'interaction.log', { contactId: id, kind: 'message', at: now - ago * DAY });
    }
    // In touch as often as ever: not fading.
    const fresh = await linkedinContact(popup.page, 'fresh-tie', 'Fresh Tie');
    for (const ago of [90, 60, 30, 5]) await send(popup.page, 'interaction.log', { contactId: fresh, kind: 'call', at: now - ago * DAY });

    const opened = await PopupPage.open(harness);
    const names = () => opened.page.locator('.tk-fading .tk-name').allTextContents();
    await expect.poll(async () => (await names()).length).toBe(3);
    for (const name of await names()) expect(fading).toContain(name);
    expect(await opened.page.getByRole('heading', { name: 'Fading ties' }).count()).toBe(1);
    expect(await opened.page.locator('.tk-fading').textContent()).toContain('You used to be in touch every month');
    expect(await opened.page.locator('main').textContent()).not.toContain('Fresh Tie');

    // The same three on the next opening.
    const reopened = await PopupPage.open(harness);
    await expect.poll(() => reopened.page.locator('.tk-fading .tk-name').allTextContents()).toEqual(await names());

    const notifications = await harness.inWorker(async () => Object.keys(await (globalThis as unknown as { chrome: Chrome }).chrome.notifications.getAll()), null);
    expect(notifications).toEqual([]);
  });

  it('dashboard: the fading column sorts, an introduction from a profile page is listed as open, and a favour is one step from the contact page', async () => {
    const popup = await PopupPage.open(harness);
    const now = Date.now();
    const faded = await linkedinContact(popup.page, 'faded-tie', 'Faded Tie');
    for (const ago of [270, 240, 210, 180]) await send(popup.page, 'interaction.log', { contactId: faded, kind: 'message', at: now - ago * DAY });
    const fresh = await linkedinContact(popup.page, 'fresh-tie', 'Fresh Tie');
    for (const ago of [60, 30, 5]) await send(popup.page, 'interaction.log', { contactId: fresh, kind: 'call', at: now - ago * DAY });
    await linkedinContact(popup.page, 'lukas-mustermann-4a1b2c', 'Lukas Mustermann');
    const janaPage = await harness.open('https://www.linkedin.com/in/jana-beispiel/');
    const panel = await (await ProfileBadge.on(janaPage, harness)).open();
    await panel.introduceTo('luk', 'Lukas Mustermann', 'Both build field-service tools');

    // Most faded first; people never in touch have no estimate and come last either way.
    const dashboard = await DashboardPage.open(harness);
    await expect.poll(() => dashboard.rowCount()).toBe(4);
    await dashboard.columnHeader('Fading').getByRole('button').click();
    await expect.poll(() => dashboard.columnHeader('Fading').getAttribute('aria-sort')).toBe('descending');
    expect(await dashboard.shownNames()).toEqual(['Faded Tie', 'Fresh Tie', 'Jana Beispiel', 'Lukas Mustermann']);
    expect([await dashboard.cell('Faded Tie', 'fading'), await dashboard.cell('Fresh Tie', 'fading'), await dashboard.cell('Jana Beispiel', 'fading')]).toEqual(['Faded', 'Fresh', '']);
    await dashboard.columnHeader('Fading').getByRole('button').click();
    await expect.poll(() => dashboard.shownNames()).toEqual(['Fresh Tie', 'Faded Tie', 'Jana Beispiel', 'Lukas Mustermann']);

    // The open introductions, changed in place: once made it leaves the list for both timelines.
    await dashboard.nav(/^Introductions/).click();
    const intro = dashboard.page.locator('.dash-intro');
    await expect.poll(() => intro.locator('.dash-intro-who').textContent()).toBe('Introduce Jana Beispiel to Lukas Mustermann');
    expect(await intro.getByRole('textbox', { name: 'Note on introducing Jana Beispiel to Lukas Mustermann' }).inputValue()).toBe('Both build field-service tools');
    await intro.getByRole('combobox', { name: 'Status of introducing Jana Beispiel to Lukas Mustermann' }).selectOption('made');
    await expect.poll(() => intro.count()).toBe(0);
    expect(await dashboard.page.locator('.dash-empty').textContent()).toContain('No open introductions');

    await dashboard.goto('#/');
    await dashboard.openContact('Lukas Mustermann');
    await expect.poll(async () => (await dashboard.timelineEntries())[0]).toContain('Introduced to Jana Beispiel · Both build field-service tools');
    const ledger = dashboard.page.locator('.tk-ledger');
    expect(await ledger.textContent()).toBe('You gave once, asked nothing yet');
    await dashboard.page.getByRole('combobox', { name: 'Kind of favour' }).selectOption('advice');
    await dashboard.page.getByRole('textbox', { name: 'What was it? (optional)' }).fill('Reviewed my CV');
    await dashboard.page.getByRole('button', { name: 'You received' }).click();
    await expect.poll(() => ledger.textContent()).toBe('Even: gave 1, asked 1');
    await expect.poll(async () => (await dashboard.timelineEntries())[0]).toContain('Favour received · Advice · Reviewed my CV');
  });

  it('meet in person: after three online contacts with someone marked worth it, the panel and popup suggest meeting', async () => {
    const page = await harness.open('https://www.xing.com/profile/Sofia_Probst');
    const badge = await ProfileBadge.on(page, harness);
    await expect.poll(() => badge.label()).toContain('Sofia Probst');
    const panel = await badge.open();
    await panel.markWorthMeeting();
    await panel.logInTouch('Message');
    await panel.logInTouch('Call');
    expect(await panel.text()).not.toContain('None of your last');
    await panel.logInTouch('Message');
    await expect.poll(() => panel.text()).toContain('None of your last 3 contacts was in person. Suggest a real meeting');

    const popup = await PopupPage.open(harness);
    await expect.poll(() => popup.page.locator('.tk-meet').textContent()).toContain('Sofia Probst');
    expect(await popup.page.locator('.tk-meet').textContent()).toContain('Your last 3 contacts were not in person');

    // A meeting logged from the popup ends the suggestion everywhere.
    await popup.page.locator('.tk-meet').getByRole('button', { name: 'Met today' }).click();
    await expect.poll(() => popup.page.locator('.tk-meet').count()).toBe(0);
    await expect.poll(() => panel.timeline()).toContain('Meeting');
    await expect.poll(() => panel.text()).not.toContain('None of your last');
  });

  it('meet in person: someone due and worth meeting is listed once in the popup, with both reasons, and a meeting logged there ends both', async () => {
    const popup = await PopupPage.open(harness);
    const { contact } = await send(popup.page, 'profile.ensure', { site: 'xing', key: 'sofia_probst', url: 'https://www.xing.com/profile/Sofia_Probst', name: 'Sofia Probst' });
    await send(popup.page, 'contact.update', { id: contact.id, patch: { cadenceDays: 30, meetInPerson: true } });
    for (const ago of [120, 90, 60]) await send(popup.page, 'interaction.log', { contactId: contact.id, kind: 'message', at: Date.now() - ago * DAY });

    const fresh = await PopupPage.open(harness);
    const card = fresh.page.locator('.tk-followup', { hasText: 'Sofia Probst' });
    await expect.poll(() => card.textContent()).toContain('Your last 3 contacts were not in person');
    expect(await fresh.page.getByText('Sofia Probst', { exact: true }).count()).toBe(1);
    expect(await fresh.page.locator('.tk-meet').count()).toBe(0);

    await card.getByRole('group', { name: /^In touch today with Sofia Probst/ }).getByRole('button', { name: 'Meeting' }).click();
    await expect.poll(() => fresh.page.locator('.tk-followup', { hasText: 'Sofia Probst' }).count()).toBe(0);
    const state = await send(popup.page, 'contact.get', { id: contact.id });
    expect(state?.interactions[0]?.kind).toBe('meeting');
  });
});
