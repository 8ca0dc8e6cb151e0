#!/usr/bin/env node
/**
 * Bundles the action and the CLI with esbuild so they run without node_modules:
 *   src/action/index.ts -> dist/index.js        (what action.yml runs)
 *   src/cli/index.ts    -> dist/cli/index.js    (what bin/genie-gitops.js imports)
 * ES modules, not minified (dist/ diffs stay readable), in one build with code splitting (the
 * code the entries share, and each command's own code, in dist/chunks/), with the third-party
 * licenses of everything bundled in dist/licenses.txt. Builds take about a second, so the
 * check-dist test stays cheap; `npm run bundle` type-checks src/ first (esbuild only strips types).
 * sql.js cannot be bundled (its Emscripten glue needs __dirname and loads its wasm from disk),
 * so its glue (as sql-wasm.cjs) and wasm are copied to dist/vendor/sqljs/, where
 * src/local/sqljs-loader.ts finds them at run time.
 * The embedded warehouse runs in a worker thread, whose code is its own entry:
 *   src/local/sqlite-worker.ts -> dist/sqlite-worker/index.js (found by src/local/sqlite-host.ts)
 * built into every dist, whatever entries are asked for.
 * dist/ is rebuilt from scratch, so files from earlier builds never linger.
 *
 * Usage: node scripts/bundle.mjs            (the two entries above)
 *        import { bundle } from './bundle.mjs' to build them into another folder (tests).
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Each entry's source and the folder of its index.js inside dist/. */
const ENTRIES = [
  { entry: 'src/action/index.ts', out: '.' },
  { entry: 'src/cli/index.ts', out: 'cli' },
];

/** The worker thread of the embedded warehouse, bundled beside the entries (see src/local/sqlite-host.ts). */
const WORKER_ENTRY = 'src/local/sqlite-worker.ts';
const WORKER_DIR = 'sqlite-worker';

/** Source name -> vendored name; the glue is CommonJS inside a "type": "module" dist/, hence .cjs. */
const SQLJS_FILES = { 'sql-wasm.js': 'sql-wasm.cjs', 'sql-wasm.wasm': 'sql-wasm.wasm' };

/**
 * CommonJS dependencies inside an ES module bundle call require() for Node's built-ins and read
 * __filename/__dirname; ESM has none of them, so each bundle defines them from import.meta.url.
 */
const BANNER = [
  "import { createRequire as __bundleCreateRequire } from 'node:module';",
  "import { fileURLToPath as __bundleFileURLToPath } from 'node:url';",
  "import { dirname as __bundleDirname } from 'node:path';",
  'const require = __bundleCreateRequire(import.meta.url);',
  'const __filename = __bundleFileURLToPath(import.meta.url);',
  'const __dirname = __bundleDirname(__filename);',
].join('\n');

/**
 * @actions/core imports its OIDC client (and with it @actions/http-client, undici and tunnel:
 * 800 KB) at load time, though this action never asks for an OIDC token. Declaring those
 * packages free of import side effects lets esbuild drop them wherever nothing of theirs is
 * called, so commands that never reach GitHub's API do not parse them at start.
 */
const SIDE_EFFECT_FREE = /^(@actions\/http-client|undici|tunnel)$/;
const sideEffectFree = {
  name: 'side-effect-free',
  setup(esbuild) {
    esbuild.onResolve({ filter: SIDE_EFFECT_FREE }, async (args) => {
      if (args.pluginData?.sideEffectFree) return undefined;
      const { path: resolved, errors } = await esbuild.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: { sideEffectFree: true },
      });
      return errors.length ? { errors } : { path: resolved, sideEffects: false };
    });
  },
};

/** Type-checks src/ (esbuild strips types without checking them): type errors stop the build. */
export function typecheck() {
  const tsc = path.join(path.dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--noEmit'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0)
    throw new Error(`tsc reported errors (exit ${result.status ?? result.signal}); fix them before bundling`);
}

/**
 * Bundles every entry in one esbuild build with code splitting: each entry (`<out>/index.js`)
 * holds what every run needs, and each command's code sits in a chunk under dist/chunks/ that
 * is loaded only when that command runs (the entries import their runners dynamically), so a
 * cold `validate` parses and evaluates a fraction of the code an `enhance` needs. Chunk names
 * carry a content hash, so one source gives one dist/ (the check-dist test relies on it).
 */
async function esbuildEntries(entries, dist) {
  mkdirSync(dist, { recursive: true });
  const result = await build({
    entryPoints: entries.map(({ entry, out }) => ({ in: path.resolve(root, entry), out: path.join(out, 'index') })),
    outdir: dist,
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: BANNER },
    legalComments: 'none',
    metafile: true,
    logLevel: 'error',
    plugins: [sideEffectFree],
  });
  writeFileSync(path.join(dist, 'package.json'), '{\n  "type": "module"\n}\n');
  const notices = licenses(Object.keys(result.metafile.inputs));
  if (notices) writeFileSync(path.join(dist, 'licenses.txt'), notices);
}

/** The packages whose code an output holds (from esbuild's metafile), with their license texts. */
function licenses(inputs) {
  const packages = new Map();
  for (const input of inputs) {
    const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input.split(path.sep).join('/'));
    if (!match) continue;
    const dir = path.join(root, input.slice(0, match.index + match[0].length));
    packages.set(match[1], dir);
  }
  return [...packages.keys()]
    .sort()
    .map((name) => {
      const dir = packages.get(name);
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
      const file = readdirSync(dir).find((f) => /^(licen[sc]e|copying)(\.|$)/i.test(f));
      const text = file ? readFileSync(path.join(dir, file), 'utf8').trim() : '';
      return `${name}\n${manifest.license ?? 'UNKNOWN'}\n${text}\n`;
    })
    .join('\n');
}

/** Copies sql.js's glue and wasm into `<dist>/vendor/sqljs/`. */
function copySqlJs(dist) {
  const from = path.dirname(require.resolve('sql.js/dist/sql-wasm.js'));
  const to = path.join(dist, 'vendor', 'sqljs');
  mkdirSync(to, { recursive: true });
  for (const [file, name] of Object.entries(SQLJS_FILES)) copyFileSync(path.join(from, file), path.join(to, name));
  copyFileSync(path.join(path.dirname(from), 'LICENSE'), path.join(to, 'LICENSE'));
}

/** Bundles the entries and the worker into `dist` (relative to the repository root, or absolute). */
export async function bundle({ dist = 'dist' } = {}) {
  const distDir = path.resolve(root, dist);
  rmSync(distDir, { recursive: true, force: true });
  await esbuildEntries([...ENTRIES, { entry: WORKER_ENTRY, out: WORKER_DIR }], distDir);
  copySqlJs(distDir);
  return listFiles(distDir).map((file) => path.relative(root, file));
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
  typecheck();
  const files = await bundle();
  for (const file of files) console.log(`${file}  ${statSync(path.join(root, file)).size} bytes`);
}
