import { describe, expect, it } from 'vitest';
import { parseBenchmarksText } from '../../src/benchmarks/loader.js';
import { importMarkdown, slugify, toBenchmarkYaml } from '../../src/benchmarks/markdown-import.js';
import { ValidationError, type ValidationIssue } from '../../src/errors.js';

const FILE = 'docs/questions.md';

function issuesOf(fn: () => unknown): ValidationIssue[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

const DOC = `# Community questions

Some intro text that is not a question.

## How many members are there?

\`\`\`sql
SELECT COUNT(*) FROM main.community.members
\`\`\`

### Top 3 channels by messages
split: holdout
tags: ranking, channels
order_matters: true

The busiest channels overall.

\`\`\`SQL
SELECT channel_id, COUNT(*) AS n
FROM main.community.messages
GROUP BY channel_id
ORDER BY n DESC
LIMIT 3
\`\`\`

**Which emoji is used most?**

\`\`\`sql
SELECT emoji FROM main.community.reactions GROUP BY emoji ORDER BY COUNT(*) DESC LIMIT 1
\`\`\`

Q: 지난 7일 동안 메시지 수는?
- id: messages-last-7-days
- tags: [korean]

\`\`\`sql
SELECT COUNT(*) FROM main.community.messages WHERE sent_at >= date_sub(current_date, 7)
\`\`\`
`;

describe('importMarkdown', () => {
  it('reads headings, bold lines and Q: lines with their SQL and options', () => {
    expect(importMarkdown(DOC, FILE)).toEqual([
      {
        id: 'how-many-members-are-there',
        question: 'How many members are there?',
        sql: 'SELECT COUNT(*) FROM main.community.members',
      },
      {
        id: 'top-3-channels-by-messages',
        question: 'Top 3 channels by messages',
        sql: 'SELECT channel_id, COUNT(*) AS n\nFROM main.community.messages\nGROUP BY channel_id\nORDER BY n DESC\nLIMIT 3',
        split: 'holdout',
        tags: ['ranking', 'channels'],
        order_matters: true,
      },
      {
        id: 'which-emoji-is-used-most',
        question: 'Which emoji is used most?',
        sql: 'SELECT emoji FROM main.community.reactions GROUP BY emoji ORDER BY COUNT(*) DESC LIMIT 1',
      },
      {
        id: 'messages-last-7-days',
        question: '지난 7일 동안 메시지 수는?',
        sql: 'SELECT COUNT(*) FROM main.community.messages WHERE sent_at >= date_sub(current_date, 7)',
        tags: ['korean'],
      },
    ]);
  });

  it('numbers ids on request', () => {
    expect(importMarkdown(DOC, FILE, { ids: 'numbered' }).map((i) => i.id)).toEqual([
      'q001',
      'q002',
      'q003',
      'messages-last-7-days',
    ]);
  });

  it('numbers a question whose text gives no slug, and de-duplicates slugs', () => {
    const text =
      '## 회원 수\n```sql\nSELECT 1\n```\n## Members\n```sql\nSELECT 2\n```\n## members!\n```sql\nSELECT 3\n```\n';
    expect(importMarkdown(text, FILE).map((i) => i.id)).toEqual(['q001', 'members', 'members-2']);
  });

  it('strips a Q1: prefix and emphasis from headings', () => {
    const items = importMarkdown(
      '## Q1: **How many channels?**\n```sql\nSELECT COUNT(*) FROM main.community.channels\n```\n',
      FILE,
    );
    expect(items[0]).toMatchObject({ id: 'how-many-channels', question: 'How many channels?' });
  });

  it('treats a heading followed by deeper headings as a section, not a question', () => {
    const text =
      '## Members\n\n### How many members?\n```sql\nSELECT 1\n```\n## Channels\n**How many channels?**\n```sql\nSELECT 2\n```\n';
    expect(importMarkdown(text, FILE).map((i) => i.question)).toEqual(['How many members?', 'How many channels?']);
  });

  it('ignores code blocks in other languages', () => {
    const text =
      '## Count members\n```text\nexpected: 2000\n```\n```sql\nSELECT COUNT(*) FROM main.community.members\n```\n';
    expect(importMarkdown(text, FILE)).toHaveLength(1);
  });

  it('accepts tilde fences', () => {
    const text = '## Count\n~~~sql\nSELECT 1\n~~~\n';
    expect(importMarkdown(text, FILE)[0]!.sql).toBe('SELECT 1');
  });

  const errorCases: { name: string; text: string; line: number; message: string }[] = [
    {
      name: 'question with no SQL block',
      text: '## First?\nsome words\n## Second?\n```sql\nSELECT 1\n```\n',
      line: 1,
      message: 'question "First?" has no SQL block',
    },
    {
      name: 'last question with no SQL block',
      text: '## First?\n```sql\nSELECT 1\n```\n**Second?**\n',
      line: 5,
      message: 'question "Second?" has no SQL block',
    },
    {
      name: 'SQL block with no question',
      text: 'Intro\n```sql\nSELECT 1\n```\n',
      line: 2,
      message: 'SQL block with no question',
    },
    {
      name: 'second SQL block for one question',
      text: '## Q?\n```sql\nSELECT 1\n```\n```sql\nSELECT 2\n```\n',
      line: 5,
      message: 'SQL block with no question',
    },
    { name: 'unclosed fence', text: '## Q?\n```sql\nSELECT 1\n', line: 2, message: 'never closed' },
    {
      name: 'bad split',
      text: '## Q?\nsplit: test\n```sql\nSELECT 1\n```\n',
      line: 2,
      message: 'split must be train or holdout',
    },
    {
      name: 'bad order_matters',
      text: '## Q?\norder_matters: maybe\n```sql\nSELECT 1\n```\n',
      line: 2,
      message: 'order_matters must be true or false',
    },
    {
      name: 'option before any question',
      text: 'tags: a\n## Q?\n```sql\nSELECT 1\n```\n',
      line: 1,
      message: 'no question above it',
    },
    { name: 'empty SQL block', text: '## Q?\n```sql\n\n```\n', line: 2, message: 'is empty' },
    {
      name: 'duplicate explicit ids',
      text: '## A?\nid: x\n```sql\nSELECT 1\n```\n## B?\nid: x\n```sql\nSELECT 2\n```\n',
      line: 6,
      message: 'duplicate id "x"',
    },
    { name: 'no questions at all', text: '# Title\n\nJust prose.\n', line: 1, message: 'no questions found' },
  ];

  it.each(errorCases)('$name: names file and line', ({ text, line, message }) => {
    const issues = issuesOf(() => importMarkdown(text, FILE));
    const issue = issues.find((i) => i.message.includes(message));
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue).toMatchObject({ file: FILE, line });
  });

  it('reports all problems in line order', () => {
    const text = '```sql\nSELECT 0\n```\n## A?\n## B?\n```sql\nSELECT 1\n```\n## C?\nsplit: x\n```sql\nSELECT 2\n```\n';
    expect(issuesOf(() => importMarkdown(text, FILE)).map((i) => i.line)).toEqual([1, 4, 10]);
  });
});

