/**
 * `validate`: every problem of every file in one run. Per space: the space file (schema, then the
 * invariants and references of whatever part of it is valid), target.yml, the benchmark file
 * (schema, ids, the read-only gate, well-formed SQL naming tables the warehouse has), and with
 * `execute` each distinct expected SQL run once on the warehouse (on the demo data, on its tables
 * left empty: running proves the names, functions and syntax; rows would only cost a second).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GenieGitopsError, ValidationError, type ValidationIssue, messageOf } from '../errors.js';
import { expectedSqlProblems } from '../benchmarks/expected-sql.js';
import { inspectBenchmarksText, type BenchmarkInspection } from '../benchmarks/loader.js';
import type { Warehouse, WarehouseSchema } from '../ports.js';
import { checkInvariants } from '../space/invariants.js';
import { findSpaceEntry, listSpaces, repoRelative, targetOf, type LayoutOptions } from '../space/repository.js';
import { addIssueLines, inspectSpaceText } from '../space/space-file.js';
import { validateSpaceName } from '../space/space-name.js';
import { resolveInside, repoPaths } from '../space/repo-paths.js';
import { checkReadable, MAX_JSON_BYTES, MAX_YAML_BYTES } from '../util/text-file.js';
import { loadTarget, type Target } from '../space/target.js';
import { mapConcurrent } from '../scoring/concurrency.js';
import type { Backend, BackendOpener } from './workspace.js';

export interface SpaceValidation {
  space: string;
  issues: ValidationIssue[];
  benchmarks: number;
  /** Distinct expected SQL statements run (with `execute`). */
  executed?: number;
  /** Why `execute` ran nothing for this space (a space with no local data on the local backend). */
  notExecuted?: string;
}

export interface ValidateResult {
  ok: boolean;
  spaces: SpaceValidation[];
  issues: ValidationIssue[];
}

export interface ValidateOptions {
  root: string;
  /** One space; all spaces under spaces/ when absent. */
  space?: string;
  /** Check names against the warehouse schema when the space has local data (default true). */
  checkWarehouse?: boolean;
  /** Run each benchmark's expected SQL once on the warehouse and report failures (default false). */
  execute?: boolean;
  /** The backend names are checked against and `execute` runs on (the entry's choice). */
  backend: BackendOpener;
  /** Which bundle target bundle-declared spaces are read for. */
  layout?: LayoutOptions;
  /** The local warehouse's data from the command line (absolute path or 'demo'), overriding target.yml. */
  dataFile?: string;
}

export async function validateCommand(options: ValidateOptions): Promise<ValidateResult> {
  // A name given on the command line is refused like in every other command; a folder found
  // under spaces/ with a bad name is one more problem to report.
  if (options.space !== undefined) validateSpaceName(options.space);
  let names: string[];
  try {
    names = options.space ? [options.space] : listSpaces(options.root, options.layout);
  } catch (error) {
    // A broken databricks.yml is a problem to report like any other file.
    if (error instanceof ValidationError) return { ok: false, spaces: [], issues: error.issues };
    throw error;
  }
  if (names.length === 0) {
    const issue: ValidationIssue = {
      file: 'spaces/',
      path: '$',
      message: 'no space found: create spaces/<name>/space.json (or run `genie-gitops init`)',
    };
    return { ok: false, spaces: [], issues: [issue] };
  }
  const spaces: SpaceValidation[] = [];
  for (const name of names) spaces.push(await validateOne(options, name));
  const issues = spaces.flatMap((s) => s.issues);
  return { ok: issues.length === 0, spaces, issues };
}

/** Issues of a thrown error, or rethrow when it is not about the user's files. */
function issuesOf(error: unknown, file: string, line?: number): ValidationIssue[] {
  if (error instanceof ValidationError) return error.issues;
  if (error instanceof GenieGitopsError)
    return [{ file, path: '$', line, message: error.hint ? `${error.message}: ${error.hint}` : error.message }];
  throw error;
}

