/**
 * Parsing with node-sql-parser and a normalised text rendering of its expression nodes.
 * The parser's AST types are loose, so nodes are read as plain records here and nowhere else.
 */
import parserModule from 'node-sql-parser/build/snowflake.js';
import { GenieGitopsError } from '../errors.js';

export type Node = Record<string, unknown>;

/** The Snowflake grammar is the closest to Databricks SQL (three-part names, `::`, QUALIFY, ILIKE). */
const parser = new parserModule.Parser();

export class SqlParseError extends GenieGitopsError {
  constructor(
    message: string,
    readonly sql: string,
  ) {
    super(message);
  }
}

/** Parses one statement (a trailing semicolon is fine); a script with several statements is refused. */
export function parseSelect(sql: string): Node {
  let ast: unknown;
  try {
    ast = parser.astify(prepareSql(sql));
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new SqlParseError(`cannot parse SQL: ${message.slice(0, 200)}`, sql);
  }
  const list = Array.isArray(ast) ? ast : [ast];
  if (list.length !== 1 || !isNode(list[0])) throw new SqlParseError('expected exactly one SQL statement', sql);
  const stmt = list[0];
  if (stmt.type !== 'select') throw new SqlParseError(`expected a SELECT statement, got ${String(stmt.type)}`, sql);
  return stmt;
}

/**
 * Rewrites Databricks spellings the grammar rejects into equivalents it accepts:
 * plural interval units (`INTERVAL 7 DAYS`) and regex matches (`RLIKE`, read as LIKE,
 * which is enough for shape extraction).
 */
export function prepareSql(sql: string): string {
  return sql
    .trim()
    .replace(/;\s*$/, '')
    .replace(/\bINTERVAL\s+('?-?\d+(?:\.\d+)?'?)\s+(YEAR|MONTH|WEEK|DAY|HOUR|MINUTE|SECOND)S\b/gi, 'INTERVAL $1 $2')
    .replace(/\b(NOT\s+)?(?:RLIKE|REGEXP)\b/gi, (_m, not: string | undefined) => `${not ?? ''}LIKE`);
}

export function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function nodes(value: unknown): Node[] {
  return Array.isArray(value) ? value.filter(isNode) : [];
}

export function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  // Some grammars wrap identifiers as { type: 'default', value }.
  if (isNode(value) && typeof value.value === 'string') return value.value;
  return null;
}

/** A subquery appears as { ast } (sometimes with tableList/columnList beside it). */
export function subqueryOf(node: Node): Node | null {
  return isNode(node.ast) ? node.ast : null;
}

/** Function name, lowercased: `{ name: { name: [{ value }] } }` or a plain string. */
export function functionName(node: Node): string {
  const name = node.name;
  if (typeof name === 'string') return name.toLowerCase();
  if (isNode(name)) {
    const parts = nodes(name.name).map((p) => text(p) ?? '');
    if (parts.length > 0) return parts.join('.').toLowerCase();
  }
  return '?';
}

export function functionArgs(node: Node): Node[] {
  const args = node.args;
  if (!isNode(args)) return [];
  if (Array.isArray(args.value)) return nodes(args.value);
  if (isNode(args.expr)) return [args.expr];
  return [];
}

const STRING_TYPES = new Set([
  'single_quote_string',
  'double_quote_string',
  'string',
  'natural_string',
  'hex_string',
  'full_hex_string',
  'bit_string',
]);
const DATE_TYPES = new Set(['date', 'datetime', 'timestamp', 'time']);

/**
 * Normalised SQL text of an expression: column references without table qualifiers,
 * lowercased keywords and function names, literals as written. Two spellings of the same
 * expression (aliases, `DATE '…'` vs `'…'`, `current_date` vs `current_date()`) render alike.
 */
export function render(value: unknown): string {
  if (!isNode(value)) return value === null || value === undefined ? 'null' : String(value);
  const node = value;
  const type = String(node.type ?? '');
  const sub = subqueryOf(node);
  if (sub) return '(subquery)';
  if (STRING_TYPES.has(type) || DATE_TYPES.has(type)) return `'${String(node.value)}'`;
  switch (type) {
    case 'column_ref':
      return columnName(node) ?? '?';
    case 'number':
      return String(node.value);
    case 'bool':
    case 'boolean':
      return String(node.value).toLowerCase();
    case 'null':
      return 'null';
    case 'star':
      return '*';
    case 'param':
      return `:${String(node.value)}`;
    case 'interval':
      return `interval ${render(node.expr)} ${String(node.unit ?? '').toLowerCase()}`.trim();
    case 'expr_list': {
      const items = nodes(node.value);
      if (items.length === 1 && subqueryOf(items[0])) return '(subquery)';
      return `(${items.map(render).join(', ')})`;
    }
    case 'cast': {
      const target = nodes(node.target)[0];
      return `cast(${render(node.expr)} as ${String(target?.dataType ?? '?').toLowerCase()})`;
    }
    case 'aggr_func':
      return renderAggregate(node);
    case 'function':
    case 'window_func':
      return renderFunction(node);
    case 'binary_expr':
      return `${renderOperand(node.left)} ${String(node.operator).toLowerCase()} ${renderOperand(node.right)}`;
    case 'unary_expr':
      return `${String(node.operator).toLowerCase()} ${renderOperand(node.expr)}`;
    case 'case':
      return renderCase(node);
    default:
      return isNode(node.expr) ? render(node.expr) : '?';
  }
}

