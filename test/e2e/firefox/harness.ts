import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'puppeteer-core';
import { launchFirefoxWithExtension } from '../../../scripts/firefox';
import { afterEach } from 'vitest';
import { renderDemoPage, strictCsp } from '../../../demo/pages';
import { DEFAULT_TIMEZONE, offsetMinutes } from '../time-zones';
import type { ServedPage } from '../harness';

export interface FirefoxHarnessOptions {
  /** The browser's time zone (IANA); `DEFAULT_TIMEZONE` when absent. */
  timezone?: string;
  /** Further Firefox preferences. */
  prefs?: Record<string, string | number | boolean>;
}

const NONCE = 'tiekeeper-test-nonce';

/** The raw WebDriver BiDi connection under Puppeteer (reached through its internals). */
export interface Bidi {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
  on(event: string, listener: (params: never) => void): void;
}

interface BeforeRequestSent {
  context: string | null;
  isBlocked: boolean;
  navigation: string | null;
  request: { request: string; url: string; destination?: string };
}

/** Requests Firefox makes by itself, whatever page is open: not the extension's. */
const BROWSER_OWN = /^https?:\/\/[^/]+\/favicon\.ico$/;

/**
 * The built extension in a real headless Firefox, with pages served at their real URLs through
 * WebDriver BiDi request interception. Every other request of a page is failed and recorded
 * (the suite serves only pages that load nothing themselves, so each one is the content
 * script's); requests BiDi does not see (the extension's background and pages) reach a local
 * proxy that refuses and records them. `assertNoExtensionRequests` fails the test on either.
 */
export class FirefoxHarness {
  private readonly served = new Map<string, ServedPage>();
  /** An extension page kept open: the background is reached from it, and it hears notifications. */
  private control!: Page;

  private constructor(
    readonly browser: Browser,
    readonly uuid: string,
    readonly timezone: string,
    readonly extensionRequests: string[],
    private readonly proxy: Server,
    private readonly nodeTimezone: string | undefined,
  ) {}

  static async start(options: FirefoxHarnessOptions = {}): Promise<FirefoxHarness> {
    const timezone = options.timezone ?? DEFAULT_TIMEZONE;
    const extensionRequests: string[] = [];
    const proxy = await startRefusingProxy((target) => extensionRequests.push(target));
    const uuid = randomUUID();
    let browser: Browser;
    try {
      browser = await launchFirefoxWithExtension({ proxyPort: (proxy.address() as AddressInfo).port, uuid, timezone, prefs: options.prefs });
    } catch (error) {
      proxy.close();
      throw error;
    }
    const nodeTimezone = process.env.TZ;
    process.env.TZ = timezone;
    const harness = new FirefoxHarness(browser, uuid, timezone, extensionRequests, proxy, nodeTimezone);
    await harness.interceptRequests();
    harness.control = await harness.openExtensionPage('popup.html');
    await harness.control.evaluate(() => {
      const scope = globalThis as unknown as { browser: typeof import('webextension-polyfill'); __shown: string[] };
      scope.__shown = [];
      scope.browser.notifications.onShown.addListener((id) => void scope.__shown.push(id));
    });
    await harness.assertTimezone();
    return harness;
  }

  get bidi(): Bidi {
    return (this.browser as unknown as { connection: Bidi }).connection;
  }

  get origin(): string {
    return `moz-extension://${this.uuid}`;
  }

  /** The background (an event page in Firefox) keeps the zone asked for. */
  private async assertTimezone(): Promise<void> {
    const now = Date.now();
    const inBackground = await this.inBackground((bg, time) => -new bg.Date(time).getTimezoneOffset(), now);
    const expected = offsetMinutes(this.timezone, now);
    if (inBackground !== expected) {
      throw new Error(`Firefox runs ${inBackground} minutes from UTC, not in ${this.timezone} (${expected}).`);
    }
  }

  /** Serve `html` at `url` (query and hash are ignored when matching). */
  serve(url: string, page: ServedPage): void {
    this.served.set(withoutQuery(url), page);
  }

  private async interceptRequests(): Promise<void> {
    const bidi = this.bidi;
    bidi.on('network.beforeRequestSent', (event: BeforeRequestSent) => {
      if (!event.isBlocked) return;
      void this.handle(event).catch(() => undefined);
    });
    await bidi.send('session.subscribe', { events: ['network.beforeRequestSent'] });
    await bidi.send('network.addIntercept', { phases: ['beforeRequestSent'] });
  }

  private async handle(event: BeforeRequestSent): Promise<void> {
    const { url, request } = event.request;
    if (url.startsWith('moz-extension://') || url.startsWith('data:') || url.startsWith('about:')) {
      await this.bidi.send('network.continueRequest', { request });
      return;
    }
    const page = event.navigation !== null ? (this.served.get(withoutQuery(url)) ?? this.demoPage(url)) : null;
    if (page) {
      const html = page.csp ? page.html.replace(/<(script|style)(?=[\s>])/g, `<$1 nonce="${NONCE}"`) : page.html;
      const headers = [{ name: 'content-type', value: 'text/html; charset=utf-8' }, ...(page.csp ? [{ name: 'content-security-policy', value: strictCsp(NONCE) }] : [])];
      await this.bidi.send('network.provideResponse', {
        request,
        statusCode: page.status ?? 200,
        reasonPhrase: 'OK',
        headers: headers.map(({ name, value }) => ({ name, value: { type: 'string', value } })),
        body: { type: 'string', value: html },
      });
      return;
    }
    if (!BROWSER_OWN.test(url)) this.extensionRequests.push(url);
    await this.bidi.send('network.failRequest', { request });
  }

