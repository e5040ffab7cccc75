import { z } from 'zod';
import { BACKUP_TABLES, type BackupCounts } from '../domain/backup';
import { bulkActionSchema, MAX_BULK_IDS } from '../domain/bulk';
import { IMPORT_RHYTHM_DAYS, type ConnectionsSummary } from '../domain/connections';
import { contactPatchSchema, type ContactState, type DeletedCounts, type DueList } from '../domain/contacts';
import type { ErrorPayload } from '../domain/errors';
import type { MergeResult, SplitResult } from '../domain/merge';
import type { ContactHit } from '../domain/name-search';
import {
  favourTypeSchema,
  interactionKindSchema,
  introductionStatusSchema,
  noteSchema,
  profileSchema,
  settingsPatchSchema,
  epochMs,
  idSchema,
  nameText,
  siteSchema,
  type Contact,
  type Interaction,
  type Introduction,
  type Note,
  type Settings,
} from '../domain/model';
import { MAX_HEADLINE_LENGTH, MAX_ID_LENGTH, MAX_NAME_LENGTH, MAX_PROFILE_KEY_LENGTH, MAX_REMINDER_REASON_LENGTH, MAX_TEXT_LENGTH, MAX_URL_LENGTH } from '../domain/constants';
import { profileFromUrl } from '../sites';
import type { BadgeView } from '../i18n/badge-status';
import { MAX_SEGMENT_FILE_BYTES } from '../domain/sync/segment';
import type { SyncDownload, SyncStatusRow } from '../storage/sync-rows';
import type { MarkerView, SentResult } from './site-activity';

/** Longer than anyone types; it only bounds the message. */
export const MAX_PASSPHRASE_LENGTH = 1_000;
/** Files one "Sync now" by hand may pick (a folder of years of segments has a few hundred). */
export const MAX_PICKED_FILES = 10_000;
const MAX_FILE_NAME_LENGTH = 255;

/**
 * Every request a page or content script can make of the background (the only writer of the
 * database), with its input schema, who may send it, and its output type.
 * - `content`: the content script on LinkedIn/XING. Its powers follow the tab it runs in: it
 *   reports what the tab shows and gets the badge for the profile at the tab's own address, and
 *   it opens the panel. It reports messages the user sent on its site (logged only after the
 *   user's yes) and gets the markers' states for people its page lists. It reads no notes, lists
 *   nobody and changes nothing else.
 * - `pages`: the extension's own pages (popup, panel, dashboard): everything else.
 */
export type Scope = 'content' | 'pages';

declare const outputType: unique symbol;
export interface Command<Input extends z.ZodType, Output> {
  input: Input;
  scope: Scope;
  /** Type only: what the command returns. */
  readonly [outputType]?: Output;
}

/** `command<Output>()(inputSchema, scope)`: the output is a type, the input a runtime schema. */
export function command<Output>() {
  return <Input extends z.ZodType>(input: Input, scope: Scope): Command<Input, Output> => ({ input, scope });
}

// The stored rows' schemas, under short names for the many commands below.
const id = idSchema;
const time = epochMs;
const profileKey = z.string().min(1).max(MAX_PROFILE_KEY_LENGTH);
const none = z.object({});
/** After an edit was refused as changed elsewhere: which value stays. */
const resolve = z.enum(['mine', 'theirs']).optional();
const reminderSchema = z.object({ at: time, reason: z.string().max(MAX_REMINDER_REASON_LENGTH) }).nullable();
const introductionPatch = z.object({ status: introductionStatusSchema.optional(), note: z.string().max(MAX_TEXT_LENGTH).optional() });

const profileRefObject = z.object({
  site: siteSchema,
  key: profileKey,
  url: profileSchema.shape.url,
  name: nameText(MAX_NAME_LENGTH).optional(),
  headline: nameText(MAX_HEADLINE_LENGTH).optional(),
  memberId: z.string().min(1).max(MAX_ID_LENGTH).optional(),
});

/** A profile as a page names it. Its address must be that profile's own, or another person's page could be filed under it. */
export const profileRefSchema = profileRefObject.refine(
  (ref) => {
    const own = profileFromUrl(new URL(ref.url));
    return own?.site === ref.site && own.key === ref.key;
  },
  { path: ['url'], message: 'not the address of this profile' },
);

const importInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('backup'), text: z.string(), mode: z.enum(['merge', 'replace']) }),
  // A backup file read in pieces by the page, which come over the import port after this.
  z.object({ kind: z.literal('backupFile'), mode: z.enum(['merge', 'replace']) }),
  z.object({
    kind: z.literal('connections'),
    text: z.string(),
    // "Give everyone imported a rhythm", staggered; none by default.
    rhythmDays: z.union(IMPORT_RHYTHM_DAYS.map((days) => z.literal(days))).nullable().default(null),
  }),
]);
export type ImportInput = z.infer<typeof importInput>;

