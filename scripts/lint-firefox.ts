/**
 * Mozilla's add-on linter on the Firefox zip, as addons.mozilla.org runs it. Errors fail; so does
 * any warning that is not one of the explained ones below (README, "Firefox"), each recognised
 * by the code it points at, so that a new warning of the same kind elsewhere still fails.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
const zip = path.join(root, '.output', `tiekeeper-${version}-firefox.zip`);
const unpacked = path.join(root, '.output', 'firefox-mv3');

interface Message {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

const EXPLAINED: { code: string; why: string; matches: (before: string, at: string) => boolean }[] = [
  {
    code: 'DANGEROUS_EVAL',
    why: 'zod asks whether eval is allowed (`Function("")` in a try); the extension CSP forbids it, so zod validates without generated code',
    matches: (_before, at) => at.includes('Function(``),!0}catch'),
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    why: 'React DOM’s support for dangerouslySetInnerHTML, which Tiekeeper never uses (a lint rule forbids it)',
    matches: (before, at) => at.includes('.innerHTML=n)') && before.includes('.__html'),
  },
];

/** The bundled code a message points at: up to 200 characters before it, and 40 from it. */
function sourceAt(message: Message): { before: string; at: string } {
  if (!message.file || !message.line || message.column === undefined) return { before: '', at: '' };
  const line = readFileSync(path.join(unpacked, message.file), 'utf8').split('\n')[message.line - 1] ?? '';
  const start = Math.max(0, message.column - 2);
  return { before: line.slice(Math.max(0, start - 200), start), at: line.slice(start, start + 40) };
}

readdirSync(unpacked); // fails with a clear error when the build is missing
let output: string;
try {
  output = execFileSync(path.join(root, 'node_modules/.bin/addons-linter'), ['--output', 'json', zip], { encoding: 'utf8' });
} catch (error) {
  // The linter exits non-zero when it finds errors; its report is still on stdout.
  output = (error as { stdout?: string }).stdout ?? '';
  if (!output) throw error;
}
const report = JSON.parse(output) as { errors: Message[]; warnings: Message[]; notices: Message[] };
const unexplained = report.warnings.filter((warning) => {
  const { before, at } = sourceAt(warning);
  return !EXPLAINED.some((e) => e.code === warning.code && e.matches(before, at));
});
const describe = (m: Message) => `  ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}:${m.column}` : ''} ${m.message}`;
console.log(`addons-linter on ${path.relative(root, zip)}: ${report.errors.length} errors, ${report.warnings.length} warnings (${report.warnings.length - unexplained.length} explained), ${report.notices.length} notices`);
for (const warning of report.warnings.filter((w) => !unexplained.includes(w))) {
  console.log(`${describe(warning)}\n    explained: ${EXPLAINED.find((e) => e.code === warning.code)!.why}`);
}
if (report.errors.length > 0 || unexplained.length > 0) {
  console.error(['Errors:', ...report.errors.map(describe), 'Unexplained warnings:', ...unexplained.map(describe)].join('\n'));
  process.exit(1);
}
