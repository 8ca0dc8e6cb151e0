import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo, tempRepo } from '../helpers/temp-repo.js';

let repo: ReturnType<typeof tempRepo>;
beforeEach(() => {
  repo = tempRepo();
});
afterEach(() => repo.cleanup());

const spaceFile = () => path.join(repo.root, 'spaces/demo/space.json');
const benchFile = () => path.join(repo.root, 'benchmarks/demo.yml');

function editSpace(edit: (space: any) => void): void {
  const space = JSON.parse(readFileSync(spaceFile(), 'utf8'));
  edit(space);
  writeFileSync(spaceFile(), JSON.stringify(space, null, 2));
}

const ID_A = 'a'.repeat(32);
const TABLES = ['main.community.channels', 'main.community.messages'];

const cases: { name: string; breakIt: () => void; file: string; expect: RegExp }[] = [
  {
    name: 'malformed JSON',
    breakIt: () => writeFileSync(spaceFile(), '{ "version": 2,\n  "data_sources": { \n'),
    file: 'spaces/demo/space.json',
    expect: /JSON/i,
  },
  {
    name: 'malformed YAML',
    breakIt: () => writeFileSync(benchFile(), '- id: q1\n  question: "unterminated\n  sql: SELECT 1\n'),
    file: 'benchmarks/demo.yml',
    expect: /YAML|yaml/,
  },
  {
    name: 'schema violation',
    breakIt: () => editSpace((s) => (s.data_sources.tables[0].column_configs[0].column_name = 42)),
    file: 'spaces/demo/space.json',
    expect: /\$\.data_sources\.tables\[0\]\.column_configs\[0\]\.column_name/,
  },
  {
    name: 'duplicate id',
    breakIt: () =>
      editSpace((s) => {
        s.instructions = {
          text_instructions: [{ id: ID_A, content: ['Be brief.\n'] }],
          example_question_sqls: [{ id: ID_A, question: ['x'], sql: ['SELECT 1'] }],
        };
      }),
    file: 'spaces/demo/space.json',
    expect: new RegExp(ID_A),
  },
  {
    name: 'unknown table in a join spec',
    breakIt: () =>
      editSpace((s) => {
        s.instructions = {
          join_specs: [
            {
              id: ID_A,
              left: { identifier: TABLES[1], alias: 'messages' },
              right: { identifier: 'main.community.nowhere', alias: 'nowhere' },
              sql: ['`messages`.`channel_id` = `nowhere`.`channel_id`', '--rt=FROM_RELATIONSHIP_TYPE_MANY_TO_ONE--'],
            },
          ],
        };
      }),
    file: 'spaces/demo/space.json',
    expect: /nowhere/,
  },
  ...['DELETE FROM main.community.messages', 'DROP TABLE main.community.messages', 'SELECT 1; SELECT 2'].map((sql) => ({
    name: `non-read-only statement: ${sql}`,
    breakIt: () => writeFileSync(benchFile(), `- id: q1\n  question: anything\n  sql: "${sql}"\n`),
    file: 'benchmarks/demo.yml',
    expect: /read-only|single|one statement|DELETE|DROP/i,
  })),
  {
    name: 'empty benchmark file',
    breakIt: () => writeFileSync(benchFile(), ''),
    file: 'benchmarks/demo.yml',
    expect: /question/i,
  },
];

describe('bad inputs give a clear error, exit code 1 and no partial output', () => {
  it.each(cases)('validate: $name', async ({ breakIt, file, expect: pattern }) => {
    breakIt();
    const io = captureIo(repo.root);
    const code = await main(['validate', '--space', 'demo'], io);
    const err = io.stderr.join('\n');
    expect(code).toBe(1);
    expect(err).toContain(file);
    expect(err).toMatch(pattern);
  });

  it.each(cases)('score: $name', async ({ breakIt, file }) => {
    breakIt();
    const io = captureIo(repo.root);
    const json = path.join(repo.root, 'out/card.json');
    const code = await main(['score', '--space', 'demo', '--backend', 'local', '--json', json, '--quiet'], io);
    expect(code).toBe(1);
    expect(io.stderr.join('\n')).toContain(file);
    expect(existsSync(json)).toBe(false);
  });
});

describe('usage errors', () => {
  it('names a bad numeric option and its range', async () => {
    const io = captureIo(repo.root);
    expect(await main(['score', '--space', 'demo', '--repeats', '0'], io)).toBe(1);
    expect(io.stderr).toEqual(['error: --repeats must be an integer ≥ 1 (got 0)']);
  });
  it.each([
    ['--confidence', '1.5', /a number from 0\.5 to 0\.999/],
    ['--max-repeats', '2.5', /an integer from 0 to 20/],
  ])('enhance names a bad %s and its range', async (flag, value, range) => {
    const io = captureIo(repo.root);
    expect(await main(['enhance', '--space', 'demo', flag, value], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain(`${flag} must be`);
    expect(io.stderr.join('\n')).toContain(`(got ${value})`);
    expect(io.stderr.join('\n')).toMatch(range);
  });
  it('rejects an unknown command', async () => {
    const io = captureIo(repo.root);
    expect(await main(['frobnicate'], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/unknown command 'frobnicate'/);
  });
  it('names a space folder that does not exist', async () => {
    const io = captureIo(repo.root);
    expect(await main(['validate', '--space', 'nope'], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/nope/);
  });
});
