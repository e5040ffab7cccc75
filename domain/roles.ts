import type { Contact } from './model';
import { DAY_MS, MAX_ROLE_CHANGES } from './constants';

/**
 * Job changes noticed on the user's own visits: the headline a profile page shows, compared
 * with the one Tiekeeper saw there before. Pure, so that the rules are tested on their own.
 */

/** How long "Congratulate?" is suggested after a new role was noticed. */
export const CONGRATULATE_DAYS = 14;

/**
 * The words of a headline, sorted: case, spacing, punctuation, emoji and word order do not count,
 * so "Product Manager | Musterwerk 🚀" and "musterwerk · product  manager" are the same headline.
 */
export function headlineWords(text: string): string[] {
  return (text.normalize('NFKC').toLocaleLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).sort();
}

export function sameHeadline(a: string, b: string): boolean {
  const x = headlineWords(a);
  const y = headlineWords(b);
  return x.length === y.length && x.every((word, i) => word === y[i]);
}

/**
 * Whether the page now shows another role than before. Only a headline seen on the page itself
 * counts as "before" (`seen`): one from an import is LinkedIn's bare position, which the page's
 * headline rarely repeats word for word, and a wrong "New role" is worse than a missed one.
 */
export function isNewRole(seen: string | null, shown: string): boolean {
  if (seen === null || headlineWords(seen).length === 0 || headlineWords(shown).length === 0) return false;
  return !sameHeadline(seen, shown);
}

/**
 * The contact after a new role was noticed: the event on the timeline, and the headline
 * replaced unless the user wrote their own (it differs from what the page showed before); then
 * the change is only offered.
 */
export function withNewRole(contact: Contact, seen: string, shown: string, now: number): Contact {
  const ownWording = contact.headline.trim() !== '' && !sameHeadline(contact.headline, seen);
  return {
    ...contact,
    headline: ownWording ? contact.headline : shown,
    roleChanges: [...(contact.roleChanges ?? []), { at: now, headline: shown }].slice(-MAX_ROLE_CHANGES),
    updatedAt: now,
  };
}

/** The latest role change, while "Congratulate?" is worth suggesting: recent, and no contact since. */
export function congratulateFor(contact: Pick<Contact, 'roleChanges' | 'lastContactAt' | 'archived'>, now: number): { at: number; headline: string } | null {
  const latest = contact.roleChanges?.at(-1);
  if (!latest || contact.archived) return null;
  if (now - latest.at > CONGRATULATE_DAYS * DAY_MS) return null;
  if (contact.lastContactAt !== null && contact.lastContactAt >= latest.at) return null;
  return latest;
}
