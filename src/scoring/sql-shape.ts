/**
 * The shape of a SELECT: which tables, columns, joins, filters, aggregates, grouping,
 * ordering and limit it uses. The failure categoriser compares Genie's shape with the
 * expected one; the rules analyst reads the expected SQL's shape to propose fixes.
 * Nested queries (CTEs, subqueries, set operations) are merged into one shape; order
 * and limit come from the outermost query only, since only they shape the output.
 */
import {
  aggregateParts,
  between,
  columnName,
  conjuncts,
  firstColumnOf,
  functionArgs,
  functionName,
  groupByNodes,
  isNode,
  limitOf,
  negatedInner,
  nodes,
  parseSelect,
  render,
  subqueryOf,
  text,
  SqlParseError,
  type Node,
} from './sql-ast.js';

import { AGGREGATE_FUNCTIONS, COMPARISON_OPS, NEGATED_OPS } from './sql-vocabulary.js';
import { memoByText } from '../util/memo.js';

export { SqlParseError } from './sql-ast.js';

export interface TableRef {
  /** As written, lowercased, without quotes: `main.community.messages` or `messages`. */
  identifier: string;
  /** The last part of the identifier: `messages`. */
  name: string;
  alias: string | null;
}

export interface ColumnRef {
  /** The table's short name when the reference resolves to one base table, else null. */
  table: string | null;
  column: string;
}

export interface JoinPair {
  left: ColumnRef;
  right: ColumnRef;
  /** INNER, LEFT, RIGHT, FULL, CROSS; implicit joins (`FROM a, b WHERE a.x = b.x`) are INNER. */
  type: string;
}

export interface FilterPredicate {
  /** The (first) column the predicate tests, or null when it tests none. */
  column: string | null;
  /** Normalised text of the tested expression, e.g. `sent_at` or `date_trunc('month', sent_at)`. */
  expr: string;
  /** Uppercased operator: =, <>, >=, IN, NOT IN, LIKE, BETWEEN, IS, IS NOT ... */
  op: string;
  /** Normalised text of the compared value, e.g. `'pro'`, `('KR', 'US')`, `date_sub(current_date(), 30)`. */
  value: string;
  clause: 'where' | 'having' | 'join';
}

export interface AggregateRef {
  /** Lowercased function name: count, sum, avg, min, max, count_if, percentile ... */
  fn: string;
  /** The (first) column aggregated, `*` for COUNT(*), or null for an expression without columns. */
  column: string | null;
  /** Normalised text of the argument, e.g. `word_count` or `case when ... end`. */
  arg: string;
  distinct: boolean;
}

export interface OrderItem {
  expr: string;
  direction: 'ASC' | 'DESC';
}

export interface SqlShape {
  tables: TableRef[];
  columns: ColumnRef[];
  joins: JoinPair[];
  filters: FilterPredicate[];
  aggregates: AggregateRef[];
  /** Normalised grouping expressions, positions and select aliases resolved. */
  groupBy: string[];
  orderBy: OrderItem[];
  limit: number | null;
  distinct: boolean;
  /** Normalised select-list expressions of the outermost query. */
  select: string[];
  /**
   * Lowercased aliases the outermost query gives to computed outputs (`COUNT(DISTINCT member_id)
   * AS dau`): anything but a plain column or a row count. Such a name names the computation.
   */
  computedAliases: string[];
}

/**
 * Extracts the shape of one SELECT statement; throws SqlParseError when it cannot be parsed.
 * Memoised by text: scoring, failure analysis and enhance parse the same SQL on every scoring.
 */
export const extractSqlShape: (sql: string) => SqlShape = memoByText((sql) => {
  const builder = new ShapeBuilder();
  builder.visitQuery(parseSelect(sql), true);
  return builder.finish();
});

/** Like extractSqlShape, but null when the SQL cannot be parsed. */
export function tryExtractSqlShape(sql: string): SqlShape | null {
  try {
    return extractSqlShape(sql);
  } catch (error) {
    if (error instanceof SqlParseError) return null;
    throw error;
  }
}

