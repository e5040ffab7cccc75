import type { Contact, Introduction, IntroductionStatus } from './model';

/**
 * Introductions: "introduce A to B", from an idea to its outcome.
 *
 * When it becomes an interaction: the moment the introduction is MADE (status `made`, or
 * `outcome` reached directly). Then one interaction of kind `introduction` is recorded on each
 * of the two people's timelines, at that moment, linked by `introductionId`; it counts as contact
 * with both and as a favour given to both (see domain/ledger.ts). Asking each side beforehand is
 * part of the work, not yet the favour, so `idea`, `asked-a` and `asked-b` record nothing.
 * Setting the status back before `made` (a slip of the hand) removes the two interactions again.
 */

/** Statuses in which the introduction has been made. */
const MADE: readonly IntroductionStatus[] = ['made', 'outcome'];
/** Open: still to be made. The dashboard's list of open introductions shows these. */
export const OPEN_INTRODUCTION_STATUSES: readonly IntroductionStatus[] = ['idea', 'asked-a', 'asked-b'];

export function isMade(status: IntroductionStatus): boolean {
  return MADE.includes(status);
}

export function isOpen(status: IntroductionStatus): boolean {
  return OPEN_INTRODUCTION_STATUSES.includes(status);
}

/** What a status change means for the two timelines. */
export function madeTransition(from: IntroductionStatus | null, to: IntroductionStatus): 'record' | 'remove' | 'none' {
  const was = from !== null && isMade(from);
  const is = isMade(to);
  if (!was && is) return 'record';
  if (was && !is) return 'remove';
  return 'none';
}

/** The little the UI shows about each person of an introduction. */
export type IntroductionPerson = Pick<Contact, 'id' | 'displayName' | 'headline'>;

export interface IntroductionView extends Introduction {
  a: IntroductionPerson;
  b: IntroductionPerson;
}

/** The other person of an introduction, seen from `contactId`'s side. */
export function otherPerson(view: IntroductionView, contactId: string): IntroductionPerson {
  return view.aId === contactId ? view.b : view.a;
}

/** Open introductions first (newest first), then the made ones, most recently changed first. */
export function byIntroductionOrder<T extends Introduction>(introductions: readonly T[]): T[] {
  return [...introductions].sort(
    (x, y) => Number(isOpen(y.status)) - Number(isOpen(x.status)) || y.updatedAt - x.updatedAt || x.id.localeCompare(y.id),
  );
}
