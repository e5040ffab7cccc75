import { linkedinKeyFromUrl } from './connections';
import type { Profile } from './model';

export type ProfileIdentity = Pick<Profile, 'site' | 'key' | 'url'>;

/** XING pageNames look like `Jana_Beispiel` or `Lukas_Mustermann2`. */
const XING_PAGE_NAME = /^[\p{L}\p{M}\p{N}._-]{2,100}$/u;

/**
 * The profile a pasted address points at, for adding a person by hand in the dashboard; null
 * when it is no LinkedIn or XING profile address. A missing `https://` is fine.
 * The keys follow the site adapters' rule (sites/linkedin.ts, sites/xing.ts), so that the
 * contact is found again on the profile page: LinkedIn the decoded, lower-cased `/in/` slug,
 * XING the decoded, lower-cased pageName of `/profile/<pageName>` (or legacy `/profiles/`).
 */
export function profileFromAddress(text: string): ProfileIdentity | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const linkedin = linkedinKeyFromUrl(trimmed);
  if (linkedin) return { site: 'linkedin', ...linkedin };

  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed.replace(/^\/+/, '')}`);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase();
  if (!/^https?:$/.test(url.protocol) || (host !== 'xing.com' && !host.endsWith('.xing.com'))) return null;
  const [kind, raw] = url.pathname.split('/').filter(Boolean);
  if ((kind !== 'profile' && kind !== 'profiles') || raw === undefined) return null;
  let pageName: string;
  try {
    pageName = decodeURIComponent(raw).normalize('NFC');
  } catch {
    return null;
  }
  if (!XING_PAGE_NAME.test(pageName)) return null;
  return { site: 'xing', key: pageName.toLowerCase(), url: `https://www.xing.com/profile/${encodeURIComponent(pageName)}` };
}
