import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadBenchmarks } from '../../src/benchmarks/loader.js';
import { captureIo, tempRepo } from '../helpers/temp-repo.js';

let repo: ReturnType<typeof tempRepo>;
beforeEach(() => {
  repo = tempRepo();
});
afterEach(() => repo.cleanup());

const MARKDOWN = `# Sales questions

## How many members are there?

\`\`\`sql
SELECT COUNT(*) FROM main.community.members
\`\`\`

## How many channels are private?
split: holdout

\`\`\`sql
SELECT COUNT(*) FROM main.community.channels WHERE is_private = 1
\`\`\`
`;

describe('import-benchmarks', () => {
  it('writes a benchmark file the loader accepts, keeping the splits the Markdown gives', async () => {
    writeFileSync(path.join(repo.root, 'questions.md'), MARKDOWN);
    const io = captureIo(repo.root);
    expect(
      await main(['import-benchmarks', '--space', 'sales', '--from', 'questions.md'], io),
      io.stderr.join('\n'),
    ).toBe(0);
    const set = loadBenchmarks(path.join(repo.root, 'benchmarks/sales.yml'), 'sales');
    expect(set.benchmarks.map((b) => b.question)).toEqual([
      'How many members are there?',
      'How many channels are private?',
    ]);
    expect(set.benchmarks[1].split).toBe('holdout');
    expect(io.stdout.join('\n')).toMatch(/benchmarks\/sales\.yml \(2 questions\)/);
  });

  it('refuses a non-read-only statement and writes nothing', async () => {
    writeFileSync(path.join(repo.root, 'bad.md'), '## Drop it\n\n```sql\nDROP TABLE main.community.members\n```\n');
    const io = captureIo(repo.root);
    expect(await main(['import-benchmarks', '--space', 'bad', '--from', 'bad.md'], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/benchmarks\/bad\.yml[\s\S]*DROP/);
    expect(existsSync(path.join(repo.root, 'benchmarks/bad.yml'))).toBe(false);
  });

  it('does not replace an existing benchmark file without --force', async () => {
    writeFileSync(path.join(repo.root, 'questions.md'), MARKDOWN);
    const before = readFileSync(path.join(repo.root, 'benchmarks/demo.yml'), 'utf8');
    const io = captureIo(repo.root);
    expect(await main(['import-benchmarks', '--space', 'demo', '--from', 'questions.md'], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/already exists[\s\S]*--force/);
    expect(readFileSync(path.join(repo.root, 'benchmarks/demo.yml'), 'utf8')).toBe(before);
  });
});
