/**
 * Performance marks for the benchmark (`npm run bench`), which builds the extension with
 * `wxt build --mode bench` into `.output/chrome-mv3-bench`. In every other build the mode
 * comparison is a constant false, so the bundler drops the calls and the mark names entirely:
 * production bundles carry none of this (the benchmark checks that by searching them).
 *
 * The marks land in the page's performance timeline, which the page's main world shares with
 * the content script's isolated world, so the benchmark reads them from outside the extension.
 */
export type BenchMark = 'content-start' | 'content-main' | 'badge-visible';

export function benchMark(name: BenchMark): void {
  if (import.meta.env.MODE === 'bench') performance.mark(`tiekeeper:${name}`);
}
