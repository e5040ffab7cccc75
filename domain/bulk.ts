import { z } from 'zod';
import { applyContactPatch, normaliseTags } from './contacts';
import { cadenceDaysSchema, contactSchema, type Contact } from './model';
import { withStaggeredRhythm } from './stagger';

/**
 * Changes the dashboard makes to many selected people at once. A rhythm set this way is
 * staggered (domain/stagger.ts): hundreds of people must not all fall due on one day.
 */
const tag = contactSchema.shape.tags.element.trim().min(1);
export const bulkActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('setRhythm'), cadenceDays: cadenceDaysSchema }),
  z.object({ kind: z.literal('clearRhythm') }),
  z.object({ kind: z.literal('addTag'), tag }),
  z.object({ kind: z.literal('removeTag'), tag }),
  z.object({ kind: z.literal('archive') }),
]);
export type BulkAction = z.infer<typeof bulkActionSchema>;

/** The model's limit of tags per person: a person who has as many gets no more. */
const MAX_TAGS = 50;

/** At most this many people in one change (more than anyone keeps, fewer than a runaway list). */
export const MAX_BULK_IDS = 100_000;

/** The contacts the action changes, as they will be; people it leaves as they are are left out. */
export function applyBulk(contacts: readonly Contact[], action: BulkAction, now: number): Contact[] {
  switch (action.kind) {
    case 'setRhythm':
      return withStaggeredRhythm(contacts, action.cadenceDays, now);
    case 'clearRhythm':
      return contacts.filter((c) => c.cadenceDays !== null).map((c) => applyContactPatch(c, { cadenceDays: null }, now));
    case 'addTag':
      return contacts
        .filter((c) => !c.tags.includes(action.tag) && c.tags.length < MAX_TAGS)
        .map((c) => ({ ...c, tags: normaliseTags([...c.tags, action.tag]), updatedAt: now }));
    case 'removeTag':
      return contacts.filter((c) => c.tags.includes(action.tag)).map((c) => ({ ...c, tags: c.tags.filter((t) => t !== action.tag), updatedAt: now }));
    case 'archive':
      return contacts.filter((c) => !c.archived).map((c) => applyContactPatch(c, { archived: true }, now));
  }
}
