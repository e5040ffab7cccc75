import type { BrowserContext, CDPSession, Page, Request, Route, Worker } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { extensionIdOf, launchWithExtension } from '../../scripts/chromium';
import { renderDemoPage, strictCsp } from '../../demo/pages';
import { DEFAULT_TIMEZONE, offsetMinutes } from './time-zones';

export interface ServedPage {
  html: string;
  status?: number;
  /** Serve with a strict, nonce-based Content-Security-Policy like LinkedIn's and XING's. */
  csp?: boolean;
}

export interface HarnessOptions {
  locale?: string;
  colorScheme?: 'light' | 'dark';
  /** Serve the built-in fictional demo sites (with a strict CSP). */
  demo?: boolean;
  /** The browser's time zone (IANA); `DEFAULT_TIMEZONE` when absent. */
  timezone?: string;
}

const NONCE = 'tiekeeper-test-nonce';

/**
 * The built extension in a real headless Chromium, with pages served at their real URLs.
 * Every other request is blocked; requests that the EXTENSION makes (its worker, its pages, or
 * its content script on a site) are recorded, and `assertNoExtensionRequests` fails the test.
 */
export class Harness {
  readonly extensionRequests: string[] = [];
  /** Errors the extension logged or threw, in any of its contexts. */
  readonly extensionErrors: string[] = [];
  private readonly served = new Map<string, ServedPage>();

  private constructor(
    readonly context: BrowserContext,
    readonly extensionId: string,
    private readonly demo: boolean,
    readonly timezone: string,
    private readonly nodeTimezone: string | undefined,
  ) {}

  static async start(options: HarnessOptions = {}): Promise<Harness> {
    const timezone = options.timezone ?? DEFAULT_TIMEZONE;
    const context = await launchWithExtension({
      headless: true,
      offline: true,
      locale: options.locale,
      colorScheme: options.colorScheme,
      timezone,
    });
    const extensionId = await extensionIdOf(context);
    // Dates a test types or expects are then the browser's dates.
    const nodeTimezone = process.env.TZ;
    process.env.TZ = timezone;
    const harness = new Harness(context, extensionId, options.demo ?? true, timezone, nodeTimezone);
    await context.route('**/*', (route, request) => harness.handle(route, request));
    await harness.assertTimezone();
    return harness;
  }

  /** The worker (where nudges are planned) keeps the zone asked for, or no test about time means anything. */
  private async assertTimezone(): Promise<void> {
    const now = Date.now();
    const inWorker = await this.inWorker((time) => -new Date(time).getTimezoneOffset(), now);
    const expected = offsetMinutes(this.timezone, now);
    if (inWorker !== expected) {
      throw new Error(`The browser runs ${inWorker} minutes from UTC, not in ${this.timezone} (${expected}).`);
    }
  }

  get origin(): string {
    return `chrome-extension://${this.extensionId}`;
  }

  /** Serve `html` at `url` (query and hash are ignored when matching). */
  serve(url: string, page: ServedPage): void {
    this.served.set(withoutQuery(url), page);
  }

  private async handle(route: Route, request: Request): Promise<void> {
    const url = request.url();
    if (url.startsWith('chrome-extension://')) {
      await route.continue();
      return;
    }
    const page = this.served.get(withoutQuery(url)) ?? this.demoPage(url);
    if (page && request.resourceType() === 'document') {
      const html = page.csp ? page.html.replace(/<(script|style)(?=[\s>])/g, `<$1 nonce="${NONCE}"`) : page.html;
      await route.fulfill({
        status: page.status ?? 200,
        contentType: 'text/html; charset=utf-8',
        headers: page.csp ? { 'content-security-policy': strictCsp(NONCE) } : {},
        body: html,
      });
      return;
    }
    const frameUrl = safeFrameUrl(request);
    if (request.serviceWorker() || frameUrl.startsWith('chrome-extension://')) {
      this.extensionRequests.push(url);
    }
    await route.abort('blockedbyclient');
  }

  private demoPage(url: string): ServedPage | null {
    if (!this.demo) return null;
    const page = renderDemoPage(url);
    return page && { ...page, csp: true };
  }

  /** A new tab at `url`, watched for requests started by the extension's content script. */
  async open(url: string): Promise<Page> {
    const page = await this.context.newPage();
    await this.watchContentScriptRequests(page);
    await page.goto(url);
    return page;
  }

