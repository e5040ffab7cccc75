import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sendFromPage as send } from '../../scripts/extension-page';
import { Harness, harnessForEachTest } from './harness';
import { DashboardPage, ProfileBadge } from './page-objects';

const JANA = { site: 'linkedin', key: 'jana-beispiel', url: 'https://www.linkedin.com/in/jana-beispiel/', name: 'Jana Beispiel' } as const;

const nameField = (page: Page) => page.getByRole('textbox', { name: 'Name', exact: true });
const hooks = (page: Page) => page.getByRole('textbox', { name: 'Conversation hooks' });
const howWeMet = (page: Page) => page.getByRole('textbox', { name: 'How we met' });
/** Leaving a field saves it, as the user's Tab key does. */
const leave = (page: Page) => page.keyboard.press('Tab');

describe("one contact's fields in two tabs, in Chromium", () => {
  let harness: Harness;
  harnessForEachTest(async () => (harness = await Harness.start()));

  async function twoTabs() {
    const first = await DashboardPage.open(harness);
    const { contact } = await send(first.page, 'profile.ensure', JANA);
    await send(first.page, 'contact.update', { id: contact.id, patch: { hooks: 'Two kids' } });
    await first.goto(`#/contact/${contact.id}`);
    const second = await DashboardPage.open(harness, `#/contact/${contact.id}`);
    for (const tab of [first, second]) await expect.poll(() => hooks(tab.page).inputValue()).toBe('Two kids');
    return { id: contact.id, a: first.page, b: second.page };
  }

  it('the same field edited in both: the second save is told, keeps its text until the choice, and Keep yours reaches the first tab', async () => {
    const { id, a, b } = await twoTabs();

    // Both begin from the same text; the first tab saves first.
    await hooks(b).fill('Two kids; Werder Bremen fan');
    await hooks(a).fill('Two kids; sails on the Alster');
    await leave(a);
    await expect.poll(async () => (await send(a, 'contact.get', { id }))?.contact.hooks).toBe('Two kids; sails on the Alster');

    // The second tab's save is refused and says so, with both texts in view.
    await hooks(b).focus();
    await leave(b);
    const conflict = b.getByRole('alert').filter({ hasText: 'Changed elsewhere' });
    await expect.poll(async () => (await conflict.allTextContents()).join()).toContain('Two kids; sails on the Alster');
    expect(await hooks(b).inputValue()).toBe('Two kids; Werder Bremen fan');
    expect((await send(a, 'contact.get', { id }))?.contact.hooks).toBe('Two kids; sails on the Alster');

    // Keep yours writes it, and the first tab follows without a reload.
    await conflict.getByRole('button', { name: 'Keep yours' }).click();
    await expect.poll(async () => (await send(b, 'contact.get', { id }))?.contact.hooks).toBe('Two kids; Werder Bremen fan');
    await expect.poll(() => hooks(a).inputValue()).toBe('Two kids; Werder Bremen fan');
    await expect.poll(() => conflict.count()).toBe(0);
  });

  it('Reload takes the other text and drops the own one only when asked', async () => {
    const { id, a, b } = await twoTabs();
    await hooks(b).fill('Two kids; Werder Bremen fan');
    await hooks(a).fill('Two kids; sails on the Alster');
    await leave(a);
    await hooks(b).focus();
    await leave(b);
    const conflict = b.getByRole('alert').filter({ hasText: 'Changed elsewhere' });
    await conflict.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => hooks(b).inputValue()).toBe('Two kids; sails on the Alster');
    expect((await send(b, 'contact.get', { id }))?.contact.hooks).toBe('Two kids; sails on the Alster');
  });

  it('different fields edited in both: both are kept and both tabs show both', async () => {
    const { id, a, b } = await twoTabs();
    await hooks(a).fill('Two kids; sails on the Alster');
    await howWeMet(b).fill('Hamburg meetup 2024');
    await leave(a);
    await leave(b);
    await expect.poll(async () => {
      const contact = (await send(a, 'contact.get', { id }))?.contact;
      return [contact?.hooks, contact?.howWeMet];
    }).toEqual(['Two kids; sails on the Alster', 'Hamburg meetup 2024']);
    for (const page of [a, b]) {
      await expect.poll(() => hooks(page).inputValue()).toBe('Two kids; sails on the Alster');
      await expect.poll(() => howWeMet(page).inputValue()).toBe('Hamburg meetup 2024');
    }
    await expect.poll(() => b.getByRole('alert').filter({ hasText: 'Changed elsewhere' }).count()).toBe(0);
  });

  it('a save that races past the live update is refused, naming the field, and nothing is overwritten', async () => {
    const popup = await harness.openExtensionPage('popup.html');
    const { contact } = await send(popup, 'profile.ensure', JANA);
    await send(popup, 'contact.update', { id: contact.id, patch: { company: 'Hafen AG' }, expected: { company: '' } });
    await expect(send(popup, 'contact.update', { id: contact.id, patch: { company: 'Werft GmbH' }, expected: { company: '' } })).rejects.toThrow(
      /"code":"conflict","key":"errorFieldsChangedElsewhere","params":\["company"\]/,
    );
    expect((await send(popup, 'contact.get', { id: contact.id }))?.contact.company).toBe('Hafen AG');
  });

  it('the panel follows a name changed on the dashboard, and a name edited in both is told in the dashboard', async () => {
    const profile = await harness.open(JANA.url);
    const panel = (await (await ProfileBadge.on(profile, harness)).open()).page;
    const { contact } = await send(panel, 'profile.ensure', JANA);
    const dashboard = (await DashboardPage.open(harness, `#/contact/${contact.id}`)).page;
    await expect.poll(() => nameField(dashboard).inputValue()).toBe('Jana Beispiel');

    // Untouched, the panel's field follows the dashboard's save.
    await nameField(dashboard).fill('Jana B.');
    await leave(dashboard);
    await expect.poll(() => nameField(panel).inputValue()).toBe('Jana B.');

    // Both edit it; the panel saves first, and the dashboard's edit waits for its choice.
    await nameField(dashboard).fill('Dr. Jana Beispiel');
    await nameField(panel).fill('Jana Beispiel-Meyer');
    await leave(panel);
    const conflict = dashboard.getByRole('alert').filter({ hasText: 'Changed elsewhere' });
    await expect.poll(async () => (await conflict.allTextContents()).join()).toContain('Jana Beispiel-Meyer');
    await leave(dashboard);
    expect(await nameField(dashboard).inputValue()).toBe('Dr. Jana Beispiel');
    expect((await send(panel, 'contact.get', { id: contact.id }))?.contact.displayName).toBe('Jana Beispiel-Meyer');

    await conflict.getByRole('button', { name: 'Keep yours' }).click();
    await expect.poll(() => nameField(panel).inputValue()).toBe('Dr. Jana Beispiel');
    expect((await send(panel, 'contact.get', { id: contact.id }))?.contact.displayName).toBe('Dr. Jana Beispiel');
  });
});
