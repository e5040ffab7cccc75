import { isValid, parse as parseDate } from 'date-fns';
import Papa from 'papaparse';
import { newContact, profileId, withSchedule } from './contacts';
import { failed, userMessage, type Parsed, type UserMessage } from './errors';
import { capProblems, checkImportText, stripBom } from './import-text';
import { visibleText } from './text';
import { parseLinkedinUrl } from '../sites/urls/linkedin';
import { parseAddress } from '../sites/urls/shared';
import type { Contact, Profile } from './model';
import { EARLIEST_TIME, LATEST_TIME, MAX_NAME_LENGTH } from './constants';
import { withStaggeredRhythm } from './stagger';

/**
 * LinkedIn's "Connections.csv" from "Get a copy of your data", as people really get it: an
 * optional "Notes:" preamble before the header, a byte-order mark, CRLF or LF, quoted fields,
 * empty rows for deleted accounts, and English dates like "15 Jun 2026" whatever the UI language.
 */

export const CONNECTIONS_HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';

const COLUMNS = {
  firstName: 'first name',
  lastName: 'last name',
  url: 'url',
  email: 'email address',
  company: 'company',
  position: 'position',
  connectedOn: 'connected on',
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: readonly Column[] = ['firstName', 'lastName', 'url'];

/** Field limits of the model, checked per line so the message can name the line. */
const LIMITS: Partial<Record<Column, number>> = {
  email: 320,
  company: 300,
  position: 500,
};

export interface ConnectionRow {
  /** Line in the file where the row starts (1-based). */
  line: number;
  key: string;
  url: string;
  name: string;
  email: string;
  company: string;
  position: string;
  connectedAt: number | null;
}

export interface ConnectionsFile {
  /** One row per person: a repeated URL keeps the later row. */
  rows: ConnectionRow[];
  /** Rows with a name but no profile URL (see `parseConnections`). */
  skippedNoUrl: number;
  /** Rows with neither name nor URL: accounts that no longer exist. */
  skippedEmpty: number;
  /** Rows whose URL appeared on an earlier line too. */
  duplicates: number;
}

/**
 * The profile a URL in the export points to, by the same rule the extension uses on the page
 * (the LinkedIn adapter's, sites/urls/linkedin.ts), so that an imported person and the profile page they belong to meet.
 * Accepts URLs without a scheme, as they appear in some exports.
 */
export function linkedinKeyFromUrl(raw: string): { key: string; url: string } | null {
  const url = parseAddress(raw);
  const profile = url && parseLinkedinUrl(url)?.ref;
  return profile ? { key: profile.key, url: profile.url } : null;
}

/**
 * "15 Jun 2026" (the format of every LinkedIn export) to local midnight; null when empty. A date
 * outside the range of stored times ("15 Jun 9999") is refused like a malformed one.
 */
export function parseConnectedOn(value: string): number | null | 'invalid' {
  const text = value.trim();
  if (text === '') return null;
  const date = parseDate(text, 'd MMM yyyy', new Date(2000, 0, 1));
  const time = date.getTime();
  return isValid(date) && time >= EARLIEST_TIME && time <= LATEST_TIME ? time : 'invalid';
}

interface RawRow {
  fields: string[];
  line: number;
  error: Papa.ParseError | undefined;
}

function readRows(text: string): RawRow[] {
  const rows: RawRow[] = [];
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    newline: '\n',
    step: (result) => {
      rows.push({ fields: result.data, line, error: result.errors[0] });
      const end = result.meta.cursor;
      for (let i = text.indexOf('\n', start); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) line++;
      start = end;
    },
  });
  return rows;
}

const norm = (field: string) => field.trim().toLowerCase();

