/**
 * `lint`: the static linter over the repository's spaces. No Genie call, and no warehouse call unless
 * `warehouse` is set (then one read-only statistics query per table, through the warehouse port and
 * its read-only gate). With `fix`, the mechanical repairs are applied and written, and the findings
 * reported are those left afterwards.
 */
import { existsSync, readFileSync } from 'node:fs';
import { ValidationError } from '../errors.js';
import { loadBenchmarks } from '../benchmarks/loader.js';
import type { Benchmark } from '../benchmarks/types.js';
import { specInfos } from '../lint/checks-joins.js';
import { buildContext } from '../lint/context.js';
import { planLintFixes } from '../lint/fixes.js';
import type { LintResult, SpaceLint } from '../lint/lint-result.js';
import { lintSpace } from '../lint/lint-space.js';
import { loadForLint } from '../lint/load.js';
import type { ColumnStats, WarehouseFacts } from '../lint/types.js';
import type { Warehouse } from '../ports.js';
import { hasEntityMatching, type Space } from '../space/schema.js';
import { normalizeIdentifier } from '../sql/identifiers.js';
import { findSpaceEntry, listSpaces, targetOf, type LayoutOptions } from '../space/repository.js';
import { writeSpaceFile } from '../space/space-file.js';
import { benchmarksFile, type BackendOpener } from './workspace.js';
import { repoPaths } from '../space/repo-paths.js';

export type { LintResult, SpaceLint } from '../lint/lint-result.js';

export interface LintOptions {
  root: string;
  /** Space names; every space when absent. */
  spaces?: readonly string[];
  layout?: LayoutOptions;
  /** Read column statistics from this backend's warehouse for the checks that need data. */
  warehouse?: BackendOpener;
  fix?: boolean;
}

function readBenchmarks(root: string, space: string, notes: string[]): Benchmark[] {
  const file = benchmarksFile(root, space);
  if (!existsSync(file)) return [];
  try {
    return loadBenchmarks(file, space).benchmarks;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    notes.push(
      `${repoPaths.benchmarksFile(space)} is invalid (run validate); ${space} is linted without benchmark weights`,
    );
    return [];
  }
}

const quote = (name: string) => '`' + name.replace(/`/g, '``') + '`';

/** Columns whose statistics some check reads: entity-matching columns and join keys. */
function statColumns(space: Space): Map<string, Set<string>> {
  const wanted = new Map<string, Set<string>>();
  const add = (table: string, column: string) => wanted.set(table, (wanted.get(table) ?? new Set()).add(column));
  const ctx = buildContext({ space });
  for (const t of ctx.tables) for (const c of t.columns.values()) if (hasEntityMatching(c.config)) add(t.key, c.key);
  for (const info of specInfos(ctx)) {
    if (info.left && info.columns) add(info.left.key, info.columns.left.toLowerCase());
    if (info.right && info.columns) add(info.right.key, info.columns.right.toLowerCase());
  }
  return wanted;
}

/** One COUNT / COUNT(DISTINCT) / MAX(LENGTH) query per table, for the columns checks need. */
export async function readWarehouseFacts(warehouse: Warehouse, space: Space): Promise<WarehouseFacts> {
  const schema = await warehouse.schema();
  const stats = new Map<string, ColumnStats>();
  for (const [table, columns] of statColumns(space)) {
    const known = schema.tables.find((t) => normalizeIdentifier(t.identifier) === table);
    const present = (known?.columns ?? []).map((k) => k.name).filter((c) => columns.has(c.toLowerCase()));
    if (!known || present.length === 0) continue;
    const parts = present.flatMap((c, i) => [
      `COUNT(DISTINCT ${quote(c)}) AS d${i}`,
      `MAX(LENGTH(${quote(c)})) AS l${i}`,
    ]);
    const from = known.identifier.split('.').map(quote).join('.');
    const result = await warehouse.execute(`SELECT COUNT(*) AS n, ${parts.join(', ')} FROM ${from}`);
    const row = result.rows[0] ?? [];
    present.forEach((c, i) =>
      stats.set(`${table}.${c.toLowerCase()}`, {
        rows: Number(row[0] ?? 0),
        distinct: Number(row[1 + 2 * i] ?? 0),
        maxLength: Number(row[2 + 2 * i] ?? 0),
      }),
    );
  }
  return { schema, stats };
}

async function warehouseFacts(options: LintOptions, name: string, space: Space): Promise<WarehouseFacts | undefined> {
  if (!options.warehouse) return undefined;
  const entry = findSpaceEntry(options.root, name, options.layout);
  const target = entry ? targetOf(options.root, entry) : undefined;
  const backend = await options.warehouse.open({ root: options.root, target, layout: options.layout });
  try {
    return await readWarehouseFacts(backend.warehouse, space);
  } finally {
    await backend.close();
  }
}

async function lintOne(options: LintOptions, name: string, notes: string[]): Promise<SpaceLint> {
  const entry = findSpaceEntry(options.root, name, options.layout);
  if (!entry) {
    const issue = { file: repoPaths.dir(name), path: '$', message: `no space named '${name}'` };
    return { space: name, file: issue.file, findings: [], issues: [issue], benchmarks: 0 };
  }
  const file = entry.configPath;
  let text = readFileSync(entry.spaceFile, 'utf8');
  const loaded = loadForLint(text, file);
  const benchmarks = readBenchmarks(options.root, name, notes);
  const base = { space: name, file, benchmarks: benchmarks.length };
  if (!loaded.space) return { ...base, findings: [], issues: loaded.issues };
  let space = loaded.space;
  let extra = loaded.findings;
  let fix: SpaceLint['fix'];
  if (options.fix) {
    const planned = planLintFixes(space);
    const patch = [...loaded.repairs, ...planned.ops];
    const written = patch.length > 0;
    if (written) writeSpaceFile(entry.spaceFile, planned.space);
    const repaired = loaded.findings.map((f) => ({ check: f.check, path: f.path, description: f.fix }));
    fix = { patch, applied: [...repaired, ...planned.applied], skipped: planned.skipped, written };
    space = planned.space;
    extra = [];
    text = readFileSync(entry.spaceFile, 'utf8');
  }
  const warehouse = await warehouseFacts(options, name, space);
  const report = lintSpace({ space, benchmarks, warehouse, extra, text });
  return { ...base, quality: report.quality, findings: report.findings, issues: [], ...(fix ? { fix } : {}) };
}

export async function lintCommand(options: LintOptions): Promise<LintResult> {
  const names = options.spaces?.length ? [...options.spaces] : listSpaces(options.root, options.layout);
  const notes: string[] = [];
  const spaces: SpaceLint[] = [];
  for (const name of names) spaces.push(await lintOne(options, name, notes));
  return { spaces, notes };
}

/** Why lint fails: error findings, unlintable files, or a quality under the minimum. */
export function lintFailures(result: LintResult, minQuality: number | undefined, flag = '--min-quality'): string[] {
  return result.spaces.flatMap((s) => {
    const out: string[] = [];
    if (!s.quality) out.push(`${s.space}: ${s.issues.length} problem(s) stop lint`);
    else {
      if (s.quality.findings.error > 0) out.push(`${s.space}: ${s.quality.findings.error} error finding(s)`);
      if (minQuality !== undefined && s.quality.score < minQuality)
        out.push(`${s.space}: quality ${s.quality.score.toFixed(1)} is below ${flag} ${minQuality}`);
    }
    return out;
  });
}
