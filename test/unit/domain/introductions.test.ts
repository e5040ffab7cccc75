import { describe, expect, it } from 'vitest';
import { byIntroductionOrder, isOpen, madeTransition, otherPerson, type IntroductionView } from '../../../domain/introductions';
import type { Introduction, IntroductionStatus } from '../../../domain/model';

const intro = (id: string, status: IntroductionStatus, updatedAt: number): Introduction => ({
  id, aId: 'a', bId: 'b', status, note: '', madeAt: null, createdAt: 0, updatedAt,
});

describe('introductions', () => {
  it('are recorded on the timelines when made, and taken off when set back', () => {
    expect(madeTransition(null, 'idea')).toBe('none');
    expect(madeTransition(null, 'made')).toBe('record');
    expect(madeTransition('idea', 'asked-a')).toBe('none');
    expect(madeTransition('asked-b', 'made')).toBe('record');
    expect(madeTransition('asked-b', 'outcome')).toBe('record');
    expect(madeTransition('made', 'outcome')).toBe('none');
    expect(madeTransition('outcome', 'made')).toBe('none');
    expect(madeTransition('made', 'asked-b')).toBe('remove');
  });

  it('are open until they are made', () => {
    expect((['idea', 'asked-a', 'asked-b', 'made', 'outcome'] as const).map(isOpen)).toEqual([true, true, true, false, false]);
  });

  it('list open ones first, then by the latest change', () => {
    const list = [intro('made-new', 'made', 9), intro('idea-old', 'idea', 1), intro('asked-new', 'asked-a', 5)];
    expect(byIntroductionOrder(list).map((i) => i.id)).toEqual(['asked-new', 'idea-old', 'made-new']);
  });

  it('name the other person from either side', () => {
    const view: IntroductionView = {
      ...intro('x', 'idea', 0),
      a: { id: 'a', displayName: 'Jana', headline: '' },
      b: { id: 'b', displayName: 'Lukas', headline: '' },
    };
    expect(otherPerson(view, 'a').displayName).toBe('Lukas');
    expect(otherPerson(view, 'b').displayName).toBe('Jana');
  });
});