export function columnName(node: Node): string | null {
  const col = text(node.column) ?? (isNode(node.column) ? text(node.column.expr) : null);
  return col === null ? null : col.toLowerCase();
}

/** Aggregate call parts: lowercased name, DISTINCT flag, argument node (undefined for none). */
export function aggregateParts(node: Node): { fn: string; distinct: boolean; arg: Node | undefined } {
  const args = isNode(node.args) ? node.args : {};
  const fn = typeof node.name === 'string' ? node.name.toLowerCase() : functionName(node);
  const arg = isNode(args.expr) ? args.expr : functionArgs(node)[0];
  return { fn, distinct: typeof args.distinct === 'string' && args.distinct.toUpperCase() === 'DISTINCT', arg };
}

function renderAggregate(node: Node): string {
  const { fn, distinct, arg } = aggregateParts(node);
  const extra = isNode(node.args) && !isNode(node.args.expr) ? functionArgs(node).slice(1) : [];
  const args = [arg === undefined ? '' : render(arg), ...extra.map(render)].join(', ');
  return `${fn}(${distinct ? 'distinct ' : ''}${args})${renderOver(node)}`;
}

function renderFunction(node: Node): string {
  const name = functionName(node);
  return `${name}(${functionArgs(node).map(render).join(', ')})${renderOver(node)}`;
}

function renderOver(node: Node): string {
  return isNode(node.over) ? ' over (…)' : '';
}

function renderCase(node: Node): string {
  const parts = nodes(node.args).map((arm) =>
    arm.type === 'when' ? `when ${render(arm.cond)} then ${render(arm.result)}` : `else ${render(arm.result)}`,
  );
  const subject = node.expr ? ` ${render(node.expr)}` : '';
  return `case${subject} ${parts.join(' ')} end`;
}

function renderOperand(value: unknown): string {
  return isNode(value) && value.type === 'binary_expr' ? `(${render(value)})` : render(value);
}

// Structural helpers for the shape extractor.

/** GROUP BY items: an array in some grammars, `{ columns }` in others. */
export function groupByNodes(groupby: unknown): Node[] {
  if (Array.isArray(groupby)) return nodes(groupby);
  return isNode(groupby) ? nodes(groupby.columns) : [];
}

/** LIMIT n (or TOP n) as a number; null when absent or not a literal. */
export function limitOf(ast: Node): number | null {
  if (isNode(ast.limit)) {
    const first = nodes(ast.limit.value)[0];
    if (first && typeof first.value === 'number') return first.value;
  }
  if (isNode(ast.top) && typeof ast.top.value === 'number') return ast.top.value;
  return null;
}

/** The AND-ed parts of a condition. */
export function conjuncts(node: Node): Node[] {
  if (node.type === 'binary_expr' && node.operator === 'AND') {
    return [node.left, node.right].filter(isNode).flatMap(conjuncts);
  }
  return [node];
}

/** `NOT x` parses as a unary expression or as a function named NOT. */
export function negatedInner(node: Node): Node | null {
  if (node.type === 'unary_expr' && String(node.operator).toUpperCase() === 'NOT' && isNode(node.expr))
    return node.expr;
  if (node.type === 'function' && functionName(node) === 'not') return functionArgs(node)[0] ?? null;
  return null;
}

/** BETWEEN's bounds as `low and high`. */
export function between(value: unknown): string {
  const parts = isNode(value) ? nodes(value.value) : [];
  return parts.length === 2 ? `${render(parts[0])} and ${render(parts[1])}` : render(value);
}

/** The first column an expression reads (depth-first), ignoring subqueries. */
export function firstColumnOf(value: unknown): string | null {
  if (Array.isArray(value)) {
    for (const v of value) {
      const found = firstColumnOf(v);
      if (found) return found;
    }
    return null;
  }
  if (!isNode(value) || subqueryOf(value)) return null;
  if (value.type === 'column_ref') {
    const name = columnName(value);
    return name && name !== '*' ? name : null;
  }
  for (const [key, child] of Object.entries(value)) {
    if (key === 'name' || typeof child !== 'object') continue;
    const found = firstColumnOf(child);
    if (found) return found;
  }
  return null;
}
