/**
 * Generality: the engine on databases nobody on this project designed (Spider's
 * pets_1 and concert_singer, CC BY-SA 4.0), each with a quick config written the
 * way an analyst would (tables, columns, a few synonyms, joins), asked a handful
 * of their simple questions verbatim.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openLocalWarehouse } from '../../../src/local/warehouse.js';
import { createLocalGenie } from '../../../src/local/genie/index.js';
import type { Space } from '../../../src/space/schema.js';
import { resultsMatch } from './compare-results.js';
import { externalCases, readJsonl } from '../../helpers/external-cases.js';

const ROOT = externalCases('spider');
const hex = (n: number): string => n.toString(16).padStart(32, '0');
const questions = new Map<string, { question: string; sql: string }>(
  readJsonl<{ id: string; question: string; sql_strict: string }>(ROOT && `${ROOT}/questions.jsonl`).map((q) => [
    q.question,
    { question: q.question, sql: q.sql_strict },
  ]),
);

const col = (column_name: string, extra: Record<string, unknown> = {}) => ({ column_name, ...extra });
const join = (id: number, left: string, right: string, lc: string, rc: string) => ({
  id: hex(id),
  left: { identifier: `main.default.${left}`, alias: left },
  right: { identifier: `main.default.${right}`, alias: right },
  sql: [`\`${left}\`.\`${lc}\` = \`${right}\`.\`${rc}\``, '--rt=FROM_RELATIONSHIP_TYPE_MANY_TO_ONE--'],
});
const values = { enable_format_assistance: true, enable_entity_matching: true };

const pets: Space = {
  version: 2,
  data_sources: {
    tables: [
      {
        identifier: 'main.default.has_pet',
        description: ['Which student owns which pet.'],
        column_configs: [col('PetID'), col('StuID')],
      },
      {
        identifier: 'main.default.pets',
        column_configs: [
          col('PetID'),
          col('PetType', { synonyms: ['type', 'kind of pet'], ...values }),
          col('pet_age'),
          col('weight', { synonyms: ['heavy', 'weigh'] }),
        ],
      },
      {
        identifier: 'main.default.student',
        column_configs: [
          col('Age', { synonyms: ['old'] }),
          col('Fname', { synonyms: ['first name'] }),
          col('LName', { synonyms: ['last name'] }),
          col('Sex', { description: ['F = female, M = male'], synonyms: ['gender'], ...values }),
          col('StuID'),
        ],
      },
    ],
  },
  instructions: {
    join_specs: [join(1, 'has_pet', 'pets', 'PetID', 'PetID'), join(2, 'has_pet', 'student', 'StuID', 'StuID')],
  },
};

const concerts: Space = {
  version: 2,
  data_sources: {
    tables: [
      {
        identifier: 'main.default.concert',
        column_configs: [col('Stadium_ID'), col('Theme'), col('Year'), col('concert_ID'), col('concert_Name')],
      },
      {
        identifier: 'main.default.singer',
        column_configs: [
          col('Age'),
          col('Country', values),
          col('Is_male'),
          col('Name'),
          col('Singer_ID'),
          col('Song_Name'),
          col('Song_release_year'),
        ],
      },
      { identifier: 'main.default.singer_in_concert', column_configs: [col('Singer_ID'), col('concert_ID')] },
      {
        identifier: 'main.default.stadium',
        column_configs: [
          col('Average'),
          col('Capacity'),
          col('Highest'),
          col('Location'),
          col('Lowest'),
          col('Name'),
          col('Stadium_ID'),
        ],
      },
    ],
  },
  instructions: {
    join_specs: [
      join(3, 'concert', 'stadium', 'Stadium_ID', 'Stadium_ID'),
      join(4, 'singer_in_concert', 'singer', 'Singer_ID', 'Singer_ID'),
      join(5, 'singer_in_concert', 'concert', 'concert_ID', 'concert_ID'),
    ],
  },
};

const cases: Array<[string, Space, string[]]> = [
  [
    'pets_1',
    pets,
    [
      'Find the number of pets whose weight is heavier than 10.',
      'Find the number of distinct type of pets.',
      'Find the average weight for each pet type.',
      'Find the maximum weight for each type of pet. List the maximum weight and pet type.',
      'How many dog pets are raised by female students?',
    ],
  ],
  [
    'concert_singer',
    concerts,
    [
      'How many singers do we have?',
      'How many singers are from each country?',
      'Show all countries and the number of singers in each country.',
      'What are all distinct countries where singers above age 20 are from?',
      'Show location and name for all stadiums with a capacity between 5000 and 10000.',
    ],
  ],
];

describe.skipIf(!ROOT).each(cases)('external database %s', (db, space, asked) => {
  it.each(asked)('%s', async (question) => {
    const warehouse = await openLocalWarehouse({ data: `${ROOT}/databases/${db}/${db}.sqlite` });
    const genie = await createLocalGenie(space, warehouse);
    const gold = questions.get(question);
    expect(gold).toBeDefined();
    const answer = await genie.ask(question);
    const expected = await warehouse.execute(
      gold!.sql.replace(
        /\b(FROM|JOIN|from|join)\s+(\w+)/g,
        (_, kw: string, t: string) => `${kw} main.default.${t.toLowerCase()}`,
      ),
    );
    expect({ sql: answer.sql, ok: resultsMatch(answer.result, expected) }).toEqual({ sql: answer.sql, ok: true });
  });
});
