import { describe, expect, it } from 'vitest';
import { newContact } from '@/domain/contacts';
import { contactSummary } from '@/domain/summary';
import { parseSummary } from '@/messaging/summary-cache';

describe('badge summary kept in extension storage', () => {
  it('carries the ledger’s counts and reads back what was written', () => {
    const contact = { ...newContact('c1', { displayName: 'Anna Schmidt' }, 0), tie: { given: 1, received: 2, typicalGapDays: null, remoteStreak: 0 } };
    const summary = contactSummary(contact);
    expect(summary).toMatchObject({ favoursGiven: 1, favoursReceived: 2 });
    expect(parseSummary(JSON.parse(JSON.stringify(summary)))).toEqual(summary);
  });

  it('reads an entry written before the ledger existed as an empty ledger', () => {
    const { favoursGiven: _g, favoursReceived: _r, ...old } = contactSummary(newContact('c1', { displayName: 'Anna Schmidt' }, 0));
    expect(parseSummary(old)).toMatchObject({ favoursGiven: 0, favoursReceived: 0, displayName: 'Anna Schmidt' });
  });

  it('refuses an entry in another shape', () => {
    expect(parseSummary({ id: 'x' })).toBeNull();
    expect(parseSummary(null)).toBeNull();
  });
});