function findHeader(rows: RawRow[]): { index: number; columns: Record<Column, number> } | UserMessage {
  for (const [index, row] of rows.entries()) {
    const names = row.fields.map(norm);
    if (REQUIRED.every((column) => names.includes(COLUMNS[column]))) {
      const columns = Object.fromEntries(
        Object.entries(COLUMNS).map(([column, name]) => [column, names.indexOf(name)]),
      ) as Record<Column, number>;
      return { index, columns };
    }
    // Re-saved by a German Excel: one field holding the whole header, split by semicolons.
    if (row.fields.length <= 2 && /first name\s*;\s*last name/i.test(row.fields.join(','))) {
      return userMessage('importCsvSemicolons', row.line);
    }
    if (row.error?.code === 'MissingQuotes') return userMessage('importCsvUnterminatedQuote', row.line);
  }
  return userMessage('importCsvHeaderMissing', CONNECTIONS_HEADER);
}

/**
 * Parses and validates a whole Connections.csv. Any bad line fails the file: LinkedIn writes
 * these files by machine, so a bad line means a damaged or edited file, and importing the rest
 * would silently drop people.
 *
 * Rows with a name but no URL are skipped and counted, not imported: without the URL there is
 * no identity, so every re-import would create the person again, and the contact could never be
 * matched to their profile page.
 */
export function parseConnections(input: string): Parsed<ConnectionsFile> {
  const textProblem = checkImportText(input);
  if (textProblem) return failed(textProblem);
  const text = stripBom(input).replace(/\r\n?/g, '\n');

  const rows = readRows(text);
  const header = findHeader(rows);
  if ('key' in header) return failed(header);

  const { columns } = header;
  const width = rows[header.index]?.fields.length ?? 0;
  const byKey = new Map<string, ConnectionRow>();
  const problems: UserMessage[] = [];
  const file: ConnectionsFile = { rows: [], skippedNoUrl: 0, skippedEmpty: 0, duplicates: 0 };

  for (const row of rows.slice(header.index + 1)) {
    if (row.fields.length === 1 && row.fields[0]?.trim() === '') continue; // blank line
    if (row.error?.code === 'MissingQuotes') {
      problems.push(userMessage('importCsvUnterminatedQuote', row.line));
      continue;
    }
    if (row.fields.length !== width) {
      problems.push(userMessage('importCsvWrongFieldCount', row.line, width, row.fields.length));
      continue;
    }
    const get = (column: Column) => (columns[column] === -1 ? '' : visibleText(row.fields[columns[column]] ?? '').trim());
    const name = `${get('firstName')} ${get('lastName')}`.replace(/\s+/g, ' ').trim();
    const rawUrl = get('url');
    if (rawUrl === '') {
      if (name === '') file.skippedEmpty++;
      else file.skippedNoUrl++;
      continue;
    }
    const profile = linkedinKeyFromUrl(rawUrl);
    if (!profile) {
      problems.push(userMessage('importCsvBadUrl', row.line, rawUrl));
      continue;
    }
    const connectedAt = parseConnectedOn(get('connectedOn'));
    if (connectedAt === 'invalid') {
      problems.push(userMessage('importCsvBadDate', row.line, get('connectedOn')));
      continue;
    }
    if (name.length > MAX_NAME_LENGTH) {
      problems.push(userMessage('importCsvFieldTooLong', row.line, 'First Name, Last Name', name.length, MAX_NAME_LENGTH));
      continue;
    }
    const tooLong = (Object.entries(LIMITS) as [Column, number][]).find(([column, max]) => get(column).length > max);
    if (tooLong) {
      const [column, max] = tooLong;
      const label = rows[header.index]?.fields[columns[column]]?.trim() ?? column;
      problems.push(userMessage('importCsvFieldTooLong', row.line, label, get(column).length, max));
      continue;
    }
    if (byKey.has(profile.key)) file.duplicates++;
    byKey.set(profile.key, {
      line: row.line,
      key: profile.key,
      url: profile.url,
      name,
      email: get('email'),
      company: get('company'),
      position: get('position'),
      connectedAt,
    });
  }

  const [first, ...more] = capProblems(problems);
  if (first) return failed(first, ...more);
  file.rows = [...byKey.values()];
  if (file.rows.length === 0 && file.skippedNoUrl === 0 && file.skippedEmpty === 0) {
    return failed(userMessage('importCsvNoRows'));
  }
  return { ok: true, value: file };
}

