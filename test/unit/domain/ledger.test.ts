import { describe, expect, it } from 'vitest';
import { giveIdeas, ledgerOf, splitHooks, suggestGivingFirst } from '../../../domain/ledger';

describe('give-and-take ledger', () => {
  it('is the counts and their balance, empty when the figures are not known', () => {
    expect(ledgerOf({ given: 1, received: 3 })).toEqual({ given: 1, received: 3, balance: -2 });
    expect(ledgerOf(undefined)).toEqual({ given: 0, received: 0, balance: 0 });
  });

  it('suggests giving first only when the user already asked more than they gave', () => {
    expect(suggestGivingFirst(ledgerOf({ given: 0, received: 0 }))).toBe(false);
    expect(suggestGivingFirst(ledgerOf({ given: 0, received: 1 }))).toBe(true);
    expect(suggestGivingFirst(ledgerOf({ given: 2, received: 2 }))).toBe(false);
    expect(suggestGivingFirst(ledgerOf({ given: 1, received: 2 }))).toBe(true);
  });
});

describe('ideas for giving first', () => {
  it('splits the hooks field at commas, semicolons and lines, without repeats or blanks', () => {
    expect(splitHooks('FC Bayern, mentoring')).toEqual(['FC Bayern', 'mentoring']);
    expect(splitHooks('Sailing;  two   kids\n\nsailing, ')).toEqual(['Sailing', 'two kids']);
    expect(splitHooks('')).toEqual([]);
  });

  it('offers something about at most two hooks, then the favours anyone can do', () => {
    expect(giveIdeas('FC Bayern, mentoring, chess')).toEqual([
      { kind: 'share', hook: 'FC Bayern' },
      { kind: 'share', hook: 'mentoring' },
      { kind: 'recommend' },
      { kind: 'congratulate' },
      { kind: 'introduce' },
    ]);
    expect(giveIdeas('')).toEqual([{ kind: 'recommend' }, { kind: 'congratulate' }, { kind: 'introduce' }]);
  });

  it('leaves out a "hook" that is really a paragraph', () => {
    expect(giveIdeas('x'.repeat(81)).map((i) => i.kind)).toEqual(['recommend', 'congratulate', 'introduce']);
  });
});
