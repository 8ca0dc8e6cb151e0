#!/usr/bin/env node
/**
 * Bundles the action and the CLI with ncc so they run without node_modules:
 *   src/action/index.ts -> dist/index.js        (what action.yml runs)
 *   src/cli/index.ts    -> dist/cli/index.js    (what bin/genie-gitops.js imports)
 * tsc compiles src/ first (type errors stop the build), then ncc bundles the compiled
 * entries: ES modules, not minified (dist/ diffs stay readable), without ncc's cache so
 * the output depends only on the sources. sql.js cannot be bundled (its
 * Emscripten glue needs __dirname), so its glue (as sql-wasm.cjs) and wasm are
 * copied to dist/vendor/sqljs/, where src/local/sqljs-loader.ts finds them at run time.
 * The embedded warehouse runs in a worker thread, whose code is its own entry:
 *   src/local/sqlite-worker.ts -> dist/sqlite-worker/index.js (found by src/local/sqlite-host.ts)
 * built into every dist, whatever entries are asked for.
 * dist/ is rebuilt from scratch, so files from earlier builds never linger.
 *
 * Usage: node scripts/bundle.mjs            (the two entries above)
 *        import { bundle } from './bundle.mjs' to bundle other entries (tests).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

export const ENTRIES = [
  { entry: 'src/action/index.ts', out: 'dist' },
  { entry: 'src/cli/index.ts', out: 'dist/cli' },
];

/** The worker thread of the embedded warehouse, bundled beside the entries (see src/local/sqlite-host.ts). */
export const WORKER_ENTRY = 'src/local/sqlite-worker.ts';
export const WORKER_DIR = 'sqlite-worker';

/** Source name -> vendored name; the glue is CommonJS inside a "type": "module" dist/, hence .cjs. */
const SQLJS_FILES = { 'sql-wasm.js': 'sql-wasm.cjs', 'sql-wasm.wasm': 'sql-wasm.wasm' };

/**
 * Compiles src/ with tsc into `outDir` (ES modules, as the sources are). ncc's own TypeScript
 * step is not used: in transpile-only mode it emits CommonJS for NodeNext sources (which breaks
 * top-level await), and with type checking it checks the whole tsconfig program, tests included.
 */
export function compileSources(scratch) {
  const outDir = path.join(scratch, 'js');
  const tsconfig = path.join(scratch, 'tsconfig.json');
  mkdirSync(scratch, { recursive: true });
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: path.join(root, 'tsconfig.json'),
      compilerOptions: {
        rootDir: root,
        outDir,
        noEmit: false,
        declaration: false,
        sourceMap: false,
        incremental: false,
      },
      include: [path.join(root, 'src', '**', '*.ts')],
    }),
  );
  const tsc = path.join(path.dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', tsconfig], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0)
    throw new Error(`tsc reported errors in src/ (exit ${result.status ?? result.signal}); fix them before bundling`);
  writeFileSync(path.join(outDir, 'package.json'), '{ "type": "module" }\n');
  return outDir;
}

/**
 * Runs ncc on one compiled entry into `out`. ncc names modules relative to its working
 * directory in the output, so it runs from `cwd` (the compiled tree): no scratch path
 * (which carries a process id) leaks into dist/, keeping builds byte-identical.
 */
export function nccBuild(entry, out, cwd = root) {
  const cli = path.join(path.dirname(require.resolve('@vercel/ncc/package.json')), 'dist', 'ncc', 'cli.js');
  const args = [
    cli,
    'build',
    entry,
    '--out',
    out,
    '--license',
    'licenses.txt',
    '--target',
    'es2022',
    '--no-cache',
    '--quiet',
  ];
  const result = spawnSync(process.execPath, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`ncc failed for ${entry} (exit ${result.status ?? result.signal})`);
}

/** Copies sql.js's glue and wasm into `<dist>/vendor/sqljs/`. */
export function copySqlJs(dist) {
  const from = path.dirname(require.resolve('sql.js/dist/sql-wasm.js'));
  const to = path.join(dist, 'vendor', 'sqljs');
  mkdirSync(to, { recursive: true });
  for (const [file, name] of Object.entries(SQLJS_FILES)) copyFileSync(path.join(from, file), path.join(to, name));
  copyFileSync(path.join(path.dirname(from), 'LICENSE'), path.join(to, 'LICENSE'));
}

/**
 * Bundles `entries` ({ entry, out } relative to the repository root or absolute) into `dist`.
 * Nested outputs (dist/cli) are built into a scratch folder first so that building the
 * outer entry, which empties its folder, cannot delete them.
 */
export function bundle({ entries: asked = ENTRIES, dist = 'dist' } = {}) {
  const distDir = path.resolve(root, dist);
  const entries = [...asked, { entry: WORKER_ENTRY, out: path.join(distDir, WORKER_DIR) }];
  rmSync(distDir, { recursive: true, force: true });
  // Inside the repository so the compiled files resolve packages from its node_modules.
  const scratch = path.join(root, `.bundle-${process.pid}`);
  rmSync(scratch, { recursive: true, force: true });
  try {
    const js = compileSources(scratch);
    entries.forEach(({ entry }, i) => {
      const source = path.resolve(root, entry);
      // A .ts entry is taken from the compiled tree; a .js/.mjs entry is bundled as it is.
      const compiled = source.endsWith('.ts')
        ? path.join(js, path.relative(root, source)).replace(/\.ts$/, '.js')
        : source;
      nccBuild(compiled, path.join(scratch, 'out', String(i)), js);
    });
    entries.forEach(({ out }, i) => {
      const target = path.resolve(root, out);
      mkdirSync(target, { recursive: true });
      moveContents(path.join(scratch, 'out', String(i)), target);
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  copySqlJs(distDir);
  return listFiles(distDir).map((file) => path.relative(root, file));
}

function moveContents(from, to) {
  for (const name of readdirSync(from)) {
    const source = path.join(from, name);
    const target = path.join(to, name);
    if (statSync(source).isDirectory()) {
      mkdirSync(target, { recursive: true });
      moveContents(source, target);
    } else {
      copyFileSync(source, target);
    }
  }
}

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? listFiles(full) : [full];
    });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = bundle();
  for (const file of files) console.log(`${file}  ${statSync(path.join(root, file)).size} bytes`);
}
