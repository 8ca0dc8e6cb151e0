/** Relationships: join specs for the tables questions combine, each with its relationship type. */
import type { Relationship } from '../fixes/fix-types.js';
import { lastPart, normalizeName } from '../sql/identifiers.js';
import { isRelationshipMarker, parseJoinCondition } from '../space/join-condition.js';
import type { JoinSpec } from '../space/schema.js';
import { pairKey, type JoinEvidence, type LintContext, type TableInfo } from './context.js';
import type { CheckDefinition, RawFinding } from './types.js';

export interface SpecInfo {
  index: number;
  path: string;
  spec: JoinSpec;
  left?: TableInfo;
  right?: TableInfo;
  /** The condition's columns, oriented as left = spec.left's table. */
  columns?: { left: string; right: string };
  hasMarker: boolean;
}

const squash = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');
const singular = (word: string): string =>
  word
    .replace(/ies$/, 'y')
    .replace(/(ss|x|ch|sh)es$/, '$1')
    .replace(/([^s])s$/, '$1');

/** A column that names its own table's key: `id`, `<table>_id`, `<singular table>_id`, `<table>Id`, `<table>_key`. */
export function isOwnKey(table: TableInfo, column: string): boolean {
  const c = squash(column);
  const names = [squash(table.short), squash(singular(table.short))];
  return c === 'id' || names.some((n) => c === `${n}id` || c === `${n}key`);
}

export function specInfos(ctx: LintContext): SpecInfo[] {
  return (ctx.space.instructions?.join_specs ?? []).map((spec, index) => {
    const info: SpecInfo = {
      index,
      path: `$.instructions.join_specs[${index}]`,
      spec,
      left: ctx.findTable(spec.left.identifier),
      right: ctx.findTable(spec.right.identifier),
      hasMarker: spec.sql.slice(1).some(isRelationshipMarker),
    };
    const condition = spec.sql[0] === undefined ? undefined : parseJoinCondition(spec.sql[0]);
    if (condition) {
      const leftAlias = normalizeName(spec.left.alias || lastPart(spec.left.identifier));
      const straight = normalizeName(condition.left.qualifier) === leftAlias;
      const [l, r] = straight ? [condition.left, condition.right] : [condition.right, condition.left];
      info.columns = { left: l.column, right: r.column };
    }
    return info;
  });
}

/** The relationship a key-naming convention implies, left to right; undefined when it says nothing. */
export function inferRelationship(info: SpecInfo, ctx: LintContext): Relationship | undefined {
  if (!info.left || !info.right || !info.columns) return undefined;
  const unique = (t: TableInfo, column: string): boolean => {
    const stats = ctx.warehouse?.stats.get(`${t.key}.${column.toLowerCase()}`);
    return stats ? stats.rows > 0 && stats.distinct === stats.rows : isOwnKey(t, column);
  };
  const l = unique(info.left, info.columns.left);
  const r = unique(info.right, info.columns.right);
  if (l && r) return 'ONE_TO_ONE';
  if (r) return 'MANY_TO_ONE';
  if (l) return 'ONE_TO_MANY';
  return undefined;
}

export interface NeededPair {
  key: string;
  evidence: JoinEvidence;
  /** Where the need shows: a JSON path in the space, or benchmarks / key names. */
  path: string;
  reason: string;
}

/** Column pairs that look like a key and a reference to it, by name alone. */
function inferredPairs(ctx: LintContext): NeededPair[] {
  const out: NeededPair[] = [];
  for (const owner of ctx.tables)
    for (const column of owner.columns.values()) {
      if (squash(column.key) === 'id' || !isOwnKey(owner, column.key)) continue;
      for (const other of ctx.tables) {
        if (other === owner || isOwnKey(other, column.key) || !other.columns.has(column.key)) continue;
        out.push({
          key: pairKey(owner, other),
          evidence: { left: { table: other, column: column.name }, right: { table: owner, column: column.name } },
          path: other.path,
          reason: `${other.short}.${column.name} looks like a reference to the key of ${owner.short}`,
        });
      }
    }
  return out;
}

