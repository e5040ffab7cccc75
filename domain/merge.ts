import { newContact, normaliseTags, withSchedule, type ContactState } from './contacts';
import { invalid, notFound } from './errors';
import { MAX_MERGE_RECORDS, type Contact, type MergeRecord } from './model';
import { MAX_ROLE_CHANGES, MAX_TEXT_LENGTH } from './constants';
import { tieStats } from './ties';

/**
 * Merging two contacts that are one person (their LinkedIn and their XING profile, or a
 * duplicate), and splitting them again. Pure: the repository runs these plans in one
 * transaction, and the dashboard shows the same plan as the preview.
 *
 * Merge: the kept contact's own fields win (name, headline, company, e-mail, rhythm, archived);
 * a field empty there is filled in from the other one; "how we met" and hooks are joined when
 * both have different text; tags are united; "worth meeting" holds when either says so. All
 * profiles, notes and interactions of the other contact move over, and the other contact is
 * deleted, remembered in a merge record (see `MergeRecord`). Last contact and the next due
 * time are computed again from everything the merged contact holds.
 *
 * Split: a profile that came in through a recorded merge takes back the whole contact it came
 * with (as it was at the merge, under its old id when that is free) together with its other
 * profiles and the notes and interactions it brought that still exist. Notes and interactions
 * added after the merge stay: nobody can tell whom they were about. A profile without a merge
 * record (for example two LinkedIn URLs recognised as one person) moves alone to a new contact
 * named as the profile was seen; notes and interactions stay.
 * Fields filled in or joined at the merge are left as they are on the kept contact: the user
 * may have edited them since.
 */

const TEXT_FIELDS = ['displayName', 'headline', 'company', 'email'] as const;
const JOINED_FIELDS = [
  ['howWeMet', MAX_TEXT_LENGTH],
  ['hooks', MAX_TEXT_LENGTH],
] as const;

export type MergedField = (typeof TEXT_FIELDS)[number] | (typeof JOINED_FIELDS)[number][0] | 'tags' | 'cadenceDays';

export interface MergeCounts {
  profiles: number;
  notes: number;
  interactions: number;
}

/** What a merge did: the merged contact and how many rows moved over to it. */
export interface MergeResult {
  contact: Contact;
  moved: MergeCounts;
  total: MergeCounts;
}

export interface SplitResult {
  kept: Contact;
  created: Contact;
  moved: MergeCounts;
}

export interface MergePlan {
  /** The contact as it will be saved. */
  contact: Contact;
  /** Fields that got (some of) their value from the other contact. */
  fromOther: MergedField[];
  /** What the merged contact holds in all. */
  total: MergeCounts;
  /** What moves over from the other contact. */
  moved: MergeCounts;
}

/** The contact without its own merge records, as a merge record keeps it. */
function snapshot(contact: Contact): MergeRecord['contact'] {
  const { mergedFrom: _records, ...fields } = contact;
  return fields;
}

function latest(times: readonly (number | null)[]): number | null {
  let max: number | null = null;
  for (const time of times) if (time !== null && (max === null || time > max)) max = time;
  return max;
}

function earliest(times: readonly (number | null)[]): number | null {
  let min: number | null = null;
  for (const time of times) if (time !== null && (min === null || time < min)) min = time;
  return min;
}

/** The rows of `state` that no earlier merge record claims: what the contact itself brought. */
function ownRows(state: ContactState): Omit<MergeRecord, 'mergedAt' | 'contact'> {
  const claimed = new Set<string>();
  for (const record of state.contact.mergedFrom ?? []) {
    for (const id of [...record.profileIds, ...record.noteIds, ...record.interactionIds]) claimed.add(id);
  }
  const own = (rows: readonly { id: string }[]) => rows.map((row) => row.id).filter((id) => !claimed.has(id));
  return { profileIds: own(state.profiles), noteIds: own(state.notes), interactionIds: own(state.interactions) };
}

