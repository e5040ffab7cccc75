import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sendFromPage as send } from '../../scripts/extension-page';
import { Harness, harnessForEachTest } from './harness';
import { DashboardPage, ProfileBadge } from './page-objects';

const JANA = { site: 'linkedin', key: 'jana-beispiel', url: 'https://www.linkedin.com/in/jana-beispiel/', name: 'Jana Beispiel' } as const;

const noteTexts = (page: Page) => page.locator('.tk-note-body').allInnerTexts();

describe('one note in two places, in Chromium', () => {
  let harness: Harness;
  harnessForEachTest(async () => (harness = await Harness.start()));

  it('two edits of one note in the panel and the dashboard: the second is told, and neither text is lost', async () => {
    const profile = await harness.open(JANA.url);
    const panel = await (await ProfileBadge.on(profile, harness)).open();
    const { contact } = await send(panel.page, 'profile.ensure', JANA);
    await send(panel.page, 'note.add', { contactId: contact.id, body: 'Two kids' });
    const dashboard = await DashboardPage.open(harness, `#/contact/${contact.id}`);

    // Both views show the note, added elsewhere, without a reload.
    await expect.poll(() => noteTexts(panel.page)).toEqual(['Two kids']);
    await expect.poll(() => noteTexts(dashboard.page)).toContain('Two kids');

    // Both begin to edit the same text.
    await panel.page.getByRole('button', { name: 'Edit note' }).click();
    await panel.page.getByRole('textbox', { name: 'Edit note' }).fill('Two kids; sails on the Alster');
    await dashboard.page.getByRole('button', { name: 'Edit note' }).click();
    await dashboard.page.getByRole('textbox', { name: 'Edit note' }).fill('Two kids; Werder Bremen fan');

    // The panel saves first; the dashboard, still editing, is told at once what changed.
    await panel.page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => noteTexts(panel.page)).toEqual(['Two kids; sails on the Alster']);
    const conflict = dashboard.page.getByRole('alert').filter({ hasText: 'changed elsewhere' });
    await expect.poll(() => conflict.textContent()).toContain('Two kids; sails on the Alster');

    // Keeping its own text keeps the other one too, as a note of its own, in both views.
    await conflict.getByRole('button', { name: 'Keep yours' }).click();
    const both = ['Two kids; Werder Bremen fan', 'Two kids; sails on the Alster'].sort();
    await expect.poll(async () => (await noteTexts(dashboard.page)).filter((text) => text.startsWith('Two kids')).sort()).toEqual(both);
    await expect.poll(async () => (await noteTexts(panel.page)).sort()).toEqual(both);
    const state = await send(panel.page, 'contact.get', { id: contact.id });
    expect(state?.notes.find((note) => note.body === 'Two kids; Werder Bremen fan')?.createdAt).toBeLessThan(state!.notes.find((note) => note.body === 'Two kids; sails on the Alster')!.createdAt);
  });

  it('a save that races past the live update is refused with a clear message, and nothing is overwritten', async () => {
    const popup = await harness.openExtensionPage('popup.html');
    const { contact } = await send(popup, 'profile.ensure', JANA);
    const note = await send(popup, 'note.add', { contactId: contact.id, body: 'Two kids' });
    await send(popup, 'note.edit', { id: note.id, body: 'Two kids; sails', expected: 'Two kids' });
    await expect(send(popup, 'note.edit', { id: note.id, body: 'Two kids; Werder', expected: 'Two kids' })).rejects.toThrow(
      /"code":"conflict","key":"errorNoteChangedElsewhere"/,
    );
    const state = await send(popup, 'contact.get', { id: contact.id });
    expect(state?.notes.map((n) => n.body)).toEqual(['Two kids; sails']);
  });
});
