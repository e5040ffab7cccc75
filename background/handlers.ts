import { format } from 'date-fns';
import { backupTextPieces } from '../domain/backup';
import { parseConnections } from '../domain/connections';
import { problemsError, TiekeeperError, userMessage } from '../domain/errors';
import type { CommandName, CommandOutput, ImportInput, ImportSummary, ParsedInput } from '../messaging/protocol';
import { dismissReminder, recordExport, startTracking } from '../storage/auto-backup';
import { exportContactsCsv, type ProgressListener } from '../storage/backup';
import { importBackup, type PieceSource } from '../storage/backup-import';
import { bulkUpdateContacts } from '../storage/bulk';
import { applyConnections, previewConnections } from '../storage/connections';
import {
  allTags,
  deleteAll,
  deleteContact,
  dueList,
  ensureContactForProfile,
  findContacts,
  getContactState,
  getProfileState,
  listContacts,
  recordProfileVisit,
  remindContact,
  snoozeContact,
  updateContact,
} from '../storage/contacts';
import type { TiekeeperDb } from '../storage/db';
import { logInteraction, undoInteraction } from '../storage/interactions';
import { createIntroduction, updateIntroduction } from '../storage/introductions';
import { mergeContacts, splitContact } from '../storage/merge';
import { addNote, deleteNote, editNote, restoreNote } from '../storage/notes';
import { getSettings, updateSettings } from '../storage/settings';
import { profileFromUrl } from '../sites';
import type { Badges } from './badges';
import { createSiteActivityHandlers } from './site-activity';
import type { SyncRunner } from './sync';

export interface HandlerDeps {
  db: TiekeeperDb;
  /** The clock; fixed in tests. */
  now: () => number;
  openTab: (url: string) => Promise<void>;
  /** The dashboard, showing one contact when given. */
  dashboardUrl: (contactId: string | null) => string;
  /**
   * Opens the panel beside a tab. Called synchronously from the message that a click sent: the
   * browser opens a side panel only in answer to a user's gesture.
   */
  openPanel: (tabId: number) => Promise<void>;
  badges: Pick<Badges, 'viewFor' | 'remember' | 'rememberMarkers'>;
  /** Sync through the folder (background/sync.ts). */
  sync: Pick<SyncRunner, 'run' | 'manual' | 'stop'>;
}

export interface CallContext {
  /** Set when the call came over the import port. */
  onProgress?: ProgressListener;
  /** A backup file's pieces, as the page reads it; set when they come over the import port. */
  pieces?: PieceSource;
  /** The tab a content script's request came from, with its address as the browser knows it. */
  tab?: { id: number; url: URL };
}

function senderTab(context: CallContext): { id: number; url: URL } {
  if (!context.tab) throw new TiekeeperError('forbidden', userMessage('errorForbidden'));
  return context.tab;
}

export type Handlers = {
  [N in CommandName]: (input: ParsedInput<N>, context: CallContext) => Promise<CommandOutput<N>>;
};

/** Parsing happens before any transaction: it is pure and may take a while on a large file. */
async function runImport(deps: HandlerDeps, input: ImportInput, apply: boolean, context: CallContext): Promise<ImportSummary> {
  const { db } = deps;
  const now = deps.now();
  if (input.kind === 'backup' || input.kind === 'backupFile') {
    // A file too large for one message comes in pieces over the import port.
    const pieces = input.kind === 'backup' ? backupTextPieces(input.text) : context.pieces;
    if (!pieces) throw new TiekeeperError('invalid', userMessage('errorInvalidInput', 'pieces'));
    return { kind: 'backup', ...(await importBackup(db, pieces, input.mode, apply)) };
  }
  const parsed = parseConnections(input.text);
  if (!parsed.ok) throw problemsError(parsed.problems);
  const summary = apply
    ? await applyConnections(db, parsed.value, now, context.onProgress, input.rhythmDays)
    : await previewConnections(db, parsed.value, now, input.rhythmDays);
  return { kind: 'connections', summary };
}