async function validateOne(options: ValidateOptions, name: string): Promise<SpaceValidation> {
  const root = options.root;
  try {
    validateSpaceName(name);
  } catch (error) {
    return { space: name, issues: issuesOf(error, repoPaths.dir(name)), benchmarks: 0 };
  }
  const issues: ValidationIssue[] = [];
  let entry;
  try {
    entry = findSpaceEntry(root, name, options.layout);
  } catch (error) {
    return { space: name, issues: issuesOf(error, 'databricks.yml'), benchmarks: 0 };
  }
  // A folder without space.json has no entry: the file check below names what to create.
  const spaceFile = entry?.spaceFile ?? path.join(root, repoPaths.spaceFile(name));
  const spaceLabel = repoRelative(root, spaceFile);
  const targetFile = entry?.targetFile ?? path.join(root, repoPaths.targetFile(name));
  const targetLabel = repoRelative(root, targetFile);
  const benchLabel = repoPaths.benchmarksFile(name);
  // A symlinked folder or a bundle's file_path must not lead the run outside the repository.
  try {
    resolveInside(root, spaceFile, `the config file of space ${name}`);
    if (existsSync(targetFile)) resolveInside(root, targetFile, `the target file of space ${name}`);
  } catch (error) {
    return { space: name, issues: issuesOf(error, spaceLabel), benchmarks: 0 };
  }

  let target: Target | undefined;
  if (entry?.source === 'bundle' || existsSync(targetFile)) {
    try {
      target = entry ? targetOf(root, entry) : loadTarget(targetFile, targetLabel);
    } catch (error) {
      issues.push(...issuesOf(error, targetLabel));
    }
  } else {
    issues.push({
      file: targetLabel,
      path: '$',
      message: `missing: it says where the space deploys and which data the local backend uses; create it with \`genie-gitops init --space ${name} --from-sqlite FILE\` (keeps an existing space.json; no --from-* means the demo data)`,
    });
  }

  const wantWarehouse = options.execute || (options.checkWarehouse ?? true);
  // The warehouse starts (its own thread) while this thread reads the benchmarks: a cold validate waits
  // for whichever is slower, not for both. Issues keep their order: warehouse, space file, benchmarks.
  const openIssues: ValidationIssue[] = [];
  const opening = wantWarehouse ? openFor(options, name, target, targetLabel, openIssues) : undefined;
  const benchIssues: ValidationIssue[] = [];
  const bench = readBenchmarks(root, benchLabel, name, benchIssues);
  const backend = await opening;
  issues.push(...openIssues);
  try {
    const schema = backend ? await backend.warehouse.schema() : undefined;
    issues.push(...checkSpaceFile(spaceFile, spaceLabel, name, schema), ...benchIssues);
    if (!bench) return { space: name, issues, benchmarks: 0 };
    // Running the SQL says more than the static table check, and saying it twice helps nobody.
    issues.push(...bench.issues, ...checkExpectedSql(bench, options.execute ? undefined : schema));
    const executed = options.execute && backend ? await executeExpected(bench, backend.warehouse, issues) : undefined;
    return {
      space: name,
      issues,
      benchmarks: bench.set.benchmarks.length,
      ...(executed !== undefined ? { executed } : {}),
      ...(options.execute && options.backend.needsLocalData && target && !target.local?.data
        ? { notExecuted: 'target.yml has no local.data; run with --backend databricks to execute on the workspace' }
        : {}),
    };
  } finally {
    await backend?.close();
  }
}

/**
 * The backend whose warehouse names are checked against (and `execute` runs on). Without
 * `execute`, a space with no local data is simply not checked against a warehouse.
 */
