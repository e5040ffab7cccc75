import { describe, expect, it } from 'vitest';
import { meetingSuggestions, suggestMeeting } from '../../../domain/meet-in-person';
import { EMPTY_TIE } from '../../../domain/ties';

const person = (id: string, remoteStreak: number, extra: { meetInPerson?: boolean; archived?: boolean; lastContactAt?: number } = {}) => ({
  id,
  meetInPerson: extra.meetInPerson ?? true,
  archived: extra.archived ?? false,
  lastContactAt: extra.lastContactAt ?? 0,
  tie: { ...EMPTY_TIE, remoteStreak },
});

describe('meet in person', () => {
  it('is suggested for people marked worth it once the last three contacts were all remote', () => {
    expect(suggestMeeting(person('a', 3))).toBe(true);
    expect(suggestMeeting(person('a', 2))).toBe(false);
    expect(suggestMeeting(person('a', 5, { meetInPerson: false }))).toBe(false);
    expect(suggestMeeting(person('a', 5, { archived: true }))).toBe(false);
    expect(suggestMeeting({ meetInPerson: true, archived: false, tie: undefined })).toBe(false);
  });

  it('lists the longest remote run first, then the least recently contacted, at most `limit`', () => {
    const list = [person('a', 3, { lastContactAt: 5 }), person('b', 7), person('c', 3, { lastContactAt: 1 }), person('d', 1), person('e', 4)];
    expect(meetingSuggestions(list, 3).map((p) => p.id)).toEqual(['b', 'e', 'c']);
  });
});
