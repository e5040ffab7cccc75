import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { pageHeapAfterGc, type BenchBrowser, type TargetSession } from './browser';
import { single, type Figure } from './figures';
import { writeLargeBackup } from './large-backup';

const AREA = '9. Large backups';
const MB = 1024 * 1024;
/** What a user of such a database waits for at most; the figures say how long it took. */
const LONG = 20 * 60_000;

/** The highest live JS heap each of `reads` reports while `work` runs, sampled every second. */
async function withPeakHeap<T>(reads: (() => Promise<number>)[], work: () => Promise<T>): Promise<{ peaks: number[]; value: T; seconds: number }> {
  const peaks = reads.map(() => 0);
  let running = true;
  const sampling = (async () => {
    while (running) {
      const now = await Promise.all(reads.map((read) => read().catch(() => 0)));
      now.forEach((bytes, i) => (peaks[i] = Math.max(peaks[i]!, bytes)));
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  })();
  const start = performance.now();
  try {
    const value = await work();
    return { peaks, value, seconds: (performance.now() - start) / 1000 };
  } finally {
    running = false;
    await sampling;
  }
}

/**
 * The service worker's used JS heap (garbage not yet collected included), as V8 reports it. The
 * worker may be stopped and started again while the dashboard works (an idle worker is stopped):
 * a reading that fails attaches to the running worker again, so no reading is silently lost.
 */
function workerHeapReader(browser: BenchBrowser): { read: () => Promise<number>; failures: () => number } {
  let session: TargetSession | null = null;
  let failures = 0;
  const read = async (): Promise<number> => {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        session ??= await browser.workerSession(await browser.extensionPage());
        return (await session.send<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize;
      } catch {
        session = null;
      }
    }
    failures++;
    return 0;
  };
  return { read, failures: () => failures };
}

/** Restores a backup file with "replace" through the dashboard, as a user would. */
async function restore(page: Page, path: string): Promise<void> {
  await page.goto(`${page.url().split('#')[0]}#/import`);
  await page.locator('input[type="file"]').setInputFiles(path);
  await page.getByRole('radio', { name: /^Replace/ }).check({ timeout: LONG });
  await page.getByRole('checkbox', { name: /everything here is replaced/ }).check({ timeout: LONG });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.locator('.dash-success').waitFor({ timeout: LONG });
}

/** Saves the backup from the export page to `path`. */
async function save(page: Page, path: string): Promise<void> {
  await page.goto(`${page.url().split('#')[0]}#/export`);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: LONG }), page.getByRole('button', { name: 'Download backup' }).click()]);
  await download.saveAs(path);
}

/**
 * A backup of `contacts` people with `notes` notes (50,000 and 500,000: about 200 MB), restored
 * with "replace" through the dashboard and saved again, with the dashboard page's peak live JS
 * heap meanwhile: it reads and writes the file in pieces. (After the restore the dashboard's list
 * and search hold every note by design, which the restore figure includes.)
 */
export async function measureLargeBackup(browser: BenchBrowser, options: { contacts: number; notes: number }): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tiekeeper-bench-backup-'));
  try {
    const file = join(dir, 'backup.json');
    await writeLargeBackup(file, { ...options, now: Date.UTC(2026, 11, 1) });
    const fileMb = statSync(file).size / MB;
    const page = await browser.newPage();
    await page.goto(`${browser.origin}/dashboard.html#/import`);
    const cdp = await browser.cdp(page);
    const worker = workerHeapReader(browser);
    const heaps = [() => pageHeapAfterGc(cdp), worker.read];
    const restored = await withPeakHeap(heaps, () => restore(page, file));
    const saved = await withPeakHeap(heaps, () => save(page, join(dir, 'saved.json')));
    if (worker.failures() > 0) throw new Error(`${worker.failures()} readings of the worker's heap failed`);
    await page.close();
    const size = `${fileMb.toFixed(0)} MB, ${options.contacts.toLocaleString('en-GB')} people with ${options.notes.toLocaleString('en-GB')} notes`;
    const heapNote = `the live heap: Runtime.getHeapUsage after HeapProfiler.collectGarbage, every second; the file is ${fileMb.toFixed(0)} MB.`;
    const workerNote = `the used heap (Runtime.getHeapUsage, garbage not yet collected included, so an upper bound), every second, attached again whenever the worker was restarted; the file is ${fileMb.toFixed(0)} MB.`;
    return [
      single({ id: 'backup.restore', area: AREA, label: `restore with "replace" through the dashboard (preview, replace preview, import), ${size}`, unit: 's', note: 'file picked, both previews read the whole file, then the import; until "imported" shows.' }, restored.seconds),
      single({ id: 'backup.save', area: AREA, label: `save the backup from the export page, ${size}`, unit: 's' }, saved.seconds),
      single({ id: 'backup.restore.page', area: AREA, label: 'dashboard page, peak JS heap while restoring', unit: 'MB', note: heapNote }, restored.peaks[0]! / MB),
      single({ id: 'backup.save.page', area: AREA, label: 'dashboard page, peak JS heap while saving', unit: 'MB', note: heapNote }, saved.peaks[0]! / MB),
      single({ id: 'backup.restore.worker', area: AREA, label: 'background worker, peak JS heap while restoring', unit: 'MB', note: workerNote }, restored.peaks[1]! / MB),
      single({ id: 'backup.save.worker', area: AREA, label: 'background worker, peak JS heap while saving', unit: 'MB', note: workerNote }, saved.peaks[1]! / MB),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
