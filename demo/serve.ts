import type { BrowserContext } from 'playwright-core';
import { renderDemoPage, strictCsp } from './pages';

/**
 * Serves the demo sites at their real URLs, with the kind of strict Content-Security-Policy the
 * real sites send; every other request is refused, so nothing leaves the machine.
 */
export async function serveDemo(context: BrowserContext): Promise<void> {
  const nonce = 'tiekeeper-demo';
  await context.route('**/*', async (route, request) => {
    if (request.url().startsWith('chrome-extension://')) return route.continue();
    const demoPage = request.resourceType() === 'document' ? renderDemoPage(request.url(), { nonce }) : null;
    if (!demoPage) return route.abort('blockedbyclient');
    return route.fulfill({
      status: demoPage.status,
      contentType: 'text/html; charset=utf-8',
      headers: { 'content-security-policy': strictCsp(nonce) },
      body: demoPage.html,
    });
  });
}
