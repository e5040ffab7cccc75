/*
 * What the rest of the extension knows about each site apart from reading its pages: id, name,
 * hosts and the content script's match patterns. Plain data with no DOM code, so that domain/
 * (schemas, CSV), the manifest, the router and the dashboard can use it without pulling in the
 * adapters' page parsing. Each adapter in this folder carries its site's descriptor.
 *
 * The functions take the list of sites, the real one by default, so that a test can check with
 * an extra, fictional site that everything derived from the list follows it.
 */

export interface SiteDescriptor {
  /** Stable id: stored in profiles, profile ids (`<site>:<key>`) and settings. Never renamed. */
  readonly site: string;
  /** The site's own name, the same in every language. */
  readonly label: string;
  /** The site is each of these domains and every subdomain of it. */
  readonly domains: readonly string[];
  /** The content script's match patterns: the whole site, because the sites are single-page apps. */
  readonly matches: readonly string[];
  /** Its colour: the CSS variable `--tk-<colour>` and the class `dash-site-<colour>`. */
  readonly colour: string;
}

export const linkedinSite = {
  site: 'linkedin',
  label: 'LinkedIn',
  domains: ['linkedin.com'],
  matches: ['https://*.linkedin.com/*'],
  colour: 'linkedin',
} as const satisfies SiteDescriptor;

export const xingSite = {
  site: 'xing',
  label: 'XING',
  domains: ['xing.com'],
  matches: ['https://*.xing.com/*'],
  colour: 'xing',
} as const satisfies SiteDescriptor;

/** Every site, in the order lists show them (LinkedIn first). Adding a site adds it here. */
export const SITES = [linkedinSite, xingSite] as const;

type SiteIds<T extends readonly SiteDescriptor[]> = { -readonly [K in keyof T]: T[K]['site'] };

/** The site ids as a tuple, for zod enums and types. */
export const SITE_IDS = SITES.map((descriptor) => descriptor.site) as SiteIds<typeof SITES>;

/** The sites Tiekeeper knows. */
export type SiteId = (typeof SITE_IDS)[number];

/** Whether the host name (any letter case, with or without the root dot) belongs to the site. */
export function isHostOf(descriptor: SiteDescriptor, hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return descriptor.domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/** The site a host name belongs to, or undefined for any other host. */
export function siteOfHost(hostname: string, sites: readonly SiteDescriptor[] = SITES): SiteDescriptor | undefined {
  return sites.find((descriptor) => isHostOf(descriptor, hostname));
}

/** The content script's match patterns (the manifest's only host access). */
export function contentScriptMatches(sites: readonly SiteDescriptor[] = SITES): string[] {
  return sites.flatMap((descriptor) => descriptor.matches);
}

/** Host names that profile URLs may have: a domain of a site or a subdomain of one. */
export function siteHostnamePattern(sites: readonly SiteDescriptor[] = SITES): RegExp {
  const domains = sites.flatMap((descriptor) => descriptor.domains).map((domain) => domain.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^([a-z0-9-]+\\.)*(${domains.join('|')})$`);
}

/** The descriptor of a known site. */
export function siteDescriptor(site: SiteId): SiteDescriptor {
  return SITES[siteOrder(site)]!;
}

/** The site's place in lists: 0 for the first site (LinkedIn). */
export function siteOrder(site: SiteId): number {
  return SITE_IDS.indexOf(site);
}

/** Site id -> name, for the dashboard's texts. */
export const SITE_NAMES = Object.fromEntries(SITES.map((descriptor) => [descriptor.site, descriptor.label])) as Record<SiteId, string>;
