import { format } from 'date-fns';
import Papa from 'papaparse';
import { SITES, type SiteDescriptor } from '../sites/descriptors';
import type { Contact, Profile } from './model';

/**
 * The contacts as a CSV file that a German Excel opens with a double click: a UTF-8 byte-order
 * mark (else Excel reads Windows-1252 and garbles umlauts), semicolons (Excel's list separator
 * in German locales), CRLF line ends, and ISO dates, which Excel recognises in every locale.
 * Column names are English and fixed, so scripts and a later import can rely on them.
 */

/**
 * Cells that Excel or LibreOffice would run as a formula get a leading apostrophe. Papaparse's
 * own `escapeFormulae: true` uses /^[=+\-@\t\r].*$/, which a line break in the cell defeats
 * (`.` does not match it), so the check is only on the first character.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

const CONTACT_COLUMNS = [
  'Name',
  'Headline',
  'Company',
  'Email',
  'Tags',
  'Rhythm (days)',
  'Last contact',
  'Next due',
  'Connected on',
  'How we met',
  'Hooks',
  'Meet in person',
  'Archived',
] as const;

/** The columns: the contact's fields, then one profile URL per site, named after the site. */
export function csvColumns(sites: readonly SiteDescriptor[] = SITES): string[] {
  return [...CONTACT_COLUMNS, ...sites.map((descriptor) => descriptor.label)];
}

const day = (time: number | null) => (time === null ? '' : format(time, 'yyyy-MM-dd'));
const yesNo = (value: boolean) => (value ? 'yes' : 'no');

export function contactsToCsv(contacts: readonly Contact[], profiles: readonly Profile[], sites: readonly SiteDescriptor[] = SITES): string {
  const urls = new Map<string, Partial<Record<string, string>>>();
  // The most recently seen profile per site, when someone has two (a changed URL).
  const bySeen = [...profiles].sort((a, b) => (a.seenAt ?? 0) - (b.seenAt ?? 0));
  for (const p of bySeen) urls.set(p.contactId, { ...urls.get(p.contactId), [p.site]: p.url });

  const sorted = [...contacts].sort((a, b) => a.displayName.localeCompare(b.displayName, 'de') || (a.id < b.id ? -1 : 1));
  const rows = sorted.map((c) => [
    c.displayName,
    c.headline,
    c.company,
    c.email,
    c.tags.join(', '),
    c.cadenceDays === null ? '' : String(c.cadenceDays),
    day(c.lastContactAt),
    day(c.nextDueAt),
    day(c.connectedAt),
    c.howWeMet,
    c.hooks,
    yesNo(c.meetInPerson),
    yesNo(c.archived),
    ...sites.map((descriptor) => urls.get(c.id)?.[descriptor.site] ?? ''),
  ]);
  const csv = Papa.unparse(
    { fields: csvColumns(sites), data: rows },
    { delimiter: ';', newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START },
  );
  return `\uFEFF${csv}\r\n`;
}
