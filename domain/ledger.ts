import type { TieStats } from './model';

/**
 * Give and take. Counting rules (see domain/ties.ts): a favour given and an introduction made
 * count as giving, an introduction once for each of the two people; a favour received counts as
 * asking. Other interactions are neither. The balance is given minus received: below zero, the
 * user has asked more than they gave.
 */
export interface Ledger {
  given: number;
  received: number;
  balance: number;
}

export function ledgerOf(tie: Pick<TieStats, 'given' | 'received'> | undefined): Ledger {
  const given = tie?.given ?? 0;
  const received = tie?.received ?? 0;
  return { given, received, balance: given - received };
}

/**
 * Whether logging an ask should come with "give first": the user is asking again while they
 * already owe (more received than given before this ask). The first ask of a fresh tie is fine.
 */
export function suggestGivingFirst(before: Ledger): boolean {
  return before.balance < 0;
}

/** A way to give, for the "give first" suggestion; the UI words it. */
export type GiveIdea =
  | { kind: 'share'; hook: string }
  | { kind: 'recommend' }
  | { kind: 'congratulate' }
  | { kind: 'introduce' };

/** The separate hooks in the free-text field: "FC Bayern, mentoring" -> two hooks. */
export function splitHooks(hooks: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of hooks.split(/[,;\n]/)) {
    const hook = raw.trim().replace(/\s+/g, ' ');
    const key = hook.toLowerCase();
    if (hook === '' || hook.length > 80 || seen.has(key)) continue;
    seen.add(key);
    out.push(hook);
  }
  return out;
}

/**
 * Ideas for giving first: something about one of their hooks (at most two), then the favours
 * anyone can do — a recommendation, congratulations on news, an introduction. Generic on
 * purpose: Tiekeeper cannot know what would help them, only remind the user what usually does.
 */
export function giveIdeas(hooks: string): GiveIdea[] {
  const fromHooks: GiveIdea[] = splitHooks(hooks)
    .slice(0, 2)
    .map((hook) => ({ kind: 'share', hook }));
  return [...fromHooks, { kind: 'recommend' }, { kind: 'congratulate' }, { kind: 'introduce' }];
}
