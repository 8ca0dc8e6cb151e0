/** Small formatting helpers shared by the scorecard renderers. */
import type { SplitTotals } from '../scoring/scorecard.js';
import { pct } from '../util/percent.js';

/** GitHub's limit on a PR body or comment. */
export const GITHUB_COMMENT_LIMIT = 65_536;

/** A fraction as a percentage: util/percent.ts, under the name the renderers use. */
const percent = pct;
export { percent };

/**
 * A score with its counts: `80.0% (8/10)`; `87.5% (7/8, 2 errored)` when questions errored (the
 * score is over answered questions); `; 1 broken` when benchmarks were left out; a dash without questions.
 */
export function scoreText(t: SplitTotals): string {
  const broken = t.broken ? `; ${t.broken} broken` : '';
  if (t.total === 0) return broken ? `– (${broken.slice(2)})` : '–';
  const answered = t.answered ?? t.total;
  if (answered === 0) return `– (${t.errored} errored${broken})`;
  return `${percent(t.score)} (${t.passed}/${answered}${t.errored ? `, ${t.errored} errored` : ''}${broken})`;
}

/** A change in percentage points with an explicit sign. */
export function pointsDelta(head: number, base: number): string {
  const d = Math.round((head - base) * 1000) / 10;
  if (d === 0) return '±0.0 pp';
  return `${d > 0 ? '+' : '−'}${Math.abs(d).toFixed(1)} pp`;
}

export function shortHash(hash: string): string {
  const bare = hash.includes(':') ? hash.slice(hash.indexOf(':') + 1) : hash;
  return bare.slice(0, 8);
}

export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Text safe inside a Markdown table cell (and free of raw HTML). */
export function cell(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A table cell of plain text, pipes escaped and cut to `max` characters (run histories, rollback rows). */
export function shortCell(text: string, max: number): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').slice(0, max);
}

/** Inline code that survives backticks in the content. */
export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${fence.length > 1 ? ' ' : ''}${text}${fence.length > 1 ? ' ' : ''}${fence}`;
}

/** How many of `rows` (each followed by a newline) fit in `budget` characters. */
export function rowsWithin(rows: readonly string[], budget: number): number {
  let used = 0;
  for (let i = 0; i < rows.length; i++) {
    used += rows[i].length + 1;
    if (used > budget) return i;
  }
  return rows.length;
}

/** `1 retry`, `2 retries`. */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}

export function padRight(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}
