import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBenchmarks, parseBenchmarksText } from '../../src/benchmarks/loader.js';
import { deriveSplit } from '../../src/benchmarks/split.js';
import { ValidationError, type ValidationIssue } from '../../src/errors.js';

const FILE = 'benchmarks/demo.yml';

function issuesOf(fn: () => unknown): ValidationIssue[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

const LIST = `# community benchmarks
- id: members-total
  question: How many members are there?
  sql: SELECT COUNT(*) FROM main.community.members
- id: top-channels
  question: Which 3 channels had the most messages?
  split: holdout
  tags: [ranking, channels]
  order_matters: true
  sql: |
    SELECT channel_id, COUNT(*) AS n
    FROM main.community.messages
    GROUP BY channel_id
    ORDER BY n DESC
    LIMIT 3;
`;

describe('parseBenchmarksText', () => {
  it('loads a list of items', () => {
    const set = parseBenchmarksText(LIST, FILE, 'demo');
    expect(set.space).toBe('demo');
    expect(set.file).toBe(FILE);
    expect(set.benchmarks).toEqual([
      {
        id: 'members-total',
        question: 'How many members are there?',
        sql: 'SELECT COUNT(*) FROM main.community.members',
        split: deriveSplit('SELECT COUNT(*) FROM main.community.members'),
        tags: [],
      },
      {
        id: 'top-channels',
        question: 'Which 3 channels had the most messages?',
        sql: 'SELECT channel_id, COUNT(*) AS n\nFROM main.community.messages\nGROUP BY channel_id\nORDER BY n DESC\nLIMIT 3;',
        split: 'holdout',
        tags: ['ranking', 'channels'],
        orderMatters: true,
      },
    ]);
  });

  it('loads the { benchmarks: [...] } form the same way', () => {
    const wrapped = `benchmarks:\n${LIST.split('\n')
      .slice(1)
      .map((l) => (l ? `  ${l}` : l))
      .join('\n')}`;
    expect(parseBenchmarksText(wrapped, FILE, 'demo').benchmarks).toEqual(
      parseBenchmarksText(LIST, FILE, 'demo').benchmarks,
    );
  });

  it('reads a small integer id as text', () => {
    const set = parseBenchmarksText('- id: 7\n  question: q\n  sql: SELECT 1\n', FILE, 'demo');
    expect(set.benchmarks[0]!.id).toBe('7');
  });

  it('keeps orderMatters undefined unless the file sets it', () => {
    const set = parseBenchmarksText(
      '- id: a\n  question: q\n  sql: SELECT 1\n- id: b\n  question: q\n  sql: SELECT 2\n  order_matters: false\n',
      FILE,
      'demo',
    );
    expect(set.benchmarks[0]).not.toHaveProperty('orderMatters');
    expect(set.benchmarks[1]!.orderMatters).toBe(false);
  });

  const errorCases: { name: string; text: string; path: string; line: number; message: string }[] = [
    {
      name: 'malformed YAML',
      text: '- id: a\n  question: "unterminated\n  sql: SELECT 1\n',
      path: '$',
      line: 4,
      message: 'invalid YAML',
    },
    {
      name: 'missing sql',
      text: '- id: a\n  question: q\n  sql: SELECT 1\n- id: b\n  question: q2\n',
      path: '$[1].sql',
      line: 4,
      message: 'missing required field "sql"',
    },
    {
      name: 'misspelt key',
      text: '- id: a\n  question: q\n  sql: SELECT 1\n  order_mattters: true\n',
      path: '$[0].order_mattters',
      line: 4,
      message: 'unknown field "order_mattters"',
    },
    {
      name: 'unknown split',
      text: '- id: a\n  question: q\n  sql: SELECT 1\n  split: test\n',
      path: '$[0].split',
      line: 4,
      message: 'expected one of "train", "holdout"',
    },
    {
      name: 'tags not a list',
      text: '- id: a\n  question: q\n  sql: SELECT 1\n  tags: 3\n',
      path: '$[0].tags',
      line: 4,
      message: 'expected an array',
    },
    {
      name: 'empty question',
      text: '- id: a\n  question: "  "\n  sql: SELECT 1\n',
      path: '$[0].question',
      line: 2,
      message: 'must not be empty',
    },
    {
      name: 'duplicate id',
      text: '- id: a\n  question: q\n  sql: SELECT 1\n- id: a\n  question: q2\n  sql: SELECT 2\n',
      path: '$[1].id',
      line: 4,
      message: 'duplicate id "a" (first used on line 1)',
    },
    {
      name: 'duplicate id in the wrapped form',
      text: 'benchmarks:\n  - id: a\n    question: q\n    sql: SELECT 1\n  - id: a\n    question: q\n    sql: SELECT 1\n',
      path: '$.benchmarks[1].id',
      line: 5,
      message: 'duplicate id',
    },
    {
      name: 'write statement',
      text: '- id: a\n  question: q\n  sql: DELETE FROM main.community.members\n',
      path: '$[0].sql',
      line: 3,
      message: 'single read-only query',
    },
    {
      name: 'two statements',
      text: '- id: a\n  question: q\n  sql: SELECT 1; SELECT 2\n',
      path: '$[0].sql',
      line: 3,
      message: 'single read-only query',
    },
    { name: 'empty file', text: '', path: '$', line: 1, message: 'add at least one question' },
    { name: 'only comments', text: '# todo\n', path: '$', line: 1, message: 'add at least one question' },
    { name: 'empty list', text: '[]\n', path: '$', line: 1, message: 'add at least one question' },
    {
      name: 'empty benchmarks key',
      text: 'benchmarks:\n',
      path: '$.benchmarks',
      line: 1,
      message: 'add at least one question',
    },
    {
      name: 'unknown top-level key',
      text: 'benchmark:\n  - id: a\n',
      path: '$.benchmark',
      line: 1,
      message: 'expected only "benchmarks"',
    },
    { name: 'scalar document', text: 'hello\n', path: '$', line: 1, message: 'expected a list of questions' },
  ];

  it.each(errorCases)('$name: names file, path and line', ({ text, path: jsonPath, line, message }) => {
    const issues = issuesOf(() => parseBenchmarksText(text, FILE, 'demo'));
    const issue = issues.find((i) => i.path === jsonPath);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue).toMatchObject({ file: FILE, line });
    expect(issue!.message).toContain(message);
  });

  it('reports every problem in one error', () => {
    const text =
      '- id: a\n  question: q\n  sql: DROP TABLE x\n- id: b\n  question: q\n- id: c\n  question: q\n  sql: SELECT 1\n  split: dev\n';
    const issues = issuesOf(() => parseBenchmarksText(text, FILE, 'demo'));
    expect(issues.map((i) => i.path)).toEqual(['$[0].sql', '$[1].sql', '$[2].split']);
    expect(issues.map((i) => i.line)).toEqual([3, 4, 9]);
  });

  it('puts file and line into the error message', () => {
    expect(() => parseBenchmarksText('- id: a\n  question: q\n  sql: UPDATE t SET a = 1\n', FILE, 'demo')).toThrow(
      /benchmarks\/demo\.yml:3 \$\[0\]\.sql/,
    );
  });
});

describe('loadBenchmarks', () => {
  it('reads the file from disk', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'genie-bench-'));
    const file = path.join(dir, 'demo.yml');
    writeFileSync(file, LIST);
    const set = loadBenchmarks(file, 'demo');
    expect(set.file).toBe(file);
    expect(set.benchmarks.map((b) => b.id)).toEqual(['members-total', 'top-channels']);
  });

  it('names the missing file and says what to write', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'genie-bench-')), 'nope.yml');
    const issues = issuesOf(() => loadBenchmarks(file, 'nope'));
    expect(issues[0]!.file).toBe(file);
    expect(issues[0]!.message).toContain('add at least one question');
  });
});
