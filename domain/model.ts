import { z } from 'zod';
import { SITE_IDS, siteHostnamePattern, type SiteId } from '../sites/descriptors';
import { visibleText } from './text';
import {
  EARLIEST_TIME,
  FAVOUR_TYPES,
  INTRODUCTION_STATUSES,
  LATEST_TIME,
  MAX_CADENCE_DAYS,
  MAX_COMPANY_LENGTH,
  MAX_EMAIL_LENGTH,
  MAX_HEADLINE_LENGTH,
  MAX_ID_LENGTH,
  MAX_NAME_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_REMINDER_REASON_LENGTH,
  MAX_ROLE_CHANGES,
  MAX_PROFILE_KEY_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TEXT_LENGTH,
  MAX_URL_LENGTH,
} from './constants';

export { FAVOUR_TYPES, INTRODUCTION_STATUSES };

/**
 * The data Tiekeeper keeps. Times are epoch milliseconds; ids are random UUID strings, so a
 * backup restores the same ids and merged records never collide.
 * The zod schemas validate everything that crosses a boundary: messages, imports, and rows
 * written by an older version of the extension.
 */

export const siteSchema = z.enum(SITE_IDS);

/** A record's id, in the rows and in messages. */
export const idSchema = z.string().min(1).max(MAX_ID_LENGTH);
const id = idSchema;
/** A stored time, in the sane range. */
export const epochMs = z.number().int().min(EARLIEST_TIME).max(LATEST_TIME);
/** A keep-in-touch rhythm in days. */
export const cadenceDaysSchema = z.number().int().min(1).max(MAX_CADENCE_DAYS);
/** Short single-line text: names, headlines, tags. */
const shortText = (max: number) => z.string().max(max);
/** Names and headlines come from sites and files: stored without invisible characters. */
export const nameText = (max: number) => shortText(max).overwrite(visibleText);


export const INTERACTION_KINDS = [
  'message',
  'call',
  'meeting',
  'event',
  'other',
  'favour-given',
  'favour-received',
  'introduction',
] as const;
export const interactionKindSchema = z.enum(INTERACTION_KINDS);
export type InteractionKind = z.infer<typeof interactionKindSchema>;

export const favourTypeSchema = z.enum(FAVOUR_TYPES);
export type FavourType = z.infer<typeof favourTypeSchema>;

const count = z.number().int().min(0).max(1_000_000);

/**
 * Derived from a contact's interactions and rewritten in the same transaction as they change
 * (see domain/ties.ts), so that the popup and the dashboard can rank thousands of people without
 * reading their interactions. Rows written before it existed lack it until the background fills
 * it in after the update; readers treat a missing one as "not known yet".
 */
export const tieStatsSchema = z.object({
  /** Favours given, introductions made (to each of the two people) included. */
  given: count,
  /** Favours received: what the user asked of them. */
  received: count,
  /** Median days between separate contacts; null with fewer than two. */
  typicalGapDays: z.number().min(0).max(100_000).nullable(),
  /** How many of the latest interactions in a row were not in person. */
  remoteStreak: count,
});
export type TieStats = z.infer<typeof tieStatsSchema>;

