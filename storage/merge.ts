import type { ContactState } from '../domain/contacts';
import { notFound } from '../domain/errors';
import { planMerge, planSplit, type MergeResult, type SplitResult } from '../domain/merge';
import { getContactState } from './contacts';
import type { TiekeeperDb } from './db';

const mergeTables = (db: TiekeeperDb) => [db.contacts, db.profiles, db.notes, db.interactions, db.introductions, db.nudges];

async function need(db: TiekeeperDb, id: string): Promise<ContactState> {
  const state = await getContactState(db, id);
  if (!state) throw notFound('errorContactNotFound', id);
  return state;
}

/**
 * Merges `otherId` into `keepId` in one transaction (see domain/merge.ts for what is kept).
 * An introduction between the two would introduce the person to themselves: it is deleted, and
 * the interactions that recorded it keep their note without the link.
 */
export async function mergeContacts(db: TiekeeperDb, keepId: string, otherId: string, now: number): Promise<MergeResult> {
  return db.transaction('rw', mergeTables(db), async () => {
    const keep = await need(db, keepId);
    const other = await need(db, otherId);
    const plan = planMerge(keep, other, now);

    await db.profiles.where('contactId').equals(otherId).modify({ contactId: keepId });
    await db.notes.where('contactId').equals(otherId).modify({ contactId: keepId });
    await db.interactions.where('contactId').equals(otherId).modify({ contactId: keepId });

    const introductions = await db.introductions.where('aId').equals(otherId).or('bId').equals(otherId).toArray();
    for (const intro of introductions) {
      const aId = intro.aId === otherId ? keepId : intro.aId;
      const bId = intro.bId === otherId ? keepId : intro.bId;
      if (aId === bId) {
        await db.introductions.delete(intro.id);
        await db.interactions
          .where('contactId')
          .equals(keepId)
          .filter((x) => x.introductionId === intro.id)
          .modify({ introductionId: null });
      } else {
        await db.introductions.put({ ...intro, aId, bId, updatedAt: now });
      }
    }
    // Nudges are the notification log of the other contact's cycles, which end with it.
    await db.nudges.where('contactId').equals(otherId).delete();
    await db.contacts.delete(otherId);
    await db.contacts.put(plan.contact);
    return { contact: plan.contact, moved: plan.moved, total: plan.total };
  });
}

/** Splits a profile (and what came with it) off its contact, in one transaction. */
export async function splitContact(db: TiekeeperDb, contactId: string, profileId: string, now: number): Promise<SplitResult> {
  return db.transaction('rw', mergeTables(db), async () => {
    const state = await need(db, contactId);
    const record = state.contact.mergedFrom?.find((r) => r.profileIds.includes(profileId));
    // The old id when it is free, so that links to the old contact work again.
    const oldId = record?.contact.id;
    const newId = oldId !== undefined && !(await db.contacts.get(oldId)) ? oldId : crypto.randomUUID();
    const plan = planSplit(state, profileId, now, newId);

    await db.contacts.add(plan.created);
    await db.contacts.put(plan.kept);
    const to = { contactId: plan.created.id };
    await db.profiles.where('id').anyOf(plan.move.profileIds).modify(to);
    await db.notes.where('id').anyOf(plan.move.noteIds).modify(to);
    await db.interactions.where('id').anyOf(plan.move.interactionIds).modify(to);
    return {
      kept: plan.kept,
      created: plan.created,
      moved: {
        profiles: plan.move.profileIds.length,
        notes: plan.move.noteIds.length,
        interactions: plan.move.interactionIds.length,
      },
    };
  });
}
