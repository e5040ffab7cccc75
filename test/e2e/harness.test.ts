import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Harness } from './harness';

// The harness itself: it must catch the extension reaching the network from any of its contexts,
// while the blocked resources of a saved page are the page's business, not a failure.
describe('end-to-end harness', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await Harness.start();
  });
  afterEach(async () => {
    await harness.close();
  });

  it('records a request made by the content script', async () => {
    const page = await harness.open('https://www.linkedin.com/in/jana-beispiel/');
    const cdp = await harness.cdp(page);
    const contexts: { id: number; origin: string }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }: { context: { id: number; origin: string } }) => {
      contexts.push(context);
    });
    await cdp.send('Runtime.enable');
    // The content script runs in an isolated world whose origin is the extension's.
    await expect.poll(() => contexts.some((c) => c.origin === harness.origin)).toBe(true);
    const contentWorld = contexts.find((c) => c.origin === harness.origin)!;
    await cdp.send('Runtime.evaluate', {
      contextId: contentWorld.id,
      // Named like the content script's bundle, as a request from its code would be.
      expression: `fetch('https://tracker.invalid/collect').catch(() => {});\n//# sourceURL=${harness.origin}/content-scripts/content.js`,
    });
    await expect.poll(() => harness.extensionRequests).toContain('https://tracker.invalid/collect');
    expect(() => harness.assertNoExtensionRequests()).toThrow(/tracker\.invalid/);
  });

  it('records a request made by the background worker', async () => {
    await harness.inWorker(() => fetch('https://tracker.invalid/worker').then(() => undefined, () => undefined), null);
    await expect.poll(() => harness.extensionRequests).toContain('https://tracker.invalid/worker');
    expect(() => harness.assertNoExtensionRequests()).toThrow(/tracker\.invalid\/worker/);
  });

  it('does not count the resources a page asks for itself', async () => {
    harness.serve('https://www.linkedin.com/in/page-with-images/', {
      html: '<!doctype html><title>Someone | LinkedIn</title><img src="https://static.licdn.com/photo.png"><h1>Someone</h1>',
    });
    const page = await harness.open('https://www.linkedin.com/in/page-with-images/');
    const imageFailed = page.waitForEvent('requestfailed', (request) => request.url().includes('static.licdn.com'));
    await page.reload();
    await imageFailed;
    expect(harness.extensionRequests).toEqual([]);
  });
});
