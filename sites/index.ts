import type { ProfileRef, SiteAdapter } from './types';

// Placeholder registry until the site adapters land.
export const adapters: SiteAdapter[] = [];

export function adapterForUrl(url: URL): SiteAdapter | null {
  return adapters.find((adapter) => adapter.matchesHost(url.hostname)) ?? null;
}

export function recogniseProfile(url: URL, doc: Document): ProfileRef | null {
  return adapterForUrl(url)?.readProfile(url, doc) ?? null;
}