const day = (now: number) => format(now, 'yyyy-MM-dd');

export function createHandlers(deps: HandlerDeps): Handlers {
  const { db, now } = deps;
  return {
    'tab.profile': async (input, context) => {
      const tab = senderTab(context);
      // Whom the tab shows comes from its address; the page only adds the name and headline.
      const fromUrl = profileFromUrl(tab.url);
      const ref = fromUrl && { ...fromUrl, ...(input.name ? { name: input.name } : {}), ...(input.headline ? { headline: input.headline } : {}) };
      await deps.badges.remember(tab.id, ref);
      if (!ref) return null;
      const view = await deps.badges.viewFor(ref);
      // A visit of someone the user keeps: a new role on the page is noticed (never fetched),
      // after the badge's answer, which should not wait for it.
      void recordProfileVisit(db, ref, now()).catch((error) => console.error('Tiekeeper: recording a visit failed', error));
      return view;
    },
    'panel.open': async (_input, context) => {
      await deps.openPanel(senderTab(context).id);
      return null;
    },
    ...createSiteActivityHandlers(deps),
    'profile.get': (input) => getProfileState(db, input),
    'profile.ensure': (input) => ensureContactForProfile(db, input, now()),
    'contact.get': (input) => getContactState(db, input.id),
    'contact.update': (input) => updateContact(db, input.id, input.patch, now(), input),
    'contact.snooze': (input) => snoozeContact(db, input.id, input.until, now()),
    'contact.remind': (input) => remindContact(db, input.id, input.reminder, now(), input.snooze, input),
    'contact.delete': (input) => deleteContact(db, input.id),
    'note.add': (input) => addNote(db, input.contactId, input.body, now()),
    'note.edit': (input) => editNote(db, input.id, input.body, now(), input),
    'note.delete': (input) => deleteNote(db, input.id),
    'note.restore': (input) => restoreNote(db, input.note),
    'interaction.log': (input) => logInteraction(db, input, now()),
    'interaction.undo': (input) => undoInteraction(db, input, now()),
    'contacts.search': (input) => findContacts(db, input.query, input.excludeId),
    'introduction.create': (input) => createIntroduction(db, input, now()),
    'introduction.update': (input) => updateIntroduction(db, input.id, { status: input.status, note: input.note }, now(), input),
    'settings.get': () => getSettings(db),
    'dashboard.open': async (input) => {
      await deps.openTab(deps.dashboardUrl(input.contactId));
      return null;
    },
    'settings.update': (input) => updateSettings(db, input.patch),
    'contacts.list': () => listContacts(db),
    'contacts.due': () => dueList(db, now()),
    'contacts.tags': () => allTags(db),
    'contacts.bulk': (input, context) => bulkUpdateContacts(db, input.ids, input.action, now(), context.onProgress),
    'contacts.merge': (input) => mergeContacts(db, input.keepId, input.otherId, now()),
    'contacts.split': (input) => splitContact(db, input.contactId, input.profileId, now()),
    'data.deleteAll': async () => {
      await deleteAll(db);
      // The wipe clears the backups row with the sync stores: the reminder starts counting again.
      await startTracking(db, now());
      return null;
    },
    'backup.exported': async () => {
      await recordExport(db, now());
      return null;
    },
    'backup.remindLater': async () => {
      await dismissReminder(db, now());
      return null;
    },
    'export.csv': async () => ({
      filename: `tiekeeper-contacts-${day(now())}.csv`,
      mimeType: 'text/csv;charset=utf-8',
      text: await exportContactsCsv(db),
    }),
    'import.preview': (input, context) => runImport(deps, input, false, context),
    'import.apply': (input, context) => runImport(deps, input, true, context),
    'sync.now': (input) => deps.sync.run(input.passphrase ?? null),
    'sync.manual': (input) => deps.sync.manual(input.passphrase ?? null, input.files),
    'sync.stop': async () => {
      await deps.sync.stop();
      return null;
    },
  };
}
