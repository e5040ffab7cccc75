import type { SiteDescriptor, SiteId } from './descriptors';

/** The sites Tiekeeper knows. Adding one is a new adapter file here and its entry in descriptors.ts. */
export type { SiteId };

/** Who a profile page shows, as far as the page tells. */
export interface ProfileRef {
  site: SiteId;
  /** Normalised, stable identity on the site (e.g. the lower-cased, decoded LinkedIn slug). */
  key: string;
  /** Canonical profile URL for links, keeping the original spelling of the slug. */
  url: string;
  name?: string;
  headline?: string;
  /**
   * Site-internal member id, only when the page ties it to the person shown (never the viewer's):
   * LinkedIn's `ACoAA…` profile id (what `/in/ACoAA…` URLs use as key), XING's `XingId` id.
   */
  memberId?: string;
}

/** Example URLs that document and test an adapter (see the contract test). */
export interface AdapterExamples {
  /** URLs of profile pages, by the key they must all yield. */
  profiles: Readonly<Record<string, readonly string[]>>;
  /** URLs on the adapter's own site that are not profile pages. */
  notProfiles: readonly string[];
}

/**
 * One site's recognition logic: pure functions of URL and Document, no browser APIs,
 * so every adapter can be tested against saved pages. It carries its site's descriptor.
 */
export interface SiteAdapter extends SiteDescriptor {
  site: SiteId;
  /** Whether this adapter is responsible for the host name (e.g. `de.linkedin.com`). */
  matchesHost(hostname: string): boolean;
  /** The profile identity from the URL alone, or null when the URL is not a profile page. */
  profileFromUrl(url: URL): Pick<ProfileRef, 'site' | 'key' | 'url'> | null;
  /** The full reference from the rendered page, or null when the page shows no person. */
  readProfile(url: URL, doc: Document): ProfileRef | null;
  /**
   * The element the badge is placed after: the one showing the person's name (`name`, as
   * readProfile read it; without it, the adapter reads it from the page), or null when there is
   * no reliable name or the page does not show it.
   */
  findBadgeAnchor(doc: Document, name?: string): Element | null;
  examples: AdapterExamples;
}
