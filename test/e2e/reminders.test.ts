import { describe, expect, it } from 'vitest';
import { sendFromPage as send } from '../../scripts/extension-page';
import { Harness, harnessForEachTest } from './harness';
import { captureNotifications, shown } from './notifications';
import { DashboardPage, PopupPage } from './page-objects';

const JANA = { site: 'linkedin', key: 'jana-beispiel', url: 'https://www.linkedin.com/in/jana-beispiel/', name: 'Jana Beispiel' } as const;
const DAY = 24 * 3600 * 1000;

/** `YYYY-MM-DD` in the browser's zone (the harness runs Node in the same zone). */
function dateInput(time: number): string {
  const d = new Date(time);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('one-off reminders in Chromium', () => {
  let harness: Harness;
  harnessForEachTest(async () => (harness = await Harness.start()));

  it('a reminder two seconds ahead gives exactly one notification, with its reason, and the rhythm stays', async () => {
    await captureNotifications(harness);
    const popup = await PopupPage.open(harness);
    await send(popup.page, 'settings.update', { patch: { quietStartMinute: 0, quietEndMinute: 0 } });
    const { contact } = await send(popup.page, 'profile.ensure', JANA);
    await send(popup.page, 'contact.update', { id: contact.id, patch: { cadenceDays: 91 } });
    await send(popup.page, 'interaction.log', { contactId: contact.id, kind: 'call' });
    await send(popup.page, 'contact.remind', { id: contact.id, reminder: { at: Date.now() + 2_000, reason: 'ask how the new job is going' } });
    expect(await shown(harness)).toEqual([]);

    await expect.poll(() => shown(harness), { timeout: 10_000 }).toHaveLength(1);
    const [nudge] = await shown(harness);
    expect(nudge).toMatchObject({ title: 'Time to get in touch with Jana Beispiel', message: 'Reminder: ask how the new job is going\nLast contact today' });

    // Every change reconciles the schedule before it answers: a second nudge would be there now.
    await send(popup.page, 'note.add', { contactId: contact.id, body: 'Started at Musterwerk in November.' });
    await send(popup.page, 'contact.update', { id: contact.id, patch: { hooks: 'Sailing' } });
    expect(await shown(harness)).toHaveLength(1);
    const state = await send(popup.page, 'contact.get', { id: contact.id });
    expect(state?.contact.cadenceDays).toBe(91);

    // The popup lists her as due, saying why; "in touch" is the reminder's answer.
    const listed = await PopupPage.open(harness);
    const card = listed.page.locator('.tk-followup', { hasText: 'Jana Beispiel' });
    await expect.poll(() => card.textContent()).toContain('Reminder: ask how the new job is going');
    expect(await card.locator('.tk-status').textContent()).toBe('Reminder due');
    await card.getByRole('button', { name: 'Call' }).click();
    await expect.poll(() => listed.page.locator('.tk-followup', { hasText: 'Jana Beispiel' }).count()).toBe(0);
    const after = await send(popup.page, 'contact.get', { id: contact.id });
    expect(after?.contact.reminderAt).toBeNull();
    expect(after?.contact.nextDueAt).toBeGreaterThan(Date.now() + 80 * DAY);
  });

  it('"Remind me later" > "On a date…" in the popup, then the contact page shows it and removes it', async () => {
    const popup = await PopupPage.open(harness);
    const { contact } = await send(popup.page, 'profile.ensure', JANA);
    await send(popup.page, 'contact.update', { id: contact.id, patch: { cadenceDays: 30 } });
    await send(popup.page, 'interaction.log', { contactId: contact.id, kind: 'call', at: Date.now() - 40 * DAY });

    const list = await PopupPage.open(harness);
    const card = list.page.locator('.tk-followup', { hasText: 'Jana Beispiel' });
    await card.getByRole('combobox', { name: 'Remind me later about Jana Beispiel' }).selectOption({ label: 'On a date…' });
    const day = Date.now() + 3 * DAY;
    await card.getByLabel('Remind me on').fill(dateInput(day));
    await card.getByLabel('What about (optional)').fill('ask how the new job is going');
    await card.getByRole('button', { name: 'Set reminder' }).click();
    // No longer due now: coming up in three days, as a reminder.
    await expect.poll(() => list.page.locator('#tk-due-title').textContent()).toBe('Due now (0)');
    // 09:00 in three days: "in 2 days" late in the evening, else "in 3 days".
    await expect.poll(() => list.page.locator('.tk-followup', { hasText: 'Jana Beispiel' }).textContent()).toMatch(/due in [23] days/);

    const dashboard = await DashboardPage.open(harness, `#/contact/${contact.id}`);
    const reminder = dashboard.page.locator('.tk-reminder');
    await expect.poll(() => reminder.textContent()).toContain('ask how the new job is going');
    expect(await reminder.textContent()).toContain(`Reminder on ${new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' }).format(day)}`);
    await reminder.getByRole('button', { name: 'Remove reminder' }).click();
    await expect.poll(() => dashboard.page.getByRole('button', { name: 'Remind me on a date…' }).count()).toBe(1);
    const after = await send(popup.page, 'contact.get', { id: contact.id });
    expect(after?.contact.reminderAt).toBeNull();
  });
});
