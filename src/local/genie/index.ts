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
import { hashString, mulberry32 } from '../../util/seeded-random.js';
import { buildSql } from './sql-builder.js';
import { loadValues, locateQuoted, warehouseToday } from './value-dictionary.js';
import { messageOf } from '../../errors.js';

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
  const engine: Engine = {
    catalog,
    lexicon,
    today,
    warehouse,
    examples: catalog.examples.map((e) =>
      prepareExample(e, link(templateQuestion(e), lexicon, catalog, today), catalog),
    ),
    quotedCache: new Map(),
    noise: Math.min(1, Math.max(0, options.noise ?? 0)),
    seed: options.seed ?? 0,
    calls: 0,
  };
  const answer = (question: string): Promise<GenieAnswer> => answerQuestion(engine, question);
  return { answer, ask: answer };
}

/** What one engine keeps between questions: the config's catalog and the count of questions asked (for noise). */
interface Engine {
  catalog: Catalog;
  lexicon: Lexicon;
  today: string;
  warehouse: Warehouse;
  examples: PreparedExample[];
  quotedCache: Map<string, string | null>;
  noise: number;
  seed: number;
  calls: number;
}

type Trace = Record<string, unknown>;
/** SQL to run and the config ids it used, or an answer in words (a clarifying question). */
type Composed = { sql: string; used: string[] } | { text: string | undefined; used: string[] };

async function answerQuestion(engine: Engine, question: string): Promise<GenieAnswer> {
  const linked = link(question, engine.lexicon, engine.catalog, engine.today);
  await resolveQuoted(linked, engine.catalog, engine.warehouse, engine.quotedCache);
  const rng =
    engine.noise > 0 ? mulberry32(hashString(`${question}\u0000${engine.seed}\u0000${engine.calls++}`)) : undefined;
  const flip = rng !== undefined && rng() < engine.noise;
  const best = rankExamples(linked, engine.examples)[0];
  const useExample = best !== undefined && best.score >= EXAMPLE_THRESHOLD;
  const flipAt = flip && rng ? flipPoint(linked, useExample, rng) : -1;
  const trace: Trace = { links: describeLinks(linked), flip: flip ? flipAt : undefined };
  let composed: Composed | undefined;
  if (useExample && flipAt !== -2) {
    const sql = adaptExample(best, linked, engine.catalog);
    if (sql) {
      composed = { sql, used: [best.prepared.example.id] };
      trace.example = { id: best.prepared.example.id, score: round(best.score) };
    }
  }
  composed ??= compose(engine.catalog, linked, flipAt, flipAt === -2 && !useExample, trace);
  if (!('sql' in composed)) return { status: 'COMPLETED', text: composed.text, instructionsUsed: composed.used, trace };
  return run(engine.warehouse, composed.sql, composed.used, trace);
}

/**
 * The noise knob flips one decision: an ambiguous link (its item index), or whether to follow the
 * example (-2). Only a close runner-up is a plausible second reading (a weak description hit is not).
 */
function flipPoint(linked: Linked, useExample: boolean, rng: () => number): number {
  const ambiguous = linked.items
    .map((item, k) =>
      item.type === 'mention' &&
      item.candidates.length > 1 &&
      item.candidates[1].weight >= 0.75 * item.candidates[0].weight
        ? k
        : -1,
    )
    .filter((k) => k >= 0);
  return ambiguous.length > 0 && (!useExample || rng() < 0.5) ? ambiguous[Math.floor(rng() * ambiguous.length)] : -2;
}

/** Plan a query from the linked question and write its SQL, or say why it cannot. */
function compose(catalog: Catalog, linked: Linked, flipAt: number, misjudge: boolean, trace: Trace): Composed {
  const outcome = planQuery(
    linked.items,
    catalog,
    { pick: (index, candidates) => (index === flipAt && candidates.length > 1 ? candidates[1] : candidates[0]) },
    linked.tokens,
  );
  trace.notes = outcome.notes;
  if (!outcome.plan) return { text: outcome.clarify, used: [] };
  if (misjudge) secondBest(outcome.plan);
  const built = buildSql(outcome.plan, catalog);
  trace.joins = built.joins;
  if (built.unreachable.length > 0) {
    trace.unreachable = built.unreachable.map((t) => t.identifier);
    const names = built.unreachable.map((t) => t.name).join(', ');
    const text = `How should ${names} relate to ${outcome.plan.base.name}? This space defines no join between them.`;
    return { text, used: built.usedIds };
  }
  if (built.chasm.length > 0) {
    // Joining two many sides multiplies rows: real Genie asks rather than guess, and the query could run away.
    trace.chasm = built.chasm.map((t) => t.identifier);
    return { text: chasmQuestion(outcome.plan.base, built.chasm), used: [] };
  }
  return { sql: built.sql, used: built.usedIds };
}

async function run(warehouse: Warehouse, sql: string, used: string[], trace: Trace): Promise<GenieAnswer> {
  trace.sql = sql;
  const instructionsUsed = [...new Set(used)].sort();
  try {
    const result = await warehouse.execute(sql, { timeoutMs: QUERY_TIMEOUT_MS });
    return { status: 'COMPLETED', sql, result, instructionsUsed, trace };
  } catch (error) {
    return {
      status: 'FAILED',
      sql,
      error: { type: 'SQL_EXECUTION_EXCEPTION', message: messageOf(error) },
      instructionsUsed,
      trace,
    };
  }
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
