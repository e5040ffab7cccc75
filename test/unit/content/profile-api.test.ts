import { describe, expect, it, vi } from 'vitest';
import type { ProfileApi } from '@/components/profile/api';
import { withSummaryReadAhead } from '@/content/profile-api';
import type { ContactSummary } from '@/domain/summary';
import type { ProfileRef } from '@/sites/types';

const jana: ProfileRef = { site: 'linkedin', key: 'jana-beispiel', url: 'https://www.linkedin.com/in/jana-beispiel/' };
const lukas: ProfileRef = { site: 'linkedin', key: 'lukas-mustermann', url: 'https://www.linkedin.com/in/lukas-mustermann/' };
const summary = { id: 'c1', displayName: 'Jana Beispiel' } as ContactSummary;

/** A plain counter rather than vi.fn: a spy handles the promises it returns, hiding unhandled ones. */
function fakeApi(read: (ref: ProfileRef) => Promise<ContactSummary | null>) {
  const calls = { count: 0 };
  const cachedSummary = (ref: ProfileRef) => {
    calls.count++;
    return read(ref);
  };
  return { api: { cachedSummary } as unknown as ProfileApi, calls };
}

describe('reading the badge summary ahead', () => {
  it('starts the read at once and hands that read to the badge', async () => {
    const { api, calls } = fakeApi(async () => summary);
    const ahead = withSummaryReadAhead(api, jana);
    expect(calls.count).toBe(1);
    expect(await ahead.cachedSummary(jana)).toBe(summary);
    expect(calls.count).toBe(1);
  });

  it('reads again for later calls and for other people', async () => {
    const { api, calls } = fakeApi(async (ref) => (ref === jana ? summary : null));
    const ahead = withSummaryReadAhead(api, jana);
    await ahead.cachedSummary(jana);
    await ahead.cachedSummary(jana);
    expect(await ahead.cachedSummary(lukas)).toBeNull();
    expect(calls.count).toBe(3);
  });

  it('passes a failed read on to the badge, and leaves no unhandled rejection before that', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const { api } = fakeApi(() => Promise.reject(new Error('storage unavailable')));
      const ahead = withSummaryReadAhead(api, jana);
      // Node reports unhandled rejections once the microtasks of a turn have run: one turn is enough.
      await new Promise((resolve) => setImmediate(resolve));
      await expect(ahead.cachedSummary(jana)).rejects.toThrow('storage unavailable');
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
