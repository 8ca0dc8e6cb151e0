/**
 * The bad-input half of the fault and bad-input suite (issue 10, item 8): every bad input found
 * by the review, run through the real CLI entry, must end in a clear refusal: exit code 1, a
 * message naming the file or option, no stack trace and never "internal error". The suite
 * prints one tally line, `bad inputs tried N, handled N`.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { DEMO_SEED, generateDemoData } from '../../src/local/demo-data.js';
import { loadSqlJs } from '../../src/local/sqljs-loader.js';
import { fixesReply, startChatServer, type ChatServer, type Step } from '../llm/chat-server.js';
import { captureIo, tempRepo } from '../helpers/temp-repo.js';

let tried = 0;
let handled = 0;
afterAll(() => {
  console.log(`bad inputs tried ${tried}, handled ${handled}`);
});

let repo: ReturnType<typeof tempRepo>;
beforeEach(() => {
  repo = tempRepo();
});
afterEach(() => repo.cleanup());

const at = (relative: string) => path.join(repo.root, relative);
const write = (relative: string, text: string) => {
  mkdirSync(path.dirname(at(relative)), { recursive: true });
  writeFileSync(at(relative), text);
};
const setTargetLocal = (lines: string) =>
  write(
    'spaces/demo/target.yml',
    readFileSync(at('spaces/demo/target.yml'), 'utf8').replace(/local:\n[\s\S]*$/, `local:\n${lines}`),
  );
/** A sibling of the repository: outside it, but cleaned up with it. */
const outside = (name: string) => {
  const dir = `${repo.root}-outside`;
  mkdirSync(dir, { recursive: true });
  const cleanup = repo.cleanup;
  repo.cleanup = () => {
    cleanup();
    rmSync(dir, { recursive: true, force: true });
  };
  return path.join(dir, name);
};
/** The demo data as a SQLite file (tables main.community.*), built once. */
let demoDb: Uint8Array;
beforeAll(async () => {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  generateDemoData(db, { catalog: 'main', schema: 'community', seed: DEMO_SEED });
  demoDb = db.export();
  db.close();
});
const copyDemoDb = (file: string) => writeFileSync(file, demoDb);

