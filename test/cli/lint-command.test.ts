/** `genie-gitops lint` as a user runs it: output, exit codes, --json/--markdown, --min-quality, --fix, --warehouse. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import jsonpatch from 'fast-json-patch';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { CHECKS } from '../../src/lint/registry.js';
import { serializeSpace } from '../../src/space/canonical.js';
import { parseSpaceText } from '../../src/space/space-file.js';
import { REPO_ROOT, captureIo, tempRepo } from '../helpers/temp-repo.js';

let repo: ReturnType<typeof tempRepo>;
beforeEach(() => {
  repo = tempRepo();
});
afterEach(() => repo.cleanup());

const SPACE = 'spaces/demo/space.json';

async function lint(args: string[]) {
  const io = captureIo(repo.root);
  const code = await main(['lint', ...args], io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

function edit(fn: (space: any) => void): string {
  const file = path.join(repo.root, SPACE);
  const space = JSON.parse(readFileSync(file, 'utf8'));
  fn(space);
  const text = JSON.stringify(space, null, 2);
  writeFileSync(file, text);
  return text;
}

describe('lint', () => {
  it('prints each finding at file:line with its check and fix, then the quality by category', async () => {
    const run = await lint([]);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toMatch(
      /^spaces\/demo\/space\.json:\d+: warning \[table-description-missing\] \$\.data_sources\.tables\[\d\]: .*\(fix: /m,
    );
    expect(run.out).toContain(
      'demo: quality 10.0/100 (coverage 0, relationships 0, semantics 0, examples 0, limits 100); 0 error(s), 10 warning(s), 49 info',
    );
  });

  it('writes the JSON report and the Markdown summary', async () => {
    const json = path.join(repo.root, 'lint.json');
    const markdown = path.join(repo.root, 'lint.md');
    expect((await lint(['--json', json, '--markdown', markdown, '--quiet'])).code).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.spaces[0]).toMatchObject({ space: 'demo', file: SPACE, benchmarks: 56 });
    expect(report.spaces[0].quality.score).toBe(10);
    expect(report.spaces[0].findings[0]).toMatchObject({ check: expect.any(String), line: expect.any(Number) });
    const md = readFileSync(markdown, 'utf8');
    expect(md).toContain('| space | quality | coverage | relationships | semantics | examples | limits |');
    expect(md).toContain('**table-description-missing**');
  });

  it('fails below --min-quality (points 0-100) and on an error finding', async () => {
    const low = await lint(['--min-quality', '50', '--quiet']);
    expect(low.code).toBe(1);
    expect(low.err).toContain('demo: quality 10.0 is below --min-quality 50');
    // Points, not a fraction: 0.5 means half a point, which 10 clears.
    expect((await lint(['--min-quality', '0.5', '--quiet'])).code).toBe(0);
    expect((await lint(['--min-quality', '10', '--quiet'])).code).toBe(0);
    const bad = await lint(['--min-quality', '150']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--min-quality must be a number from 0 to 100 (got 150)');
    edit(
      (s) =>
        (s.instructions = {
          example_question_sqls: [
            { id: 'f'.repeat(32), question: ['Drop it'], sql: ['DROP TABLE main.community.members'] },
          ],
        }),
    );
    const errors = await lint(['--quiet']);
    expect(errors.code).toBe(1);
    expect(errors.err).toContain('demo: 1 error finding(s)');
  });

  it('lists the checks, one per line with id, severity and title, without reading the repository', async () => {
    const io = captureIo('/nonexistent');
    expect(await main(['lint', '--list-checks'], io)).toBe(0);
    expect(io.stdout).toHaveLength(CHECKS.length);
    expect(CHECKS.length).toBeGreaterThanOrEqual(20);
    expect(io.stdout[0]).toMatch(/^config-invalid\s+error\s+limits\s+The config breaks/);
  });

  it('--fix writes the repaired config canonically, and the JSON patch replays on the file as it was', async () => {
    const before = edit((s) => {
      s.data_sources.tables.reverse();
      s.data_sources.tables[0].column_configs[0].synonyms = ['emoji ', 'Emoji'];
    });
    const json = path.join(repo.root, 'fix.json');
    const run = await lint(['--fix', '--json', json, '--quiet']);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain('fixed [list-unsorted] $.data_sources.tables: sorted the list');
    expect(run.out).toContain('fixed [text-untrimmed]');
    const report = JSON.parse(readFileSync(json, 'utf8'));
    const after = readFileSync(path.join(repo.root, SPACE), 'utf8');
    expect(serializeSpace(parseSpaceText(after, SPACE))).toBe(after);
    const replayed = jsonpatch.applyPatch(JSON.parse(before), report.spaces[0].fix.patch, true, false).newDocument;
    expect(serializeSpace(replayed)).toBe(after);
    expect(report.spaces[0].findings.map((f: { check: string }) => f.check)).not.toContain('list-unsorted');
  });

  it('--warehouse reads column statistics (through the read-only gate) for checks that need data', async () => {
    // display_name is neither an id nor free text by its name; its data (2000 distinct in 2000 rows) says otherwise.
    edit((s) => {
      const c = s.data_sources.tables[2].column_configs[1];
      Object.assign(c, { enable_format_assistance: true, enable_entity_matching: true });
    });
    const without = await lint([]);
    expect(without.out).not.toContain('[dictionary-on-id-or-free-text]');
    const withData = await lint(['--warehouse']);
    expect(withData.out).toMatch(
      /\[dictionary-on-id-or-free-text\] .*display_name, but 2000 distinct values in 2000 rows/,
    );
  });

  it('names the file, path and line when the config cannot be linted', async () => {
    edit((s) => (s.data_sources.tables[0].description = 'text, not a list'));
    const run = await lint([]);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/^spaces\/demo\/space\.json:\d+: error \$\.data_sources\.tables\[0\]\.description: /m);
    expect(run.err).toContain('demo: 1 problem(s) stop lint');
  });
});

it('the README documents every check by id', () => {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Lint checks'));
  for (const check of CHECKS) expect(section, check.id).toContain(`\`${check.id}\``);
});
