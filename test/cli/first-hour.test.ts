/**
 * Issue 11, as a new user meets it: each numbered item of the issue, repeated through the CLI
 * (src/cli/main.ts) on a throwaway copy of the repository.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { progressLine } from '../../src/cli/score-command.js';
import { REPO_ROOT, captureIo, tempRepo } from '../helpers/temp-repo.js';

let repo: ReturnType<typeof tempRepo>;
beforeEach(() => {
  repo = tempRepo();
});
afterEach(() => repo.cleanup());

const file = (relative: string) => path.join(repo.root, relative);
async function run(args: string[]) {
  const io = captureIo(repo.root);
  const code = await main(args, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n'), stderr: io.stderr };
}

/** A second space beside the demo: the demo's config and two questions, one of them on a table that does not exist. */
function otherSpace(target: string | undefined): void {
  cpSync(file('spaces/demo'), file('spaces/other'), { recursive: true });
  if (target === undefined) rmSync(file('spaces/other/target.yml'));
  else writeFileSync(file('spaces/other/target.yml'), target);
  writeFileSync(
    file('benchmarks/other.yml'),
    [
      '- id: ok',
      '  question: How many members are there?',
      '  sql: SELECT COUNT(*) FROM main.community.members',
      '  split: train',
      '- id: gone',
      '  question: How many invoices are there?',
      '  sql: SELECT COUNT(*) FROM main.community.invoices',
      '  split: train',
      '',
    ].join('\n'),
  );
}
const TARGET = 'title: Other\nlive_space_id: a1\nstaging_space_id: a2\nwarehouse_id: w\nlocal:\n  data: demo\n';

describe('1. enhance never starts from, nor writes, a config that fails validate', () => {
  it('refuses a join naming an unknown table with validate’s message, and leaves space.json as it was', async () => {
    const space = JSON.parse(readFileSync(file('spaces/demo/space.json'), 'utf8'));
    space.instructions = {
      join_specs: [
        {
          id: 'a'.repeat(32),
          left: { identifier: 'main.community.messages', alias: 'messages' },
          right: { identifier: 'main.community.nowhere', alias: 'nowhere' },
          sql: ['`messages`.`channel_id` = `nowhere`.`channel_id`', '--rt=FROM_RELATIONSHIP_TYPE_MANY_TO_ONE--'],
        },
      ],
    };
    writeFileSync(file('spaces/demo/space.json'), JSON.stringify(space, null, 2));
    const written = readFileSync(file('spaces/demo/space.json'), 'utf8');
    const validate = await run(['validate', '--space', 'demo']);
    const enhance = await run(['enhance', '--space', 'demo', '--quiet']);
    expect(enhance.code).toBe(1);
    const problem = validate.stderr.find((l) => l.includes('nowhere'));
    expect(problem).toMatch(
      /^error: spaces\/demo\/space\.json:\d+ \$\.instructions\.join_specs\[0\]\.right\.identifier: /,
    );
    expect(enhance.stderr).toContain(problem);
    expect(enhance.err).toMatch(/hint: enhance starts only from a config that passes `genie-gitops validate`/);
    expect(readFileSync(file('spaces/demo/space.json'), 'utf8')).toBe(written);
  });
});

describe('2. a missing target.yml is named, with the command that creates it; no demo fallback', () => {
  it('validate and score both say target.yml is missing and how to create it', async () => {
    otherSpace(undefined);
    const validate = await run(['validate', '--space', 'other']);
    expect(validate.code).toBe(1);
    expect(validate.err).toMatch(
      /spaces\/other\/target\.yml \$: missing: .*genie-gitops init --space other --from-sqlite/,
    );
    const score = await run(['score', '--space', 'other', '--quiet']);
    expect(score.code).toBe(1);
    expect(score.err).toMatch(/spaces\/other\/target\.yml is missing/);
    expect(score.err).toMatch(/genie-gitops init --space other/);
    expect(score.err).not.toMatch(/does not exist in the warehouse/);
  });

  it('a target.yml without local.data is not silently the demo data', async () => {
    otherSpace('title: Other\nlive_space_id: a1\nstaging_space_id: a2\nwarehouse_id: w\n');
    const score = await run(['score', '--space', 'other', '--quiet']);
    expect(score.code).toBe(1);
    expect(score.err).toMatch(/target\.yml has no local\.data/);
  });
});

