import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
/** What users get (`npm run build`). */
export const PRODUCTION_DIR = path.join(ROOT, '.output/chrome-mv3');
/** The production build plus performance marks (`wxt build --mode bench`, see wxt.config.ts). */
export const BENCH_DIR = path.join(ROOT, '.output/chrome-mv3-bench');

function wxt(args: string[]): void {
  execFileSync(path.join(ROOT, 'node_modules/.bin/wxt'), args, { cwd: ROOT, stdio: 'pipe' });
}

/**
 * Builds what the benchmark loads. The production build is rebuilt unless `keepProduction` and
 * it exists (the end-to-end suite builds it before its tests); the bench build always, so that it
 * never lags behind the code.
 */
export function buildExtensions(options: { keepProduction: boolean }): void {
  if (!options.keepProduction || !existsSync(path.join(PRODUCTION_DIR, 'manifest.json'))) wxt(['build']);
  wxt(['build', '--mode', 'bench']);
}
