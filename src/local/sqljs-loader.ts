/**
 * Loads sql.js (SQLite compiled to WebAssembly) once per process.
 *
 * sql.js is not bundled (its Emscripten glue finds its wasm beside itself on disk), so scripts/bundle.mjs ships the glue and the wasm unbundled
 * in `dist/vendor/sqljs/` (glue renamed `.cjs`) and we load them with a runtime
 * `require`. From source (vitest, tsx) there is no vendor folder: node_modules it is.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Database as SqlJsDatabase, SqlJsStatic } from 'sql.js';

export type { SqlJsDatabase, SqlJsStatic };

const GLUE = 'sql-wasm.js';
/** dist/ is `"type": "module"`, so the vendored CommonJS glue carries the .cjs extension. */
const VENDORED_GLUE = 'sql-wasm.cjs';
const WASM = 'sql-wasm.wasm';

type InitSqlJs = (config?: {
  locateFile?: (file: string) => string;
  useOldExtensionFunctions?: boolean;
}) => Promise<SqlJsStatic>;

let cached: Promise<SqlJsStatic> | undefined;

/** The sql.js module, initialised once; later calls share the same promise. */
export function loadSqlJs(): Promise<SqlJsStatic> {
  if (!cached) {
    cached = initialise().catch((error: unknown) => {
      cached = undefined; // let a later call retry instead of caching the failure
      throw error;
    });
  }
  return cached;
}

/** Where the glue and wasm files were found (for diagnostics and tests). */
export function sqlJsDirectory(): string {
  return locateSqlJs().dir;
}

function locateSqlJs(): { dir: string; glue: string } {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // dist/index.js -> dist/vendor/sqljs; dist/cli/index.js -> dist/vendor/sqljs
  const vendored = [path.join(here, 'vendor', 'sqljs'), path.join(here, '..', 'vendor', 'sqljs')];
  for (const dir of vendored) {
    if (existsSync(path.join(dir, VENDORED_GLUE)) && existsSync(path.join(dir, WASM)))
      return { dir, glue: VENDORED_GLUE };
  }
  // Built from parts so the bundler does not see a literal module name and try to bundle it.
  const specifier = ['sql.js', 'dist', GLUE].join('/');
  try {
    return { dir: path.dirname(createRequire(import.meta.url).resolve(specifier)), glue: GLUE };
  } catch {
    throw new Error(
      `sql.js not found: looked in ${vendored.join(', ')} and node_modules. ` +
        'Run `npm ci` (from source) or `npm run bundle` (for dist/).',
    );
  }
}

async function initialise(): Promise<SqlJsStatic> {
  const { dir, glue } = locateSqlJs();
  const load = createRequire(import.meta.url);
  const exported = load(path.join(dir, glue)) as InitSqlJs | { default: InitSqlJs };
  const init = typeof exported === 'function' ? exported : exported.default;
  // Native SQLite math functions instead of sql.js's deprecated JS ones (which warn on use).
  return init({ locateFile: (file) => path.join(dir, file), useOldExtensionFunctions: false });
}
