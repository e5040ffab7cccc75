import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './build';
import { markdownTable } from './figures';
import { AREAS, readmeTable, resultsMarkdown, runBenchmark, type AreaName } from './index';

/*
 * npm run bench [-- --quick] [-- --only badge,popup] [-- --out <dir>]
 * Builds the extension (production and bench builds), measures, and writes
 * bench/results.json and bench/results.md (or into --out). A complete run into bench/ also
 * puts its table into the README, between the bench-results markers.
 */

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string', default: '' },
    out: { type: 'string' },
  },
});

const only = (values.only ?? '')
  .split(',')
  .map((name) => name.trim())
  .filter((name) => name !== '');
const unknown = only.filter((name) => !(AREAS as readonly string[]).includes(name));
if (unknown.length > 0) {
  console.error(`Unknown area(s): ${unknown.join(', ')}. Areas: ${AREAS.join(', ')}.`);
  process.exit(2);
}

const results = await runBenchmark({
  quick: values.quick ?? false,
  only: only as AreaName[],
  log: (line) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`),
});
const out = values.out ? path.resolve(values.out) : path.join(ROOT, 'bench');
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(path.join(out, 'results.md'), resultsMarkdown(results));
const complete = !values.quick && only.length === 0 && !values.out && results.errors.length === 0;
if (complete) {
  const readme = path.join(ROOT, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const block = /(<!-- bench-results:start -->\n)[\s\S]*?(<!-- bench-results:end -->)/;
  if (block.test(text)) writeFileSync(readme, text.replace(block, (_, start: string, end: string) => `${start}${readmeTable(results)}\n${end}`));
}
console.log(`\n${markdownTable(results.figures)}\n`);
console.log(`Written to ${path.relative(process.cwd(), out) || '.'}/results.json and results.md in ${Math.round(results.seconds)} s.`);
if (results.errors.length > 0) {
  console.error(`${results.errors.length} area(s) failed: ${results.errors.map((e) => e.area).join(', ')}`);
  process.exitCode = 1;
}
