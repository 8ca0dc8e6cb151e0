/** Loads `benchmarks/<space>.yml` into a BenchmarkSet, reporting every problem with its YAML line. */
import { readFileSync } from 'node:fs';
import { ValidationError, type ValidationIssue } from '../errors.js';
import { formatPath } from '../space/json-path.js';
import { describeIssue } from '../space/zod-issues.js';
import { parseYamlSource, type YamlSource } from '../space/yaml-source.js';
import { checkReadOnly } from '../sql/read-only-guard.js';
import { checkReadable, MAX_YAML_BYTES } from '../util/text-file.js';
import { BenchmarkItemSchema } from './schema.js';
import { deriveSplit } from './split.js';
import type { Benchmark, BenchmarkSet } from './types.js';

const EMPTY_MESSAGE =
  'add at least one question: a list of { id, question, sql } items, e.g.\n- id: members-total\n  question: How many members are there?\n  sql: SELECT COUNT(*) FROM main.community.members';

/** The list of items and the path prefix it sits at, or an issue when the top level has another shape. */
function itemsOf(
  source: YamlSource,
  file: string,
): { items: unknown[]; prefix: (string | number)[] } | ValidationIssue {
  const value = source.value;
  if (value === null || value === undefined) return { file, path: '$', line: 1, message: EMPTY_MESSAGE };
  if (Array.isArray(value)) return { items: value, prefix: [] };
  if (typeof value === 'object') {
    const extra = Object.keys(value).filter((key) => key !== 'benchmarks');
    if (extra.length > 0) {
      return {
        file,
        path: formatPath([extra[0]!]),
        line: source.lineOf([extra[0]!]),
        message: `unknown top-level key "${extra[0]}": expected only "benchmarks"`,
      };
    }
    const list = (value as { benchmarks?: unknown }).benchmarks;
    if (list === null || list === undefined)
      return { file, path: '$.benchmarks', line: source.lineOf(['benchmarks']), message: EMPTY_MESSAGE };
    if (Array.isArray(list)) return { items: list, prefix: ['benchmarks'] };
    return {
      file,
      path: '$.benchmarks',
      line: source.lineOf(['benchmarks']),
      message: 'expected a list of questions under "benchmarks"',
    };
  }
  return { file, path: '$', line: 1, message: 'expected a list of questions (or { benchmarks: [...] })' };
}

/** A benchmark file read without stopping at its first problem. */
export interface BenchmarkInspection {
  /** The questions that are valid (all of them when `issues` is empty). */
  set: BenchmarkSet;
  issues: ValidationIssue[];
  /** JSON path and 1-based line of each valid question's `sql` (for issues about its expected SQL). */
  sqlLocations: Map<string, { path: string; line?: number }>;
}

/** Parses and validates benchmark YAML text; `file` is only used in messages. */
export function parseBenchmarksText(text: string, file: string, space: string): BenchmarkSet {
  const inspected = inspectBenchmarksText(text, file, space);
  if (inspected.issues.length > 0) throw new ValidationError(inspected.issues);
  return inspected.set;
}

/** Every problem of a benchmark file, and its valid questions. */
export function inspectBenchmarksText(text: string, file: string, space: string): BenchmarkInspection {
  const empty = (issues: ValidationIssue[]): BenchmarkInspection => ({
    set: { space, file, benchmarks: [] },
    issues,
    sqlLocations: new Map(),
  });
  let source: YamlSource;
  try {
    source = parseYamlSource(text, file);
  } catch (error) {
    if (error instanceof ValidationError) return empty(error.issues);
    throw error;
  }
  const found = itemsOf(source, file);
  if (!('items' in found)) return empty([found]);
  const { items, prefix } = found;
  if (items.length === 0)
    return empty([{ file, path: formatPath(prefix), line: source.lineOf(prefix), message: EMPTY_MESSAGE }]);

  const issues: ValidationIssue[] = [];
  const benchmarks: Benchmark[] = [];
  const sqlLocations = new Map<string, { path: string; line?: number }>();
  const firstById = new Map<string, number | undefined>();
  items.forEach((item, index) => {
    const at = [...prefix, index];
    const result = BenchmarkItemSchema.safeParse(item);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const described = describeIssue(issue, item, (inner) => source.sourceOf([...at, ...inner]));
        const segments = [...at, ...described.segments];
        issues.push({ file, path: formatPath(segments), line: source.lineOf(segments), message: described.message });
      }
      return;
    }
    const entry = result.data;
    const idLine = source.lineOf([...at, 'id']);
    if (firstById.has(entry.id)) {
      const first = firstById.get(entry.id);
      issues.push({
        file,
        path: formatPath([...at, 'id']),
        line: idLine,
        message: `duplicate id "${entry.id}" (first used${first ? ` on line ${first}` : ''}): ids must be unique; rename one`,
      });
      return;
    }
    firstById.set(entry.id, idLine);
    const guard = checkReadOnly(entry.sql);
    if (!guard.ok) {
      issues.push({
        file,
        path: formatPath([...at, 'sql']),
        line: source.lineOf([...at, 'sql']),
        message: `expected SQL must be a single read-only query: ${guard.reason}`,
      });
      return;
    }
    const benchmark: Benchmark = {
      id: entry.id,
      question: entry.question,
      sql: entry.sql,
      split: entry.split ?? deriveSplit(entry.sql),
      tags: entry.tags ?? [],
    };
    if (entry.order_matters !== undefined) benchmark.orderMatters = entry.order_matters;
    benchmarks.push(benchmark);
    sqlLocations.set(entry.id, { path: formatPath([...at, 'sql']), line: source.lineOf([...at, 'sql']) });
  });
  return { set: { space, file, benchmarks }, issues, sqlLocations };
}

export function loadBenchmarks(file: string, space: string): BenchmarkSet {
  checkReadable(file, file, MAX_YAML_BYTES);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
    throw new ValidationError([
      { file, path: '$', message: `cannot read the benchmark file (${reason}): ${EMPTY_MESSAGE}` },
    ]);
  }
  return parseBenchmarksText(text, file, space);
}
