/**
 * Execution-accuracy comparison of two result sets with tiered verdicts, so a reviewer
 * can see which rule passed a question: exact (same rows, same column order),
 * equivalent (same rows up to column order), superset (extra columns), or mismatch.
 * Rows are multisets unless order matters. Canonical rows are sorted, never compared
 * pairwise, so 10,000-row results stay fast.
 */
import type { QueryResult } from '../ports.js';
import { canonEqual, canonicalCell, compareKeys, formatCanon, keyDigits, sortKey, type Canon } from './cell-value.js';

export type Verdict = 'exact' | 'equivalent' | 'superset' | 'mismatch';

export interface CompareOptions {
  orderMatters: boolean;
  /** Relative tolerance for numbers; default 1e-6. */
  relTol?: number;
  /**
   * When order matters: for each expected row, its group of equal ORDER BY keys (ids that never
   * decrease). Rows of one group tie, so they may come in any order (src/scoring/order-ties.ts).
   */
  tieGroups?: readonly number[];
}

export interface Comparison {
  verdict: Verdict;
  reason: string;
}

/** Passing verdicts count as a correct answer. */
export function isPassingVerdict(verdict: Verdict | null | undefined): boolean {
  return verdict === 'exact' || verdict === 'equivalent' || verdict === 'superset';
}

/** Bound on column mappings tried when several columns hold the same values. */
const MAX_MAPPINGS = 200;

interface Table {
  names: string[];
  width: number;
  vals: Canon[][];
  keys: Canon[][];
}

interface Difference {
  row: number;
  col: number;
  expected: Canon;
  actual: Canon;
}

export function compareResults(expected: QueryResult, actual: QueryResult, options: CompareOptions): Comparison {
  const relTol = options.relTol ?? 1e-6;
  const digits = keyDigits(relTol);
  const e = toTable(expected, digits);
  const a = toTable(actual, digits);
  const note = truncationNote(expected, actual);

  if (e.vals.length === 0 && a.vals.length === 0) return { verdict: 'exact', reason: 'Both results are empty.' };
  if (e.vals.length !== a.vals.length) {
    return mismatch(`Row counts differ: expected ${e.vals.length}, Genie returned ${a.vals.length}.`, note);
  }
  if (a.width < e.width) {
    return mismatch(`Genie returned ${a.width} column(s), expected ${e.width}.`, note);
  }

  const ctx = new Context(e, a, relTol, options.tieGroups);
  const identity = e.width === a.width ? range(e.width) : null;
  const identityDiff = identity ? ctx.diff(identity, options.orderMatters) : null;
  if (identity && identityDiff === null) {
    return {
      verdict: 'exact',
      reason: e.width === 0 ? 'Same number of rows, no columns.' : 'Same rows in the same column order.',
    };
  }

  const candidates = ctx.candidates();
  const missing = candidates.findIndex((list) => list.length === 0);
  if (missing === -1) {
    const mapping = ctx.findMapping(candidates, options.orderMatters);
    if (mapping) {
      return e.width === a.width
        ? {
            verdict: 'equivalent',
            reason: `Same rows with columns in a different order (${describeMapping(e, a, mapping)}).`,
          }
        : {
            verdict: 'superset',
            reason: `Genie returned ${a.width - e.width} extra column(s); every expected column matches (${describeMapping(e, a, mapping)}).`,
          };
    }
    if (options.orderMatters && ctx.findMapping(candidates, false)) {
      return mismatch('Same rows in a different order, and this question requires the order.', note);
    }
  }

  if (identityDiff) return mismatch(describeDifference(e, identityDiff, options.orderMatters), note);
  if (missing !== -1) {
    return mismatch(
      `Expected column ${columnLabel(e, missing)} has no column with the same values in Genie's result.`,
      note,
    );
  }
  return mismatch('Every expected column has a match, but the rows pair the values up differently.', note);
}

function mismatch(reason: string, note: string): Comparison {
  return { verdict: 'mismatch', reason: note ? `${reason} ${note}` : reason };
}

function truncationNote(expected: QueryResult, actual: QueryResult): string {
  if (expected.truncated && actual.truncated) return '(Both results were truncated by the row limit.)';
  if (expected.truncated) return '(The expected result was truncated by the row limit.)';
  if (actual.truncated) return "(Genie's result was truncated by the row limit.)";
  return '';
}

function toTable(result: QueryResult, digits: number): Table {
  const width = result.columns.length || (result.rows[0]?.length ?? 0);
  const vals: Canon[][] = [];
  const keys: Canon[][] = [];
  for (const row of result.rows) {
    const v: Canon[] = new Array<Canon>(width);
    const k: Canon[] = new Array<Canon>(width);
    for (let c = 0; c < width; c++) {
      v[c] = canonicalCell(row[c]);
      k[c] = sortKey(v[c], digits);
    }
    vals.push(v);
    keys.push(k);
  }
  return { names: result.columns.map((col) => col.name), width, vals, keys };
}

