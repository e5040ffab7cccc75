import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Harness } from './harness';

/** The name the badge sits next to: its host is placed right after the top card's name. */
const badgeAnchorText = () => document.querySelector('tiekeeper-badge')?.previousElementSibling?.textContent ?? null;

// The demo sites navigate like the real ones: pushState first, the new profile ~80 ms later.
describe('single-page navigation', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await Harness.start();
  });
  afterEach(async () => {
    harness.assertNoExtensionRequests();
    harness.assertNoExtensionErrors();
    await harness.close();
  });

  it('moves the badge to the person navigated to', async () => {
    const page = await harness.open('https://www.linkedin.com/in/jana-beispiel/');
    await expect.poll(() => page.evaluate(badgeAnchorText)).toBe('Jana Beispiel');
    for (const [slug, name] of [
      ['lukas-mustermann-4a1b2c', 'Lukas Mustermann'],
      ['j%C3%BCrgen-m%C3%BCller-b4792a57', 'Jürgen Müller'],
      ['jana-beispiel', 'Jana Beispiel'],
    ]) {
      await page.click(`header a[href="/in/${slug}/"]`);
      await expect.poll(() => page.evaluate(badgeAnchorText)).toBe(name);
      expect(await page.locator('tiekeeper-badge').count()).toBe(1);
    }
  });
});
