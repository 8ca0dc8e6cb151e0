/** enhance end to end on the demo, from the thin config, with the rules analyst (issue acceptance). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import jsonpatch from 'fast-json-patch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { main } from '../../src/cli/main.js';
import { serializeSpace } from '../../src/space/canonical.js';
import { parseSpaceText } from '../../src/space/space-file.js';
import { normalizeSqlForSplit } from '../../src/benchmarks/split.js';
import { captureIo, tempRepo } from '../helpers/temp-repo.js';
import { described, lint } from '../lint/helpers.js';
import { DEMO_UNBOUNDED_FINAL } from '../helpers/demo-enhanced.js';

let repo: ReturnType<typeof tempRepo>;
let first: any;
let thinText: string;

async function enhance(extra: string[] = []): Promise<any> {
  const json = path.join(repo.root, `enhance-${Math.random().toString(36).slice(2)}.json`);
  const io = captureIo(repo.root);
  const code = await main(
    ['enhance', '--space', 'demo', '--backend', 'local', '--analyst', 'rules', '--json', json, '--quiet', ...extra],
    io,
  );
  expect(code, io.stderr.join('\n')).toBe(0);
  return JSON.parse(readFileSync(json, 'utf8'));
}

function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const sub of ['spaces', 'benchmarks', 'lessons']) {
    const walk = (d: string): void => {
      let entries: string[] = [];
      try {
        entries = readdirSync(d);
      } catch {
        return;
      }
      for (const name of entries) {
        const full = path.join(d, name);
        if (statSync(full).isDirectory()) walk(full);
        else files.set(path.relative(dir, full), readFileSync(full, 'utf8'));
      }
    };
    walk(path.join(dir, sub));
  }
  return files;
}

beforeAll(async () => {
  repo = tempRepo();
  thinText = readFileSync(path.join(repo.root, 'spaces/demo/space.json'), 'utf8');
  first = await enhance(['--markdown', 'pr-body.md']);
}, 300_000);
afterAll(() => repo.cleanup());

describe('enhance on the thin demo config', () => {
  it('raises holdout by at least 35 points and train-untaught to at least 75%, teaching no question, breaking none', () => {
    // Until issue 9 train reached 100% here because 17 train questions were copied into example queries
    // (taught); the bar is now on train-untaught, the questions the config does not hold verbatim.
    const before = first.before.totals;
    const after = first.after.totals;
    expect(first.after.questions.filter((q: { taught: boolean }) => q.taught)).toEqual([]);
    expect(after.trainUntaught).toEqual(after.train);
    expect(after.trainUntaught.score).toBeGreaterThanOrEqual(0.75);
    expect(after.holdout.score - before.holdout.score).toBeGreaterThanOrEqual(0.35);
    for (const it of first.iterations) expect(it.regressions).toEqual([]);
    expect(first.iterations.length).toBeGreaterThan(0);
    for (const it of first.iterations) if (it.accepted) expect(it.patch.length).toBeGreaterThan(0);
  });

  it('keeps the same iterations as before gains had to be significant (zero noise)', () => {
    // Recorded from the deterministic loop with the plain count rule (issue 9: no copies, train-untaught must rise):
    // [kept, train passed, holdout passed] after each iteration. The third finds no fix left to apply.
    // Iteration 1 is screened (issue 15): its failing holdout questions are not asked, so its holdout
    // count is the prediction (the 2 that passed still pass); the final config's full scoring shows 11.
    expect(first.iterations.map((it: any) => [it.accepted, it.after.train.passed, it.after.holdout.passed])).toEqual([
      [true, 28, 2],
      [true, 31, 11],
      [false, 31, 11],
    ]);
    const final = first.after.totals;
    expect([final.train.passed, final.trainUntaught.passed, final.holdout.passed]).toEqual([
      DEMO_UNBOUNDED_FINAL.train,
      DEMO_UNBOUNDED_FINAL.trainUntaught,
      DEMO_UNBOUNDED_FINAL.holdout,
    ]);
    expect(first.iterations.map((it: any) => it.screened?.confirmed)).toEqual([false, true, undefined]);
  });

  it('writes a valid, canonical config whose diff is exactly the accepted patches', async () => {
    const file = path.join(repo.root, 'spaces/demo/space.json');
    const text = readFileSync(file, 'utf8');
    expect(serializeSpace(parseSpaceText(text, file))).toBe(text);
    const io = captureIo(repo.root);
    expect(await main(['validate', '--space', 'demo'], io), io.stderr.join('\n')).toBe(0);
    let replay = JSON.parse(thinText);
    for (const it of first.iterations)
      if (it.accepted) replay = jsonpatch.applyPatch(replay, it.patch, true, false).newDocument;
    expect(serializeSpace(replay)).toBe(text);
  });

  it('writes a PR body a reviewer can read: summary first, no stacked headings, patches collapsed, within the limit', () => {
    const md = readFileSync(path.join(repo.root, 'pr-body.md'), 'utf8');
    expect(md.length).toBeLessThanOrEqual(65_536);
    expect(md.indexOf('| train |')).toBeLessThan(md.indexOf('### Fixes'));
    const lines = md.split('\n').filter((l) => l.trim() !== '');
    const level = (l: string | undefined) => (l ? /^(#+) /.exec(l)?.[1].length : undefined);
    expect(lines.filter((l, i) => level(l) !== undefined && level(l) === level(lines[i + 1]))).toEqual([]);
    // Every raw patch sits inside a collapsed <details>, with its paths named.
    const jsonBlocks = md.split('```json').length - 1;
    expect(jsonBlocks).toBe(first.iterations.filter((it: { accepted: boolean }) => it.accepted).length);
    for (const chunk of md.split('```json').slice(1)) {
      const before = md.slice(0, md.indexOf(chunk));
      expect(before.lastIndexOf('<details>')).toBeGreaterThan(before.lastIndexOf('</details>'));
    }
    expect(md).toMatch(/`add \/data_sources\/tables\/\d+\/[^`]*` → main\.community\.\w+/);
    expect(md).not.toMatch(/^- note:/m);
  });

  it("never puts a holdout question's SQL into the config", () => {
    const config = JSON.parse(readFileSync(path.join(repo.root, 'spaces/demo/space.json'), 'utf8'));
    const bench = YAML.parse(readFileSync(path.join(repo.root, 'benchmarks/demo.yml'), 'utf8')) as {
      sql: string;
      split: string;
    }[];
    const exampleSql = (config.instructions?.example_question_sqls ?? []).map((e: { sql: string[] }) =>
      normalizeSqlForSplit(e.sql.join('')),
    );
    for (const b of bench.filter((q) => q.split === 'holdout'))
      expect(exampleSql).not.toContain(normalizeSqlForSplit(b.sql));
  });

  it('raises the static quality: the enhanced config lints between the thin demo and the described fixture', async () => {
    const json = path.join(repo.root, 'lint.json');
    const io = captureIo(repo.root);
    expect(await main(['lint', '--space', 'demo', '--json', json, '--quiet'], io), io.stderr.join('\n')).toBe(0);
    const enhanced = JSON.parse(readFileSync(json, 'utf8')).spaces[0].quality.score;
    const thin = first.before.quality.score;
    const rich = lint(described()).quality.score;
    expect(first.after.quality.score).toBe(enhanced);
    expect(thin).toBeLessThan(20);
    expect(enhanced).toBeGreaterThan(thin + 20);
    expect(enhanced).toBeLessThan(rich);
  });

  it('a second run on its own output re-proposes nothing applied and never lowers the score', async () => {
    const lessons = JSON.parse(readFileSync(path.join(repo.root, 'lessons/demo.json'), 'utf8'));
    const appliedKeys = new Set(lessons.applied_fixes.map((f: { key: string }) => f.key));
    expect(appliedKeys.size).toBeGreaterThan(0);
    const second = await enhance();
    for (const it of second.iterations) {
      for (const a of it.applied) expect(appliedKeys.has(a.key)).toBe(false);
      for (const r of it.rejected) expect(appliedKeys.has(r.key)).toBe(false);
    }
    expect(second.after.totals.train.passed).toBeGreaterThanOrEqual(second.before.totals.train.passed);
    expect(second.after.totals.holdout.passed).toBeGreaterThanOrEqual(second.before.totals.holdout.passed);
    expect(second.before.totals.all.passed).toBe(first.after.totals.all.passed);
  }, 300_000);

  it('--dry-run changes no file', async () => {
    const before = snapshot(repo.root);
    await enhance(['--dry-run', '--max-iterations', '1']);
    expect(snapshot(repo.root)).toEqual(before);
  }, 300_000);
});
