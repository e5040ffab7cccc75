import { applyInteraction, sameValue, withLastContactAt, type EditBase } from '../domain/contacts';
import { changedElsewhereError, invalid, notFound } from '../domain/errors';
import {
  byIntroductionOrder,
  madeTransition,
  OPEN_INTRODUCTION_STATUSES,
  type IntroductionPerson,
  type IntroductionView,
} from '../domain/introductions';
import type { Contact, Interaction, Introduction, IntroductionStatus } from '../domain/model';
import type { TiekeeperDb } from './db';
import { interactionsOf, withTie } from './ties';

export interface NewIntroduction {
  aId: string;
  bId: string;
  note?: string;
  /** Defaults to `idea`. */
  status?: IntroductionStatus;
}

export interface IntroductionPatch {
  status?: IntroductionStatus;
  note?: string;
}

const tables = (db: TiekeeperDb) => [db.contacts, db.interactions, db.introductions];

async function needContact(db: TiekeeperDb, id: string): Promise<Contact> {
  const contact = await db.contacts.get(id);
  if (!contact) throw notFound('errorContactNotFound', id);
  return contact;
}

/** Records the introduction on both timelines (see domain/introductions.ts). In the caller's transaction. */
async function recordMade(db: TiekeeperDb, intro: Introduction, now: number): Promise<void> {
  for (const contactId of [intro.aId, intro.bId]) {
    const contact = await needContact(db, contactId);
    const interaction: Interaction = {
      id: crypto.randomUUID(),
      contactId,
      at: now,
      kind: 'introduction',
      favour: null,
      // The timeline shows the introduction's note and the other person through the link.
      note: '',
      introductionId: intro.id,
      createdAt: now,
    };
    await db.interactions.add(interaction);
    await db.contacts.put(await withTie(db, applyInteraction(contact, now, now)));
  }
}

/** Takes the introduction off both timelines again. In the caller's transaction. */
async function removeMade(db: TiekeeperDb, intro: Introduction, now: number): Promise<void> {
  for (const contactId of [intro.aId, intro.bId]) {
    const contact = await db.contacts.get(contactId);
    if (!contact) continue;
    const mine = (await interactionsOf(db, contactId)).filter((x) => x.introductionId === intro.id);
    if (mine.length === 0) continue;
    await db.interactions.bulkDelete(mine.map((x) => x.id));
    const rest = await interactionsOf(db, contactId);
    const latest = rest.reduce<number | null>((max, x) => (max === null || x.at > max ? x.at : max), null);
    await db.contacts.put(await withTie(db, withLastContactAt(contact, latest, now)));
  }
}

/** "Introduce A to B": both must be known and different people. Made at once if so created. */
export async function createIntroduction(db: TiekeeperDb, input: NewIntroduction, now: number): Promise<Introduction> {
  if (input.aId === input.bId) throw invalid('errorIntroductionSamePerson');
  return db.transaction('rw', tables(db), async () => {
    await needContact(db, input.aId);
    await needContact(db, input.bId);
    const status = input.status ?? 'idea';
    const intro: Introduction = {
      id: crypto.randomUUID(),
      aId: input.aId,
      bId: input.bId,
      status,
      note: input.note?.trim() ?? '',
      madeAt: null,
      createdAt: now,
      updatedAt: now,
    };
    if (madeTransition(null, status) === 'record') {
      intro.madeAt = now;
      await recordMade(db, intro, now);
    }
    await db.introductions.add(intro);
    return intro;
  });
}

/**
 * A new status or note. Reaching "made" records it on both timelines; going back removes it.
 * With `expected` (what the editor showed), a status or note changed elsewhere meanwhile is not
 * overwritten silently: as with a contact's fields (see storage/contacts.ts updateContact).
 */
export async function updateIntroduction(
  db: TiekeeperDb,
  id: string,
  patch: IntroductionPatch,
  now: number,
  base: EditBase<IntroductionPatch> = {},
): Promise<Introduction> {
  return db.transaction('rw', tables(db), async () => {
    const intro = await db.introductions.get(id);
    if (!intro) throw notFound('errorIntroductionNotFound', id);
    let { status, note } = { status: patch.status, note: patch.note?.trim() };
    const expected = base.expected;
    if (expected && base.resolve !== 'mine') {
      const stale = (field: 'status' | 'note', value: string | undefined) =>
        value !== undefined && expected[field] !== undefined && !sameValue(intro[field], expected[field]?.trim()) && intro[field] !== value;
      const changed = (['status', 'note'] as const).filter((field) => stale(field, field === 'status' ? status : note));
      if (changed.length > 0 && !base.resolve) throw changedElsewhereError(changed);
      // Theirs: what changed elsewhere stays.
      if (changed.includes('status')) status = undefined;
      if (changed.includes('note')) note = undefined;
    }
    const next: Introduction = {
      ...intro,
      status: status ?? intro.status,
      note: note ?? intro.note,
      updatedAt: now,
    };
    if (next.status === intro.status && next.note === intro.note) return intro;
    const change = madeTransition(intro.status, next.status);
    if (change === 'record') {
      next.madeAt = now;
      await recordMade(db, next, now);
    } else if (change === 'remove') {
      next.madeAt = null;
      await removeMade(db, intro, now);
    }
    await db.introductions.put(next);
    return next;
  });
}

/** Adds both people's names (minimal fields only). In the caller's transaction or its own. */
async function views(db: TiekeeperDb, intros: readonly Introduction[]): Promise<IntroductionView[]> {
  const ids = [...new Set(intros.flatMap((i) => [i.aId, i.bId]))];
  const people = new Map<string, IntroductionPerson>();
  for (const c of await db.contacts.bulkGet(ids)) {
    if (c) people.set(c.id, { id: c.id, displayName: c.displayName, headline: c.headline });
  }
  const person = (id: string): IntroductionPerson => people.get(id) ?? { id, displayName: '', headline: '' };
  return byIntroductionOrder(intros).map((intro) => ({ ...intro, a: person(intro.aId), b: person(intro.bId) }));
}

/** The introductions a contact is part of, open first. Run inside a transaction over contacts and introductions. */
export async function introductionsOf(db: TiekeeperDb, contactId: string): Promise<IntroductionView[]> {
  const intros = await db.introductions.where('aId').equals(contactId).or('bId').equals(contactId).toArray();
  return views(db, intros);
}

/**
 * The open introductions (not made yet: idea, asked A, asked B), most recently changed first,
 * with both people's names: the dashboard's list. Status is not indexed (the table is small).
 */
export async function openIntroductions(db: TiekeeperDb): Promise<IntroductionView[]> {
  return db.transaction('r', db.contacts, db.introductions, async () => {
    const open = await db.introductions.filter((i) => OPEN_INTRODUCTION_STATUSES.includes(i.status)).toArray();
    return views(db, open);
  });
}
