/** `validate`: every space file, target and benchmark file parses, and the space's invariants hold. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ValidationError, type ValidationIssue } from '../errors.js';
import { loadBenchmarks } from '../benchmarks/loader.js';
import { checkInvariants } from '../space/invariants.js';
import { addIssueLines } from '../space/space-file.js';
import { listSpaces } from '../space/repository.js';
import { benchmarksFile, loadSpace, openWarehouseFor } from './workspace.js';

export interface SpaceValidation {
  space: string;
  issues: ValidationIssue[];
  benchmarks: number;
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
  /** Check columns against the local warehouse schema (default true). */
  checkWarehouse?: boolean;
  /** The local warehouse's data from the command line (absolute path or 'demo'), overriding target.yml. */
  dataFile?: string;
}

export async function validateCommand(options: ValidateOptions): Promise<ValidateResult> {
  const names = options.space ? [options.space] : listSpaces(options.root);
  if (names.length === 0) {
    const issue: ValidationIssue = {
      file: 'spaces/',
      path: '$',
      message: 'no space found: create spaces/<name>/space.json (or run `genie-gitops init`)',
    };
    return { ok: false, spaces: [], issues: [issue] };
  }
  const spaces: SpaceValidation[] = [];
  for (const name of names)
    spaces.push(await validateOne(options.root, name, options.checkWarehouse ?? true, options.dataFile));
  const issues = spaces.flatMap((s) => s.issues);
  return { ok: issues.length === 0, spaces, issues };
}

async function validateOne(
  root: string,
  name: string,
  checkWarehouse: boolean,
  dataFile: string | undefined,
): Promise<SpaceValidation> {
  const issues: ValidationIssue[] = [];
  let benchmarks = 0;
  const relative = (file: string) => (path.isAbsolute(file) ? path.relative(root, file) : file);
  const collect = (error: unknown) => {
    if (error instanceof ValidationError) issues.push(...error.issues.map((i) => ({ ...i, file: relative(i.file) })));
    else throw error;
  };
  try {
    const loaded = loadSpace(root, name);
    const spaceFile = relative(loaded.spaceFile);
    let warehouseSchema;
    if (checkWarehouse && (loaded.target?.local || dataFile)) {
      const warehouse = await openWarehouseFor(root, loaded.target, dataFile);
      try {
        warehouseSchema = await warehouse.schema();
      } finally {
        await warehouse.close?.();
      }
    }
    // Lines let the action annotate the exact spot in the PR diff.
    issues.push(
      ...addIssueLines(
        readFileSync(loaded.spaceFile, 'utf8'),
        checkInvariants(loaded.space, { file: spaceFile, warehouseSchema }),
      ),
    );
  } catch (error) {
    collect(error);
  }
  const benchFile = benchmarksFile(root, name);
  if (existsSync(benchFile)) {
    try {
      benchmarks = loadBenchmarks(benchFile, name).benchmarks.length;
    } catch (error) {
      collect(error);
    }
  }
  return { space: name, issues, benchmarks };
}
