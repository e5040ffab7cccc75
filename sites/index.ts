import { decodeSegment, parseAddress } from './urls/shared';
import type { ProfileRef, SiteAdapter } from './types';

/*
 * The registry: every SiteAdapter exported by a file in this folder. Adding a site is one new
 * file plus its descriptor in descriptors.ts (id, name, hosts, match patterns), which everything
 * outside the page parsing derives from; the contract test checks that the two lists agree and
 * that the adapter has examples and fixtures.
 * import.meta.glob is resolved at build time by Vite, so this works in WXT builds and Vitest.
 */
const modules = import.meta.glob<Record<string, unknown>>(['./*.ts', '!./index.ts', '!./types.ts', '!./descriptors.ts'], {
  eager: true,
});

export function isSiteAdapter(value: unknown): value is SiteAdapter {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof SiteAdapter, unknown>>;
  return (
    typeof candidate.site === 'string' &&
    Array.isArray(candidate.matches) &&
    typeof candidate.matchesHost === 'function' &&
    typeof candidate.profileFromUrl === 'function' &&
    typeof candidate.readProfile === 'function' &&
    typeof candidate.findBadgeAnchor === 'function' &&
    typeof candidate.examples === 'object' &&
    candidate.examples !== null
  );
}

function collectAdapters(): readonly SiteAdapter[] {
  const found = Object.entries(modules)
    // A plain comparison of the file names: `localeCompare` would set up the browser's collation
    // on every page of the sites, which cost more than the rest of the content script together.
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([, exports]) => Object.values(exports).filter(isSiteAdapter));
  const sites = new Set<string>();
  for (const adapter of found) {
    if (sites.has(adapter.site)) throw new Error(`Two site adapters claim the site "${adapter.site}"`);
    sites.add(adapter.site);
  }
  return found;
}

/** All site adapters, in file-name order. */
export const adapters: readonly SiteAdapter[] = collectAdapters();

/** The adapter responsible for the URL's host, or undefined on any other site. */
export function adapterForUrl(url: URL): SiteAdapter | undefined {
  return adapters.find((adapter) => adapter.matchesHost(url.hostname));
}

/** The profile identity from the URL alone, or null when the URL is no profile page. */
export function profileFromUrl(url: URL): Pick<ProfileRef, 'site' | 'key' | 'url'> | null {
  return adapterForUrl(url)?.profileFromUrl(url) ?? null;
}

/**
 * The profile an address typed or pasted by a person (or found in an export) points to: a
 * missing `https://` is fine, anything else must be a profile URL of a known site.
 */
export function profileFromAddress(text: string): Pick<ProfileRef, 'site' | 'key' | 'url'> | null {
  const url = parseAddress(text);
  return url && profileFromUrl(url);
}

/** The person a page shows, or null when it shows none (not a profile, not found, other site). */
export function recogniseProfile(url: URL, doc: Document): ProfileRef | null {
  return adapterForUrl(url)?.readProfile(url, doc) ?? null;
}

/**
 * A name guessed from a profile address, to suggest when a person is added by address alone:
 * `/in/jana-beispiel-4a1b2c` -> "Jana Beispiel", `/profile/Jana_Beispiel2` -> "Jana Beispiel".
 * The sites' disambiguating suffixes (trailing digits, parts with digits) are dropped; with fewer than two words
 * left ("jeffweiner08"), or for member ids, nothing is guessed: a wrong name is worse than none.
 */
export function nameFromAddress(text: string): string | null {
  const ref = profileFromAddress(text);
  if (!ref) return null;
  const segment = new URL(ref.url).pathname.split('/').filter(Boolean).at(-1) ?? '';
  const words = (decodeSegment(segment) ?? '')
    .split(/[-_.\s]+/)
    .map((word) => word.replace(/\d+$/, ''))
    .filter((word) => word !== '' && !/\d/.test(word));
  if (words.length < 2 || /^ACoAA/.test(segment)) return null;
  return words.map((word) => (word === word.toLowerCase() ? word.charAt(0).toUpperCase() + word.slice(1) : word)).join(' ');
}