  private demoPage(url: string): ServedPage | null {
    const page = renderDemoPage(url);
    return page && { ...page, csp: true };
  }

  /** A new tab at `url`. */
  async open(url: string): Promise<Page> {
    const page = await this.browser.newPage();
    await page.goto(url);
    return page;
  }

  /** The BiDi browsing context of a page. */
  contextOf(page: Page): string {
    return (page.mainFrame() as unknown as { _id: string })._id;
  }

  /**
   * An extension page, e.g. `popup.html`, in a new tab. Firefox never fires the load event of a
   * moz-extension:// page navigated to by WebDriver: the tab is ready when its document is.
   */
  async openExtensionPage(file: string): Promise<Page> {
    const page = await this.browser.newPage();
    await this.navigateExtensionPage(page, file);
    return page;
  }

  async navigateExtensionPage(page: Page, file: string): Promise<void> {
    const url = `${this.origin}/${file}`;
    await this.bidi.send('browsingContext.navigate', { context: this.contextOf(page), url, wait: 'none' });
    await waitFor(
      () => page.evaluate((expected) => location.href === expected && document.readyState === 'complete', url).catch(() => false),
      `${file} to load`,
    );
  }

  /**
   * Runs `fn` with the background page's global (Firefox's background is an event page, reached
   * through `runtime.getBackgroundPage()`, which also wakes it). `fn` runs in the control page's
   * realm: it must reach everything through `bg` and return plain data.
   */
  async inBackground<T, A>(fn: (bg: BackgroundGlobal, arg: A) => T | Promise<T>, arg: A): Promise<T> {
    const source = `(async () => {
      const bg = await browser.runtime.getBackgroundPage();
      return await (${fn.toString()})(bg, ${JSON.stringify(arg)});
    })()`;
    return this.control.evaluate(source) as Promise<T>;
  }

  /** The ids of notifications shown since the harness started, in order. */
  shownNotifications(): Promise<string[]> {
    return this.control.evaluate(() => [...(globalThis as unknown as { __shown: string[] }).__shown]);
  }

  /** What the notifications on screen say (Firefox reports their options, not only ids). */
  notificationsOnScreen(): Promise<Record<string, { title?: string; message?: string; buttons?: unknown }>> {
    return this.inBackground(async (bg) => JSON.parse(JSON.stringify(await bg.browser.notifications.getAll())), null);
  }

  toolbarCount(): Promise<string> {
    return this.inBackground((bg) => bg.browser.action.getBadgeText({}), null);
  }

  /** Extension pages open in any tab or window, by address. */
  async extensionPages(file: string): Promise<Page[]> {
    const pages = await this.browser.pages();
    const found: Page[] = [];
    for (const page of pages) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(`${this.origin}/${file}`)) found.push(page);
    }
    return found;
  }

  assertNoExtensionRequests(): void {
    if (this.extensionRequests.length > 0) {
      throw new Error(`The extension made network requests:\n${this.extensionRequests.join('\n')}`);
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
    await new Promise((resolve) => this.proxy.close(resolve));
    if (this.nodeTimezone === undefined) delete process.env.TZ;
    else process.env.TZ = this.nodeTimezone;
  }
}

/** What `inBackground` hands over: the background page's window, with the WebExtension API. */
export type BackgroundGlobal = typeof globalThis & { browser: typeof import('webextension-polyfill') };

/**
 * A proxy on localhost that answers nothing: whatever Firefox sends it would have left the
 * machine. Firefox's own services are turned off by Puppeteer's preferences; what still comes
 * (to Mozilla's hosts) is the browser's, not the extension's.
 */
async function startRefusingProxy(record: (target: string) => void): Promise<Server> {
  const mozilla = /(^|\.)(mozilla\.(com|org|net)|firefox\.com|mozaws\.net)(:\d+)?$/;
  const server = createServer((request, response) => {
    const host = request.headers.host ?? '';
    if (!mozilla.test(host)) record(request.url ?? host);
    response.writeHead(403).end();
  });
  server.on('connect', (request, socket) => {
    const target = request.url ?? '';
    if (!mozilla.test(target.replace(/:443$/, ''))) record(`https://${target.replace(/:443$/, '')}/ (CONNECT)`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function withoutQuery(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

/** Polls `condition` every 50 ms until it holds, for at most 10 s. */
export async function waitFor(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`Waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * For a suite whose tests each start Firefox with options of their own: returns the start, and
 * after each test checks that the extension reached no network and closes the browser.
 */
export function firefoxForEachTest(): (options?: FirefoxHarnessOptions) => Promise<FirefoxHarness> {
  let current: FirefoxHarness | undefined;
  afterEach(async () => {
    const started = current;
    current = undefined;
    if (!started) return;
    try {
      started.assertNoExtensionRequests();
    } finally {
      await started.close();
    }
  });
  return async (options) => (current = await FirefoxHarness.start(options));
}