const ALIAS_BOMB = [
  'a: &a [x,x,x,x,x,x,x,x,x]',
  ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${`*${'abcdefg'[i]},`.repeat(9).slice(0, -1)}]`),
].join('\n');

interface Case {
  name: string;
  setup?: () => void;
  argv: () => string[];
  /** What the error output must mention: the file or option, and the reason. */
  mention: RegExp[];
  /** Checked after the run (e.g. nothing written outside the repository). */
  after?: () => void;
}

const validate = () => ['validate', '--space', 'demo'];
const score = () => ['score', '--space', 'demo', '--quiet'];

const CASES: Case[] = [
  // SQL gate (item 1): the reproductions, as expected SQL in a benchmark file.
  ...[
    '--\rINSERT INTO t VALUES (1) /*\nSELECT 1 -- */',
    `SELECT "load_extension"('x')`,
    "SELECT `reflect`('java.lang.Runtime','exec','x')",
    "SELECT [load_extension]('x')",
  ].map((sql): Case => ({
    name: `benchmark SQL ${JSON.stringify(sql)}`,
    setup: () => write('benchmarks/demo.yml', `- id: q1\n  question: anything\n  sql: ${JSON.stringify(sql)}\n`),
    argv: score,
    mention: [/benchmarks\/demo\.yml/, /INSERT|load_extension|reflect/],
  })),
  // YAML (item 7).
  {
    name: 'YAML alias bomb in the benchmark file',
    setup: () => write('benchmarks/demo.yml', ALIAS_BOMB),
    argv: validate,
    mention: [/benchmarks\/demo\.yml/, /aliases/],
  },
  {
    name: 'YAML alias bomb in target.yml',
    setup: () => write('spaces/demo/target.yml', ALIAS_BOMB),
    argv: score,
    mention: [/spaces\/demo\/target\.yml/, /aliases/],
  },
  {
    name: 'a 2 MB benchmark file',
    setup: () =>
      write('benchmarks/demo.yml', `- id: q1\n  question: x\n  sql: SELECT 1\n  tags: [${'a,'.repeat(1 << 20)}a]\n`),
    argv: validate,
    mention: [/benchmarks\/demo\.yml/, /over the limit of 1 MB/],
  },
  {
    name: 'YAML nested 100,000 deep',
    setup: () => write('benchmarks/demo.yml', `- ${'['.repeat(100_000)}`),
    argv: validate,
    mention: [/benchmarks\/demo\.yml/, /nested too deeply/],
  },
  {
    name: 'a negative statement timeout in target.yml',
    setup: () => setTargetLocal('  data: demo\n  statement_timeout_s: -1\n'),
    argv: score,
    mention: [/spaces\/demo\/target\.yml:\d+ \$\.local\.statement_timeout_s/],
  },
  // JSON (item 7).
  {
    name: 'space.json of 100,000 [',
    setup: () => write('spaces/demo/space.json', '['.repeat(100_000)),
    argv: score,
    mention: [/spaces\/demo\/space\.json/, /nested deeper than 64 levels/],
  },
  {
    name: 'space.json nested 100,000 deep and closed',
    setup: () => write('spaces/demo/space.json', `{"version": 2, "x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`),
    argv: validate,
    mention: [/spaces\/demo\/space\.json/, /nested deeper/],
  },
  {
    name: 'an 11 MB space.json',
    setup: () => write('spaces/demo/space.json', `{"version": 2, "pad": "${'x'.repeat(11 * 1024 * 1024)}"}`),
    argv: validate,
    mention: [/spaces\/demo\/space\.json/, /over the limit of 10 MB/],
  },
  {
    name: 'space.json is a folder',
    setup: () => {
      rmSync(at('spaces/demo/space.json'));
      mkdirSync(at('spaces/demo/space.json'));
    },
    argv: validate,
    mention: [/spaces\/demo\/space\.json/, /is a folder/],
  },
  {
    name: 'lessons file nested 100,000 deep',
    setup: () =>
      write(
        'lessons/demo.json',
        `{"version": 1, "space": "demo", "stats": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
      ),
    argv: () => ['enhance', '--space', 'demo', '--dry-run', '--quiet'],
    mention: [/lessons\/demo\.json/],
  },
  // Paths (item 6).
  {
    name: 'import-benchmarks --space ../../outside/pwn',
    setup: () => write('q.md', '## How many members?\n```sql\nSELECT COUNT(*) FROM main.community.members\n```\n'),
    argv: () => ['import-benchmarks', '--space', '../../outside/pwn', '--from', 'q.md'],
    mention: [/invalid space name "\.\.\/\.\.\/outside\/pwn"/],
    after: () => expect(existsSync(path.resolve(repo.root, 'benchmarks', '../../outside'))).toBe(false),
  },
  {
    name: 'export --space ../../outside',
    argv: () => ['export', '--space', '../../outside'],
    mention: [/invalid space name "\.\.\/\.\.\/outside"/],
    after: () => expect(existsSync(path.resolve(repo.root, 'spaces', '../../outside'))).toBe(false),
  },
  { name: 'score --space ../demo', argv: () => ['score', '--space', '../demo'], mention: [/invalid space name/] },
  { name: 'validate --space a/b', argv: () => ['validate', '--space', 'a/b'], mention: [/invalid space name/] },
  { name: 'deploy --space ..', argv: () => ['deploy', '--space', '..'], mention: [/invalid space name/] },
  {
    name: 'init --space ../x',
    argv: () => ['init', '--space', '../x', '--backend', 'local'],
    mention: [/invalid space name/],
    after: () => expect(existsSync(path.resolve(repo.root, 'spaces', '../x'))).toBe(false),
  },
  {
    name: 'spaces/demo is a symlink to a folder outside',
    setup: () => {
      const target = outside('demo');
      mkdirSync(target);
      writeFileSync(path.join(target, 'space.json'), readFileSync(at('spaces/demo/space.json')));
      rmSync(at('spaces/demo'), { recursive: true });
      symlinkSync(target, at('spaces/demo'));
    },
    argv: validate,
    mention: [/space demo/, /leads outside the repository/],
  },
  {
    name: 'benchmarks/ is a symlink to a folder outside',
    setup: () => {
      const target = outside('benchmarks');
      mkdirSync(target);
      rmSync(at('benchmarks'), { recursive: true });
      symlinkSync(target, at('benchmarks'));
      write('q.md', '## How many members?\n```sql\nSELECT COUNT(*) FROM main.community.members\n```\n');
    },
    argv: () => ['import-benchmarks', '--space', 'demo', '--from', 'q.md', '--force'],
    mention: [/leads outside the repository/],
    after: () => expect(existsSync(path.join(`${repo.root}-outside`, 'benchmarks', 'demo.yml'))).toBe(false),
  },
  {
    name: 'target.yml local.data outside the repository',
    setup: () => {
      copyDemoDb(outside('demo.sqlite'));
      setTargetLocal(`  data: ../${path.basename(repo.root)}-outside/demo.sqlite\n`);
    },
    argv: score,
    mention: [/spaces\/demo\/target\.yml:\d+ \$\.local\.data/, /outside the repository/, /--data FILE/],
  },
  {
    name: 'target.yml local.data as an absolute path',
    setup: () => setTargetLocal('  data: /etc/hostname\n'),
    argv: validate,
    mention: [/spaces\/demo\/target\.yml/, /outside the repository/],
  },
  {
    name: 'target.yml local.data through a symlink inside the repository',
    setup: () => {
      copyDemoDb(outside('demo.sqlite'));
      symlinkSync(outside('demo.sqlite'), at('demo.sqlite'));
      setTargetLocal('  data: demo.sqlite\n');
    },
    argv: score,
    mention: [/spaces\/demo\/target\.yml/, /outside the repository/],
  },
  // Other ways bad input used to end in "internal error".
  {
    name: 'init --from-sqlite a file that is not a database',
    setup: () => write('notes.sqlite', 'hello'),
    argv: () => ['init', '--space', 'notes', '--backend', 'local', '--from-sqlite', 'notes.sqlite'],
    mention: [/notes\.sqlite is not a SQLite database/],
  },
  {
    name: 'score --json into a folder',
    setup: () => mkdirSync(at('out')),
    argv: () => ['score', '--space', 'demo', '--quiet', '--json', at('out')],
    mention: [/cannot write .*out/, /folder/],
  },
  {
    name: 'import-benchmarks --from a folder',
    setup: () => mkdirSync(at('docs.md')),
    argv: () => ['import-benchmarks', '--space', 'demo', '--from', 'docs.md', '--force'],
    mention: [/docs\.md/, /is a folder/],
  },
  {
    name: 'score --data that does not exist',
    argv: () => [...score(), '--data', 'nope.sqlite'],
    mention: [/--data .*nope\.sqlite does not exist/],
  },
];

describe('bad input gets a clear error through the CLI, never a crash', () => {
  it.each(CASES)('$name', async ({ setup, argv, mention, after }) => {
    tried++;
    setup?.();
    const io = captureIo(repo.root);
    const code = await main(argv(), io);
    const err = io.stderr.join('\n');
    expect(code, err).toBe(1);
    expect(err).not.toMatch(/internal error/i);
    expect(err, 'no stack trace').not.toMatch(/\n\s+at .+:\d+:\d+/);
    for (const pattern of mention) expect(err).toMatch(pattern);
    after?.();
    handled++;
  });

  it('the same outside file is used when given on the command line with --data', async () => {
    const file = outside('demo.sqlite');
    copyDemoDb(file);
    setTargetLocal(`  data: ../${path.basename(repo.root)}-outside/demo.sqlite\n`);
    const io = captureIo(repo.root);
    expect(await main([...score(), '--data', file], io), io.stderr.join('\n')).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/score/i);
  });
});

describe('LLM replies are capped in size and time', () => {
  const KEY = 'sk-loopback-bad-input';
  let chat: ChatServer;
  beforeEach(async () => {
    chat = await startChatServer({ token: KEY });
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await chat.close();
  });

  const enhanceWith = async (step: Step) => {
    vi.stubEnv('OPENAI_BASE_URL', `${chat.baseUrl}/v1`);
    vi.stubEnv('OPENAI_API_KEY', KEY);
    vi.stubEnv('GENIE_GITOPS_LLM_MODEL', 'loopback-model');
    chat.script(step, step, fixesReply([]));
    const io = captureIo(repo.root);
    const json = at('enhance.json');
    const argv = ['enhance', '--space', 'demo', '--analyst', 'llm', '--max-iterations', '1', '--dry-run', '--quiet'];
    const code = await main([...argv, '--llm-timeout-ms', '1500', '--json', json], io);
    const err = io.stderr.join('\n');
    return {
      code,
      err,
      result:
        code === 0 ? (JSON.parse(readFileSync(json, 'utf8')) as { iterations: { notes: string[] }[] }) : undefined,
    };
  };

  it('a 300 MB reply is cut off at the cap and reported, not buffered', async () => {
    tried++;
    const { code, err, result } = await enhanceWith({ kind: 'huge', bytes: 300 * 1024 * 1024 });
    expect(code, err).toBe(0);
    expect(err).not.toMatch(/internal error/i);
    expect(result!.iterations.flatMap((i) => i.notes).join('\n')).toMatch(/reply larger than 8388608 bytes/);
    expect(chat.stats.hugeBytesSent).toBeLessThan(300 * 1024 * 1024);
    handled++;
  }, 120_000);

  it('a reply that never finishes is stopped by the LLM timeout and reported', async () => {
    tried++;
    const { code, err, result } = await enhanceWith({ kind: 'drip', everyMs: 50 });
    expect(code, err).toBe(0);
    expect(result!.iterations.flatMap((i) => i.notes).join('\n')).toMatch(/timeout/i);
    handled++;
  }, 120_000);
});
