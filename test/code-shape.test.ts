/**
 * The shape of the code, drawn from its own imports: no import cycle, no import that runs back up
 * between folders, commands that reach outside services only through ports, settings read at the
 * edge, and files and functions of a readable size. Fast: it parses sources, runs nothing.
 *
 * Each KNOWN_* list is debt named on purpose: the test fails when new debt appears, and also when
 * a listed item is paid off but left in the list, so the lists only shrink.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cycles, fileEdges, lineCount, longFunctions, readSources, roomOf } from './helpers/import-graph.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sources = readSources(ROOT).sort((a, b) => a.file.localeCompare(b.file));
const src = sources.filter((s) => s.file.startsWith('src/'));

/** Imports that run back up a floor: none left, and a new one fails this test. */
const KNOWN_UPWARD: string[] = [];

/** Folders of outside-service adapters: commands reach them only through ports handed in by the entries. */
const ADAPTERS = ['src/github', 'src/databricks', 'src/local', 'src/llm', 'src/serve'];
/** Commands that still reach an adapter themselves: none (the entries build them in src/wiring/). */
const KNOWN_COMMAND_ADAPTERS: string[] = [];

/** Where settings may be read from the environment: the entries and the wiring. */
const ENV_READERS = [
  /^src\/action\/(index|main)\.ts$/,
  /^src\/action\/github-context\.ts$/,
  /^src\/cli\//,
  /^src\/wiring\//,
];
const KNOWN_ENV_READERS: string[] = [];

const KNOWN_LONG_FILES: string[] = [];

const KNOWN_LONG_FUNCTIONS: string[] = [];

/** Every import from one folder (or top-level file) of src/ to another, as "from -> to" files. */
function crossImports(): Array<{ from: string; to: string }> {
  return sources.flatMap((s) =>
    s.imports.filter((t) => roomOf(t) !== roomOf(s.file)).map((t) => ({ from: s.file, to: t })),
  );
}

/** Uses of process.env that are not in a comment. */
function readsEnv(text: string): boolean {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .some((line) => /process\.env\b/.test(line.replace(/\/\/.*$/, '')));
}

describe('code shape', () => {
  it('has no import cycle between files', () => {
    expect(cycles(fileEdges(sources))).toEqual([]);
  });

  it('has no import that runs back up: the folders form no cycle', () => {
    const edges = new Map<string, Set<string>>();
    const known = new Set(KNOWN_UPWARD);
    const seen = new Set<string>();
    for (const { from, to } of crossImports()) {
      const arrow = `${from} -> ${to}`;
      if (known.has(arrow)) {
        seen.add(arrow);
        continue;
      }
      const set = edges.get(roomOf(from)) ?? new Set<string>();
      edges.set(roomOf(from), set.add(roomOf(to)));
    }
    expect(cycles(edges)).toEqual([]);
    expect([...known].filter((a) => !seen.has(a))).toEqual([]);
  });

  it('commands reach no adapter folder', () => {
    const offenders = new Set(
      crossImports()
        .filter(({ from, to }) => from.startsWith('src/commands/') && ADAPTERS.includes(roomOf(to)))
        .map(({ from }) => from),
    );
    expect([...offenders].sort()).toEqual(KNOWN_COMMAND_ADAPTERS);
  });

  it('reads process.env only in the entries and the wiring, and never writes it', () => {
    const readers = src
      .filter((s) => readsEnv(s.text) && !ENV_READERS.some((allowed) => allowed.test(s.file)))
      .map((s) => s.file);
    expect(readers.sort()).toEqual(KNOWN_ENV_READERS);
    expect(src.filter((s) => /Object\.assign\(\s*process\.env/.test(s.text)).map((s) => s.file)).toEqual([]);
  });

  it('keeps files under 400 lines and functions under 80', () => {
    expect(src.filter((s) => lineCount(s.text) > 400).map((s) => s.file)).toEqual(KNOWN_LONG_FILES);
    expect(src.flatMap((s) => longFunctions(s, 80)).sort()).toEqual(KNOWN_LONG_FUNCTIONS);
  });

  it('lays test/ out like src/: every test folder is a src/ folder or one of the cross-cutting ones', () => {
    const crossCutting = ['bench', 'dist', 'e2e', 'fixtures', 'helpers'];
    const folders = (dir: string) =>
      readdirSync(path.join(ROOT, dir), { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name);
    const srcFolders = new Set(folders('src'));
    expect(folders('test').filter((name) => !srcFolders.has(name) && !crossCutting.includes(name))).toEqual([]);
  });
});