describe('slugify', () => {
  it.each([
    ['How many members are there?', 'how-many-members-are-there'],
    ['  Café visits — per día ', 'cafe-visits-per-dia'],
    ['회원 수', ''],
    ['a'.repeat(30) + ' ' + 'b'.repeat(40), 'a'.repeat(30)],
  ])('%j -> %j', (text, expected) => {
    expect(slugify(text)).toBe(expected);
  });
});

describe('toBenchmarkYaml', () => {
  it('writes YAML the loader reads back to the same items', () => {
    const items = importMarkdown(DOC, FILE);
    const yaml = toBenchmarkYaml(items);
    const set = parseBenchmarksText(yaml, 'benchmarks/demo.yml', 'demo');
    expect(set.benchmarks.map((b) => ({ id: b.id, question: b.question, sql: b.sql, tags: b.tags }))).toEqual(
      items.map((i) => ({ id: i.id, question: i.question, sql: i.sql, tags: i.tags ?? [] })),
    );
    expect(set.benchmarks[1]).toMatchObject({ split: 'holdout', orderMatters: true });
  });

  it('writes SQL as a literal block and tags inline, in a fixed key order', () => {
    const yaml = toBenchmarkYaml([
      {
        id: 'a',
        question: 'Top channels?',
        sql: 'SELECT 1\nFROM t',
        tags: ['x', 'y'],
        split: 'train',
        order_matters: false,
      },
    ]);
    expect(yaml).toBe(
      '- id: a\n  question: Top channels?\n  split: train\n  tags: [ x, y ]\n  order_matters: false\n  sql: |-\n    SELECT 1\n    FROM t\n',
    );
  });

  it('quotes questions YAML would otherwise misread', () => {
    const yaml = toBenchmarkYaml([{ id: '1', question: 'yes: or no?', sql: 'SELECT 1' }]);
    const set = parseBenchmarksText(yaml, 'b.yml', 'b');
    expect(set.benchmarks[0]).toMatchObject({ id: '1', question: 'yes: or no?' });
  });
});
