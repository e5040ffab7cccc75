import { UPCOMING_DAYS } from '../storage/contacts';
import { DAY_MS } from '../domain/constants';
import { backupText, connectionsCsv, generateDataset, splitDataset } from './data';
import { run, type ExtensionPage } from './browser';
import { writeFloor } from './floor';
import { fromSamples, single, type Figure } from './figures';

export const AREA = '5. Database';

/** Contacts per import file: a backup may hold 20 MB of text. */
const PART = 25_000;

const count = (n: number) => n.toLocaleString('en-GB');

/**
 * The popup's query in the real database, two ways:
 * - `contacts.due` sent from an extension page: the background's Dexie `dueList` (an index
 *   range on `nextDueAt`) plus the message round trip and the copy of the answer;
 * - the same range read directly with IndexedDB in an extension page (`getAll` on the index,
 *   what Dexie runs underneath), without messaging.
 */
async function timeDueList(page: ExtensionPage, repeats: number): Promise<{ roundTrip: number[]; indexedDb: number[]; due: number; upcoming: number }> {
  const answer = await page.send('contacts.due', {}, (value: { due: unknown[]; upcoming: unknown[] }) => ({ due: value.due.length, upcoming: value.upcoming.length }));
  await page.repeat('contacts.due', {}, 2);
  const roundTrip = await page.repeat('contacts.due', {}, repeats);
  const indexedDb = await run(
    page.page,
    async ({ repeats, upcomingMs }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('tiekeeper');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const query = () =>
        new Promise<number>((resolve, reject) => {
          const request = db
            .transaction('contacts', 'readonly')
            .objectStore('contacts')
            .index('nextDueAt')
            .getAll(IDBKeyRange.upperBound(Date.now() + upcomingMs));
          request.onsuccess = () => resolve(request.result.length);
          request.onerror = () => reject(request.error);
        });
      const samples: number[] = [];
      await query();
      for (let i = 0; i < repeats; i++) {
        const start = performance.now();
        await query();
        samples.push(performance.now() - start);
      }
      db.close();
      return samples;
    },
    { repeats, upcomingMs: UPCOMING_DAYS * DAY_MS },
  );
  return { roundTrip, indexedDb, due: answer.value.due, upcoming: answer.value.upcoming };
}

/** The due list with the popup's data (many due) already in the database. */
export async function measureDueListWithPopupData(page: ExtensionPage, repeats: number, contacts: number): Promise<Figure[]> {
  const { roundTrip, due, upcoming } = await timeDueList(page, repeats);
  return [
    fromSamples(
      {
        id: 'db.due.popupData',
        area: AREA,
        label: `due list, ${count(contacts)} contacts of which ${count(due)} due (+${count(upcoming)} upcoming): contacts.due round trip`,
        unit: 'ms',
        note: 'the popup’s data set; cost grows with the number of due contacts returned, not with the database.',
      },
      roundTrip,
    ),
  ];
}

/**
 * The due list as the database grows, the same 100 due and 50 upcoming contacts each time (the
 * rest have no rhythm or are due later): an index range query should cost about the same at
 * every size. The database is filled by importing backups through `import.apply` (`replace`
 * for the first, then `merge`), contacts without profiles and notes to keep the files small.
 */
export async function measureDueListScaling(page: ExtensionPage, options: { sizes: number[]; repeats: number; due: number; upcoming: number }): Promise<Figure[]> {
  const now = Date.now();
  const [first, ...rest] = options.sizes;
  if (first === undefined) return [];
  const last = options.sizes.at(-1)!;
  const base = generateDataset({ now, seed: 11, contacts: first, due: options.due, upcoming: options.upcoming, profiles: false, interactionShare: 0.1 });
  const extra = generateDataset({ now, seed: 12, contacts: last - first, profiles: false, interactionShare: 0.1 });
  const figures: Figure[] = [];
  const imports: number[] = [];
  await page.importBackup(backupText(base, now), 'replace');
  let stored = first;
  for (const size of [first, ...rest]) {
    if (size > stored) {
      const added = { ...extra, contacts: extra.contacts.slice(stored - first, size - first) };
      const ids = new Set(added.contacts.map((c) => c.id));
      added.interactions = extra.interactions.filter((x) => ids.has(x.contactId));
      for (const part of splitDataset(added, PART)) {
        const ms = await page.importBackup(backupText(part, now), 'merge');
        imports.push((ms / part.contacts.length) * 1000);
      }
      stored = size;
    }
    const { roundTrip, indexedDb, due, upcoming } = await timeDueList(page, options.repeats);
    if (due !== options.due || upcoming !== options.upcoming) {
      throw new Error(`expected ${options.due} due and ${options.upcoming} upcoming at ${size} contacts, got ${due} and ${upcoming}`);
    }
    const target = size === 50_000 ? { max: 20, source: 'issue 4: due list under 20 ms with 50,000 contacts' } : undefined;
    figures.push(
      fromSamples(
        {
          id: `db.due.${size}`,
          area: AREA,
          label: `due list, ${count(size)} contacts (${options.due} due, ${options.upcoming} upcoming): contacts.due round trip`,
          unit: 'ms',
          target,
          note:
            size === first
              ? 'chrome.runtime.sendMessage from an extension page to the background (Dexie dueList on the nextDueAt index) and back, timed in the page; warm (after two calls).'
              : undefined,
        },
        roundTrip,
      ),
      fromSamples(
        {
          id: `db.due.${size}.idb`,
          area: AREA,
          label: `due list, ${count(size)} contacts: IndexedDB index range in an extension page`,
          unit: 'ms',
          note: size === first ? 'getAll on the nextDueAt index up to now + 7 days, read directly in an extension page: the storage engine’s share, without messaging.' : undefined,
        },
        indexedDb,
      ),
    );
  }
  const byId = (id: string) => figures.find((f) => f.id === id)?.value ?? Number.NaN;
  figures.push(
    single(
      {
        id: 'db.due.growth',
        area: AREA,
        label: `due list round trip, ${count(last)} / ${count(first)} contacts`,
        unit: 'ratio',
        note: 'how the cost grows with the database: near 1 means the query does not scan.',
      },
      byId(`db.due.${last}`) / byId(`db.due.${first}`),
    ),
  );
  if (imports.length > 0) {
    figures.push(
      fromSamples(
        {
          id: 'db.import.backupPer1000',
          area: AREA,
          label: 'backup import (merge) while filling, per 1,000 contacts',
          unit: 'ms',
          note: `each part up to ${count(PART)} contacts through import.apply, including the reschedule and the refresh of open badges that follow every import.`,
        },
        imports,
      ),
    );
  }
  return figures;
}

