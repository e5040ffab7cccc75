import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const EXTENSION_DIR = path.resolve(import.meta.dirname, '../.output/chrome-mv3');

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The Chromium binary to use: `$CHROMIUM_BIN`, else the usual Debian and Chrome paths. */
export function findChromium(candidates: readonly string[] = CANDIDATES): string {
  const fromEnv = process.env.CHROMIUM_BIN;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_BIN is set to ${fromEnv}, but there is no file there.`);
  }
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found) return found;
  throw new Error(
    'No Chromium found. Install it with `sudo apt-get install chromium chromium-l10n` (Debian/Ubuntu), ' +
      'or set CHROMIUM_BIN to the path of a Chromium or Chrome binary.',
  );
}

export interface LaunchOptions {
  headless: boolean;
  /** Keep the browser profile here; a fresh temporary one when absent. */
  userDataDir?: string;
  /** Resolve no host names at all (tests and the offline demo): nothing can leave the machine. */
  offline: boolean;
  extensionDir?: string;
  locale?: string;
  colorScheme?: 'light' | 'dark';
  /** An IANA time zone for the whole browser, its worker included; the machine's when absent. */
  timezone?: string;
}

/** Chromium with the built extension loaded. */
export async function launchWithExtension(options: LaunchOptions): Promise<BrowserContext> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`The extension is not built at ${extensionDir}. Run \`npm run build\` first.`);
  }
  return launch(options, extensionDir);
}

/** The same Chromium without any extension: the baseline the benchmark compares with. */
export async function launchWithoutExtension(options: Omit<LaunchOptions, 'extensionDir'>): Promise<BrowserContext> {
  return launch(options, null);
}

async function launch(options: LaunchOptions, extensionDir: string | null): Promise<BrowserContext> {
  const args = [
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-features=Translate,OptimizationHints,MediaRouter',
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
  ];
  // Chromium refuses to run as root with its sandbox; CI containers run as root.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  if (options.offline) args.push('--host-resolver-rules=MAP * ~NOTFOUND');
  if (options.locale) args.push(`--lang=${options.locale}`);
  return chromium.launchPersistentContext(options.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'tiekeeper-')), {
    executablePath: findChromium(),
    headless: options.headless,
    args,
    locale: options.locale ?? 'en-US',
    // On Linux the browser's own language (what browser.i18n reports) follows the environment;
    // Debian's Chromium needs its chromium-l10n package for any language but English.
    // TZ reaches every process of the browser: pages, the extension's worker and its alarms.
    env: {
      ...process.env,
      LANGUAGE: (options.locale ?? 'en-US').replace('-', '_'),
      ...(options.timezone ? { TZ: options.timezone } : {}),
    },
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1280, height: 860 },
    // Keep Playwright from adding its own flags that disable extensions.
    ignoreDefaultArgs: ['--disable-extensions', '--disable-component-extensions-with-background-pages'],
  });
}

/** The extension's id, from its service worker (waits for the worker to start). */
export async function extensionIdOf(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'))
    ?? (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://') }));
  return new URL(worker.url()).host;
}
