import { isHostOf, linkedinSite } from '../descriptors';
import type { ProfileRef } from '../types';
import { decodeSegment } from './shared';

/* LinkedIn's profile addresses: the keys and canonical URLs described in sites/linkedin.ts. */

const ORIGIN = 'https://www.linkedin.com';

/** LinkedIn's member id in URLs and URNs: 29 bytes base64url, starting 00 2a 00 00. */
const MEMBER_ID = /^ACoAA[A-Za-z0-9_-]{34}$/;

/** Vanity slugs: letters (any script), digits, hyphens; old ones also `_` and `.`. */
const SLUG = /^[\p{L}\p{M}\p{N}._-]{2,100}$/u;
/** Most slugs: the same rule in ASCII, checked first (compiling `SLUG` costs a page about a millisecond). */
const ASCII_SLUG = /^[A-Za-z0-9._-]{2,100}$/;

/** `/in/me/` redirects to the viewer's own profile: it names nobody until then. */
const NOT_A_SLUG = new Set(['me']);

export interface ParsedLinkedinUrl {
  ref: Pick<ProfileRef, 'site' | 'key' | 'url'>;
  /** The decoded slug or pub name, to check that a title names this person. */
  identifier: string;
  /** Whether this URL shows the profile's top card (not a sub-page like `/details/...`). */
  showsTopCard: boolean;
  memberId?: string;
}

/**
 * Sub-paths of `/in/<slug>/` that still show the profile page with its top card: dialogs over
 * it (`/overlay/contact-info/`) and locale variants (`/en/`, `/de`). Everything else
 * (`/details/experience/`, `/recent-activity/all/`, `/edit/...`) is a page of its own.
 */
function showsTopCard(rest: readonly string[]): boolean {
  const [first] = rest;
  if (first === undefined || first === 'overlay') return true;
  return rest.length === 1 && /^[a-z]{2}([-_][a-z]{2})?$/i.test(first);
}

/** The profile a LinkedIn address points to (see the key rules in sites/linkedin.ts), or null. */
export function parseLinkedinUrl(url: URL): ParsedLinkedinUrl | null {
  if (!isHostOf(linkedinSite, url.hostname) || !/^https?:$/.test(url.protocol)) return null;
  let segments = url.pathname.split('/').filter(Boolean);
  // The mobile web app prefixes paths with /m (`/m/in/<slug>`).
  if (segments[0] === 'm') segments = segments.slice(1);
  const [kind, rawSlug, ...rest] = segments;
  if (rawSlug === undefined) return null;
  const slug = decodeSegment(rawSlug);
  if (slug === null || !(ASCII_SLUG.test(slug) || SLUG.test(slug))) return null;

  if (kind === 'in') {
    if (MEMBER_ID.test(slug)) {
      return {
        ref: { site: 'linkedin', key: slug, url: `${ORIGIN}/in/${slug}/` },
        identifier: slug,
        showsTopCard: showsTopCard(rest),
        memberId: slug,
      };
    }
    const key = slug.toLowerCase().normalize('NFC');
    if (NOT_A_SLUG.has(key)) return null;
    return {
      ref: { site: 'linkedin', key, url: `${ORIGIN}/in/${encodeURIComponent(slug)}/` },
      identifier: slug,
      showsTopCard: showsTopCard(rest),
    };
  }

  if (kind === 'pub') {
    // `/pub/dir/<first>/<last>` is the people directory (a name search), not a person.
    const [a, b, c] = rest;
    const part = /^[0-9a-z]{1,3}$/i;
    if (slug.toLowerCase() === 'dir' || !a || !b || !c || ![a, b, c].every((p) => part.test(p))) {
      return null;
    }
    const path = `${slug}/${a}/${b}/${c}`;
    return {
      ref: {
        site: 'linkedin',
        key: `pub:${path.toLowerCase().normalize('NFC')}`,
        url: `${ORIGIN}/pub/${encodeURIComponent(slug)}/${a}/${b}/${c}`,
      },
      identifier: slug,
      showsTopCard: true,
    };
  }
  return null;
}
