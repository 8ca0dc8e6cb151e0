/**
 * Loads sql.js (SQLite compiled to WebAssembly) once per process.
 *
 * ncc cannot bundle sql.js (its Emscripten glue uses `__dirname`, which does not
 * exist in an ES module), so the bundle ships `sql-wasm.js` + `sql-wasm.wasm`
 * unbundled in `dist/vendor/sqljs/` and we load them with a runtime `require`.
 * From source (vitest, tsx) there is no vendor folder and we use node_modules.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Database as SqlJsDatabase, SqlJsStatic } from 'sql.js';

export type { SqlJsDatabase, SqlJsStatic };

const GLUE = 'sql-wasm.js';
const WASM = 'sql-wasm.wasm';

type InitSqlJs = (config?: { locateFile?: (file: string) => string; useOldExtensionFunctions?: boolean }) => Promise<SqlJsStatic>;

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
  const here = path.dirname(fileURLToPath(import.meta.url));
  // dist/index.js -> dist/vendor/sqljs; dist/cli/index.js -> dist/vendor/sqljs
  const vendored = [path.join(here, 'vendor', 'sqljs'), path.join(here, '..', 'vendor', 'sqljs')];
  for (const dir of vendored) {
    if (existsSync(path.join(dir, GLUE)) && existsSync(path.join(dir, WASM))) return dir;
  }
  // Built from parts so ncc does not see a literal module name and try to bundle it.
  const specifier = ['sql.js', 'dist', GLUE].join('/');
  try {
    return path.dirname(createRequire(import.meta.url).resolve(specifier));
  } catch {
    throw new Error(
      `sql.js not found: looked in ${vendored.join(', ')} and node_modules. ` +
        'Run `npm ci` (from source) or `npm run bundle` (for dist/).',
    );
  }
}

async function initialise(): Promise<SqlJsStatic> {
  const dir = sqlJsDirectory();
  const load = createRequire(import.meta.url);
  const exported = load(path.join(dir, GLUE)) as InitSqlJs | { default: InitSqlJs };
  const init = typeof exported === 'function' ? exported : exported.default;
  // Native SQLite math functions instead of sql.js's deprecated JS ones (which warn on use).
  return init({ locateFile: (file) => path.join(dir, file), useOldExtensionFunctions: false });
}