const contactFields = {
  id,
  displayName: nameText(MAX_NAME_LENGTH),
  headline: nameText(MAX_HEADLINE_LENGTH),
  company: nameText(MAX_COMPANY_LENGTH),
  email: shortText(MAX_EMAIL_LENGTH),
  howWeMet: shortText(MAX_TEXT_LENGTH),
  /** Conversation hooks, e.g. their favourite football club. */
  hooks: shortText(MAX_TEXT_LENGTH),
  tags: z.array(nameText(MAX_TAG_LENGTH)).max(50),
  /** Keep-in-touch rhythm; null = no reminders. */
  cadenceDays: cadenceDaysSchema.nullable(),
  /** When the rhythm was set: a contact with a rhythm but no interaction is due one rhythm later. */
  cadenceSetAt: epochMs.nullable(),
  /** Latest interaction time, kept in step with `interactions` in the same transaction. */
  lastContactAt: epochMs.nullable(),
  /** Snooze of the current cycle only; a new interaction starts a new cycle and clears it. */
  snoozedUntil: epochMs.nullable(),
  /** Derived and indexed: when the next nudge is due (rhythm, last contact, snooze), or null. */
  nextDueAt: epochMs.nullable(),
  /** The user marked this person as worth meeting in person. */
  meetInPerson: z.boolean(),
  /** LinkedIn's "Connected On" date, from an import: when the tie began. */
  connectedAt: epochMs.nullable(),
  /**
   * The first due time of a rhythm given to many people at once, spread out so that they do not
   * all fall due on one day (domain/stagger.ts). It stands until the next interaction or a change
   * of the rhythm. Absent in rows written before it existed, which means none.
   */
  firstDueAt: epochMs.nullable().optional(),
  /**
   * A one-off "remind me on <date>", apart from the rhythm (which it leaves as it is): nudged once
   * like a rhythm's due time, and done by the first interaction on or after its day. Absent in
   * rows written before it existed, which means none.
   */
  reminderAt: epochMs.nullable().optional(),
  /** Why, in the user's words ("ask how the new job is going"); may be empty. */
  reminderReason: shortText(MAX_REMINDER_REASON_LENGTH).optional(),
  /**
   * New roles noticed on the user's visits to their profile (domain/roles.ts), oldest first:
   * when, and the headline the page showed. Absent when none was noticed.
   */
  roleChanges: z.array(z.object({ at: epochMs, headline: nameText(MAX_HEADLINE_LENGTH) })).max(MAX_ROLE_CHANGES).optional(),
  archived: z.boolean(),
  tie: tieStatsSchema.optional(),
  createdAt: epochMs,
  updatedAt: epochMs,
};

/**
 * A contact merged into another, kept so that the merge can be undone ("split"): the merged
 * contact as it was, and the ids of the profiles, notes and interactions it brought along.
 * Rows added after the merge are not listed: they stay with the contact they were added to.
 */
export const mergeRecordSchema = z.object({
  mergedAt: epochMs,
  contact: z.object(contactFields),
  profileIds: z.array(id).max(1_000),
  noteIds: z.array(id).max(100_000),
  interactionIds: z.array(id).max(100_000),
});
export type MergeRecord = z.infer<typeof mergeRecordSchema>;
/** Older merges beyond this many are forgotten (they can no longer be split off). */
export const MAX_MERGE_RECORDS = 50;

export const contactSchema = z.object({
  ...contactFields,
  /** The contacts merged into this one, oldest first; absent when there were none. */
  mergedFrom: z.array(mergeRecordSchema).max(MAX_MERGE_RECORDS).optional(),
});
export type Contact = z.infer<typeof contactSchema>;

/** One identity on one site. Two profiles pointing at one contact = one person on both sites. */
export const profileSchema = z.object({
  /** `${site}:${key}`: unique by construction. */
  id,
  contactId: id,
  site: siteSchema,
  key: shortText(MAX_PROFILE_KEY_LENGTH).min(1),
  /**
   * The UI renders this as a link, so it must never be `javascript:` or another site: a backup
   * or an import is untrusted input.
   */
  url: z.url({ protocol: /^https$/, hostname: siteHostnamePattern() }).max(MAX_URL_LENGTH),
  memberId: shortText(MAX_ID_LENGTH).nullable(),
  /** The name and headline as last seen on the page (the contact's name is the user's). */
  seenName: nameText(MAX_NAME_LENGTH).nullable(),
  seenHeadline: nameText(MAX_HEADLINE_LENGTH).nullable(),
  createdAt: epochMs,
  seenAt: epochMs.nullable(),
});
export type Profile = z.infer<typeof profileSchema>;

