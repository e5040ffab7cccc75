import type { Contact } from './model';

/**
 * What the badge needs to know about a person: small enough to keep a copy per profile in the
 * extension's key-value storage, so a profile page can show the badge without waiting for the
 * background worker to start and open the database.
 */
export type ContactSummary = Pick<
  Contact,
  'id' | 'displayName' | 'lastContactAt' | 'connectedAt' | 'firstDueAt' | 'reminderAt' | 'cadenceDays' | 'cadenceSetAt' | 'snoozedUntil' | 'nextDueAt' | 'archived'
> & {
  /** The give-and-take ledger's counts (domain/ledger.ts), for "you asked twice". */
  favoursGiven: number;
  favoursReceived: number;
};

export function contactSummary(contact: Contact): ContactSummary {
  const { id, displayName, lastContactAt, connectedAt, cadenceDays, cadenceSetAt, snoozedUntil, nextDueAt, archived } = contact;
  return {
    id,
    displayName,
    lastContactAt,
    connectedAt,
    firstDueAt: contact.firstDueAt ?? null,
    // Only when: the reason is the user's words and stays in the database.
    reminderAt: contact.reminderAt ?? null,
    cadenceDays,
    cadenceSetAt,
    snoozedUntil,
    nextDueAt,
    archived,
    favoursGiven: contact.tie?.given ?? 0,
    favoursReceived: contact.tie?.received ?? 0,
  };
}
