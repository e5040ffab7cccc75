import { DAY_MS } from './constants';
import type { Interaction, InteractionKind, TieStats } from './model';

/**
 * What a contact's interactions say about the tie, kept on the contact (`contact.tie`) so that
 * lists of thousands of people never read the interactions themselves.
 */

/** Kinds that mean the two met: everything else (messages, calls, favours...) counts as remote. */
export const IN_PERSON_KINDS: readonly InteractionKind[] = ['meeting', 'event'];

/**
 * The ledger: a favour given, and an introduction made, count as giving. An introduction is a
 * favour to both people, so it counts once on each of their ledgers.
 */
const GIVING_KINDS: readonly InteractionKind[] = ['favour-given', 'introduction'];
const RECEIVING_KINDS: readonly InteractionKind[] = ['favour-received'];

export const EMPTY_TIE: TieStats = { given: 0, received: 0, typicalGapDays: null, remoteStreak: 0 };

type TieInput = Pick<Interaction, 'at' | 'kind' | 'createdAt'>;

/**
 * The days between separate contacts: interactions less than a day after the start of the
 * previous contact belong to it (a message and the favour logged with it are one contact).
 */
export function contactGapsDays(times: readonly number[]): number[] {
  const sorted = [...times].sort((a, b) => a - b);
  const gaps: number[] = [];
  let start: number | undefined;
  for (const at of sorted) {
    if (start === undefined) start = at;
    else if (at - start >= DAY_MS) {
      gaps.push((at - start) / DAY_MS);
      start = at;
    }
  }
  return gaps;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The tie's figures from all of a contact's interactions (in any order). */
export function tieStats(interactions: readonly TieInput[]): TieStats {
  let given = 0;
  let received = 0;
  for (const { kind } of interactions) {
    if (GIVING_KINDS.includes(kind)) given++;
    else if (RECEIVING_KINDS.includes(kind)) received++;
  }
  const gap = median(contactGapsDays(interactions.map((i) => i.at)));
  // The median rather than the mean: one long silence or one busy week should not set the rhythm.
  const typicalGapDays = gap === null ? null : Math.round(gap * 10) / 10;

  const newestFirst = [...interactions].sort((a, b) => b.at - a.at || b.createdAt - a.createdAt);
  let remoteStreak = 0;
  for (const { kind } of newestFirst) {
    if (IN_PERSON_KINDS.includes(kind)) break;
    remoteStreak++;
  }
  return { given, received, typicalGapDays, remoteStreak };
}
