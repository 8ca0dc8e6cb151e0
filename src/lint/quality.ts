/**
 * The static quality score, 0..100 (README "Quality score" states the formula). Each category has a
 * measure (0..1) of how complete the config is, weighted by benchmark use where benchmarks exist; the
 * category score is 100 × measure minus points for defects found; the total is the weighted mean.
 * Gaps the measure already counts (checks marked `measured`) cost no points twice.
 */
import { joinText } from '../space/schema.js';
import { describedness } from './checks-coverage.js';
import { usableExample } from './checks-examples.js';
import { linkedPairs, neededPairs } from './checks-joins.js';
import { synonymCoverage } from './checks-synonyms.js';
import { normalizeQuestion, type LintContext, type TableInfo } from './context.js';
import {
  CATEGORIES,
  type Category,
  type CategoryScore,
  type Finding,
  type QualityScore,
  type Severity,
} from './types.js';

export const CATEGORY_WEIGHTS: Record<Category, number> = {
  coverage: 30,
  relationships: 20,
  semantics: 20,
  examples: 20,
  limits: 10,
};

/** Points a finding costs its category, by severity; info findings are advice and cost nothing. */
export const PENALTY: Record<Severity, number> = { error: 15, warning: 5, info: 0 };
/** One check costs at most this many findings' worth, so one noisy check cannot erase a category. */
export const MAX_PENALIZED_FINDINGS = 3;

function coverage(ctx: LintContext): number {
  if (ctx.tables.length === 0) return 0;
  const weighted = (items: { weight: number; value: number }[]) => {
    const total = items.reduce((n, i) => n + i.weight, 0);
    return total === 0 ? undefined : items.reduce((n, i) => n + i.weight * i.value, 0) / total;
  };
  const tables = weighted(
    ctx.tables.map((t) => ({ weight: 1 + t.uses, value: describedness(t.table.description, t.short) })),
  );
  const columns = weighted(
    ctx.tables.flatMap((t) =>
      [...t.columns.values()]
        .filter((c) => !c.hidden)
        .map((c) => ({ weight: 1 + c.uses, value: describedness(c.config.description, c.name) })),
    ),
  );
  return columns === undefined ? (tables ?? 0) : 0.4 * (tables ?? 0) + 0.6 * columns;
}

function relationships(ctx: LintContext): number {
  if (ctx.tables.length < 2) return 1;
  const needed = neededPairs(ctx);
  if (needed.size === 0) return 1;
  const linked = linkedPairs(ctx);
  return [...needed.keys()].filter((key) => linked.has(key)).length / needed.size;
}

function semantics(ctx: LintContext): number {
  if (ctx.tables.length === 0) return 0;
  const text = (ctx.space.instructions?.text_instructions ?? []).some((t) => joinText(t.content).trim() !== '');
  const snippets = ctx.snippets.filter((s) => s.shape !== null).length;
  const wanted = Math.max(2, Math.ceil(ctx.tables.length / 2));
  return 0.5 * synonymCoverage(ctx) + 0.2 * (text ? 1 : 0) + 0.3 * Math.min(1, snippets / wanted);
}

function examples(ctx: LintContext): number {
  if (ctx.tables.length === 0) return 0;
  const usable = ctx.examples.filter((_, i) => usableExample(ctx, i));
  const target = Math.min(10, Math.max(3, ctx.tables.length));
  const samples = new Set(
    (ctx.space.config?.sample_questions ?? []).map((q) => normalizeQuestion(joinText(q.question))).filter(Boolean),
  ).size;
  const read = new Set<TableInfo>();
  for (const item of [...usable, ...ctx.snippets.filter((s) => s.shape !== null)])
    for (const t of item.tables) read.add(t);
  return (
    0.6 * Math.min(1, usable.length / target) + 0.2 * Math.min(1, samples / 3) + 0.2 * (read.size / ctx.tables.length)
  );
}

const MEASURES: Record<Category, (ctx: LintContext) => number> = {
  coverage,
  relationships,
  semantics,
  examples,
  limits: () => 1,
};

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Scores a linted config; `measured` tells which check ids cost no points. */
export function qualityScore(
  ctx: LintContext,
  findings: readonly Finding[],
  measured: ReadonlySet<string>,
): QualityScore {
  const perCheck = new Map<string, Finding[]>();
  for (const f of findings) perCheck.set(f.check, [...(perCheck.get(f.check) ?? []), f]);
  const categories = {} as Record<Category, CategoryScore>;
  for (const category of CATEGORIES) {
    const measure = round1(100 * MEASURES[category](ctx));
    let penalty = 0;
    for (const [check, list] of perCheck) {
      if (measured.has(check) || list[0]!.category !== category) continue;
      penalty += PENALTY[list[0]!.severity] * Math.min(list.length, MAX_PENALIZED_FINDINGS);
    }
    categories[category] = { score: Math.max(0, round1(measure - penalty)), measure, penalty };
  }
  const score = round1(CATEGORIES.reduce((n, c) => n + CATEGORY_WEIGHTS[c] * categories[c].score, 0) / 100);
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return { score, categories, findings: { error: count('error'), warning: count('warning'), info: count('info') } };
}
