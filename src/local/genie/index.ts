/**
 * The local Genie engine: a deterministic natural-language-to-SQL engine that
 * answers only from the space config and the warehouse, so the quality of the
 * config shows in the score. See DESIGN.md section 4.
 */
import type { Genie, GenieAnswer, Warehouse } from '../../ports.js';
import type { Space } from '../../space/schema.js';
import { buildCatalog, type Catalog, type TableInfo } from './catalog.js';
import { adaptExample, prepareExample, rankExamples, templateQuestion, type PreparedExample } from './examples.js';
import { buildLexicon, type Lexicon, type Target } from './lexicon.js';
import { link, targetKey, type Item, type Linked } from './linker.js';
import type { Plan } from './plan.js';
import { planQuery } from './planner.js';
import { hashString, mulberry32 } from './prng.js';
import { buildSql } from './sql-builder.js';
import { loadValues, locateQuoted, warehouseToday } from './value-dictionary.js';

export interface LocalGenieOptions {
  /** 0..1: probability of answering with the second-best interpretation. */
  noise?: number;
  seed?: number;
}

export type LocalGenie = Genie & { answer(question: string): Promise<GenieAnswer> };

/** Similarity above which an example's SQL is adapted instead of composing a query. */
export const EXAMPLE_THRESHOLD = 0.7;

/** A runaway query (a fan-out join on a wrong reading) fails fast instead of stalling a scoring run. */
const QUERY_TIMEOUT_MS = 5_000;

export async function createLocalGenie(
  space: Space,
  warehouse: Warehouse,
  options: LocalGenieOptions = {},
): Promise<LocalGenie> {
  const catalog = buildCatalog(space, await warehouse.schema());
  await loadValues(catalog, warehouse);
  const today = await warehouseToday(warehouse);
  const lexicon = buildLexicon(catalog);
  const examples: PreparedExample[] = catalog.examples.map((e) =>
    prepareExample(e, link(templateQuestion(e), lexicon, catalog, today), catalog),
  );
  const quotedCache = new Map<string, string | null>();
  const noise = Math.min(1, Math.max(0, options.noise ?? 0));
  let calls = 0;

  async function answer(question: string): Promise<GenieAnswer> {
    const linked = link(question, lexicon, catalog, today);
    await resolveQuoted(linked, catalog, warehouse, quotedCache);
    const rng = noise > 0 ? mulberry32(hashString(`${question}\u0000${options.seed ?? 0}\u0000${calls++}`)) : undefined;
    const flip = rng !== undefined && rng() < noise;
    // Only a close runner-up is a plausible second reading (a weak description hit is not).
    const ambiguous = linked.items
      .map((item, k) =>
        item.type === 'mention' &&
        item.candidates.length > 1 &&
        item.candidates[1].weight >= 0.75 * item.candidates[0].weight
          ? k
          : -1,
      )
      .filter((k) => k >= 0);
    const best = rankExamples(linked, examples)[0];
    const useExample = best !== undefined && best.score >= EXAMPLE_THRESHOLD;
    // The noise knob flips one decision: an ambiguous link, or whether to follow the example.
    const flipAt =
      flip && rng
        ? ambiguous.length > 0 && (!useExample || rng() < 0.5)
          ? ambiguous[Math.floor(rng() * ambiguous.length)]
          : -2
        : -1;
    const trace: Record<string, unknown> = { links: describeLinks(linked), flip: flip ? flipAt : undefined };

    let sql: string | undefined;
    const used: string[] = [];
    if (useExample && flipAt !== -2) {
      sql = adaptExample(best, linked, catalog);
      if (sql) {
        used.push(best.prepared.example.id);
        trace.example = { id: best.prepared.example.id, score: round(best.score) };
      }
    }
    if (!sql) {
      const outcome = planQuery(
        linked.items,
        catalog,
        {
          pick: (index, candidates) => (index === flipAt && candidates.length > 1 ? candidates[1] : candidates[0]),
        },
        linked.tokens,
      );
      trace.notes = outcome.notes;
      if (!outcome.plan) return { status: 'COMPLETED', text: outcome.clarify, instructionsUsed: [], trace };
      if (flipAt === -2 && !useExample) secondBest(outcome.plan);
      const built = buildSql(outcome.plan, catalog);
      trace.joins = built.joins;
      if (built.unreachable.length > 0) {
        trace.unreachable = built.unreachable.map((t) => t.identifier);
        return {
          status: 'COMPLETED',
          text: `How should ${built.unreachable.map((t) => t.name).join(', ')} relate to ${outcome.plan.base.name}? This space defines no join between them.`,
          instructionsUsed: built.usedIds,
          trace,
        };
      }
      if (built.chasm.length > 0) {
        // Joining two many sides multiplies rows: real Genie asks rather than guess, and the query could run away.
        trace.chasm = built.chasm.map((t) => t.identifier);
        return {
          status: 'COMPLETED',
          text: chasmQuestion(outcome.plan.base, built.chasm),
          instructionsUsed: [],
          trace,
        };
      }
      sql = built.sql;
      used.push(...built.usedIds);
    }
    trace.sql = sql;
    try {
      const result = await warehouse.execute(sql, { timeoutMs: QUERY_TIMEOUT_MS });
      return { status: 'COMPLETED', sql, result, instructionsUsed: [...new Set(used)].sort(), trace };
    } catch (error) {
      return {
        status: 'FAILED',
        sql,
        error: { type: 'SQL_EXECUTION_EXCEPTION', message: error instanceof Error ? error.message : String(error) },
        instructionsUsed: [...new Set(used)].sort(),
        trace,
      };
    }
  }

  return { answer, ask: (question: string) => answer(question) };
}