export const noteSchema = z.object({
  id,
  contactId: id,
  /** Plain text, never rendered as HTML. */
  body: z.string().min(1).max(MAX_NOTE_LENGTH),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type Note = z.infer<typeof noteSchema>;

export const interactionSchema = z.object({
  id,
  contactId: id,
  at: epochMs,
  kind: interactionKindSchema,
  /** For favours: what kind of favour. */
  favour: favourTypeSchema.nullable(),
  note: shortText(MAX_TEXT_LENGTH),
  /** Set when the interaction was logged by recording an introduction. */
  introductionId: id.nullable(),
  createdAt: epochMs,
  /** Logged by Tiekeeper itself (a message the user sent on a site), not by the user's hand. */
  automatic: z.boolean().optional(),
});
export type Interaction = z.infer<typeof interactionSchema>;

export const introductionStatusSchema = z.enum(INTRODUCTION_STATUSES);
export type IntroductionStatus = z.infer<typeof introductionStatusSchema>;

export const introductionSchema = z.object({
  id,
  /** The two people introduced to each other. */
  aId: id,
  bId: id,
  status: introductionStatusSchema,
  note: shortText(MAX_TEXT_LENGTH),
  /** When it was made (status made/outcome), else null. */
  madeAt: epochMs.nullable(),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type Introduction = z.infer<typeof introductionSchema>;

/**
 * One row per nudge shown: a due cycle is identified by the contact and the due time it was
 * computed for (`nextDueAt`). A changed due time (snooze, new interaction) is a new cycle.
 */
export const nudgeSchema = z.object({
  /** `${contactId}@${dueAt}`. */
  id,
  contactId: id,
  dueAt: epochMs,
  shownAt: epochMs,
  /** Shown on its own or as part of a digest. */
  via: z.enum(['single', 'digest']),
});
export type Nudge = z.infer<typeof nudgeSchema>;

export const messageLogSchema = z.enum(['ask', 'on', 'off']);
export type MessageLogChoice = z.infer<typeof messageLogSchema>;
/** One choice per site; a site the user was never asked about is 'ask'. */
const messageLogBySiteSchema = z
  .object(Object.fromEntries(SITE_IDS.map((site) => [site, messageLogSchema])) as Record<SiteId, typeof messageLogSchema>)
  .default(Object.fromEntries(SITE_IDS.map((site) => [site, 'ask'])) as Record<SiteId, MessageLogChoice>);

export const settingsSchema = z.object({
  /** Rhythm given to new contacts; null = none. */
  defaultCadenceDays: cadenceDaysSchema.nullable().default(null),
  /** Quiet hours in minutes after local midnight; start > end spans midnight. */
  quietStartMinute: z.number().int().min(0).max(1_439).default(21 * 60),
  quietEndMinute: z.number().int().min(0).max(1_439).default(8 * 60),
  /** More due people than this at once are shown as one digest. */
  dailyNotificationCap: z.number().int().min(1).max(50).default(3),
  /** null follows the browser. */
  language: z.enum(['en', 'de']).nullable().default(null),
  /** Fading-tie suggestions as notifications (off: only in the popup and dashboard). */
  notifyFading: z.boolean().default(false),
  /**
   * Log the messages the user sends on each site as "in touch": 'ask' until the user answered
   * the question shown on the first send.
   */
  messageLog: messageLogBySiteSchema,
  /** Messages sent in group conversations count too (for every participant). */
  messageLogGroups: z.boolean().default(false),
});
export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/**
 * A change to some settings. Built from the unwrapped fields because `.partial()` would still
 * fill in the defaults of the fields the patch does not name, resetting them.
 */
const settingsShape = settingsSchema.shape;
export const settingsPatchSchema = z.object({
  defaultCadenceDays: settingsShape.defaultCadenceDays.unwrap().optional(),
  quietStartMinute: settingsShape.quietStartMinute.unwrap().optional(),
  quietEndMinute: settingsShape.quietEndMinute.unwrap().optional(),
  dailyNotificationCap: settingsShape.dailyNotificationCap.unwrap().optional(),
  language: settingsShape.language.unwrap().optional(),
  notifyFading: settingsShape.notifyFading.unwrap().optional(),
  /** Only the sites named change: a page that shows an older choice for the other site cannot undo it. */
  messageLog: z
    .object(Object.fromEntries(SITE_IDS.map((site) => [site, messageLogSchema.optional()])) as Record<SiteId, z.ZodOptional<typeof messageLogSchema>>)
    .optional(),
  messageLogGroups: settingsShape.messageLogGroups.unwrap().optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