export function planMerge(keep: ContactState, other: ContactState, now: number): MergePlan {
  if (keep.contact.id === other.contact.id) throw invalid('errorMergeSame');
  const a = keep.contact;
  const b = other.contact;
  const fromOther: MergedField[] = [];
  const merged: Contact = { ...a };

  for (const field of TEXT_FIELDS) {
    if (a[field].trim() === '' && b[field].trim() !== '') {
      merged[field] = b[field];
      fromOther.push(field);
    }
  }
  for (const [field, max] of JOINED_FIELDS) {
    const mine = a[field].trim();
    const theirs = b[field].trim();
    if (theirs === '' || mine === theirs || mine.includes(theirs)) continue;
    const joined = mine === '' ? theirs : `${mine}\n${theirs}`;
    // Too long together: the other text stays readable in the merge record.
    if (joined.length <= max) {
      merged[field] = joined;
      fromOther.push(field);
    }
  }
  const tags = normaliseTags([...a.tags, ...b.tags]).slice(0, 50);
  if (tags.length > normaliseTags(a.tags).length) fromOther.push('tags');
  merged.tags = tags;

  // The rhythm (and the snooze of its current cycle) comes from the kept contact when it has one.
  const rhythmFrom = a.cadenceDays === null && b.cadenceDays !== null ? b : a;
  if (rhythmFrom === b) fromOther.push('cadenceDays');
  merged.cadenceDays = rhythmFrom.cadenceDays;
  merged.cadenceSetAt = rhythmFrom.cadenceSetAt;
  // Always the latest interaction, whichever side it comes from.
  merged.lastContactAt = latest([...keep.interactions, ...other.interactions].map((x) => x.at));
  merged.tie = tieStats([...keep.interactions, ...other.interactions]);
  // A later interaction from the other side starts a new cycle, which ends the snooze.
  merged.snoozedUntil = merged.lastContactAt === rhythmFrom.lastContactAt ? rhythmFrom.snoozedUntil : null;
  merged.firstDueAt = merged.lastContactAt === rhythmFrom.lastContactAt ? (rhythmFrom.firstDueAt ?? null) : null;
  // A one-off reminder: the kept contact's, else the other's.
  const reminderFrom = a.reminderAt == null && b.reminderAt != null ? b : a;
  merged.reminderAt = reminderFrom.reminderAt ?? null;
  merged.reminderReason = reminderFrom.reminderReason ?? '';
  // New roles noticed on either side, in time order.
  const roles = [...(a.roleChanges ?? []), ...(b.roleChanges ?? [])].sort((x, y) => x.at - y.at).slice(-MAX_ROLE_CHANGES);
  if (roles.length > 0) merged.roleChanges = roles;
  merged.meetInPerson = a.meetInPerson || b.meetInPerson;
  merged.connectedAt = earliest([a.connectedAt, b.connectedAt]);
  merged.createdAt = Math.min(a.createdAt, b.createdAt);
  merged.updatedAt = now;

  const record: MergeRecord = { mergedAt: now, contact: snapshot(b), ...ownRows(other) };
  // Oldest first; beyond the limit the oldest merges can no longer be split off.
  merged.mergedFrom = [...(a.mergedFrom ?? []), ...(b.mergedFrom ?? []), record].slice(-MAX_MERGE_RECORDS);

  const moved = { profiles: other.profiles.length, notes: other.notes.length, interactions: other.interactions.length };
  return {
    contact: withSchedule(merged),
    fromOther,
    moved,
    total: {
      profiles: keep.profiles.length + moved.profiles,
      notes: keep.notes.length + moved.notes,
      interactions: keep.interactions.length + moved.interactions,
    },
  };
}

export interface SplitPlan {
  /** The contact the profile leaves, with its last contact and due time recomputed. */
  kept: Contact;
  /** The contact that is split off. Its id is the old one from the merge record, if any. */
  created: Contact;
  /** Ids of the rows that move to the new contact. */
  move: { profileIds: string[]; noteIds: string[]; interactionIds: string[] };
  /** Whether the profile came in through a recorded merge (else it moves alone). */
  fromRecord: boolean;
}

/** What splitting `profileId` off the contact would do; throws when it cannot be done. */
export function planSplit(state: ContactState, profileId: string, now: number, newId: string): SplitPlan {
  const { contact } = state;
  const profile = state.profiles.find((p) => p.id === profileId);
  if (!profile) throw notFound('errorProfileNotFound', profileId);
  const records = contact.mergedFrom ?? [];
  const record = records.find((r) => r.profileIds.includes(profileId));

  let created: Contact;
  let move: SplitPlan['move'];
  if (record) {
    const present = <T extends { id: string }>(rows: readonly T[], ids: readonly string[]) => {
      const wanted = new Set(ids);
      return rows.filter((row) => wanted.has(row.id)).map((row) => row.id);
    };
    move = {
      profileIds: present(state.profiles, record.profileIds),
      noteIds: present(state.notes, record.noteIds),
      interactionIds: present(state.interactions, record.interactionIds),
    };
    const moving = new Set(move.interactionIds);
    const last = latest(state.interactions.filter((x) => moving.has(x.id)).map((x) => x.at));
    const old = record.contact;
    created = withSchedule({
      ...old,
      id: newId,
      lastContactAt: last,
      snoozedUntil: last === old.lastContactAt ? old.snoozedUntil : null,
      updatedAt: now,
    });
  } else {
    if (state.profiles.length < 2) throw invalid('errorSplitOnlyProfile');
    move = { profileIds: [profile.id], noteIds: [], interactionIds: [] };
    const fresh = newContact(newId, { displayName: profile.seenName ?? contact.displayName, headline: profile.seenHeadline ?? '' }, now);
    created = { ...fresh, archived: contact.archived };
  }

  const leaving = new Set(move.interactionIds);
  const lastKept = latest(state.interactions.filter((x) => !leaving.has(x.id)).map((x) => x.at));
  const remaining = records.filter((r) => r !== record);
  const kept: Contact = withSchedule({ ...contact, lastContactAt: lastKept, updatedAt: now });
  // Each side's tie figures follow from the interactions it has after the split.
  kept.tie = tieStats(state.interactions.filter((x) => !leaving.has(x.id)));
  created.tie = tieStats(state.interactions.filter((x) => leaving.has(x.id)));
  if (remaining.length > 0) kept.mergedFrom = remaining;
  else delete kept.mergedFrom;
  return { kept, created, move, fromRecord: record !== undefined };
}