/** Turn quoted values into value mentions on the column that holds them (looked up in the warehouse). */
async function resolveQuoted(
  linked: Linked,
  catalog: Catalog,
  warehouse: Warehouse,
  cache: Map<string, string | null>,
): Promise<void> {
  for (let k = 0; k < linked.items.length; k++) {
    const item = linked.items[k];
    if (item.type !== 'quoted') continue;
    const near = [linked.items[k + 1], linked.items[k - 1]].flatMap((n) =>
      n?.type === 'mention' ? [n.candidates[0].target] : [],
    );
    const preferred = near
      .flatMap((t: Target) =>
        t.kind === 'table'
          ? [t.table.label, ...t.table.columns.filter((c) => c.entity)]
          : t.kind === 'column'
            ? [t.column]
            : [],
      )
      .filter((c): c is NonNullable<typeof c> => !!c);
    const hit = await locateQuoted(item.raw, preferred, catalog, warehouse, cache);
    if (hit)
      linked.items[k] = {
        type: 'mention',
        start: item.start,
        end: item.end,
        text: item.raw,
        candidates: [
          {
            target: { kind: 'value', column: hit.column, value: hit.value },
            weight: 1,
            source: 'quoted',
            words: [item.raw],
          },
        ],
      };
  }
}

function chasmQuestion(base: TableInfo, chasm: TableInfo[]): string {
  const names = chasm.map((t) => t.name).join(', ');
  return `${base.name} and ${names} both have many rows for each row they share, so combining them would count rows several times. Should I answer from ${base.name} or from ${names}?`;
}

/** With no ambiguous link to flip: forget the last filter, else misjudge the ranking size, else the grouping. */
function secondBest(plan: Plan): void {
  if (plan.where.length > 0) plan.where.pop();
  else if (plan.order?.limit) plan.order.limit += 1;
  else if (plan.dims.length > 0) plan.dims.pop();
  else if (plan.measures[0]?.kind === 'count') plan.measures[0] = { ...plan.measures[0], distinct: undefined };
}

function describeLinks(linked: Linked): unknown[] {
  return linked.items.map((item: Item) => {
    if (item.type === 'mention')
      return {
        text: item.text,
        to: item.candidates.map((c) => `${targetKey(c.target)} (${c.source} ${round(c.weight)})`),
      };
    if (item.type === 'marker') return { text: item.text, marker: item.marker.kind };
    if (item.type === 'date') return { date: item.range };
    if (item.type === 'compare') return { compare: `${item.op} ${item.value}` };
    if (item.type === 'top') return { top: item.n, dir: item.dir };
    if (item.type === 'number') return { number: item.value };
    if (item.type === 'quoted') return { quoted: item.raw, unresolved: true };
    return { word: item.text };
  });
}

const round = (x: number): number => Math.round(x * 100) / 100;

export type { Lexicon };
