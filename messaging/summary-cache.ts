import * as z from 'zod/mini';
import type { ContactSummary } from '@/domain/summary';

/**
 * A copy of each known person's badge summary in the extension's key-value storage, one entry
 * per profile. The background writes it after every change; a profile page reads its one entry
 * at once instead of waiting for the background worker to wake and open the database. The
 * database stays the truth: the page asks the background as well and shows its answer.
 */
export const SUMMARY_PREFIX = 'summary:';

export function summaryKey(site: string, key: string): string {
  return `${SUMMARY_PREFIX}${site}:${key}`;
}

// zod's tree-shakable build: this runs in the content script, on every profile page.
const time = z.nullable(z.number());
const summarySchema = z.object({
  id: z.string(),
  displayName: z.string(),
  lastContactAt: time,
  cadenceDays: z.nullable(z.number()),
  cadenceSetAt: time,
  snoozedUntil: time,
  nextDueAt: time,
  archived: z.boolean(),
  // Entries written before the ledger existed lack the counts; the rebuild after an update
  // replaces them, and until then they read as an empty ledger.
  favoursGiven: z._default(z.number(), 0),
  favoursReceived: z._default(z.number(), 0),
});

/** A stored entry, or null when it is missing or was written in another shape by another version. */
export function parseSummary(value: unknown): ContactSummary | null {
  const parsed = summarySchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