/** True when the outermost query orders its output (falls back to a text check when parsing fails). */
export function ordersOutput(sql: string): boolean {
  const shape = tryExtractSqlShape(sql);
  if (shape) return shape.orderBy.length > 0;
  return /\border\s+by\b[^)]*$/i.test(sql);
}

interface Scope {
  /** alias or table name -> base table short name, or null for a derived table / CTE. */
  sources: Map<string, string | null>;
  /** select-list alias -> the aliased expression node. */
  aliases: Map<string, Node>;
}

class ShapeBuilder {
  private readonly tables = new Map<string, TableRef>();
  private readonly columns = new Map<string, ColumnRef>();
  private readonly joins: JoinPair[] = [];
  private readonly filters: FilterPredicate[] = [];
  private readonly aggregates: AggregateRef[] = [];
  private readonly groupBy: string[] = [];
  private readonly orderBy: OrderItem[] = [];
  private readonly select: string[] = [];
  private readonly computedAliases: string[] = [];
  private readonly cteNames = new Set<string>();
  private limit: number | null = null;
  private distinct = false;

  finish(): SqlShape {
    return {
      tables: [...this.tables.values()],
      columns: [...this.columns.values()],
      joins: this.joins,
      filters: this.filters,
      aggregates: this.aggregates,
      groupBy: [...new Set(this.groupBy)],
      orderBy: this.orderBy,
      limit: this.limit,
      distinct: this.distinct,
      select: this.select,
      computedAliases: this.computedAliases,
    };
  }

  visitQuery(ast: Node, outermost: boolean): void {
    for (const cte of nodes(ast.with)) {
      const name = text(cte.name);
      if (name) this.cteNames.add(name.toLowerCase());
      const body = isNode(cte.stmt) ? (subqueryOf(cte.stmt) ?? cte.stmt) : null;
      if (body) this.visitQuery(body, false);
    }
    const scope: Scope = { sources: new Map(), aliases: new Map() };
    const joinConditions = this.visitFrom(ast.from, scope);

    for (const item of nodes(ast.columns)) {
      const expr = isNode(item.expr) ? item.expr : null;
      if (!expr) continue;
      const alias = text(item.as);
      if (alias) scope.aliases.set(alias.toLowerCase(), expr);
      this.visitExpression(expr, scope, false);
      if (outermost) this.select.push(render(expr));
      if (outermost && alias && expr.type !== 'column_ref' && !/^count\((\*|1)\)$/.test(render(expr)))
        this.computedAliases.push(alias.toLowerCase());
    }
    for (const join of joinConditions) this.visitJoinCondition(join.on, join.type, scope);
    if (isNode(ast.where)) this.visitCondition(ast.where, scope, 'where', true);
    for (const expr of groupByNodes(ast.groupby)) {
      const resolved = resolveOutputRef(expr, ast, scope);
      this.visitExpression(resolved, scope, true);
      this.groupBy.push(render(resolved));
    }
    if (isNode(ast.having)) this.visitCondition(ast.having, scope, 'having', false);
    for (const item of nodes(ast.orderby)) {
      const expr = isNode(item.expr) ? resolveOutputRef(item.expr, ast, scope) : null;
      if (!expr) continue;
      this.visitExpression(expr, scope, true);
      if (outermost)
        this.orderBy.push({
          expr: render(expr),
          direction: String(item.type).toUpperCase() === 'DESC' ? 'DESC' : 'ASC',
        });
    }
    if (outermost) {
      this.limit = limitOf(ast);
      this.distinct = isNode(ast.distinct) && String(ast.distinct.type).toUpperCase() === 'DISTINCT';
    }
    if (isNode(ast._next)) this.visitQuery(ast._next, false);
  }

