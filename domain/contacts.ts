import { startOfDay } from 'date-fns';
import { z } from 'zod';
import { contactSchema, type Contact, type Interaction, type Note, type Profile } from './model';
import { nextDueAt } from './schedule';
import { EMPTY_TIE } from './ties';
import type { IntroductionView } from './introductions';

/** Everything the profile panel shows about one person. */
export interface ContactState {
  contact: Contact;
  profiles: Profile[];
  /** Newest first. */
  notes: Note[];
  /** Newest first. */
  interactions: Interaction[];
  /** The introductions they are part of, open ones first; names the interactions' other person. */
  introductions: IntroductionView[];
}

export interface DueList {
  /** Due now, most overdue first. */
  due: Contact[];
  /** Due within the next seven days, soonest first. */
  upcoming: Contact[];
}

/** What deleting a contact removed with it. */
export interface DeletedCounts {
  notes: number;
  interactions: number;
  profiles: number;
  introductions: number;
  nudges: number;
}

/** The fields a user edits directly; everything else is derived or comes from imports. */
export const contactPatchSchema = contactSchema
  .pick({
    displayName: true,
    headline: true,
    company: true,
    email: true,
    howWeMet: true,
    hooks: true,
    tags: true,
    cadenceDays: true,
    meetInPerson: true,
    archived: true,
  })
  .partial();
export type ContactPatch = z.infer<typeof contactPatchSchema>;

/** A field a user edits directly. */
export type ContactField = keyof ContactPatch;

/**
 * How an edit was based: for each field it changes, the value the editor started from (the
 * field's version, so no version column is needed); and after a refusal, the user's choice.
 * Writes without `expected` (bulk changes, imports, automatic ones) apply whatever is stored.
 */
export interface EditBase<T> {
  expected?: T;
  /** `mine` writes the edit anyway; `theirs` keeps what was stored for the fields changed elsewhere. */
  resolve?: 'mine' | 'theirs';
}

/** Equal stored values: the same text, number or flag, or the same list in the same order. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => Object.is(item, b[i]));
  return Object.is(a ?? null, b ?? null);
}

/**
 * The fields that an edit started from `expected` would overwrite although they changed elsewhere
 * meanwhile: stored now differs from what the editor showed, and from what it would write.
 */
export function fieldsChangedElsewhere(contact: Contact, patch: ContactPatch, expected: ContactPatch): ContactField[] {
  const changed: ContactField[] = [];
  for (const field of Object.keys(patch) as ContactField[]) {
    const value = field === 'tags' && patch.tags ? normaliseTags(patch.tags) : patch[field];
    if (value === undefined || !Object.hasOwn(expected, field)) continue;
    const expectedValue = field === 'tags' && expected.tags ? normaliseTags(expected.tags) : expected[field];
    if (!sameValue(contact[field], expectedValue) && !sameValue(contact[field], value)) changed.push(field);
  }
  return changed;
}

/** Trimmed, without empty or repeated tags, in the order given. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    if (tag === '' || seen.has(tag)) continue;
    seen.add(tag);
    out.push(tag);
  }
  return out;
}

export function withSchedule(contact: Contact): Contact {
  return { ...contact, nextDueAt: nextDueAt(contact) };
}

export interface NewContactFields {
  displayName?: string;
  headline?: string;
  company?: string;
  email?: string;
  connectedAt?: number | null;
  cadenceDays?: number | null;
}

export function newContact(id: string, fields: NewContactFields, now: number): Contact {
  const cadenceDays = fields.cadenceDays ?? null;
  return withSchedule({
    id,
    displayName: fields.displayName ?? '',
    headline: fields.headline ?? '',
    company: fields.company ?? '',
    email: fields.email ?? '',
    howWeMet: '',
    hooks: '',
    tags: [],
    cadenceDays,
    cadenceSetAt: cadenceDays === null ? null : now,
    lastContactAt: null,
    snoozedUntil: null,
    nextDueAt: null,
    meetInPerson: false,
    connectedAt: fields.connectedAt ?? null,
    firstDueAt: null,
    reminderAt: null,
    reminderReason: '',
    archived: false,
    tie: EMPTY_TIE,
    createdAt: now,
    updatedAt: now,
  });
}

/**
 * A user's edit. A changed rhythm counts from the latest of the last interaction and the
 * connection date, else from now (see domain/schedule.ts); a staggered first due time ends.
 */
export function applyContactPatch(contact: Contact, patch: ContactPatch, now: number): Contact {
  const next: Contact = { ...contact, updatedAt: now };
  for (const [field, value] of Object.entries(patch) as [keyof ContactPatch, unknown][]) {
    if (value !== undefined) (next as Record<string, unknown>)[field] = value;
  }
  if (patch.tags !== undefined) next.tags = normaliseTags(patch.tags);
  if (patch.cadenceDays !== undefined && patch.cadenceDays !== contact.cadenceDays) {
    next.cadenceSetAt = patch.cadenceDays === null ? null : now;
    next.firstDueAt = null;
  }
  return withSchedule(next);
}

/**
 * A logged interaction. Only one that is the latest starts a new cycle (and so ends a snooze);
 * back-filling an older one must not make a snoozed person due again.
 */
export function applyInteraction(contact: Contact, at: number, now: number): Contact {
  const isLatest = contact.lastContactAt === null || at >= contact.lastContactAt;
  const reminder = reminderDoneBy(contact, at) ? { reminderAt: null, reminderReason: '' } : {};
  if (!isLatest) return withSchedule({ ...contact, ...reminder, updatedAt: now });
  return withSchedule({ ...contact, ...reminder, lastContactAt: at, snoozedUntil: null, firstDueAt: null, updatedAt: now });
}

/**
 * A one-off reminder is done by an interaction on or after its day: "remind me on 14 January"
 * is answered by a call that morning, not by one the week before.
 */
function reminderDoneBy(contact: Contact, at: number): boolean {
  return contact.reminderAt != null && at >= startOfDay(contact.reminderAt).getTime();
}

/** Sets a one-off reminder (replacing one already set), or removes it with null. */
export function applyReminder(contact: Contact, reminder: { at: number; reason: string } | null, now: number): Contact {
  return withSchedule({ ...contact, reminderAt: reminder?.at ?? null, reminderReason: reminder?.reason.trim() ?? '', updatedAt: now });
}

/**
 * Interactions were removed (an introduction set back before "made"): the last contact is the
 * latest one left. A snooze stays as it is.
 */
export function withLastContactAt(contact: Contact, lastContactAt: number | null, now: number): Contact {
  return withSchedule({ ...contact, lastContactAt, updatedAt: now });
}

/** `until` null ends a snooze. "Remind me later" on a reminder that has come moves it too. */
export function applySnooze(contact: Contact, until: number | null, now: number): Contact {
  const reminderDue = contact.reminderAt != null && contact.reminderAt <= now;
  return withSchedule({ ...contact, snoozedUntil: until, ...(reminderDue && until !== null && { reminderAt: until }), updatedAt: now });
}

export function profileId(site: string, key: string): string {
  return `${site}:${key}`;
}
