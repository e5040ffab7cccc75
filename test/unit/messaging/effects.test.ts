import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { withEffects } from '../../../background/effects';
import { createHandlers } from '../../../background/handlers';
import { createSummaryCache } from '../../../background/summary-cache';
import { SUMMARY_PREFIX } from '../../../messaging/summary-cache';
import { commands } from '../../../messaging/protocol';
import { browserDeps, freshDb, linkedinRef, T0 } from '../storage/helpers';

async function cached(): Promise<Record<string, { id: string; displayName: string }>> {
  const all = await browser.storage.local.get(null);
  return Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith(SUMMARY_PREFIX))) as Record<
    string,
    { id: string; displayName: string }
  >;
}

describe('effects of merging and splitting', () => {
  it('points the badges of both profiles at the merged contact, and apart again after a split', async () => {
    const db = freshDb();
    let reconciled = 0;
    const handlers = withEffects(createHandlers({ ...browserDeps(), db, now: () => T0 }), {
      db,
      summaries: createSummaryCache(db),
      reconcile: async () => {
        reconciled++;
      },
    });
    const anna = await handlers['profile.ensure'](linkedinRef('anna-schmidt', { name: 'Anna Schmidt' }), {});
    const xing = await handlers['profile.ensure'](
      { site: 'xing', key: 'anna_schmidt', url: 'https://www.xing.com/profile/Anna_Schmidt', name: 'Anna S.' },
      {},
    );
    const linkedinKey = `${SUMMARY_PREFIX}linkedin:anna-schmidt`;
    const xingKey = `${SUMMARY_PREFIX}xing:anna_schmidt`;
    expect((await cached())[xingKey]?.id).toBe(xing.contact.id);

    const before = reconciled;
    await handlers['contacts.merge'](commands['contacts.merge'].input.parse({ keepId: anna.contact.id, otherId: xing.contact.id }), {});
    expect(reconciled).toBe(before + 1);
    expect((await cached())[linkedinKey]?.id).toBe(anna.contact.id);
    expect((await cached())[xingKey]?.id).toBe(anna.contact.id);

    await handlers['contacts.split']({ contactId: anna.contact.id, profileId: 'xing:anna_schmidt' }, {});
    expect(reconciled).toBe(before + 2);
    expect((await cached())[linkedinKey]?.id).toBe(anna.contact.id);
    expect((await cached())[xingKey]).toMatchObject({ id: xing.contact.id, displayName: 'Anna S.' });
  });
});