async function openFor(
  options: ValidateOptions,
  name: string,
  target: Target | undefined,
  targetLabel: string,
  issues: ValidationIssue[],
): Promise<Backend | undefined> {
  const backend = options.backend;
  if (!target) return undefined;
  // A space with no local data is configured for the workspace only: nothing to check locally.
  if (backend.needsLocalData && !target.local?.data && options.dataFile === undefined) return undefined;
  // Without `execute`, names are checked against the embedded warehouse only (a workspace is not asked).
  if (!options.execute && !backend.needsLocalData) return undefined;
  try {
    return await backend.open({
      root: options.root,
      target,
      space: name,
      layout: options.layout,
      dataFile: options.dataFile,
      // Validation needs the schema, not rows: on the demo, expected SQL runs on its empty tables.
      demoRows: false,
    });
  } catch (error) {
    issues.push(...issuesOf(error, targetLabel));
    return undefined;
  }
}

/** The benchmark file inspected (every problem collected), or undefined when absent or unreadable. */
function readBenchmarks(
  root: string,
  label: string,
  space: string,
  issues: ValidationIssue[],
): BenchmarkInspection | undefined {
  const file = path.join(root, label);
  if (!existsSync(file)) return undefined;
  try {
    checkReadable(file, label, MAX_YAML_BYTES);
    return inspectBenchmarksText(readFileSync(file, 'utf8'), label, space);
  } catch (error) {
    issues.push(...issuesOf(error, label));
    return undefined;
  }
}

function checkSpaceFile(file: string, label: string, name: string, schema?: WarehouseSchema): ValidationIssue[] {
  if (!existsSync(file))
    return [
      {
        file: label,
        path: '$',
        message: `${repoPaths.dir(name)}/ has no space.json: create it (the decoded serialized_space, e.g. via \`genie-gitops export\` or \`genie-gitops init\`)`,
      },
    ];
  try {
    checkReadable(file, label, MAX_JSON_BYTES);
  } catch (error) {
    return issuesOf(error, label);
  }
  const text = readFileSync(file, 'utf8');
  const inspected = inspectSpaceText(text, label);
  if (!inspected.space) return inspected.issues;
  // Lines let the action annotate the exact spot in the PR diff.
  const invariants = addIssueLines(text, checkInvariants(inspected.space, { file: label, warehouseSchema: schema }));
  return [...inspected.issues, ...invariants];
}

function checkExpectedSql(bench: BenchmarkInspection, schema?: WarehouseSchema): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const b of bench.set.benchmarks) {
    for (const problem of expectedSqlProblems(b.sql, schema))
      issues.push({ file: bench.set.file, ...sqlAt(bench, b.id), message: `${b.id}: expected SQL ${problem}` });
  }
  return issues;
}

/** Runs each distinct expected SQL once; a failure is an issue on the benchmark's `sql` line. */
async function executeExpected(
  bench: BenchmarkInspection,
  warehouse: Warehouse,
  issues: ValidationIssue[],
): Promise<number> {
  const distinct = [...new Set(bench.set.benchmarks.map((b) => b.sql))];
  // A workspace sees at most four at once. The embedded warehouse takes them all: it checks and rewrites
  // each while its thread is still building the database, then runs them back to back.
  const outcomes = await mapConcurrent(distinct, warehouse.concurrency ?? 4, async (sql) => {
    try {
      await warehouse.execute(sql, { rowLimit: 1 });
      return null;
    } catch (error) {
      return messageOf(error);
    }
  });
  const results = new Map(distinct.map((sql, i) => [sql, outcomes[i]]));
  for (const b of bench.set.benchmarks) {
    const failure = results.get(b.sql);
    if (failure)
      issues.push({
        file: bench.set.file,
        ...sqlAt(bench, b.id),
        message: `${b.id}: expected SQL fails on the warehouse: ${failure.split('\n')[0]}`,
      });
  }
  return results.size;
}

function sqlAt(bench: BenchmarkInspection, id: string): { path: string; line?: number } {
  return bench.sqlLocations.get(id) ?? { path: '$' };
}
