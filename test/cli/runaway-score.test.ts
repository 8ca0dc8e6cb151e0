/**
 * Acceptance (issue 10): `score` of a benchmark whose expected SQL, or Genie's SQL, never ends
 * finishes within twice the statement timeout, marks that question `timeout`, and scores the rest.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { openLocalWarehouse } from '../../src/local/warehouse.js';
import type { Scorecard } from '../../src/scoring/scorecard.js';
import { captureIo, tempRepo } from '../helpers/temp-repo.js';

const RUNAWAY = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c';
// Long enough that the fixed cost of a scoring (opening the warehouse, a worker restart) stays a small part of it
// on a busy runner; the claim is "within twice the timeout", whatever the timeout.
const TIMEOUT_S = 3;

// The demo data is generated once per process and the worker started once: do both first, so the
// time measured is the scoring's (a cold process adds a few seconds of start-up either way).
beforeAll(async () => {
  // The rows are generated on the first statement, so run one.
  const warehouse = await openLocalWarehouse({ data: 'demo' });
  await warehouse.execute('SELECT COUNT(*) AS n FROM main.community.members');
  await warehouse.close();
});

let repo: ReturnType<typeof tempRepo>;
beforeEach(() => {
  repo = tempRepo();
  const target = path.join(repo.root, 'spaces/demo/target.yml');
  writeFileSync(target, `${readFileSync(target, 'utf8')}  statement_timeout_s: ${TIMEOUT_S}\n`);
});
afterEach(() => repo.cleanup());

async function score(): Promise<{ card: Scorecard; ms: number; stderr: string }> {
  const io = captureIo(repo.root);
  const json = path.join(repo.root, 'card.json');
  const started = Date.now();
  const code = await main(['score', '--space', 'demo', '--json', json, '--quiet'], io);
  const ms = Date.now() - started;
  expect(code, io.stderr.join('\n')).toBe(0);
  return { card: JSON.parse(readFileSync(json, 'utf8')) as Scorecard, ms, stderr: io.stderr.join('\n') };
}

const question = (card: Scorecard, id: string) => card.questions.find((q) => q.id === id)!;

describe('a runaway statement is stopped and scored timeout', () => {
  it('in the expected SQL', async () => {
    writeFileSync(
      path.join(repo.root, 'benchmarks/demo.yml'),
      [
        `- id: runaway\n  question: How many numbers are there?\n  sql: "${RUNAWAY}"\n  split: train`,
        '- id: members\n  question: How many members does the community have?\n  sql: SELECT COUNT(*) AS n FROM main.community.members\n  split: train',
      ].join('\n'),
    );
    const { card, ms } = await score();
    expect(ms).toBeLessThan(TIMEOUT_S * 1000 * 2);
    expect(question(card, 'runaway')).toMatchObject({ passed: false, category: 'timeout' });
    expect(question(card, 'runaway').repeats[0].error).toMatch(new RegExp(`ran longer than ${TIMEOUT_S * 1000} ms`));
    expect(question(card, 'members').passed).toBe(true);
  });

  it("in Genie's SQL (an example query the local engine reuses)", async () => {
    const spaceFile = path.join(repo.root, 'spaces/demo/space.json');
    const space = JSON.parse(readFileSync(spaceFile, 'utf8')) as Record<string, unknown>;
    space.instructions = {
      example_question_sqls: [{ id: 'a'.repeat(32), question: ['How many numbers are there?'], sql: [RUNAWAY] }],
    };
    writeFileSync(spaceFile, JSON.stringify(space, null, 2));
    writeFileSync(
      path.join(repo.root, 'benchmarks/demo.yml'),
      '- id: runaway\n  question: How many numbers are there?\n  sql: SELECT 42 AS n\n  split: train\n',
    );
    const { card, ms } = await score();
    expect(ms).toBeLessThan(TIMEOUT_S * 1000 * 2);
    const q = question(card, 'runaway');
    expect(q.repeats[0].genieSql).toContain('WITH RECURSIVE');
    expect(q).toMatchObject({ passed: false, category: 'timeout' });
  });
});
