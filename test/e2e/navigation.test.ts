import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Harness, harnessForEachTest } from './harness';
import { ProfileBadge } from './page-objects';

/** Clicks a link in the demo site's header: the site changes the URL, then renders. */
async function follow(page: Page, firstName: string): Promise<void> {
  await page.locator('header a', { hasText: firstName }).click();
}

/** Listeners on window and document, of the page and of every extension world. */
async function listenerCount(harness: Harness, page: Page): Promise<number> {
  const cdp = await harness.cdp(page);
  let total = 0;
  for (const expression of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
    total += listeners.length;
  }
  await cdp.detach();
  return total;
}

describe('single-page navigation on LinkedIn', () => {
  let harness: Harness;
  harnessForEachTest(async () => (harness = await Harness.start()));

  it('shows exactly one badge for the person on screen, and none on the feed', async () => {
    const page = await harness.open('https://www.linkedin.com/feed/');
    const badge = await ProfileBadge.on(page, harness);
    await follow(page, 'Jana');
    await expect.poll(() => badge.label()).toContain('Jana Beispiel');
    expect(await badge.count()).toBe(1);

    await follow(page, 'Lukas');
    await expect.poll(() => badge.label()).toContain('Lukas Mustermann');
    expect(await badge.count()).toBe(1);
    expect(await badge.anchorText()).toBe('Lukas Mustermann');

    await page.goBack();
    await expect.poll(() => badge.label()).toContain('Jana Beispiel');
    expect(await badge.count()).toBe(1);
    expect(await badge.anchorText()).toBe('Jana Beispiel');

    await page.goBack();
    await expect.poll(() => page.title()).toBe('Feed | LinkedIn');
    await expect.poll(() => badge.count()).toBe(0);
  });

  it('the panel beside the tab follows it from person to person, and says so when it shows nobody', async () => {
    const page = await harness.open('https://www.linkedin.com/in/jana-beispiel/');
    const panel = await (await ProfileBadge.on(page, harness)).open();
    await expect.poll(() => panel.name()).toBe('Jana Beispiel');
    await follow(page, 'Lukas');
    await expect.poll(() => panel.name()).toBe('Lukas Mustermann');
    await page.locator('header a', { hasText: 'Home' }).click();
    await expect.poll(() => panel.page.locator('main').innerText()).toContain('Open a LinkedIn or XING profile in this window');
  });

  it('survives 50 rapid navigations with one badge, no errors and no leaked listeners', async () => {
    const page = await harness.open('https://www.linkedin.com/in/jana-beispiel/');
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    const badge = await ProfileBadge.on(page, harness);
    await expect.poll(() => badge.label()).toContain('Jana Beispiel');

    const people = ['Lukas', 'Jürgen', 'Jana'];
    for (let i = 0; i < 4; i++) await follow(page, people[i % 3]!);
    await expect.poll(() => badge.label()).toContain('Lukas Mustermann');
    const listenersBefore = await listenerCount(harness, page);

    for (let i = 0; i < 50; i++) await follow(page, people[i % 3]!);
    // The 50th click went to Jürgen.
    await expect.poll(() => badge.label()).toContain('Jürgen Müller');
    expect(await badge.count()).toBe(1);
    expect(await badge.anchorText()).toBe('Jürgen Müller');
    expect(await listenerCount(harness, page)).toBe(listenersBefore);
    expect(pageErrors).toEqual([]);
  });
});
