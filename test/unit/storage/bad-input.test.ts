import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DBCore } from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { createRouter } from '../../../background/router';
import { serializeBackup } from '../../../domain/backup';
import { CONNECTIONS_HEADER } from '../../../domain/connections';
import type { MessageParam } from '../../../domain/errors';
import type { ImportSummary, Response } from '../../../messaging/protocol';
import { exportBackup } from '../../../storage/backup';
import { getProfileState } from '../../../storage/contacts';
import type { TiekeeperDb } from '../../../storage/db';
import { freshDb, seed, T0, browserDeps } from './helpers';

const CORPUS = join(__dirname, '../../fixtures/import-bad');
const ORIGIN = 'chrome-extension://test-extension-id/';
const dashboard = { id: 'test-extension-id', url: `${ORIGIN}dashboard.html` } as Browser.runtime.MessageSender;

type Kind = 'backup' | 'connections';
interface Expected {
  kind: Kind;
  key: string;
  params?: MessageParam[];
}

/** Every file of the corpus and what the user is told about it. */
const EXPECTED: Record<string, Expected> = {
  'backup-connections-given-as-backup.csv': { kind: 'backup', key: 'importBackupNotJson' },
  'backup-duplicate-id.json': { kind: 'backup', key: 'importBackupDuplicateId', params: ['contacts', 'c-anna'] },
  'backup-future-version.json': { kind: 'backup', key: 'importBackupTooNew', params: [2] },
  'backup-fractional-version.json': { kind: 'backup', key: 'importBackupUnknownVersion', params: ['1.5'] },
  'backup-exported-far-future.json': { kind: 'backup', key: 'importBackupInvalidField', params: ['exportedAt', '?'] },
  'backup-interaction-year-275760.json': { kind: 'backup', key: 'importBackupInvalidField', params: ['data.interactions[0].at', 'i-1'] },
  'backup-javascript-url.json': {
    kind: 'backup',
    key: 'importBackupInvalidField',
    params: ['data.profiles[0].url', 'linkedin:anna-schmidt'],
  },
  'backup-missing-field.json': { kind: 'backup', key: 'importBackupMissingField', params: ['data.contacts[1].displayName'] },
  'backup-missing-table.json': { kind: 'backup', key: 'importBackupMissingField', params: ['data.notes'] },
  'backup-not-an-object.json': { kind: 'backup', key: 'importBackupWrongFormat' },
  'backup-note-too-long.json': {
    kind: 'backup',
    key: 'importBackupTooLong',
    params: ['data.notes[0].body', 'n-1', 100_000, 20_000],
  },
  'backup-other-app.json': { kind: 'backup', key: 'importBackupWrongFormat' },
  'backup-profile-missing-contact.json': {
    kind: 'backup',
    key: 'importBackupDanglingReference',
    params: ['profiles[1]', 'linkedin:carla', 'c-carla'],
  },
  'backup-truncated.json': { kind: 'backup', key: 'importBackupNotJson' },
  'backup-wrong-type.json': { kind: 'backup', key: 'importBackupInvalidField', params: ['data.contacts[0].lastContactAt', 'c-anna'] },
  'binary.png.csv': { kind: 'connections', key: 'importBinary' },
  'csv-backup-given-as-connections.json': { kind: 'connections', key: 'importCsvHeaderMissing', params: [CONNECTIONS_HEADER] },
  'csv-bad-url.csv': { kind: 'connections', key: 'importCsvBadUrl', params: [3, 'https://www.linkedin.com/company/acme-gmbh'] },
  'csv-german-date.csv': { kind: 'connections', key: 'importCsvBadDate', params: [2, '15.06.2026'] },
  'csv-impossible-date.csv': { kind: 'connections', key: 'importCsvBadDate', params: [2, '30 Feb 2026'] },
  'csv-invalid-date.csv': { kind: 'connections', key: 'importCsvBadDate', params: [6, '31 Foo 2026'] },
  'csv-latin1.csv': { kind: 'connections', key: 'importWrongEncoding', params: [3] },
  'csv-missing-header.csv': { kind: 'connections', key: 'importCsvHeaderMissing', params: [CONNECTIONS_HEADER] },
  'csv-name-too-long.csv': { kind: 'connections', key: 'importCsvFieldTooLong', params: [2, 'First Name, Last Name', 285, 200] },
  'csv-semicolons.csv': { kind: 'connections', key: 'importCsvSemicolons', params: [1] },
  'csv-truncated-mid-line.csv': { kind: 'connections', key: 'importCsvWrongFieldCount', params: [3, 7, 3] },
  'csv-truncated-mid-quote.csv': { kind: 'connections', key: 'importCsvUnterminatedQuote', params: [6] },
  'csv-utf16.csv': { kind: 'connections', key: 'importUtf16' },
  'csv-utf32.csv': { kind: 'connections', key: 'importUtf32' },
  'csv-wrong-header.csv': { kind: 'connections', key: 'importCsvHeaderMissing', params: [CONNECTIONS_HEADER] },
  'empty.csv': { kind: 'connections', key: 'importEmpty' },
  'only-preamble.csv': { kind: 'connections', key: 'importCsvHeaderMissing', params: [CONNECTIONS_HEADER] },
  'whitespace-only.csv': { kind: 'connections', key: 'importEmpty' },
};