  /**
   * The content script's requests go out as the page's own; DevTools knows who started them.
   * The page's own resources (images of a saved real page, say) are blocked but not counted.
   */
  private async watchContentScriptRequests(page: Page): Promise<void> {
    const cdp = await this.context.newCDPSession(page);
    cdp.on('Network.requestWillBeSent', (event: { request: { url: string }; initiator: unknown }) => {
      if (JSON.stringify(event.initiator).includes('chrome-extension://')) {
        this.extensionRequests.push(event.request.url);
      }
    });
    // Errors inside the content script's isolated world do not reach Playwright's page events.
    const fromExtension = (details: unknown) => JSON.stringify(details).includes('chrome-extension://');
    cdp.on('Runtime.exceptionThrown', (event: { exceptionDetails: unknown }) => {
      if (fromExtension(event.exceptionDetails)) this.extensionErrors.push(JSON.stringify(event.exceptionDetails));
    });
    cdp.on('Runtime.consoleAPICalled', (event: { type: string; args: unknown; stackTrace?: unknown }) => {
      if (event.type === 'error' && fromExtension(event.stackTrace)) this.extensionErrors.push(JSON.stringify(event.args));
    });
    await Promise.all([cdp.send('Network.enable'), cdp.send('Runtime.enable')]);
  }

  async cdp(page: Page): Promise<CDPSession> {
    return this.context.newCDPSession(page);
  }

  /** The extension's service worker, waiting for it when it is not running. */
  async worker(): Promise<Worker> {
    const running = this.context.serviceWorkers().find((w) => w.url().startsWith(this.origin));
    return running ?? this.context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(this.origin) });
  }

  /** Run `fn` in the background worker. */
  async inWorker<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> {
    const worker = await this.worker();
    return worker.evaluate(fn as Parameters<Worker['evaluate']>[0], arg) as Promise<T>;
  }

  /** An extension page, e.g. `popup.html`. */
  async openExtensionPage(file: string): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(`${this.origin}/${file}`);
    return page;
  }

  /**
   * Records the tabs that the worker asks the browser to open the side panel beside (headless
   * Chromium has no side panel to show). Installed again when the worker was replaced.
   */
  async capturePanelOpens(): Promise<void> {
    await this.inWorker(() => {
      const scope = globalThis as unknown as { chrome: { sidePanel: { open: (o: { tabId: number }) => Promise<void> } }; __panelOpens?: number[] };
      if (scope.__panelOpens) return;
      scope.__panelOpens = [];
      const sidePanel = scope.chrome.sidePanel;
      const open = sidePanel.open.bind(sidePanel);
      sidePanel.open = (options) => {
        scope.__panelOpens!.push(options.tabId);
        // Without a user's gesture Chrome refuses: that would be a failure worth seeing.
        return open(options).catch((error: Error) => {
          if (/gesture/i.test(error.message)) scope.__panelOpens!.push(-1);
          throw error;
        });
      };
    }, null);
  }

  /** The tabs the side panel was asked to open beside, since `capturePanelOpens`. */
  async panelOpens(): Promise<number[]> {
    return this.inWorker(() => (globalThis as unknown as { __panelOpens?: number[] }).__panelOpens ?? [], null);
  }

  assertNoExtensionRequests(): void {
    if (this.extensionRequests.length > 0) {
      throw new Error(`The extension made network requests:\n${this.extensionRequests.join('\n')}`);
    }
  }

  assertNoExtensionErrors(): void {
    if (this.extensionErrors.length > 0) {
      throw new Error(`The extension threw errors:\n${this.extensionErrors.join('\n\n')}`);
    }
  }

  async close(): Promise<void> {
    await this.context.close();
    if (this.nodeTimezone === undefined) delete process.env.TZ;
    else process.env.TZ = this.nodeTimezone;
  }
}

/**
 * A browser with the extension for each test of the calling suite, launched (and prepared) by
 * `start`. After each test the extension must have made no request and thrown no error; then the
 * browser closes.
 */
export function harnessForEachTest(start: () => Promise<Harness>): void {
  harnessAround(beforeEach, afterEach, start);
}

/** The same, one browser for all the tests of the calling suite. */
export function harnessForAllTests(start: () => Promise<Harness>): void {
  harnessAround(beforeAll, afterAll, start);
}

function harnessAround(before: typeof beforeEach, after: typeof afterEach, start: () => Promise<Harness>): void {
  let current: Harness | undefined;
  before(async () => {
    current = await start();
  });
  after(async () => {
    const harness = current;
    current = undefined;
    // A start that failed has reported its own error.
    if (!harness) return;
    try {
      harness.assertNoExtensionRequests();
      harness.assertNoExtensionErrors();
    } finally {
      await harness.close();
    }
  });
}

function withoutQuery(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

function safeFrameUrl(request: Request): string {
  try {
    return request.frame().url();
  } catch {
    // Requests of a service worker have no frame.
    return '';
  }
}