export type ImportSummary =
  | { kind: 'backup'; exportedAt: number; counts: BackupCounts; modes?: Record<'merge' | 'replace', BackupCounts> }
  | { kind: 'connections'; summary: ConnectionsSummary };

export interface ExportFile {
  filename: string;
  mimeType: string;
  text: string;
}

export const commands = {
  // The content script says whom its tab shows as far as the page tells (the name, the
  // headline); the address comes from the browser, never from the page.
  'tab.profile': command<BadgeView | null>()(
    z.object({ name: z.string().max(MAX_NAME_LENGTH).optional(), headline: z.string().max(MAX_HEADLINE_LENGTH).optional() }),
    'content',
  ),
  // A click on the badge (a user gesture) opens the panel beside the tab.
  'panel.open': command<null>()(none, 'content'),
  // The user sent a message and it appeared in the thread: whom the thread's header links to.
  // Only profiles of the tab's own site count; the message's text is never sent.
  'messages.sent': command<SentResult>()(
    z.object({
      to: z.array(z.object({ url: z.string().max(MAX_URL_LENGTH), name: nameText(MAX_NAME_LENGTH).optional() })).min(1).max(50),
      group: z.boolean(),
    }),
    'content',
  ),
  // The user's answer to "log messages you send?", for the tab's site (a click in the page).
  'messages.consent': command<null>()(z.object({ allow: z.boolean() }), 'content'),
  // The toast's Undo: only an automatic log, only shortly after (see storage/sent-messages.ts).
  'messages.undo': command<null>()(z.object({ id, snoozedUntil: time.nullable() }), 'content'),
  // Markers in lists: one request for all the profile keys on screen; known people only come back.
  'markers.get': command<MarkerView[]>()(z.object({ keys: z.array(profileKey).max(500) }), 'content'),
  // A click on a marker (a user gesture) opens the panel beside the tab, about that person.
  'marker.open': command<null>()(z.object({ key: profileKey }), 'content'),
  'profile.get': command<ContactState | null>()(profileRefObject.pick({ site: true, key: true }), 'pages'),
  'profile.ensure': command<ContactState>()(profileRefSchema, 'pages'),
  'contact.get': command<ContactState | null>()(z.object({ id }), 'pages'),
  // `expected`: for each patched field, the value the editor started from; a field changed
  // elsewhere since is not overwritten but refused, naming it, until `resolve` says which stays
  // (see storage/contacts.ts). Bulk and automatic changes send none.
  'contact.update': command<Contact>()(z.object({ id, patch: contactPatchSchema, expected: contactPatchSchema.optional(), resolve }), 'pages'),
  'contact.snooze': command<Contact>()(z.object({ id, until: time.nullable() }), 'pages'),
  // A one-off reminder, or null to remove it. `snooze`: this cycle's nudge waits for it too
  // (the popup's "Remind me later" > "On a date…").
  'contact.remind': command<Contact>()(
    z.object({
      id,
      reminder: reminderSchema,
      snooze: z.boolean().default(false),
      // The reminder the editor showed, as with `contact.update`.
      expected: reminderSchema.optional(),
      resolve,
    }),
    'pages',
  ),
  'contact.delete': command<DeletedCounts>()(z.object({ id }), 'pages'),
  // Length is checked by the repository, whose message names the limit.
  'note.add': command<Note>()(z.object({ contactId: id, body: z.string() }), 'pages'),
  // `expected`: the text the editor started from; when the note has changed since, the edit is
  // refused, or with `resolve` both texts are kept (see storage/notes.ts).
  'note.edit': command<Note>()(
    z.object({ id, body: z.string(), expected: z.string().optional(), resolve }),
    'pages',
  ),
  'note.delete': command<Note>()(z.object({ id }), 'pages'),
  'note.restore': command<Note>()(z.object({ note: noteSchema }), 'pages'),
  'interaction.log': command<{ interaction: Interaction; contact: Contact }>()(
    z.object({
      contactId: id,
      kind: interactionKindSchema,
      at: time.optional(),
      note: z.string().max(MAX_TEXT_LENGTH).optional(),
      favour: favourTypeSchema.nullable().optional(),
    }),
    'pages',
  ),
  // Undo of an interaction just logged; `snoozedUntil` is the snooze its logging ended.
  'interaction.undo': command<{ contact: Contact }>()(z.object({ id, snoozedUntil: time.nullable().optional() }), 'pages'),
  // "Introduce to…" in the panel: a few names and headlines for what was typed, never notes.
  'contacts.search': command<ContactHit[]>()(z.object({ query: z.string().max(200), excludeId: id.optional() }), 'pages'),
  'introduction.create': command<Introduction>()(
    z.object({ aId: id, bId: id, note: z.string().max(MAX_TEXT_LENGTH).optional(), status: introductionStatusSchema.optional() }),
    'pages',
  ),
  // `expected`: the status and note the editor showed, as with `contact.update`.
  'introduction.update': command<Introduction>()(
    z.object({ id, ...introductionPatch.shape, expected: introductionPatch.optional(), resolve }),
    'pages',
  ),
  'settings.get': command<Settings>()(none, 'pages'),
  // The panel opens the dashboard in a tab of the main window.
  'dashboard.open': command<null>()(z.object({ contactId: id.nullable() }), 'pages'),
  'settings.update': command<Settings>()(z.object({ patch: settingsPatchSchema }), 'pages'),
  'contacts.list': command<Contact[]>()(none, 'pages'),
  'contacts.due': command<DueList>()(none, 'pages'),
  'contacts.tags': command<string[]>()(none, 'pages'),
  // The dashboard's selection: one change to many people, in one transaction.
  'contacts.bulk': command<{ changed: number }>()(z.object({ ids: z.array(id).min(1).max(MAX_BULK_IDS), action: bulkActionSchema }), 'pages'),
  // Whole-contact rewrites across tables: only the dashboard offers them.
  'contacts.merge': command<MergeResult>()(z.object({ keepId: id, otherId: id }), 'pages'),
  'contacts.split': command<SplitResult>()(z.object({ contactId: id, profileId: id }), 'pages'),
  'data.deleteAll': command<null>()(z.object({ confirm: z.literal(true) }), 'pages'),
  // Sync through the folder the dashboard picked (docs/sync.md). The passphrase only when the
  // user just typed it: the background derives the keys and keeps those, never the passphrase.
  'sync.now': command<SyncStatusRow | null>()(z.object({ passphrase: z.string().min(1).max(MAX_PASSPHRASE_LENGTH).optional() }), 'pages'),
  // Firefox syncs by hand: the files the user picked from the synced folder go in (those too
  // large to read without their text), this device's new segments come back to be saved there.
  'sync.manual': command<{ status: SyncStatusRow; downloads: SyncDownload[] }>()(
    z.object({
      passphrase: z.string().min(1).max(MAX_PASSPHRASE_LENGTH).optional(),
      files: z
        .array(z.object({ name: z.string().min(1).max(MAX_FILE_NAME_LENGTH), size: z.number().int().nonnegative(), text: z.string().max(MAX_SEGMENT_FILE_BYTES) }))
        .max(MAX_PICKED_FILES),
    }),
    'pages',
  ),
  'sync.stop': command<null>()(none, 'pages'),
  'export.csv': command<ExportFile>()(none, 'pages'),
  // The dashboard downloaded a backup of everything (it writes the file itself): the reminder
  // counts from now. And the reminder's "Not now": again in a month.
  'backup.exported': command<null>()(none, 'pages'),
  'backup.remindLater': command<null>()(none, 'pages'),
  // Stateless: apply parses the text again, since the background may be stopped in between.
  'import.preview': command<ImportSummary>()(importInput, 'pages'),
  'import.apply': command<ImportSummary>()(importInput, 'pages'),
} as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
/** What the sender passes (before defaults). */
export type CommandInput<N extends CommandName> = z.input<Commands[N]['input']>;
/** What the handler receives (validated). */
export type ParsedInput<N extends CommandName> = z.output<Commands[N]['input']>;
export type CommandOutput<N extends CommandName> = Commands[N] extends Command<z.ZodType, infer O> ? O : never;

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(commands, name);
}

