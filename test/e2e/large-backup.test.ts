import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { pageHeapAfterGc } from '../../bench/browser';
import { writeLargeBackup } from '../../bench/large-backup';
import { Harness, harnessForAllTests } from './harness';
import { DashboardPage } from './page-objects';

const PEOPLE = 50_000;
const NOTES = 500_000;
const MB = 1024 * 1024;
/** Whole minutes for what a user of such a database waits for; the run asserts no speed. */
const LONG = 10 * 60_000;

/** A file's bytes after its header, hashed: two backups of the same data differ only in `exportedAt`. */
async function dataHash(path: string): Promise<string> {
  const hash = createHash('sha256');
  let header = true;
  for await (const chunk of createReadStream(path)) {
    let bytes = chunk as Buffer;
    if (header) {
      const at = bytes.indexOf('"data":');
      expect(at).toBeGreaterThan(0);
      bytes = bytes.subarray(at);
      header = false;
    }
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/**
 * The highest live JS heap seen while `work` runs: sampled every second after a full garbage
 * collection, since what a busy page has used and not yet collected says nothing about what it
 * keeps.
 */
async function peakHeap<T>(read: () => Promise<number>, work: () => Promise<T>): Promise<{ peak: number; value: T }> {
  let peak = await read();
  let running = true;
  const sampling = (async () => {
    while (running) {
      peak = Math.max(peak, await read().catch(() => 0));
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  })();
  try {
    return { peak, value: await work() };
  } finally {
    running = false;
    await sampling;
  }
}

describe('a backup of 50,000 people with 500,000 notes', () => {
  let harness: Harness;
  harnessForAllTests(async () => (harness = await Harness.start()));
  const dir = mkdtempSync(join(tmpdir(), 'tiekeeper-large-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    'restores with "replace", exports, restores that export and exports the same again, the page reading it in bounded memory',
    async () => {
      const generated = join(dir, 'generated.json');
      const bytes = await writeLargeBackup(generated, { contacts: PEOPLE, notes: NOTES, now: Date.UTC(2026, 11, 1) });
      expect(bytes).toBeGreaterThan(200 * MB);

      const dashboard = await DashboardPage.open(harness, '#/import');
      const pageCdp: CDPSession = await harness.cdp(dashboard.page);
      const pageHeap = () => pageHeapAfterGc(pageCdp);

      // The page's heap is measured while it reads the file for the preview: once the import
      // is done, the dashboard's list and search hold every contact and note by design.
      const restore = async (path: string) => {
        const start = performance.now();
        const preview = await peakHeap(pageHeap, () => dashboard.previewFile({ path }, LONG));
        const done = await (await dashboard.confirmImport(preview.value, { mode: 'Replace', timeout: LONG })).textContent();
        console.log(`restored ${path} in ${((performance.now() - start) / 1000).toFixed(1)} s`);
        return { page: preview.peak, done };
      };
      const save = async (name: string) => {
        const start = performance.now();
        const download = await dashboard.startBackupDownload(LONG);
        const path = join(dir, name);
        await download.saveAs(path);
        console.log(`exported ${name} in ${((performance.now() - start) / 1000).toFixed(1)} s`);
        return path;
      };

      const first = await restore(generated);
      expect(first.done).toContain(`Contacts${PEOPLE.toLocaleString('en-GB')}`);
      expect(first.done).toContain(`Notes${NOTES.toLocaleString('en-GB')}`);
      const before = await save('before.json');
      expect(statSync(before).size).toBeGreaterThan(bytes);

      await restore(before);
      const after = await save('after.json');
      expect(await dataHash(after)).toBe(await dataHash(before));

      // The page does not hold the file: read whole, it would take more than its size. Reading
      // into an empty database, it holds no more than a few pieces of it.
      const fileMb = statSync(before).size / MB;
      expect(first.page / MB).toBeLessThan(fileMb / 4);
      console.log(`large backup: ${fileMb.toFixed(0)} MB; the page's live heap at most ${(first.page / MB).toFixed(0)} MB while reading it`);
    },
    4 * LONG,
  );
});
