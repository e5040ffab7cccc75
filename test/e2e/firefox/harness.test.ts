import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FirefoxHarness } from './harness';

// The harness itself: it must catch the extension reaching the network from its background and
// from the pages its content script runs in.
describe('Firefox end-to-end harness', () => {
  let harness: FirefoxHarness;
  beforeEach(async () => {
    harness = await FirefoxHarness.start();
  });
  afterEach(async () => {
    await harness.close();
  });

  it('records a request made by the background, which WebDriver does not see', async () => {
    await harness.inBackground((bg) => bg.fetch('https://tracker.invalid/background').then(() => undefined, () => undefined), null);
    await expect.poll(() => harness.extensionRequests).toContain('https://tracker.invalid/ (CONNECT)');
    expect(() => harness.assertNoExtensionRequests()).toThrow(/tracker\.invalid/);
  });

  it('records a request made in a site’s page, as a content script’s would be', async () => {
    const page = await harness.open('https://www.linkedin.com/in/jana-beispiel/');
    expect(harness.extensionRequests).toEqual([]);
    // Same origin: the page's policy lets it through to the harness.
    await page.evaluate(() => fetch('/collect?who=jana').catch(() => undefined));
    await expect.poll(() => harness.extensionRequests).toContain('https://www.linkedin.com/collect?who=jana');
  });

  it('serves the sites’ pages with their strict Content-Security-Policy', async () => {
    const page = await harness.open('https://www.linkedin.com/in/jana-beispiel/');
    // Trusted Types, required by the policy, refuse a script's text given as a plain string.
    const refused = await page.evaluate(() => {
      try {
        document.createElement('script').textContent = 'window.__ran = true';
        return 'allowed';
      } catch (error) {
        return String(error);
      }
    });
    expect(refused).toMatch(/blocked by CSP/);
  });
});
