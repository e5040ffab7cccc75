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

/**
 * `$1`..`$9` in a message are replaced by `substitutions`, as browser.i18n does. Only text goes
 * in: a count needs a plural form (`tCount`), and any other number is formatted by the caller.
 */
export function t(key: MessageKey, ...subs: string[]): string {
  if (override === null) {
    const fromBrowser = browser.i18n?.getMessage?.(key, subs);
    if (fromBrowser) return fromBrowser;
  }
  const template = bundles[uiLanguage()][key]?.message ?? bundles.en[key]?.message ?? key;
  return template.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

/** Messages with a form for one and one for more: `countAllOne` / `countAllOther` give `countAll`. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}Other` ? (`${Base}One` extends MessageKey ? Base : never) : never;
}[MessageKey];

const pluralRules = new Map<Language, Intl.PluralRules>();

/**
 * A message about a count, in the form the language's plural rules pick for it: "1 person",
 * "3 people". `$1` is the count, formatted for the language; `more` fill `$2`, `$3` ...
 */
export function tCount(key: PluralKey, count: number, ...more: string[]): string {
  const language = uiLanguage();
  let rules = pluralRules.get(language);
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)));
  const form = rules.select(count) === 'one' ? 'One' : 'Other';
  return t(`${key}${form}`, new Intl.NumberFormat(language).format(count), ...more);
}