/** Table pairs the config or the benchmarks combine, first evidence per pair. */
export function neededPairs(ctx: LintContext): Map<string, NeededPair> {
  const needed = new Map<string, NeededPair>();
  const add = (pair: NeededPair) => {
    if (!needed.has(pair.key)) needed.set(pair.key, pair);
  };
  for (const item of [...ctx.examples, ...ctx.snippets])
    for (const [key, evidence] of item.pairs)
      add({ key, evidence, path: item.path, reason: `this ${item.kind} joins them` });
  const counts = new Map<string, { n: number; evidence: JoinEvidence }>();
  for (const { item } of ctx.benchmarkSql)
    for (const [key, evidence] of item.pairs)
      counts.set(key, { n: (counts.get(key)?.n ?? 0) + 1, evidence: counts.get(key)?.evidence ?? evidence });
  for (const [key, { n, evidence }] of counts)
    add({ key, evidence, path: evidence.left.table.path, reason: `${n} benchmark question(s) join them` });
  for (const pair of inferredPairs(ctx)) add(pair);
  return needed;
}

export function linkedPairs(ctx: LintContext): Set<string> {
  const linked = new Set<string>();
  for (const info of specInfos(ctx)) if (info.left && info.right) linked.add(pairKey(info.left, info.right));
  return linked;
}

const q = (name: string) => `\`${name}\``;

export const JOIN_CHECKS: CheckDefinition<LintContext>[] = [
  {
    id: 'join-spec-missing',
    severity: 'warning',
    category: 'relationships',
    measured: true,
    title: 'Tables used together have no join spec',
    run: (ctx) => {
      const linked = linkedPairs(ctx);
      return [...neededPairs(ctx).values()]
        .filter((pair) => !linked.has(pair.key))
        .map((pair) => {
          const { left, right } = pair.evidence;
          return {
            path: pair.path,
            message: `${left.table.identifier} and ${right.table.identifier} have no join spec, but ${pair.reason}`,
            fix: `add a join spec ${q(left.table.short)}.${q(left.column)} = ${q(right.table.short)}.${q(right.column)} with its relationship marker (e.g. --rt=FROM_RELATIONSHIP_TYPE_MANY_TO_ONE--)`,
          };
        });
    },
  },
  {
    id: 'join-relationship-missing',
    severity: 'error',
    category: 'relationships',
    fixable: true,
    title: 'A join spec has no relationship type',
    run: (ctx) =>
      specInfos(ctx)
        .filter((info) => !info.hasMarker)
        .map((info) => {
          const inferred = inferRelationship(info, ctx);
          return {
            path: `${info.path}.sql`,
            message:
              'no relationship marker: Genie cannot tell one-to-many from many-to-many, and exports without it have failed to import',
            fix: inferred
              ? `add "--rt=FROM_RELATIONSHIP_TYPE_${inferred}--" (inferred from the key names; \`lint --fix\` adds it)`
              : 'add "--rt=FROM_RELATIONSHIP_TYPE_<MANY_TO_ONE|ONE_TO_MANY|ONE_TO_ONE|MANY_TO_MANY>--" as its second item',
          };
        }),
  },
  {
    id: 'join-spec-duplicate',
    severity: 'warning',
    category: 'relationships',
    title: 'Two join specs join the same columns',
    run: (ctx) => {
      const seen = new Map<string, SpecInfo>();
      const out: RawFinding[] = [];
      for (const info of specInfos(ctx)) {
        if (!info.left || !info.right || !info.columns) continue;
        const sides = [
          `${info.left.key}.${info.columns.left.toLowerCase()}`,
          `${info.right.key}.${info.columns.right.toLowerCase()}`,
        ].sort();
        const key = sides.join('=');
        const first = seen.get(key);
        if (!first) {
          seen.set(key, info);
          continue;
        }
        out.push({
          path: info.path,
          message: `joins the same columns as ${first.path}: Genie sees two relationships for one key and may pick either`,
          fix: 'keep one join spec per key (with the right relationship type) and delete the other',
        });
      }
      return out;
    },
  },
  {
    id: 'table-isolated',
    severity: 'info',
    category: 'relationships',
    measured: true,
    title: 'A table no join spec reaches',
    run: (ctx) => {
      if (ctx.tables.length < 2) return [];
      const touched = new Set<TableInfo>();
      for (const info of specInfos(ctx)) for (const t of [info.left, info.right]) if (t) touched.add(t);
      return ctx.tables
        .filter((t) => !touched.has(t))
        .map((t) => ({
          path: t.path,
          message: `no join spec links ${t.identifier} to another table of the space`,
          fix: 'add a join spec to the table it references (or that references it), or remove the table if no question needs it',
          uses: t.uses,
        }));
    },
  },
];
