import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, CDPSession, Page, Request, Route, Worker } from 'playwright-core';
import { renderDemoPage, strictCsp } from '../demo/pages';
import type { CommandName } from '../messaging/protocol';
import { extensionIdOf, launchWithExtension, launchWithoutExtension } from '../scripts/chromium';

/** The nonce of the strict Content-Security-Policy the pages are served with. */
export const NONCE = 'tiekeeper-bench-nonce';

interface Served {
  html: string;
  /** Let the page's own inline scripts run (the demo app); else only its styles get the nonce. */
  scripts: boolean;
}

/**
 * Runs `fn` in a page or worker. Functions are sent as source text; tsx compiles them with
 * esbuild's keepNames, whose `__name` helper does not exist on the other side, so it is
 * provided as the identity.
 */
export async function run<A, R>(target: Page | Worker, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  const expression = `(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg) ?? 'undefined'}); })()`;
  return (await (target as { evaluate(expression: string): Promise<unknown> }).evaluate(expression)) as R;
}

/** An init script from a function (see `run` for `__name`). */
export function initScript<A>(fn: (arg: A) => void, arg: A): { content: string } {
  return { content: `(() => { const __name = (f) => f; (${fn.toString()})(${JSON.stringify(arg) ?? 'undefined'}); })();` };
}

/**
 * Headless Chromium, with or without the extension, serving pages at their real URLs (the
 * demo sites and saved pages) through request routing, with a strict CSP like the real sites.
 * Everything else is blocked, and no host name resolves: nothing leaves the machine.
 */
export class BenchBrowser {
  private readonly served = new Map<string, Served>();

  private constructor(
    readonly context: BrowserContext,
    readonly extensionId: string | null,
    private readonly profileDir: string,
  ) {}

  static async launch(extensionDir: string | null): Promise<BenchBrowser> {
    const profileDir = mkdtempSync(path.join(tmpdir(), 'tiekeeper-bench-'));
    const options = { headless: true, offline: true, userDataDir: profileDir };
    const context = extensionDir ? await launchWithExtension({ ...options, extensionDir }) : await launchWithoutExtension(options);
    const extensionId = extensionDir ? await extensionIdOf(context) : null;
    const browser = new BenchBrowser(context, extensionId, profileDir);
    await context.route('**/*', (route, request) => browser.handle(route, request));
    return browser;
  }

  get origin(): string {
    if (!this.extensionId) throw new Error('This browser has no extension.');
    return `chrome-extension://${this.extensionId}`;
  }

  serve(url: string, html: string, options: { scripts: boolean }): void {
    this.served.set(withoutQuery(url), { html, scripts: options.scripts });
  }

  private async handle(route: Route, request: Request): Promise<void> {
    const url = request.url();
    if (url.startsWith('chrome-extension://')) return route.continue();
    if (request.resourceType() === 'document') {
      const served = this.served.get(withoutQuery(url));
      const demo = served ? null : renderDemoPage(url, { nonce: NONCE });
      const html = served
        ? served.html.replace(served.scripts ? /<(script|style)(?=[\s>])/gi : /<(style)(?=[\s>])/gi, `<$1 nonce="${NONCE}"`)
        : demo?.html;
      if (html !== undefined) {
        return route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          headers: { 'content-security-policy': strictCsp(NONCE) },
          body: html,
        });
      }
    }
    return route.abort('blockedbyclient');
  }

  async newPage(): Promise<Page> {
    return this.context.newPage();
  }

  async cdp(page: Page): Promise<CDPSession> {
    return this.context.newCDPSession(page);
  }

  /** An extension page without an app of its own, to send commands from and read IndexedDB. */
  async extensionPage(): Promise<ExtensionPage> {
    const page = await this.context.newPage();
    await page.goto(`${this.origin}/manifest.json`);
    return new ExtensionPage(page);
  }

  /** The extension's service worker (Playwright's handle, for `run`), waiting for it to start. */
  async worker(): Promise<Worker> {
    const running = this.context.serviceWorkers().find((w) => w.url().startsWith(this.origin));
    return running ?? this.context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(this.origin) });
  }

  /** A DevTools session on the extension's service worker (waking it with a message first). */
  async workerSession(via: ExtensionPage): Promise<TargetSession> {
    await via.send('settings.get', {});
    const cdp = await this.context.newCDPSession(via.page);
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(this.origin));
    if (!worker) throw new Error('The extension has no running service worker.');
    return TargetSession.attach(cdp, worker.targetId);
  }

  private closed = false;

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.context.close();
    rmSync(this.profileDir, { recursive: true, force: true });
  }
}

