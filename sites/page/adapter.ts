import { isHostOf, type SiteDescriptor, type SiteId } from '../descriptors';
import type { AdapterExamples, ProfileRef, SiteAdapter } from '../types';
import { badgeAnchorFinder } from './badge-anchor';

/*
 * How an adapter is put together from its site's own rules: the parts every site has (host,
 * address, page reading) wired into a SiteAdapter the same way for each.
 */

/** A site's own rules, from which defineAdapter builds its SiteAdapter. */
export interface AdapterParts {
  descriptor: SiteDescriptor & { site: SiteId };
  /** The profile's identity from its address (with what else the adapter reads from it), or null. */
  parseUrl(url: URL): { ref: Pick<ProfileRef, 'site' | 'key' | 'url'> } | null;
  readProfile(url: URL, doc: Document): ProfileRef | null;
  /** Whether the page is the site's "profile not found" page. */
  isNotFoundPage(doc: Document): boolean;
  /** The name the profile view's own markup shows, for the badge when the caller names nobody. */
  shownName(doc: Document): string | undefined;
  examples: AdapterExamples;
}

export function defineAdapter(parts: AdapterParts): SiteAdapter {
  const { descriptor, parseUrl, readProfile } = parts;
  return {
    ...descriptor,
    matchesHost: (hostname) => isHostOf(descriptor, hostname),
    profileFromUrl: (url) => parseUrl(url)?.ref ?? null,
    readProfile,
    findBadgeAnchor: badgeAnchorFinder({
      label: descriptor.label,
      isProfile: (url) => parseUrl(url) !== null,
      readProfile,
      isNotFoundPage: parts.isNotFoundPage,
      shownName: parts.shownName,
    }),
    examples: parts.examples,
  };
}

/** A profile reference with the details the page gave, leaving out the unknown ones. */
export function withDetails(
  ref: Pick<ProfileRef, 'site' | 'key' | 'url'>,
  details: Pick<ProfileRef, 'name' | 'headline' | 'memberId'>,
): ProfileRef {
  const profile: ProfileRef = { ...ref };
  if (details.name !== undefined) profile.name = details.name;
  if (details.headline !== undefined) profile.headline = details.headline;
  if (details.memberId !== undefined) profile.memberId = details.memberId;
  return profile;
}
