/** What the benchmark reports: one figure per measured quantity, with its spread and target. */

export interface Spread {
  min: number;
  max: number;
  p90: number;
  /** How many samples. */
  n: number;
}

export type Unit = 'ms' | 's' | 'kB' | 'MB' | 'count' | 'ratio' | '%';

export interface Target {
  /** The value must be at most this (in the figure's unit). */
  max: number;
  /** Where the target comes from, e.g. "issue 9". */
  source: string;
}

export type Status = 'pass' | 'miss' | 'info' | 'n/a';

export interface Figure {
  /** Stable machine-readable key, e.g. `badge.warm.10k`. */
  id: string;
  /** The numbered area of the benchmark, e.g. "2. Content-script start to badge". */
  area: string;
  label: string;
  unit: Unit;
  /** The median; null when the figure could not be measured (see `note`). */
  value: number | null;
  spread?: Spread;
  target?: Target;
  status: Status;
  /** How it was measured, or why it is missing. */
  note?: string;
}

export function median(samples: readonly number[]): number {
  return quantile(samples, 0.5);
}

/** Linear interpolation between the closest ranks. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (position - lower);
}

export function spread(samples: readonly number[]): Spread {
  return { min: Math.min(...samples), max: Math.max(...samples), p90: quantile(samples, 0.9), n: samples.length };
}

export interface FigureInput {
  id: string;
  area: string;
  label: string;
  unit: Unit;
  target?: Target;
  note?: string;
}

/** A figure from samples: median with spread, judged against the target when there is one. */
export function fromSamples(input: FigureInput, samples: readonly number[]): Figure {
  if (samples.length === 0 || samples.some((s) => !Number.isFinite(s))) {
    throw new Error(`${input.id}: no or non-finite samples (${samples.join(', ')})`);
  }
  const value = median(samples);
  return { ...input, value, spread: spread(samples), status: judge(value, input.target) };
}

/** A single measured value (a count, a size): no spread. */
export function single(input: FigureInput, value: number): Figure {
  if (!Number.isFinite(value)) throw new Error(`${input.id}: non-finite value ${value}`);
  return { ...input, value, status: judge(value, input.target) };
}

/** A figure that could not be measured here, and why. */
export function unavailable(input: FigureInput, reason: string): Figure {
  return { ...input, value: null, status: 'n/a', note: reason };
}

function judge(value: number, target: Target | undefined): Status {
  if (!target) return 'info';
  return value <= target.max ? 'pass' : 'miss';
}

const DECIMALS: Record<Unit, number> = { ms: 1, s: 2, kB: 1, MB: 2, count: 0, ratio: 2, '%': 1 };

export function formatValue(value: number, unit: Unit): string {
  const digits = unit === 'ms' && Math.abs(value) < 1 ? 3 : DECIMALS[unit];
  const text = value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return unit === 'count' ? text : unit === 'ratio' ? `${text}×` : `${text} ${unit}`;
}

export function formatSpread(figure: Figure): string {
  if (!figure.spread || figure.value === null) return '';
  const { min, max, p90, n } = figure.spread;
  const digits = figure.unit === 'ms' && Math.abs(max) < 1 ? 3 : DECIMALS[figure.unit];
  const f = (v: number) => v.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `${f(min)}–${f(max)}, p90 ${f(p90)} (n=${n})`;
}

const STATUS_TEXT: Record<Status, string> = { pass: 'pass', miss: '**miss**', info: '–', 'n/a': 'not available' };

/** The results as a markdown table, grouped by area. */
export function markdownTable(figures: readonly Figure[]): string {
  const escape = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
  const lines = ['| figure | median | spread (min–max, p90) | target | result |', '|---|---:|---|---:|---|'];
  let area = '';
  for (const figure of figures) {
    if (figure.area !== area) {
      area = figure.area;
      lines.push(`| **${escape(area)}** | | | | |`);
    }
    const value = figure.value === null ? '–' : formatValue(figure.value, figure.unit);
    const target = figure.target ? `≤ ${formatValue(figure.target.max, figure.unit)}` : '';
    lines.push(`| ${escape(figure.label)} | ${value} | ${formatSpread(figure)} | ${target} | ${STATUS_TEXT[figure.status]} |`);
  }
  return lines.join('\n');
}

/** Notes under the table: how each figure was measured, or why it is missing. */
export function markdownNotes(figures: readonly Figure[]): string {
  return figures
    .filter((f) => f.note)
    .map((f) => `- **${f.label}**: ${f.note}`)
    .join('\n');
}
