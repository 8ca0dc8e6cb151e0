/** The described demo fixture and the demo benchmarks: the clean base every check test mutates. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadBenchmarks } from '../../src/benchmarks/loader.js';
import type { Benchmark } from '../../src/benchmarks/types.js';
import { lintSpace, type LintReport } from '../../src/lint/lint-space.js';
import type { WarehouseFacts } from '../../src/lint/types.js';
import type { Space } from '../../src/space/schema.js';
import { REPO_ROOT } from '../helpers/temp-repo.js';

export const DESCRIBED = path.join(REPO_ROOT, 'test/fixtures/demo-described/space.json');
export const THIN = path.join(REPO_ROOT, 'spaces/demo/space.json');

export function described(): Space {
  return JSON.parse(readFileSync(DESCRIBED, 'utf8')) as Space;
}

export function thin(): Space {
  return JSON.parse(readFileSync(THIN, 'utf8')) as Space;
}

let cached: Benchmark[] | undefined;
export function demoBenchmarks(): Benchmark[] {
  cached ??= loadBenchmarks(path.join(REPO_ROOT, 'benchmarks/demo.yml'), 'demo').benchmarks;
  return cached;
}

let counter = 0;
/** A fresh 32-hex id, unique within a test run. */
export function freshId(): string {
  counter++;
  return counter.toString(16).padStart(32, 'a');
}

/** Lints a space as the file would hold it (2-space JSON), so findings get lines. */
export function lint(space: Space, options: { benchmarks?: Benchmark[]; warehouse?: WarehouseFacts } = {}): LintReport {
  return lintSpace({
    space,
    benchmarks: options.benchmarks ?? demoBenchmarks(),
    warehouse: options.warehouse,
    text: `${JSON.stringify(space, null, 2)}\n`,
  });
}
