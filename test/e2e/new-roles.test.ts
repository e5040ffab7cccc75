import { describe, expect, it } from 'vitest';
import { seedDemoData } from '../../demo/seed';
import { sendFromPage as send } from '../../scripts/extension-page';
import { Harness, harnessForEachTest } from './harness';
import { DashboardPage, PopupPage, ProfileBadge } from './page-objects';

const LUKAS = 'https://www.linkedin.com/in/lukas-mustermann-4a1b2c/';

describe('new roles noticed on visits, in Chromium', () => {
  let harness: Harness;
  harnessForEachTest(async () => {
    harness = await Harness.start();
    // The demo data last saw Lukas as a working student; his demo page shows him as a data engineer.
    await seedDemoData(harness.context, harness.extensionId);
    return harness;
  });

  it('a visit to a profile with a new headline makes the popup suggest congratulating, and that ends it', async () => {
    const before = await PopupPage.open(harness);
    await expect.poll(() => before.page.getByRole('heading', { level: 2 }).allTextContents()).toContain('Fading ties');
    expect(await before.page.getByRole('heading', { name: 'Congratulate?' }).count()).toBe(0);

    const profile = await harness.open(LUKAS);
    await ProfileBadge.on(profile, harness);

    const popup = await PopupPage.open(harness);
    const section = popup.page.getByRole('region', { name: 'Congratulate?' });
    await expect.poll(() => section.count(), { timeout: 10_000 }).toBe(1);
    const card = section.locator('.tk-suggestion', { hasText: 'Lukas Mustermann' });
    expect(await card.textContent()).toContain('New role: Data Engineer · Open-source maintainer');

    // The headline was the page's own, so it follows the page; the timeline records the change.
    const { contact } = await send(popup.page, 'profile.ensure', { site: 'linkedin', key: 'lukas-mustermann-4a1b2c', url: LUKAS, name: 'Lukas Mustermann' });
    expect(contact.headline).toBe('Data Engineer · Open-source maintainer');
    const dashboard = await DashboardPage.open(harness, `#/contact/${contact.id}`);
    await expect.poll(() => dashboard.page.locator('.dash-timeline').textContent()).toContain('New role · Data Engineer · Open-source maintainer');

    // Congratulating is giving first: it is logged as a favour, and the suggestion ends.
    await card.getByRole('button', { name: 'Sent congratulations' }).click();
    await expect.poll(() => popup.page.getByRole('region', { name: 'Congratulate?' }).count()).toBe(0);
    const state = await send(popup.page, 'contact.get', { id: contact.id });
    expect(state?.interactions[0]).toMatchObject({ kind: 'favour-given', favour: 'congratulations' });
  });

  it('keeps a headline the user wrote, and offers the new one on the contact page', async () => {
    const popup = await PopupPage.open(harness);
    const { contact } = await send(popup.page, 'profile.get', { site: 'linkedin', key: 'lukas-mustermann-4a1b2c' }).then((state) => state!);
    await send(popup.page, 'contact.update', { id: contact.id, patch: { headline: 'Postgres friend from the meetup' } });

    const profile = await harness.open(LUKAS);
    await ProfileBadge.on(profile, harness);
    const dashboard = await DashboardPage.open(harness, `#/contact/${contact.id}`);
    const offer = dashboard.page.locator('.tk-role-offer');
    await expect.poll(() => offer.textContent(), { timeout: 10_000 }).toContain('New role: Data Engineer · Open-source maintainer');
    expect(await dashboard.page.locator('.dash-contact-sub').textContent()).toBe('Postgres friend from the meetup');

    await offer.getByRole('button', { name: 'Use as headline' }).click();
    await expect.poll(() => dashboard.page.locator('.dash-contact-sub').textContent()).toBe('Data Engineer · Open-source maintainer');
    expect(await offer.count()).toBe(0);
  });
});
