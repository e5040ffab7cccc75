import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

export const FIREFOX_EXTENSION_DIR = path.resolve(import.meta.dirname, '../.output/firefox-mv3');

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/** The Firefox binary to use: `$FIREFOX_BIN`, else Debian's firefox-esr or firefox. */
export function findFirefox(candidates: readonly string[] = CANDIDATES): string {
  const fromEnv = process.env.FIREFOX_BIN;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`FIREFOX_BIN is set to ${fromEnv}, but there is no file there.`);
  }
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found) return found;
  throw new Error(
    'No Firefox found. Install it with `sudo apt-get install firefox-esr` (Debian/Ubuntu), ' +
      'or set FIREFOX_BIN to the path of a Firefox binary (140 or later).',
  );
}

/** The gecko id of the built Firefox extension. */
export function geckoIdOf(extensionDir: string): string {
  const manifestPath = path.join(extensionDir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`The Firefox extension is not built at ${extensionDir}. Run \`npm run build:firefox\` first.`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${manifestPath} names no gecko id.`);
  return id;
}

export interface FirefoxLaunchOptions {
  /** Where every request that is not intercepted goes: a local proxy that refuses it. */
  proxyPort: number;
  /** The extension's moz-extension:// host, pinned so that its pages have a known address. */
  uuid: string;
  extensionDir?: string;
  /** An IANA time zone for the whole browser, its extension processes included. */
  timezone?: string;
  /** Further preferences, e.g. how soon the background goes idle. */
  prefs?: Record<string, string | number | boolean>;
}

/**
 * Headless Firefox driven over WebDriver BiDi, with the built extension installed as a temporary
 * add-on. No request can leave the machine: they all go to the given local proxy.
 */
export async function launchFirefoxWithExtension(options: FirefoxLaunchOptions): Promise<Browser> {
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  const geckoId = geckoIdOf(extensionDir);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    // Lets the automation open moz-extension:// pages in a tab (the extension's own powers are
    // unchanged): Firefox otherwise refuses to navigate there from WebDriver.
    args: ['--remote-allow-system-access'],
    env: { ...process.env, ...(options.timezone ? { TZ: options.timezone } : {}) },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: options.uuid }),
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': options.proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': options.proxyPort,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'network.proxy.socks_remote_dns': true,
      'intl.locale.requested': 'en-US',
      // Firefox's own notification windows: headless Firefox has no system notification service.
      'alerts.useSystemBackend': false,
      ...options.prefs,
    },
  });
  try {
    await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return browser;
}