export interface ImportCounts {
  new: number;
  changed: number;
  unchanged: number;
}

/** What an import of the file does (or did), as shown to the user. */
export interface ConnectionsSummary extends ImportCounts {
  skippedNoUrl: number;
  skippedEmpty: number;
  duplicates: number;
}

export interface ConnectionsPlan {
  contacts: Contact[];
  profiles: Profile[];
  counts: ImportCounts;
}

/** The rhythms an import can give everyone it brings in: 3, 6 or 12 months. */
export const IMPORT_RHYTHM_DAYS = [91, 182, 365] as const;
export type ImportRhythmDays = (typeof IMPORT_RHYTHM_DAYS)[number];

/**
 * What importing the rows changes, given the profiles and contacts already stored for them.
 * The file provides name, headline (LinkedIn's "Position"), company, email and the connection
 * date; the user's notes, rhythm, tags and hooks are never touched. An empty cell keeps what is
 * stored: LinkedIn leaves out e-mail addresses that people do not share, which says nothing
 * about an address the user typed in.
 * New contacts get no rhythm, even with a default one set, unless the user picks one for this
 * import (`rhythmDays`): then everyone in the file who has no rhythm yet gets it, their first
 * due times staggered (domain/stagger.ts) so that they do not all fall due on one day. A rhythm
 * the user set is kept.
 */
export function planConnections(
  rows: readonly ConnectionRow[],
  existingProfiles: ReadonlyMap<string, Profile>,
  existingContacts: ReadonlyMap<string, Contact>,
  now: number,
  newId: () => string,
  rhythmDays: number | null = null,
): ConnectionsPlan {
  const plan: ConnectionsPlan = { contacts: [], profiles: [], counts: { new: 0, changed: 0, unchanged: 0 } };
  // Everyone in the file as they will be, and whether they are new or changed by the file.
  const outcome: { contact: Contact; kind: 'new' | 'changed' | 'unchanged' }[] = [];
  for (const row of rows) {
    const id = profileId('linkedin', row.key);
    const profile = existingProfiles.get(id);
    const contact = profile && existingContacts.get(profile.contactId);
    if (!contact) {
      const created = newContact(
        newId(),
        {
          displayName: row.name,
          headline: row.position,
          company: row.company,
          email: row.email,
          connectedAt: row.connectedAt,
        },
        now,
      );
      outcome.push({ contact: created, kind: 'new' });
      plan.profiles.push({
        id,
        contactId: created.id,
        site: 'linkedin',
        key: row.key,
        url: profile?.url ?? row.url,
        memberId: profile?.memberId ?? null,
        seenName: profile?.seenName ?? (row.name || null),
        seenHeadline: profile?.seenHeadline ?? (row.position || null),
        createdAt: profile?.createdAt ?? now,
        seenAt: profile?.seenAt ?? null,
      });
      continue;
    }
    const updated: Contact = {
      ...contact,
      displayName: row.name || contact.displayName,
      headline: row.position || contact.headline,
      company: row.company || contact.company,
      email: row.email || contact.email,
      connectedAt: row.connectedAt ?? contact.connectedAt,
    };
    const changed = (['displayName', 'headline', 'company', 'email', 'connectedAt'] as const).some(
      (field) => updated[field] !== contact[field],
    );
    // The connection date moves the due time of a rhythm that counts from it.
    outcome.push(changed ? { contact: withSchedule({ ...updated, updatedAt: now }), kind: 'changed' } : { contact, kind: 'unchanged' });
  }

  const withRhythm =
    rhythmDays === null
      ? new Map<string, Contact>()
      : new Map(withStaggeredRhythm(outcome.filter((o) => o.contact.cadenceDays === null).map((o) => o.contact), rhythmDays, now).map((c) => [c.id, c]));
  for (const { contact, kind } of outcome) {
    const final = withRhythm.get(contact.id) ?? contact;
    const counted = kind === 'unchanged' && final !== contact ? 'changed' : kind;
    plan.counts[counted]++;
    if (counted !== 'unchanged') plan.contacts.push(final);
  }
  return plan;
}
