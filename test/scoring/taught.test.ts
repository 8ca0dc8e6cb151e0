/** Taught questions: examples that copy a benchmark question, by question text or normalised SQL. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Scorecard } from '../../src/scoring/scorecard.js';
import { canonicalSql, findTaught } from '../../src/scoring/taught.js';
import { serializeSpace } from '../../src/space/canonical.js';
import type { Space } from '../../src/space/schema.js';
import { parseSpaceText } from '../../src/space/space-file.js';
import { captureIo, tempRepo } from '../helpers/temp-repo.js';

const bench = (id: string, question: string, sql: string) => ({ id, question, sql });

function spaceWith(...examples: Array<{ question: string; sql: string; parameters?: unknown[] }>): Space {
  return {
    version: 2,
    instructions: {
      example_question_sqls: examples.map((e, i) => ({
        id: `${i}`.padStart(32, '0'),
        question: [e.question],
        sql: [e.sql],
        ...(e.parameters ? { parameters: e.parameters } : {}),
      })),
    },
  } as Space;
}

describe('canonicalSql', () => {
  it('ignores case, whitespace, quoting, table aliases, qualifiers, output aliases and the semicolon', () => {
    const a = 'SELECT T1.name FROM singer AS T1 JOIN concert AS T2 ON T1.id = T2.sid WHERE T2.year = "2014"';
    const b =
      "select s.name as singer_name\n from main.music.`singer` s join concert c on s.id = c.sid where c.year = '2014';";
    expect(canonicalSql(a)).toBe(canonicalSql(b));
  });

  it('keeps literals, operators and structure apart', () => {
    const base = "SELECT count(*) FROM singer WHERE country = 'France'";
    expect(canonicalSql(base)).not.toBe(canonicalSql("SELECT count(*) FROM singer WHERE country = 'france'"));
    expect(canonicalSql(base)).not.toBe(canonicalSql("SELECT count(*) FROM singer WHERE country <> 'France'"));
    expect(canonicalSql(base)).not.toBe(canonicalSql('SELECT count(*) FROM singer'));
  });
});

describe('findTaught', () => {
  const benchmarks = [
    bench('q1', 'How many singers are from France?', "SELECT count(*) FROM singer WHERE country = 'France'"),
    bench('q2', 'How many singers are from Spain?', "SELECT count(*) FROM singer WHERE country = 'Spain'"),
    bench('q3', 'List the stadiums.', 'SELECT name FROM stadium'),
  ];

  it('marks a question taught by its text or by its SQL, and names the example', () => {
    const taught = findTaught(
      spaceWith(
        { question: 'how many singers are from france', sql: 'SELECT 1' },
        { question: 'What stadiums are there?', sql: 'select s.name from main.x.stadium as s' },
      ),
      benchmarks,
    );
    expect([...taught.entries()]).toEqual([
      ['q1', { by: 'question', exampleId: '0'.padStart(32, '0') }],
      ['q3', { by: 'sql', exampleId: '1'.padStart(32, '0') }],
    ]);
  });

  it('treats a parameterised example as a template: it teaches only the instance its defaults spell out', () => {
    const template = {
      question: 'How many singers are from Italy?',
      sql: 'SELECT count(*) FROM singer WHERE country = :country',
      parameters: [{ name: 'country', type_hint: 'STRING', default_value: { values: ['Italy'] } }],
    };
    expect(findTaught(spaceWith(template), benchmarks).size).toBe(0);
    const withCopiedDefault = {
      ...template,
      parameters: [{ name: 'country', type_hint: 'STRING', default_value: { values: ['Spain'] } }],
    };
    expect([...findTaught(spaceWith(withCopiedDefault), benchmarks).keys()]).toEqual(['q2']);
  });
});

describe('score on a hand-written config that copies a benchmark question', () => {
  let repo: ReturnType<typeof tempRepo>;
  beforeAll(() => {
    repo = tempRepo();
  });
  afterAll(() => repo.cleanup());

  it('shows the question as taught and leaves it out of train-untaught', async () => {
    const file = path.join(repo.root, 'spaces/demo/space.json');
    const space = parseSpaceText(readFileSync(file, 'utf8'), file);
    space.instructions = {
      ...space.instructions,
      example_question_sqls: [
        {
          id: 'e'.repeat(32),
          question: ['How many members are there in total?'],
          // q01's expected SQL, spelled differently: still a copy.
          sql: ['select count(*) as n from main.community.members m'],
        },
      ],
    };
    writeFileSync(file, serializeSpace(space));
    const json = path.join(repo.root, 'card.json');
    const io = captureIo(repo.root);
    expect(await main(['score', '--space', 'demo', '--backend', 'local', '--json', json], io)).toBe(0);
    const card = JSON.parse(readFileSync(json, 'utf8')) as Scorecard;
    const taught = card.questions.filter((q) => q.taught).map((q) => q.id);
    // q01 and its Korean paraphrase q02 share the expected SQL, so the one example teaches both.
    expect(taught).toEqual(['q01', 'q02']);
    const train = card.questions.filter((q) => q.split === 'train');
    const untaught = train.filter((q) => !q.taught);
    expect(card.totals.trainUntaught).toMatchObject({
      total: untaught.length,
      passed: untaught.filter((q) => q.passed).length,
    });
    expect(card.totals.trainUntaught.total).toBe(card.totals.train.total - 2);
    expect(io.stdout.join('\n')).toMatch(/train-untaught \d+\.\d% \(\d+\/36\)/);
    expect(io.stdout.join('\n')).toMatch(/q01\s+train\s+pass \(taught\)/);
  });
});