function withoutQuery(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

export interface Timed<T> {
  ms: number;
  value: T;
}

/** An extension page: sends commands to the background as the popup and dashboard do. */
export class ExtensionPage {
  constructor(readonly page: Page) {}

  /**
   * Sends one command and returns its value with the round-trip time, timed inside the page.
   * `summarise` runs in the page on the value, so that a large answer need not travel back.
   */
  async send<T = unknown>(cmd: CommandName, input: unknown, summarise: (value: never) => T = (value) => value): Promise<Timed<T>> {
    // Written out rather than passed to `run`: extension pages forbid eval, so the summariser
    // must be part of the evaluated source.
    const expression = `(async () => {
      const __name = (f) => f;
      const summarise = ${summarise.toString()};
      const start = performance.now();
      const response = await chrome.runtime.sendMessage(${JSON.stringify({ cmd, input })});
      const ms = performance.now() - start;
      return response.ok ? { ms, value: summarise(response.value) } : { ms, error: JSON.stringify(response.error) };
    })()`;
    const result = (await this.page.evaluate(expression)) as Timed<T> | { ms: number; error: string };
    if ('error' in result) throw new Error(`${cmd} failed: ${result.error}`);
    return result;
  }

  /** Repeats a command `times` times in a row, timed inside the page. */
  async repeat(cmd: CommandName, input: unknown, times: number): Promise<number[]> {
    return run(
      this.page,
      async ({ cmd, input, times }) => {
        const chromeApi = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome;
        const samples: number[] = [];
        for (let i = 0; i < times; i++) {
          const start = performance.now();
          const response = (await chromeApi.runtime.sendMessage({ cmd, input })) as { ok: boolean };
          samples.push(performance.now() - start);
          if (!response.ok) throw new Error(`${cmd} failed`);
        }
        return samples;
      },
      { cmd, input, times },
    );
  }

  /** Imports a backup, replacing or merging into what is stored. */
  async importBackup(text: string, mode: 'replace' | 'merge'): Promise<number> {
    return (await this.send('import.apply', { kind: 'backup', text, mode }, () => null)).ms;
  }

  async deleteAll(): Promise<void> {
    await this.send('data.deleteAll', { confirm: true }, () => null);
  }
}

/**
 * A DevTools session on another target (the service worker), through a page's session: the
 * browser-wide session is not available for a persistent context, but a page's session may
 * attach to other targets and talk to them through messages.
 */
export class TargetSession {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  private constructor(
    private readonly cdp: CDPSession,
    private readonly sessionId: string,
  ) {
    cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
      const waiting = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!waiting || message.id === undefined) return;
      this.pending.delete(message.id);
      if (message.error) waiting.reject(new Error(message.error.message));
      else waiting.resolve(message.result);
    });
  }

  static async attach(cdp: CDPSession, targetId: string): Promise<TargetSession> {
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string };
    return new TargetSession(cdp, sessionId);
  }

  send<T>(method: string, params: object = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.cdp.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
  }

  /** The worker's JS heap after a full garbage collection, in bytes. */
  async heapAfterGc(): Promise<number> {
    await this.send('HeapProfiler.collectGarbage');
    return (await this.send<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize;
  }

  async detach(): Promise<void> {
    await this.cdp.detach();
  }
}

/** The page's JS heap after a full garbage collection (the content script's isolated world included). */
export async function pageHeapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}
