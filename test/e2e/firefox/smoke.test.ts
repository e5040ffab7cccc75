import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FirefoxHarness } from './harness';
import { FirefoxClosedShadow } from './closed-shadow';

describe('smoke', () => {
  let harness: FirefoxHarness;
  beforeEach(async () => { harness = await FirefoxHarness.start(); });
  afterEach(async () => { await harness?.close(); });
  it('badge', async () => {
    const t0 = Date.now();
    const page = await harness.open('https://www.linkedin.com/in/jana-beispiel/');
    const badge = new FirefoxClosedShadow(harness.bidi, page, harness.contextOf(page), '.tk-badge');
    await expect.poll(() => badge.attribute('.tk-label', 'data-label')).toContain('Add a note');
    console.log('badge', Date.now() - t0, await badge.hostCount());
    console.log(await harness.toolbarCount(), await harness.notificationsOnScreen(), harness.extensionRequests);
    await badge.click('.tk-badge');
    await expect.poll(async () => (await harness.extensionPages('sidepanel.html')).length).toBe(1);
    console.log((await harness.browser.pages()).length);
  });
});
