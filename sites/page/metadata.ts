import { isRecord } from './json-blobs';
import { isPlausibleName, nameMatchesIdentifier } from './names';
import { cleanText } from './text';

/*
 * What a page says about itself: its title, and for others (search engines, link previews) its
 * og:* tags and JSON-LD.
 */

/**
 * The parts of a page title, without the unread-notifications prefix (`(3) `, `(99+) `) and the
 * site suffix (`| LinkedIn`, `| XING`): `(3) Jana Beispiel | LinkedIn` -> [`Jana Beispiel`],
 * `Erfahrung | Jana Beispiel | LinkedIn` -> [`Erfahrung`, `Jana Beispiel`].
 */
export function titleParts(title: string | null | undefined, siteName: string): string[] {
  let text = cleanText(title).replace(/^\(\d+\+?\)\s*/, '');
  const suffix = new RegExp(`\\s*[|·–—-]\\s*${siteName}\\s*$`, 'i');
  text = text.replace(suffix, '');
  if (new RegExp(`^${siteName}$`, 'i').test(text)) return [];
  return text
    .split(/\s+\|\s+/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * The name in a title part of the public-page style `Name - Position - Company`. Only spaced
 * dashes separate: `Gerner-Mathisen` stays whole.
 */
function nameBeforeDash(part: string): string {
  return part.split(/\s+[-–—]\s+/)[0]?.trim() ?? part;
}

/**
 * The person's name in a page title. A title of one part (`(3) Name | LinkedIn`, public
 * `Name - Position - Company | LinkedIn`) counts as is when `trustSinglePart` (the page is the
 * profile itself); otherwise, and in titles of several parts (`Experience | Name | LinkedIn`),
 * only a part that matches the profile's URL identifier counts.
 */
export function nameFromTitle(
  title: string | null | undefined,
  siteName: string,
  identifier: string | undefined,
  trustSinglePart: boolean,
): string | undefined {
  const parts = titleParts(title, siteName);
  const [only] = parts;
  if (trustSinglePart && parts.length === 1 && only !== undefined) {
    const name = nameBeforeDash(only);
    return isPlausibleName(name) ? name : undefined;
  }
  if (identifier === undefined) return undefined;
  for (const part of parts) {
    const name = nameBeforeDash(part);
    if (isPlausibleName(name) && nameMatchesIdentifier(name, identifier)) return name;
  }
  return undefined;
}

/** The content of a `<meta property|name=...>` tag in the head. */
function metaContent(doc: Document, key: string): string | undefined {
  const meta = doc.head?.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
  return cleanText(meta?.getAttribute('content')) || undefined;
}

/** The first JSON-LD object of `@type` Person (also inside `@graph`), as public pages carry it. */
function jsonLdPerson(doc: Document): { name?: string; url?: string; jobTitle?: string } | undefined {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const text = script.textContent ?? '';
    // A profile's JSON-LD is tens of kilobytes; a larger blob is not what we look for.
    if (text.length > 500_000) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue;
    }
    const graph = isRecord(data) && Array.isArray(data['@graph']) ? data['@graph'] : [data];
    for (const node of graph) {
      if (!isRecord(node) || node['@type'] !== 'Person') continue;
      return {
        name: typeof node.name === 'string' ? node.name : undefined,
        url: typeof node.url === 'string' ? node.url : undefined,
        jobTitle: typeof node.jobTitle === 'string' ? node.jobTitle : undefined,
      };
    }
  }
  return undefined;
}

/**
 * The name in og:title or a JSON-LD `Person` (public pages), only when their own URL (og:url,
 * the Person's url) is absent or `isThisProfile`: metadata about someone else is no name.
 */
export function nameFromPublicMetadata(
  doc: Document,
  siteName: string,
  isThisProfile: (url: URL) => boolean,
): string | undefined {
  const describesProfile = (href: string | undefined): boolean => {
    if (!href) return true;
    try {
      return isThisProfile(new URL(href));
    } catch {
      return false;
    }
  };
  const ogTitle = metaContent(doc, 'og:title');
  if (ogTitle && describesProfile(metaContent(doc, 'og:url'))) {
    const name = nameFromTitle(ogTitle, siteName, undefined, true);
    if (name !== undefined) return name;
  }
  const person = jsonLdPerson(doc);
  if (person && describesProfile(person.url) && isPlausibleName(person.name)) return cleanText(person.name);
  return undefined;
}
