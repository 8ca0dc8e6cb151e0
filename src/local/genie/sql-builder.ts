/**
 * Plan -> SQL (Databricks-flavoured, also valid on the local warehouse):
 * three-part table names with short aliases, joins along join specs,
 * snippet SQL rewritten to those aliases.
 */
import type { ColumnInfo, Catalog, SnippetInfo, TableInfo } from './catalog.js';
import { escapeRe } from './catalog.js';
import { bucketExpression, dateCondition } from './dates.js';
import { isFanOut, joinPath, type JoinStep } from './join-graph.js';
import type { Condition, Dimension, Measure, Plan } from './plan.js';
import { pickDateColumn } from './date-column.js';
import { splitIdentifier } from './text.js';

export interface BuiltSql {
  sql: string;
  usedIds: string[];
  joins: string[];
  unreachable: TableInfo[];
  /** Tables joinable only through two many sides (a fan-out trap): the SQL would multiply rows. */
  chasm: TableInfo[];
}

const ident = (name: string): string =>
  /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
const literal = (v: string): string => `'${v.replace(/'/g, "''")}'`;
const snake = (text: string): string => splitIdentifier(text).join('_') || 'value';

class Scope {
  readonly aliases = new Map<TableInfo, string>();
  add(table: TableInfo): string {
    const existing = this.aliases.get(table);
    if (existing) return existing;
    const initials =
      splitIdentifier(table.name)
        .map((p) => p[0])
        .join('') || 't';
    let alias = initials;
    for (let n = 2; [...this.aliases.values()].includes(alias); n++) alias = `${initials}${n}`;
    this.aliases.set(table, alias);
    return alias;
  }
  /** An alias for a table inside a subquery, unused by the outer query. */
  fresh(table: TableInfo): string {
    const initials =
      splitIdentifier(table.name)
        .map((p) => p[0])
        .join('') || 't';
    const taken = new Set([...this.aliases.values(), ...this.extra]);
    let alias = `${initials}x`;
    for (let n = 2; taken.has(alias); n++) alias = `${initials}x${n}`;
    this.extra.push(alias);
    return alias;
  }
  private readonly extra: string[] = [];
  col(c: ColumnInfo): string {
    return `${this.aliases.get(c.table) ?? this.add(c.table)}.${ident(c.name)}`;
  }
  /** Rewrite table-qualified column references in snippet SQL to this query's aliases. */
  snippet(s: SnippetInfo): string {
    let sql = s.sql.replace(/`/g, '');
    for (const t of s.tables) {
      const alias = this.aliases.get(t) ?? this.add(t);
      sql = sql.replace(
        new RegExp(`(^|[^\\w.])(?:${escapeRe(t.identifier)}|${escapeRe(t.name)})\\.(?=\\w)`, 'gi'),
        `$1${alias}.`,
      );
    }
    return sql;
  }
}

export function buildSql(plan: Plan, catalog: Catalog): BuiltSql {
  const { steps, unreachable, chasm } = planJoins(plan, catalog);
  const w = new PlanSql(plan, catalog, steps);
  const isRatio = plan.measures.length === 1 && plan.measures[0].kind === 'tableRatio' && plan.dims.length === 0;
  const fromSql =
    `${plan.base.identifier} AS ${w.scope.aliases.get(plan.base)}` + steps.map((s) => joinSql(s, w.scope)).join('');
  const whereParts = plan.where.map((c) => w.cond(c));
  const whereSql = whereParts.length > 0 ? `\nWHERE ${whereParts.join('\n  AND ')}` : '';
  for (const step of steps) w.used.add(step.edge.id);
  const sql = isRatio
    ? `SELECT ${w.measure(plan.measures[0])} AS ratio`
    : plan.measures.length === 0
      ? listingSql(w, plan, fromSql, whereSql)
      : aggregateSql(w, plan, fromSql, whereSql);
  return { sql, usedIds: [...w.used], joins: steps.map((s) => `${s.from.name}->${s.to.name}`), unreachable, chasm };
}

/** The joins from the base table to every table the plan needs. */
function planJoins(plan: Plan, catalog: Catalog): ReturnType<typeof joinPath> {
  const needed = neededTables(plan);
  const joined = joinPath(plan.base, needed, catalog);
  // A table joined only to require partner rows is dropped rather than guessed through a chasm or asked about.
  const optional = new Set((plan.require ?? []).filter((t) => !neededTables({ ...plan, require: [] }).includes(t)));
  return optional.size > 0 && [...joined.unreachable, ...joined.chasm].some((t) => optional.has(t))
    ? joinPath(
        plan.base,
        needed.filter((t) => !optional.has(t)),
        catalog,
      )
    : joined;
}

/** Writes the parts of one plan's SQL in one scope of aliases, noting the config ids it uses. */
class PlanSql {
  readonly used = new Set<string>();
  readonly scope = new Scope();
  /** Joins that only look up the one side of a many-to-one keep the base rows unique: COUNT(*) stays exact. */
  private readonly fansOut: boolean;

  constructor(
    private readonly plan: Plan,
    private readonly catalog: Catalog,
    readonly steps: JoinStep[],
  ) {
    this.scope.add(plan.base);
    for (const step of steps) this.scope.add(step.to);
    this.fansOut = steps.some((st) => isFanOut(st.edge, st.from, st.to));
  }

  measure(m: Measure): string {
    const scope = this.scope;
    switch (m.kind) {
      case 'count': {
        const a = scope.aliases.get(m.table) ?? scope.add(m.table);
        if (m.distinct) return `COUNT(DISTINCT ${scope.col(m.distinct)})`;
        const exact = m.table === this.plan.base && !this.fansOut;
        return this.steps.length > 0 && !exact && m.table.key
          ? `COUNT(DISTINCT ${a}.${ident(m.table.key.name)})`
          : 'COUNT(*)';
      }
      case 'agg':
        return `${m.fn}(${scope.col(m.column)})`;
      case 'snippet':
        this.used.add(m.snippet.id);
        return scope.snippet(m.snippet);
      case 'share':
        return `${m.percent ? '100.0' : '1.0'} * SUM(CASE WHEN ${this.cond(m.condition)} THEN 1 ELSE 0 END) / COUNT(*)`;
      case 'tableRatio':
        return `${m.percent ? '100.0' : '1.0'} * (${this.subCount(m.numerator)}) / (${this.subCount(m.denominator)})`;
    }
  }

  /** A whole table's row count, under the plan's date conditions, for a ratio of two tables. */
  private subCount(table: TableInfo): string {
    const dateConds = this.plan.where.filter((w) => w.kind === 'date');
    const col = pickDateColumn(table, this.catalog);
    const conds = dateConds
      .map((w) => (w.kind === 'date' && col ? dateCondition(w.range, `${table.identifier}.${ident(col.name)}`) : ''))
      .filter(Boolean);
    return `SELECT COUNT(*) FROM ${table.identifier}${conds.length ? ` WHERE ${conds.join(' AND ')}` : ''}`;
  }

  cond(c: Condition): string {
    const scope = this.scope;
    switch (c.kind) {
      case 'value':
        if (c.values.length === 1) return `${scope.col(c.column)} ${c.negate ? '<>' : '='} ${literal(c.values[0])}`;
        return `${scope.col(c.column)} ${c.negate ? 'NOT IN' : 'IN'} (${c.values.map(literal).join(', ')})`;
      case 'compare':
        return c.against === 'avg'
          ? `${scope.col(c.column)} ${c.op} (SELECT AVG(${ident(c.column.name)}) FROM ${c.column.table.identifier})`
          : `${scope.col(c.column)} ${c.op} ${c.value}`;
      case 'bool':
        return `${scope.col(c.column)} = ${c.negate ? 0 : 1}`;
      case 'snippet':
        this.used.add(c.snippet.id);
        return c.negate ? `NOT (${scope.snippet(c.snippet)})` : `(${scope.snippet(c.snippet)})`;
      case 'date':
        return dateCondition(c.range, scope.col(c.column));
      case 'absent':
        return absentSql(c.parent, c.child, scope, this.catalog, this.used);
    }
  }

  dim(d: Dimension): string {
    if (d.kind === 'snippet') {
      this.used.add(d.snippet.id);
      return this.scope.snippet(d.snippet);
    }
    const col = this.scope.col(d.column);
    return d.bucket && d.bucket !== 'day'
      ? bucketExpression(d.bucket, col)
      : d.bucket === 'day' && d.column.type === 'timestamp'
        ? `to_date(${col})`
        : col;
  }
}

const dimName = (d: Dimension): string =>
  d.kind === 'snippet' ? snake(d.snippet.name) : d.bucket ? (d.bucket === 'day' ? 'day' : d.bucket) : d.column.name;

/** No aggregate: the selected columns, each row once when joined many sides only filter. */
function listingSql(w: PlanSql, plan: Plan, fromSql: string, whereSql: string): string {
  const cols = plan.select.map((c) => w.scope.col(c));
  // Rows of a joined many side only filter ("organizations with authors who ..."): each listed row once.
  const manySide = manyTables(w.steps);
  const distinct = plan.distinct || (manySide.size > 0 && plan.select.every((c) => !manySide.has(c.table)));
  let sql = `SELECT ${distinct ? 'DISTINCT ' : ''}${cols.join(', ')}\nFROM ${fromSql}${whereSql}`;
  if (plan.order && typeof plan.order.target === 'object')
    sql += `\nORDER BY ${w.scope.col(plan.order.target)} ${plan.order.dir}${plan.order.limit ? `\nLIMIT ${plan.order.limit}` : ''}`;
  return sql;
}

function aggregateSql(w: PlanSql, plan: Plan, fromSql: string, whereSql: string): string {
  const dimExprs = plan.dims.map((d) => ({ expr: w.dim(d), name: dimName(d) }));
  const measureExprs = plan.measures.map((m, k) => ({ expr: w.measure(m), name: measureName(m, k) }));
  if (plan.averageOver) {
    // "average messages per channel": the average of per-group values.
    const group = w.dim(plan.averageOver);
    const inner = `SELECT ${group} AS grp, ${measureExprs[0].expr} AS value\n  FROM ${fromSql}${whereSql.replace(/\n/g, '\n  ')}\n  GROUP BY ${group}`;
    return `SELECT AVG(value) AS avg_${measureExprs[0].name}\nFROM (\n  ${inner}\n) AS per_group`;
  }
  const select = [
    ...dimExprs.map((d) => `${d.expr} AS ${ident(d.name)}`),
    ...measureExprs.map((m) => `${m.expr} AS ${ident(m.name)}`),
  ];
  let sql = `SELECT ${select.join(', ')}\nFROM ${fromSql}${whereSql}`;
  if (dimExprs.length > 0) sql += `\nGROUP BY ${dimExprs.map((d) => d.expr).join(', ')}`;
  if (plan.having.length > 0)
    sql += `\nHAVING ${plan.having.map((h) => `${measureExprs[h.measure]?.expr ?? 'COUNT(*)'} ${h.op} ${h.value}`).join(' AND ')}`;
  if (plan.order) {
    // Ties are broken by the dimensions, so ordered answers are stable.
    const by =
      plan.order.target === 'dim'
        ? dimExprs.map((d) => `${d.expr} ${plan.order?.dir}`).join(', ')
        : [`${measureExprs[0].expr} ${plan.order.dir}`, ...dimExprs.map((d) => d.expr)].join(', ');
    if (by) sql += `\nORDER BY ${by}`;
    if (plan.order.limit) sql += `\nLIMIT ${plan.order.limit}`;
  }
  return sql;
}

/** Tables joined on the many side of a step, and everything joined beyond them. */
function manyTables(steps: JoinStep[]): Set<TableInfo> {
  const out = new Set<TableInfo>();
  for (const step of steps) if (out.has(step.from) || isFanOut(step.edge, step.from, step.to)) out.add(step.to);
  return out;
}

/** NOT EXISTS along the join spec between the two tables (the planner only makes this when one exists). */
function absentSql(parent: TableInfo, child: TableInfo, scope: Scope, catalog: Catalog, used: Set<string>): string {
  const edge = catalog.joins.find(
    (e) => (e.left === parent && e.right === child) || (e.right === parent && e.left === child),
  );
  if (!edge) return '1 = 1';
  used.add(edge.id);
  const inner = scope.fresh(child);
  const parentAlias = scope.aliases.get(parent) ?? scope.add(parent);
  const [parentColumn, childColumn] =
    edge.left === parent ? [edge.leftColumn, edge.rightColumn] : [edge.rightColumn, edge.leftColumn];
  return `NOT EXISTS (SELECT 1 FROM ${child.identifier} AS ${inner} WHERE ${inner}.${ident(childColumn)} = ${parentAlias}.${ident(parentColumn)})`;
}

function joinSql(step: JoinStep, scope: Scope): string {
  const { edge } = step;
  const l = `${scope.aliases.get(edge.left)}.${ident(edge.leftColumn)}`;
  const r = `${scope.aliases.get(edge.right)}.${ident(edge.rightColumn)}`;
  return `\nJOIN ${step.to.identifier} AS ${scope.aliases.get(step.to)} ON ${l} = ${r}`;
}

function measureName(m: Measure, k: number): string {
  const suffix = k > 0 ? `_${k + 1}` : '';
  switch (m.kind) {
    case 'count':
      return `${m.distinct && !m.distinct.isKey ? `distinct_${m.distinct.name}` : `${m.table.name}`}_count${suffix}`;
    case 'agg':
      return `${m.fn.toLowerCase()}_${m.column.name}${suffix}`;
    case 'snippet':
      return snake(m.snippet.name) + suffix;
    case 'share':
      return (m.percent ? 'percentage' : 'ratio') + suffix;
    case 'tableRatio':
      return `${m.numerator.name}_per_${m.denominator.name}${suffix}`;
  }
}

export function neededTables(plan: Plan): TableInfo[] {
  const out: TableInfo[] = [];
  const add = (t: TableInfo | undefined): void => {
    if (t && !out.includes(t)) out.push(t);
  };
  const addCond = (c: Condition): void => {
    if (c.kind === 'snippet') c.snippet.tables.forEach(add);
    else if (c.kind === 'absent') add(c.parent);
    else add(c.column.table);
  };
  for (const m of plan.measures) {
    if (m.kind === 'count') add(m.table);
    else if (m.kind === 'agg') add(m.column.table);
    else if (m.kind === 'snippet') m.snippet.tables.forEach(add);
    else if (m.kind === 'share') {
      add(m.table);
      addCond(m.condition);
    }
  }
  for (const d of [...plan.dims, ...(plan.averageOver ? [plan.averageOver] : [])])
    if (d.kind === 'column') add(d.column.table);
    else d.snippet.tables.forEach(add);
  plan.where.forEach(addCond);
  plan.select.forEach((c) => add(c.table));
  (plan.require ?? []).forEach(add);
  if (plan.order && typeof plan.order.target === 'object') add(plan.order.target.table);
  return out;
}
