import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBadges } from '../../../background/badges';
import { withEffects } from '../../../background/effects';
import { createHandlers } from '../../../background/handlers';
import { BADGE_MESSAGE } from '../../../messaging/channels';
import { commands } from '../../../messaging/protocol';
import { browserDeps, freshDb, linkedinRef, T0 } from '../storage/helpers';

describe('effects of a change', () => {
  it('gives every tab on a profile its new badge, points both profiles at a merged contact, and apart again after a split', async () => {
    const db = freshDb();
    const sent: { tabId: number; message: { type: string; badge: { label: string; ariaLabel: string } } }[] = [];
    const badges = createBadges({
      db,
      now: () => T0,
      session: fakeBrowser.storage.session as never,
      sendToTab: async (tabId, message) => {
        if (tabId === 99) throw new Error('Could not establish connection. Receiving end does not exist.');
        sent.push({ tabId, message: message as (typeof sent)[number]['message'] });
      },
    });
    let reconciled = 0;
    const handlers = withEffects(createHandlers({ ...browserDeps(), db, now: () => T0, badges }), {
      db,
      badges,
      reconcile: async () => {
        reconciled++;
      },
    });
    await badges.remember(1, linkedinRef('anna-schmidt', { name: 'Anna Schmidt' }));
    await badges.remember(2, { site: 'xing', key: 'anna_schmidt', url: 'https://www.xing.com/profile/Anna_Schmidt' });
    await badges.remember(99, linkedinRef('closed-tab'));
    const lastTo = (tabId: number) => sent.filter((s) => s.tabId === tabId).at(-1)?.message.badge.ariaLabel;

    const anna = await handlers['profile.ensure'](linkedinRef('anna-schmidt', { name: 'Anna Schmidt' }), {});
    expect(lastTo(1)).toBe('Tiekeeper, Anna Schmidt: No contact yet');
    expect(lastTo(2)).toBe('Tiekeeper: Add a note');
    expect(sent.every((s) => s.message.type === BADGE_MESSAGE)).toBe(true);
    // A tab that no longer answers is forgotten.
    expect(await fakeBrowser.storage.session.get('tab:99')).toEqual({});

    const xing = await handlers['profile.ensure'](
      { site: 'xing', key: 'anna_schmidt', url: 'https://www.xing.com/profile/Anna_Schmidt', name: 'Anna S.' },
      {},
    );
    expect(lastTo(2)).toBe('Tiekeeper, Anna S.: No contact yet');

    const before = reconciled;
    await handlers['contacts.merge'](commands['contacts.merge'].input.parse({ keepId: anna.contact.id, otherId: xing.contact.id }), {});
    expect(reconciled).toBe(before + 1);
    expect(lastTo(2)).toBe('Tiekeeper, Anna Schmidt: No contact yet');

    await handlers['contacts.split']({ contactId: anna.contact.id, profileId: 'xing:anna_schmidt' }, {});
    expect(reconciled).toBe(before + 2);
    expect(lastTo(1)).toBe('Tiekeeper, Anna Schmidt: No contact yet');
    expect(lastTo(2)).toBe('Tiekeeper, Anna S.: No contact yet');
  });
});