/** The page reads files with `File.text()`: UTF-8, invalid bytes become U+FFFD, a BOM is dropped. */
const readAsPage = (name: string) => new TextDecoder('utf-8').decode(readFileSync(join(CORPUS, name)));

async function snapshot(db: TiekeeperDb): Promise<string> {
  return `${serializeBackup(await exportBackup(db, 0))}nudges:${JSON.stringify(await db.nudges.toArray())}`;
}

async function seeded(): Promise<TiekeeperDb> {
  const db = freshDb();
  await seed(db);
  return db;
}

function importInput(kind: Kind, text: string) {
  return kind === 'backup' ? { kind, text, mode: 'replace' } : { kind, text };
}

function expectFailure(response: Response, expected: Pick<Expected, 'key' | 'params'>) {
  expect(response.ok).toBe(false);
  if (response.ok) return;
  expect(response.error.code).toBe('invalid');
  expect(response.error.key).toBe(expected.key);
  if (expected.params) expect(response.error.params).toEqual(expected.params);
}

describe('bad input corpus', () => {
  const files = readdirSync(CORPUS).filter((name) => !name.startsWith('ok-'));

  it('has an expectation for every file, and at least 20 of them', () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  it.each(files)('%s: preview and apply both name the problem and change nothing', async (name) => {
    const expected = EXPECTED[name]!;
    const db = await seeded();
    const before = await snapshot(db);
    const handle = createRouter({ ...browserDeps(), db, now: () => T0, extensionOrigin: ORIGIN, extensionId: 'test-extension-id' });
    const input = importInput(expected.kind, readAsPage(name));
    expectFailure(await handle({ cmd: 'import.preview', input }, dashboard), expected);
    expectFailure(await handle({ cmd: 'import.apply', input }, dashboard), expected);
    expect(await snapshot(db)).toBe(before);
  });

  it.each<Kind>(['backup', 'connections'])('a 50 MB %s file is refused with its size', async (kind) => {
    const db = await seeded();
    const before = await snapshot(db);
    const handle = createRouter({ ...browserDeps(), db, now: () => T0, extensionOrigin: ORIGIN, extensionId: 'test-extension-id' });
    const row = 'Anna,Schmidt,https://www.linkedin.com/in/anna-schmidt,,,,15 Jun 2026\n';
    const text = `${CONNECTIONS_HEADER}\n${row.repeat(Math.ceil((50 * 1024 * 1024) / row.length))}`.slice(0, 50 * 1024 * 1024);
    expectFailure(await handle({ cmd: 'import.apply', input: importInput(kind, text) }, dashboard), {
      key: 'importTooLarge',
      params: ['50.0', 40],
    });
    expect(await snapshot(db)).toBe(before);
  });
});

describe('files that are odd but fine', () => {
  async function apply(name: string): Promise<{ db: TiekeeperDb; summary: ImportSummary }> {
    const db = freshDb();
    const handle = createRouter({ ...browserDeps(), db, now: () => T0, extensionOrigin: ORIGIN, extensionId: 'test-extension-id' });
    const response = await handle({ cmd: 'import.apply', input: { kind: 'connections', text: readAsPage(name) } }, dashboard);
    if (!response.ok) throw new Error(JSON.stringify(response.error));
    return { db, summary: response.value as ImportSummary };
  }

  it('HTML and script in names are kept as the plain text they are', async () => {
    const { db } = await apply('ok-html-in-names.csv');
    const state = await getProfileState(db, { site: 'linkedin', key: 'html-person' });
    expect(state?.contact).toMatchObject({
      displayName: '<img src=x onerror=alert(1)> <script>alert("hi")</script>',
      company: '<b>ACME</b>',
    });
  });

  it('the same URL twice is one contact, and the repeat is reported', async () => {
    const { db, summary } = await apply('ok-duplicate-rows.csv');
    expect(summary).toMatchObject({ kind: 'connections', summary: { new: 1, duplicates: 1 } });
    expect(await db.contacts.count()).toBe(1);
    expect((await getProfileState(db, { site: 'linkedin', key: 'anna-schmidt' }))?.contact.company).toBe('Hanse Wasser');
  });
});

describe('an import that fails half way', () => {
  beforeEach(() => {
    // The router logs unexpected errors; here they are expected.
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });

  /** Lets `okWrites` writes through, then fails every further one, as a crash or full disk would. */
  async function failAfter(db: TiekeeperDb, okWrites: number): Promise<{ writes: () => number }> {
    let writes = 0;
    // Middleware is wired when the database opens.
    db.close();
    db.use({
      stack: 'dbcore',
      name: 'fail-half-way',
      create: (down: DBCore) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            mutate: (req) => (++writes > okWrites ? Promise.reject(new Error('disk gone')) : table.mutate(req)),
          };
        },
      }),
    });
    await db.open();
    return { writes: () => writes };
  }

  const rows = (n: number, prefix: string) =>
    Array.from({ length: n }, (_, i) => `${prefix},${i},https://www.linkedin.com/in/${prefix}-${i},,,,01 Jan 2020`);

  it('leaves the database as before: connections', async () => {
    const db = await seeded();
    // A first import of 2,000 people that succeeds, so there is something to lose.
    const handle = createRouter({ ...browserDeps(), db, now: () => T0, extensionOrigin: ORIGIN, extensionId: 'test-extension-id' });
    const first = [CONNECTIONS_HEADER, ...rows(2000, 'old')].join('\n');
    expect((await handle({ cmd: 'import.apply', input: { kind: 'connections', text: first } }, dashboard)).ok).toBe(true);
    const before = await snapshot(db);

    const probe = await failAfter(db, 2); // two chunks of contacts written, the third fails
    const second = [CONNECTIONS_HEADER, ...rows(1000, 'old').map((r) => r.replace(',,,,', ',,Neue Firma,,')), ...rows(2500, 'new')].join('\n');
    const response = await handle({ cmd: 'import.apply', input: { kind: 'connections', text: second } }, dashboard);
    expect(response).toMatchObject({ ok: false, error: { code: 'internal' } });
    // The third write failed; the next chunk may already have been handed over (two are under way).
    expect(probe.writes()).toBeGreaterThanOrEqual(3);
    expect(probe.writes()).toBeLessThanOrEqual(4);
    expect(await snapshot(db)).toBe(before);
  });

  it('leaves the database as before: a backup replace that fails after wiping', async () => {
    const source = freshDb();
    const handleSource = createRouter({ ...browserDeps(), db: source, now: () => T0, extensionOrigin: ORIGIN, extensionId: 'test-extension-id' });
    await handleSource({ cmd: 'import.apply', input: { kind: 'connections', text: [CONNECTIONS_HEADER, ...rows(2500, 'b')].join('\n') } }, dashboard);
    const text = serializeBackup(await exportBackup(source, T0));

    const db = await seeded();
    const before = await snapshot(db);
    const probe = await failAfter(db, 9); // seven tables cleared, two chunks written, then a failure
    const handle = createRouter({ ...browserDeps(), db, now: () => T0, extensionOrigin: ORIGIN, extensionId: 'test-extension-id' });
    const response = await handle({ cmd: 'import.apply', input: { kind: 'backup', text, mode: 'replace' } }, dashboard);
    expect(response.ok).toBe(false);
    expect(probe.writes()).toBe(10);
    expect(await snapshot(db)).toBe(before);
  });
});
