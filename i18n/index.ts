import { browser } from 'wxt/browser';
import en from '../public/_locales/en/messages.json';
import de from '../public/_locales/de/messages.json';

/**
 * UI text. The `_locales` files are the one source: the browser uses them for the manifest and
 * `browser.i18n`, and they are bundled here too so that the user can override the browser's
 * language in the settings (browser.i18n always follows the browser).
 */
export type MessageKey = keyof typeof en;
export type Language = 'en' | 'de';
type Bundle = Record<string, { message: string } | undefined>;

const bundles: Record<Language, Bundle> = { en, de };
let override: Language | null = null;

/** `null` follows the browser's language. */
export function setLanguageOverride(language: Language | null): void {
  override = language;
}

export function browserLanguage(): Language {
  const ui = browser.i18n?.getUILanguage?.() ?? globalThis.navigator?.language ?? 'en';
  return ui.toLowerCase().startsWith('de') ? 'de' : 'en';
}

export function uiLanguage(): Language {
  return override ?? browserLanguage();
}

/** `$1`..`$9` in a message are replaced by `substitutions`, as browser.i18n does. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const subs = substitutions.map(String);
  if (override === null) {
    const fromBrowser = browser.i18n?.getMessage?.(key, subs);
    if (fromBrowser) return fromBrowser;
  }
  const template = bundles[uiLanguage()][key]?.message ?? bundles.en[key]?.message ?? key;
  return template.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}