describe('3. help and version', () => {
  it('score --help and -h exit 0 with its own options, defaults and an example; --version prints the version', async () => {
    for (const flag of ['--help', '-h']) {
      const help = await run(['score', flag]);
      expect(help.code).toBe(0);
      expect(help.out).toMatch(/^usage: genie-gitops score --space NAME/);
      expect(help.out).toMatch(/--repeats N\s+times each question is asked \(default: 1\)/);
      expect(help.out).toContain('--backend local|databricks');
      expect(help.out).toMatch(/--min-score X\s+.*a fraction from 0 to 1/);
      expect(help.out).toMatch(/example:\n {2}genie-gitops score --space demo/);
      expect(help.err).toBe('');
    }
    const version = await run(['--version']);
    expect(version.code).toBe(0);
    expect(version.out).toBe(JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version);
  });

  it.each(['validate', 'enhance', 'init', 'import-benchmarks', 'deploy', 'export', 'serve'])(
    '%s --help exits 0 with an example',
    async (command) => {
      const help = await run([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.out).toMatch(new RegExp(`^usage: genie-gitops ${command}`));
      expect(help.out).toMatch(new RegExp(`example:\\n {2}genie-gitops ${command} `));
    },
  );
});

describe('4. init on a file that is not a database', () => {
  it('fails in one line, no stack trace; without --from-* it says it uses the demo data', async () => {
    const bad = await run(['init', '--space', 'mine', '--from-sqlite', path.join(REPO_ROOT, 'README.md')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toHaveLength(1);
    expect(bad.err).toMatch(/^error: .*README\.md is not a SQLite database/);
    expect(bad.err).not.toMatch(/internal error|\n\s+at /);
    const demo = await run(['init', '--space', 'mine']);
    expect(demo.code).toBe(0);
    expect(demo.err).toMatch(/built from the generated demo data/);
  });
});

describe('5. an expected SQL on a table that does not exist', () => {
  it('fails validate on its line, fails validate --execute, and is a broken benchmark in score, never api_error', async () => {
    otherSpace(TARGET);
    const validate = await run(['validate', '--space', 'other']);
    expect(validate.code).toBe(1);
    expect(validate.err).toMatch(
      /benchmarks\/other\.yml:7 \$\[1\]\.sql: gone: expected SQL refers to table main\.community\.invoices/,
    );
    const executed = await run(['validate', '--space', 'other', '--execute']);
    expect(executed.err).toMatch(
      /benchmarks\/other\.yml:7 \$\[1\]\.sql: gone: expected SQL fails on the warehouse: .*invoices/,
    );
    const json = file('card.json');
    const score = await run(['score', '--space', 'other', '--json', json]);
    expect(score.code).toBe(0);
    const card = JSON.parse(readFileSync(json, 'utf8'));
    expect(card.categories.api_error).toBe(0);
    expect(card.totals.all).toMatchObject({ total: 1, broken: 1 });
    expect(card.questions[1]).toMatchObject({ id: 'gone', category: null, attempts: 0 });
    expect(score.out).toMatch(/Broken benchmarks \(expected SQL failed; not asked, not scored\): 1\n {2}gone: /);
  });
});

describe('6. one parser behaviour for bad arguments', () => {
  it.each([
    [['--concurrency', '-1'], 'error: --concurrency must be an integer ≥ 1 (got -1)'],
    [['--concurrency', '2.5'], 'error: --concurrency must be an integer ≥ 1 (got 2.5)'],
    [['--repeats', 'abc'], 'error: --repeats must be an integer ≥ 1 (got abc)'],
    [['--qpm=-3'], 'error: --qpm must be a number ≥ 0.1 (got -3)'],
  ])('score %j -> one line naming the option and its range', async (args, line) => {
    const result = await run(['score', '--space', 'demo', ...args]);
    expect(result.code).toBe(1);
    expect(result.stderr).toEqual([line]);
  });

  it('a percentage for a fraction, an unknown option and a missing value: no raw parser text, no usage dump', async () => {
    const percent = await run(['score', '--space', 'demo', '--min-score', '80']);
    expect(percent.stderr).toEqual([
      'error: --min-score must be a fraction from 0 to 1 (got 80)',
      'hint: write 0.8 for 80%',
    ]);
    const unknown = await run(['score', '--space', 'demo', '--repeat', '2']);
    expect(unknown.err).toMatch(/^error: unknown option --repeat for score\nhint: did you mean --repeats\?/);
    const missing = await run(['score', '--space', '--quiet']);
    expect(missing.err).toMatch(/^error: --space needs a value, got the option --quiet/);
    for (const r of [percent, unknown, missing]) expect(r.err).not.toMatch(/ambiguous|usage:|ERR_PARSE_ARGS/);
  });
});

describe('7. an all-digit space id in target.yml', () => {
  it('the hint quotes the digits as written, not the number YAML made of them', async () => {
    const digits = '1'.repeat(32);
    writeFileSync(file('spaces/demo/target.yml'), TARGET.replace('a1', digits));
    const result = await run(['validate', '--space', 'demo']);
    expect(result.err).toContain(`quote it: "${digits}"`);
    expect(result.err).toMatch(/spaces\/demo\/target\.yml:2 \$\.live_space_id/);
  });
});

describe('8. progress lines number repeats from #1', () => {
  it('the runner sends 1-based repeats and the CLI prints them as they are', () => {
    const event = {
      done: 1,
      total: 4,
      id: 'q1',
      repeat: 1,
      passed: true,
      verdict: 'exact',
      category: null,
      durationMs: 3,
    } as const;
    expect(progressLine(event, 2)).toBe('[1/4] q1 #1 pass 3ms');
    expect(progressLine({ ...event, repeat: 2 }, 2)).toBe('[1/4] q1 #2 pass 3ms');
    expect(progressLine(event, 1)).toBe('[1/4] q1 pass 3ms');
  });

  it('a run with --repeats 2 shows #1 and #2 for each question, never #3', async () => {
    otherSpace(TARGET);
    writeFileSync(
      file('benchmarks/other.yml'),
      readFileSync(file('benchmarks/other.yml'), 'utf8').split('- id: gone')[0],
    );
    const result = await run(['score', '--space', 'other', '--repeats', '2']);
    expect(result.stderr.filter((l) => l.startsWith('['))).toEqual([
      expect.stringMatching(/^\[1\/2\] ok #1 /),
      expect.stringMatching(/^\[2\/2\] ok #2 /),
    ]);
  });
});

describe('13. --quiet prints only the totals', () => {
  it('no progress, no per-question rows', async () => {
    otherSpace(TARGET);
    const result = await run(['score', '--space', 'other', '--quiet']);
    expect(result.err).toBe('');
    expect(result.out.split('\n')).toEqual([
      expect.stringMatching(/^Genie score for other: \d+\.\d% \(\d\/1; 1 broken\) · train .* · holdout –$/),
      expect.stringMatching(/^Failures: /),
      'Broken benchmarks (expected SQL failed; not asked, not scored): 1',
      expect.stringMatching(/^ {2}gone: /),
    ]);
  });
});

describe('11. one rule and one message for space names', () => {
  it('every command refuses a bad name with the same line, never "error: spaces/ $:"', async () => {
    const lines = new Set<string>();
    for (const args of [
      ['score', '--space', 'Bad.Name'],
      ['validate', '--space', 'Bad.Name'],
      ['enhance', '--space', 'Bad.Name'],
      ['init', '--space', 'Bad.Name'],
      ['import-benchmarks', '--space', 'Bad.Name', '--from', 'x.md'],
      ['export', '--space', 'Bad.Name'],
      ['deploy', '--space', 'Bad.Name'],
    ]) {
      const result = await run(args);
      expect(result.code, args.join(' ')).toBe(1);
      lines.add(result.stderr[0]);
    }
    expect([...lines]).toEqual([
      expect.stringMatching(/^error: invalid space name "Bad\.Name": use lowercase letters/),
    ]);
  });
});

describe('12. validate names every problem of a file in one run', () => {
  it('two type errors, an unknown join table and a benchmark problem, all at once', async () => {
    const space = JSON.parse(readFileSync(file('spaces/demo/space.json'), 'utf8'));
    space.data_sources.tables[0].column_configs[0].column_name = 42;
    space.data_sources.tables[1].description = 7;
    space.instructions = {
      join_specs: [
        {
          id: 'b'.repeat(32),
          left: { identifier: 'main.community.messages', alias: 'messages' },
          right: { identifier: 'main.community.nowhere', alias: 'nowhere' },
          sql: ['`messages`.`channel_id` = `nowhere`.`channel_id`', '--rt=FROM_RELATIONSHIP_TYPE_MANY_TO_ONE--'],
        },
      ],
    };
    writeFileSync(file('spaces/demo/space.json'), JSON.stringify(space, null, 2));
    writeFileSync(
      file('benchmarks/demo.yml'),
      '- id: q1\n  question: 5\n  sql: SELECT 1\n- id: q2\n  question: ok\n  sql: SELECT (1\n',
    );
    const result = await run(['validate', '--space', 'demo']);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/tables\[0\]\.column_configs\[0\]\.column_name: expected a string/);
    expect(result.err).toMatch(/tables\[1\]\.description: expected an array/);
    expect(result.err).toMatch(
      /join_specs\[0\]\.right\.identifier: `main\.community\.nowhere` is not a table of this space/,
    );
    expect(result.err).toMatch(/benchmarks\/demo\.yml:2 \$\[0\]\.question: expected a string/);
    expect(result.err).toMatch(/benchmarks\/demo\.yml:6 \$\[1\]\.sql: q2: expected SQL unbalanced parentheses/);
  });
});