  /** Registers the FROM sources in scope; returns the ON conditions, read once the scope is complete. */
  private visitFrom(from: unknown, scope: Scope): { on: Node; type: string }[] {
    const conditions: { on: Node; type: string }[] = [];
    let previous: string | null = null;
    for (const item of nodes(from)) {
      const sub = isNode(item.expr) ? subqueryOf(item.expr) : null;
      const alias = text(item.as)?.toLowerCase() ?? null;
      let source: string | null = null;
      if (sub) {
        this.visitQuery(sub, false);
      } else if (typeof item.table === 'string') {
        const parts = [item.catalog, item.schema ?? (item.catalog ? null : item.db), item.table]
          .filter((p): p is string => typeof p === 'string' && p.length > 0)
          .flatMap((p) => p.split('.'))
          .map((p) => p.replace(/[`"]/g, '').toLowerCase());
        const identifier = parts.join('.');
        const name = parts[parts.length - 1] ?? identifier;
        if (parts.length === 1 && this.cteNames.has(name)) {
          scope.sources.set(name, null);
        } else {
          source = name;
          if (!this.tables.has(identifier)) this.tables.set(identifier, { identifier, name, alias });
          scope.sources.set(name, name);
        }
      }
      if (alias) scope.sources.set(alias, source);
      const joinType =
        typeof item.join === 'string'
          ? item.join
              .toUpperCase()
              .replace(/\s*JOIN$/, '')
              .replace(/\s+OUTER$/, '')
          : null;
      if (joinType !== null && isNode(item.on)) conditions.push({ on: item.on, type: joinType });
      if (joinType !== null && Array.isArray(item.using) && previous && source) {
        for (const col of item.using) {
          const name = text(col)?.toLowerCase();
          if (name)
            this.joins.push({
              left: { table: previous, column: name },
              right: { table: source, column: name },
              type: joinType,
            });
        }
      }
      previous = source ?? alias;
    }
    return conditions;
  }

  /** ON conditions: column = column across two sources is a join pair; anything else is a filter. */
  private visitJoinCondition(on: Node, type: string, scope: Scope): void {
    for (const conjunct of conjuncts(on)) {
      const pair = this.joinPair(conjunct, type, scope);
      if (pair) this.joins.push(pair);
      else this.visitCondition(conjunct, scope, 'join', false);
    }
  }

  private joinPair(node: Node, type: string, scope: Scope): JoinPair | null {
    if (node.type !== 'binary_expr' || node.operator !== '=') return null;
    const { left, right } = node;
    if (!isNode(left) || !isNode(right) || left.type !== 'column_ref' || right.type !== 'column_ref') return null;
    if (!left.table || !right.table || text(left.table) === text(right.table)) return null;
    const l = this.columnRef(left, scope);
    const r = this.columnRef(right, scope);
    if (!l || !r) return null;
    this.addColumn(l);
    this.addColumn(r);
    return { left: l, right: r, type };
  }

  private visitCondition(node: Node, scope: Scope, clause: FilterPredicate['clause'], implicitJoins: boolean): void {
    if (node.type === 'binary_expr' && (node.operator === 'AND' || node.operator === 'OR')) {
      for (const side of [node.left, node.right])
        if (isNode(side)) this.visitCondition(side, scope, clause, implicitJoins && node.operator === 'AND');
      return;
    }
    if (implicitJoins) {
      const pair = this.joinPair(node, 'INNER', scope);
      if (pair) return void this.joins.push(pair);
    }
    const negated = negatedInner(node);
    if (negated) {
      const before = this.filters.length;
      this.visitCondition(negated, scope, clause, false);
      for (const f of this.filters.slice(before)) f.op = NEGATED_OPS[f.op] ?? `NOT ${f.op}`;
      return;
    }
    this.visitExpression(node, scope, clause !== 'where');
    const op = node.type === 'binary_expr' ? String(node.operator).toUpperCase() : null;
    if (op && COMPARISON_OPS.has(op)) {
      const [tested, compared] =
        firstColumnOf(node.left) !== null || firstColumnOf(node.right) === null
          ? [node.left, node.right]
          : [node.right, node.left];
      const value = op.endsWith('BETWEEN') ? between(compared) : render(compared);
      this.filters.push({
        column: firstColumnOf(tested),
        expr: render(tested),
        op: op === '==' ? '=' : op,
        value,
        clause,
      });
    } else {
      // A bare boolean expression (`WHERE is_private`, `WHERE exists (...)`).
      this.filters.push({ column: firstColumnOf(node), expr: render(node), op: 'IS', value: 'true', clause });
    }
  }

  /** Records columns, aggregates and nested subqueries of an expression. */
  private visitExpression(value: unknown, scope: Scope, outputRefsAllowed: boolean): void {
    if (Array.isArray(value)) return value.forEach((v) => this.visitExpression(v, scope, outputRefsAllowed));
    if (!isNode(value)) return;
    const sub = subqueryOf(value);
    if (sub) return this.visitQuery(sub, false);
    if (value.type === 'column_ref') {
      const ref = this.columnRef(value, scope);
      const isAlias = ref && !value.table && outputRefsAllowed && scope.aliases.has(ref.column);
      if (ref && !isAlias) this.addColumn(ref);
      return;
    }
    if (
      value.type === 'aggr_func' ||
      (value.type === 'function' && AGGREGATE_FUNCTIONS.has(functionName(value)) && !isNode(value.over))
    ) {
      const { fn, distinct, arg } = aggregateParts(value);
      const column = arg === undefined || arg.type === 'star' ? '*' : firstColumnOf(arg);
      const aggregate = { fn, column, arg: arg === undefined ? '*' : render(arg), distinct };
      // ORDER BY n / GROUP BY 1 resolve to select items already seen: record each aggregate once.
      if (!this.aggregates.some((a) => a.fn === fn && a.arg === aggregate.arg && a.distinct === distinct))
        this.aggregates.push(aggregate);
    }
    if (value.type === 'function' || value.type === 'aggr_func')
      functionArgs(value).forEach((a) => this.visitExpression(a, scope, outputRefsAllowed));
    for (const [key, child] of Object.entries(value)) {
      if (key === 'args' && (value.type === 'function' || value.type === 'aggr_func')) {
        if (isNode(child) && isNode(child.filter)) this.visitExpression(child.filter, scope, outputRefsAllowed);
        continue;
      }
      if (key !== 'name' && typeof child === 'object') this.visitExpression(child, scope, outputRefsAllowed);
    }
  }

  private columnRef(node: Node, scope: Scope): ColumnRef | null {
    const column = columnName(node);
    if (!column || column === '*') return null;
    const qualifier = text(node.table)?.replace(/[`"]/g, '').toLowerCase();
    if (qualifier) {
      const short = qualifier.split('.').pop() ?? qualifier;
      const table = scope.sources.has(short) ? (scope.sources.get(short) ?? null) : short;
      return { table, column };
    }
    // Unqualified: resolvable only when the scope reads from exactly one base table.
    const sources = new Set(scope.sources.values());
    const only = sources.size === 1 ? [...sources][0] : null;
    return { table: only ?? null, column };
  }

  private addColumn(ref: ColumnRef): void {
    const key = `${ref.table ?? ''}.${ref.column}`;
    if (!this.columns.has(key)) this.columns.set(key, ref);
  }
}

/** `GROUP BY 1` / `ORDER BY n` refer to select items: resolve them to the item's expression. */
function resolveOutputRef(expr: Node, ast: Node, scope: Scope): Node {
  if (expr.type === 'number' && typeof expr.value === 'number') {
    const item = nodes(ast.columns)[expr.value - 1];
    if (item && isNode(item.expr)) return item.expr;
  }
  if (expr.type === 'column_ref' && !expr.table) {
    const name = columnName(expr);
    const aliased = name ? scope.aliases.get(name) : undefined;
    if (aliased) return aliased;
  }
  return expr;
}