/** A request as it travels through runtime.sendMessage or the import port. */
export interface Request<N extends CommandName = CommandName> {
  cmd: N;
  input: CommandInput<N>;
}

export type Response<O = unknown> = { ok: true; value: O } | { ok: false; error: ErrorPayload };

/** From the background to the page over the import port; `ack` asks for the next piece of a file. */
export type PortMessage = { type: 'progress'; done: number; total: number } | { type: 'ack' } | { type: 'result'; response: Response };

/** The most rows one piece may carry (the page sends what it read of the file since the last). */
export const MAX_PIECE_ROWS = 100_000;

const backupPieceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('field'), key: z.string().max(100), value: z.unknown() }),
  z.object({ type: z.literal('member'), key: z.string().max(100), value: z.unknown() }),
  z.object({ type: z.literal('rows'), table: z.enum(BACKUP_TABLES), rows: z.array(z.unknown()).max(MAX_PIECE_ROWS) }),
]);

/** From the page over the import port, after a `backupFile` import's request: a piece, or the end. */
export const pieceMessageSchema = z.discriminatedUnion('type', [z.object({ type: z.literal('piece'), piece: backupPieceSchema }), z.object({ type: z.literal('end') })]);
export type PieceMessage = z.infer<typeof pieceMessageSchema>;