class Context {
  private expectedOrder: number[] | null = null;

  constructor(
    private readonly e: Table,
    private readonly a: Table,
    private readonly relTol: number,
    private readonly groups?: readonly number[],
  ) {}

  /** The first difference between expected and actual under `mapping` (expected col -> actual col), or null. */
  diff(mapping: number[], orderMatters: boolean): Difference | null {
    const { e, a, relTol, groups } = this;
    const tied = orderMatters && groups !== undefined && groups.length === e.vals.length;
    // With ties, rows are compared in order of their tie group, and sorted within it.
    const eOrder = tied
      ? sortRows(e, range(e.width), groups)
      : orderMatters
        ? range(e.vals.length)
        : this.sortedExpected();
    const aOrder = tied ? sortRows(a, mapping, groups) : orderMatters ? range(a.vals.length) : sortRows(a, mapping);
    for (let i = 0; i < eOrder.length; i++) {
      const er = e.vals[eOrder[i]];
      const ar = a.vals[aOrder[i]];
      for (let j = 0; j < mapping.length; j++) {
        if (!canonEqual(er[j], ar[mapping[j]], relTol)) {
          return { row: i, col: j, expected: er[j], actual: ar[mapping[j]] };
        }
      }
    }
    return null;
  }

  /** For each expected column, the actual columns holding the same multiset of values. */
  candidates(): number[][] {
    const eCols = range(this.e.width).map((c) => sortedColumn(this.e, c));
    const aCols = range(this.a.width).map((c) => sortedColumn(this.a, c));
    return eCols.map((ec, j) => {
      const list = aCols.flatMap((ac, k) => (sameValues(ec, ac, this.relTol) ? [k] : []));
      // Try the column at the same position first: it is the likeliest intended match.
      return list.sort((x, y) => Number(y === j) - Number(x === j) || x - y);
    });
  }

  /** Backtracking over injective mappings, verified row-wise; bounded for many same-valued columns. */
  findMapping(candidates: number[][], orderMatters: boolean): number[] | null {
    const used = new Set<number>();
    const mapping: number[] = [];
    let tries = 0;
    const walk = (j: number): boolean => {
      if (j === candidates.length) {
        tries++;
        return this.diff(mapping, orderMatters) === null;
      }
      for (const k of candidates[j]) {
        if (used.has(k) || tries >= MAX_MAPPINGS) continue;
        used.add(k);
        mapping.push(k);
        if (walk(j + 1)) return true;
        mapping.pop();
        used.delete(k);
      }
      return false;
    };
    return walk(0) ? [...mapping] : null;
  }

  private sortedExpected(): number[] {
    this.expectedOrder ??= sortRows(this.e, range(this.e.width));
    return this.expectedOrder;
  }
}

function sortRows(table: Table, cols: number[], groups?: readonly number[]): number[] {
  const { keys } = table;
  return range(keys.length).sort((x, y) => {
    if (groups && groups[x] !== groups[y]) return groups[x] - groups[y];
    const kx = keys[x];
    const ky = keys[y];
    for (const c of cols) {
      const d = compareKeys(kx[c], ky[c]);
      if (d !== 0) return d;
    }
    return 0;
  });
}

function sortedColumn(table: Table, col: number): { vals: Canon[]; keys: Canon[] } {
  const order = range(table.vals.length).sort((x, y) => compareKeys(table.keys[x][col], table.keys[y][col]));
  return { vals: order.map((r) => table.vals[r][col]), keys: order.map((r) => table.keys[r][col]) };
}

function sameValues(x: { vals: Canon[] }, y: { vals: Canon[] }, relTol: number): boolean {
  if (x.vals.length !== y.vals.length) return false;
  for (let i = 0; i < x.vals.length; i++) if (!canonEqual(x.vals[i], y.vals[i], relTol)) return false;
  return true;
}

function describeDifference(e: Table, d: Difference, orderMatters: boolean): string {
  const where = orderMatters ? `row ${d.row + 1}` : `row ${d.row + 1} (rows sorted)`;
  return `Column ${columnLabel(e, d.col)} differs at ${where}: expected ${formatCanon(d.expected)}, got ${formatCanon(d.actual)}.`;
}

function describeMapping(e: Table, a: Table, mapping: number[]): string {
  return mapping.map((k, j) => `${columnLabel(e, j)} -> ${columnLabel(a, k)}`).join(', ');
}

function columnLabel(table: Table, col: number): string {
  const name = table.names[col];
  return name ? `'${name}'` : `#${col + 1}`;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
