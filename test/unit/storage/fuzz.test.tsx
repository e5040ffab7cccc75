import { cleanup, render } from '@testing-library/react';
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { createRouter } from '../../../background/router';
import { ContactTable } from '../../../components/dashboard/ContactTable';
import { buildRows } from '../../../components/dashboard/list-model';
import { parseBackup, serializeBackup } from '../../../domain/backup';
import { CONNECTIONS_HEADER } from '../../../domain/connections';
import { contactSummary } from '../../../domain/summary';
import { badgeView } from '../../../i18n/badge-status';
import type { Response } from '../../../messaging/protocol';
import { exportBackup, exportContactsCsv } from '../../../storage/backup';
import type { TiekeeperDb } from '../../../storage/db';
import en from '../../../public/_locales/en/messages.json';
import { browserDeps, freshDb, seed, T0 } from './helpers';

/**
 * Random files built from the edge values of the schema: each is either imported, and then
 * the dashboard draws it and its backup restores, or refused with a message that names the
 * problem, and then nothing changed.
 */

const ORIGIN = 'chrome-extension://test-extension-id/';
const dashboard = { id: 'test-extension-id', url: `${ORIGIN}dashboard.html` } as Browser.runtime.MessageSender;
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);

afterEach(cleanup);

const EDGE_VALUES: unknown[] = [
  null, -1, 0, 1, 1.5, Number.MAX_SAFE_INTEGER, 8.64e15, -8.64e15, 1e308, T0, T0 + 1,
  '', ' ', 'x'.repeat(20_001), '\u202eJana\u202c', '=HYPERLINK("http://evil.example")', '<img src=x onerror=alert(1)>',
  'linkedin:anna-schmidt', 'https://www.linkedin.com/in/anna-schmidt/', 'javascript:alert(1)', 'meeting', 'idea', 'made',
  [], [''], {}, true, 'c-unknown',
];
/** Times are where most breakage hides (formatting, due dates): their fields get more of the draws. */
const EDGE_TIMES: unknown[] = [Number.MAX_SAFE_INTEGER, 8.64e15, 8.64e15 - 1, -1, 0, 1e308, 1.5, null, Date.UTC(1989, 11, 31), Date.UTC(2199, 11, 31), Date.UTC(2200, 0, 2)];

async function snapshot(db: TiekeeperDb): Promise<string> {
  return serializeBackup(await exportBackup(db, 0));
}

async function seededDb(): Promise<{ db: TiekeeperDb; handle: ReturnType<typeof createRouter> }> {
  const db = freshDb();
  await seed(db);
  const handle = createRouter({ ...browserDeps(), db, now: () => T0, extensionOrigin: ORIGIN, extensionId: 'test-extension-id' });
  return { db, handle };
}

/** Every place in the seeded backup that holds a value: ['data', 'notes', 0, 'body'] and so on. */
function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [path];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, i) => [i, item]) : Object.entries(value);
  return [path, ...entries.flatMap(([key, child]) => leafPaths(child, [...path, key]))];
}

function setAt(root: Record<string, unknown>, path: (string | number)[], value: unknown): void {
  let parent = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
}

/** The user is told something specific: a known message, and not "something went wrong". */
async function expectToldOrDone(db: TiekeeperDb, before: string, response: Response): Promise<void> {
  if (response.ok) return;
  expect(response.error.code, JSON.stringify(response.error)).toBe('invalid');
  expect(Object.keys(en)).toContain(response.error.key);
  expect(response.error.key).not.toBe('errorInternal');
  expect(await snapshot(db)).toBe(before);
}

/** After an import: the list draws every contact, the badges have words, and the files export and restore. */
async function expectUsable(db: TiekeeperDb): Promise<void> {
  const contacts = await db.contacts.toArray();
  const profiles = await db.profiles.toArray();
  const { container } = render(
    <ContactTable rows={buildRows(contacts, profiles)} sort={null} onSort={() => {}} now={T0} selected={new Set()} onSelect={() => {}} onSelectAll={() => {}} />,
  );
  expect(container.querySelector('[role="table"]')).not.toBeNull();
  for (const contact of contacts) expect(badgeView(contactSummary(contact), T0, contact.displayName).label).not.toBe('');
  await exportContactsCsv(db);
  const again = parseBackup(serializeBackup(await exportBackup(db, T0)));
  expect(again.ok, JSON.stringify(again)).toBe(true);
  cleanup();
}

describe('random backups from the edge values', () => {
  it('are imported and usable, or refused by name with nothing changed', async () => {
    const { db: template } = await seededDb();
    const base = JSON.parse(serializeBackup(await exportBackup(template, T0))) as Record<string, unknown>;
    const paths = leafPaths(base).filter((path) => path.length > 0);
    const timePaths = paths.filter((path) => /(At|Until|^at)$/.test(String(path.at(-1))));
    const mutation = fc.oneof(
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...timePaths), fc.constantFrom(...EDGE_TIMES)) },
      { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...paths), fc.oneof(fc.constantFrom(...EDGE_VALUES), fc.constant(undefined))) },
    );

    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.constantFrom('merge', 'replace'), async (mutations, mode) => {
        const file = structuredClone(base);
        for (const [path, value] of mutations) {
          try {
            setAt(file, path, value);
          } catch {
            // An earlier mutation removed this path's parent.
          }
        }
        const { db, handle } = await seededDb();
        const before = await snapshot(db);
        const response = await handle({ cmd: 'import.apply', input: { kind: 'backup', text: JSON.stringify(file), mode } }, dashboard);
        await expectToldOrDone(db, before, response);
        if (response.ok) await expectUsable(db);
        db.close();
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});

describe('random Connections.csv files from the edge values', () => {
  const field = fc.constantFrom(
    '', 'Anna', 'Müller', '"quoted"', 'a,b', 'line\nbreak', '\u202eEvil', '=1+1', 'x'.repeat(301),
    'https://www.linkedin.com/in/anna-schmidt', 'https://www.linkedin.com/in/ben-otto-4a1b2c', 'https://www.linkedin.com/company/acme', 'linkedin.com/in/carla',
    '15 Jun 2026', '31 Feb 2026', '01 Jan 1970', '15 Jun 9999', 'Jun 2026', 'a@b.example',
  );
  const row = fc.array(field, { minLength: 5, maxLength: 8 });

  it('are imported and usable, or refused by name with nothing changed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 6 }), fc.boolean(), async (rows, withPreamble) => {
        const csv = `${withPreamble ? 'Notes:\n"When exporting your connection data…"\n\n' : ''}${CONNECTIONS_HEADER}\n${Papa.unparse(rows)}\n`;
        const { db, handle } = await seededDb();
        const before = await snapshot(db);
        const response = await handle({ cmd: 'import.apply', input: { kind: 'connections', text: csv } }, dashboard);
        await expectToldOrDone(db, before, response);
        if (response.ok) await expectUsable(db);
        db.close();
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