/** LinkedIn's Connections.csv into an empty database, through `import.apply` like the dashboard. */
export async function measureConnectionsImport(page: ExtensionPage, options: { rows: number; runs: number }, variant?: 'large'): Promise<Figure[]> {
  const text = connectionsCsv(options.rows);
  const samples: number[] = [];
  let created = 0;
  for (let i = 0; i < options.runs; i++) {
    await page.deleteAll();
    const result = await page.send('import.apply', { kind: 'connections', text }, (value: { summary: { new: number } }) => value.summary.new);
    samples.push(result.ms / 1000);
    created = result.value;
  }
  const floor = variant === 'large' ? await writeFloor(page, ['contacts', 'profiles']) : null;
  await page.deleteAll();
  return [
    ...(floor === null
      ? []
      : [
          single(
            {
              id: 'db.import.connections.floor',
              area: AREA,
              label: `IndexedDB alone: the same ${count(floor.rows)} contact and profile rows in one transaction`,
              unit: 's',
              note: `the rows the last import stored, read back and put into a scratch database with the same stores and indexes, by the bare IndexedDB API from an extension page, nothing else: the part of the import no code of ours can shorten. The import took ${(samples.at(-1)! / floor.seconds).toFixed(2)} times as long.`,
            },
            floor.seconds,
          ),
        ]),
    fromSamples(
      {
        id: variant ? `db.import.connections.${variant}` : 'db.import.connections',
        area: AREA,
        label: `Connections.csv import, ${count(options.rows)} rows into an empty database`,
        unit: 's',
        target:
          options.rows >= 120_000
            ? { max: 30, source: 'issue 14: importing 120,000 Connections.csv rows takes at most 30 s' }
            : options.rows >= 10_000 && !variant
              ? { max: 3, source: 'issue 9: Connections.csv import of 10,000 rows under 3 s' }
              : undefined,
        note: `import.apply (kind connections) sent from an extension page, ${(text.length / 1024 / 1024).toFixed(1)} MB of CSV; parse, plan, write ${count(created)} contacts and profiles, then the reschedule and the refresh of open badges the background does before it answers.${variant === 'large' ? ' In a fresh browser profile (production build).' : ''}`,
      },
      samples,
    ),
  ];
}

/**
 * One change to many selected people from the dashboard: the rhythm set (staggered) and
 * cleared again in turn, each a `contacts.bulk` of everyone, in one transaction.
 */
export async function measureBulkChange(page: ExtensionPage, options: { contacts: number; runs: number }): Promise<Figure[]> {
  await page.deleteAll();
  await page.send('import.apply', { kind: 'connections', text: connectionsCsv(options.contacts), rhythmDays: null });
  const { value: ids } = await page.send('contacts.list', {}, (value: { id: string }[]) => value.map((c) => c.id));
  const samples: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const action = i % 2 === 0 ? { kind: 'setRhythm', cadenceDays: 182 } : { kind: 'clearRhythm' };
    const result = await page.send('contacts.bulk', { ids, action }, (value: { changed: number }) => value.changed);
    if (result.value !== ids.length) throw new Error(`bulk change touched ${result.value} of ${ids.length} contacts`);
    samples.push(result.ms / 1000);
  }
  await page.deleteAll();
  return [
    fromSamples(
      {
        id: 'db.bulk',
        area: AREA,
        label: `bulk change of ${count(ids.length)} selected people (rhythm set, staggered, or cleared)`,
        unit: 's',
        target: ids.length >= 5_000 ? { max: 2, source: 'issue 16: a bulk change of 5,000 people in at most 2 s' } : undefined,
        note: 'contacts.bulk sent from an extension page, one transaction; read, change and write every contact, then the reschedule and the refresh of open badges the background does before it answers.',
      },
      samples,
    ),
  ];
}
