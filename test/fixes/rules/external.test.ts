/**
 * The rules analyst on public Spider databases no one on this project designed, with a
 * thin config (tables only). Questions and gold SQL are Spider's; Genie's SQL is made up to
 * show one gap each. Nothing here is special-cased in the analyst.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFixes } from '../../../src/fixes/apply/apply-fixes.js';
import { openLocalWarehouse } from '../../../src/local/warehouse.js';
import { failure, ofType, propose, thinSpace, type Env, fromEvidence } from './helpers.js';
import { externalCases, readJsonl } from '../../helpers/external-cases.js';

const EXTERNAL = externalCases('spider');

interface SpiderQuestion {
  id: string;
  question: string;
  sql_strict: string;
}

const QUESTIONS = new Map(readJsonl<SpiderQuestion>(EXTERNAL && `${EXTERNAL}/questions.jsonl`).map((q) => [q.id, q]));

/** A Spider question as a failure, with Genie's (made-up) SQL. */
function spider(id: string, genieSql: string | null): ReturnType<typeof failure> {
  const q = QUESTIONS.get(id);
  if (!q) throw new Error(`no Spider question ${id}`);
  return failure(id, q.question, q.sql_strict, genieSql);
}

async function env(db: string): Promise<Env> {
  const warehouse = await openLocalWarehouse({ data: `${EXTERNAL}/databases/${db}/${db}.sqlite` });
  const schema = await warehouse.schema();
  return { warehouse, schema, space: thinSpace(schema) };
}

describe.skipIf(!EXTERNAL)('spider pets_1', () => {
  let pets: Env;
  beforeAll(async () => {
    pets = await env('pets_1');
  });
  afterAll(async () => pets.warehouse.close?.());

  it('a join the question needs -> add_join, many-to-one from the link table to students', async () => {
    const { fixes } = await propose(pets, [spider('spider-dev-0051', 'SELECT count(*) FROM student WHERE age > 20')]);
    // has_pet.PetID -> pets is inferred from the data too, but this question does not need it.
    expect(ofType(fixes, 'add_join').filter((j) => j.targets.length > 0)).toEqual([
      expect.objectContaining({
        left: { table: 'main.default.has_pet', column: 'StuID' },
        right: { table: 'main.default.student', column: 'StuID' },
        relationship: 'MANY_TO_ONE',
      }),
    ]);
  });

  it('"female" for sex F -> value dictionaries and a description mapping the word to the code', async () => {
    const { fixes } = await propose(pets, [
      spider('spider-dev-0054', "SELECT count(*) FROM pets WHERE pettype = 'Dog'"),
    ]);
    expect(
      fromEvidence(ofType(fixes, 'enable_build_value_dictionary'))
        .map((f) => f.column)
        .sort(),
    ).toEqual(['PetType', 'Sex']);
    const description = ofType(fixes, 'add_column_description').find((f) => f.column === 'Sex');
    expect(description?.description).toBe("Users say female for 'F'. Values: F, M.");
    expect(ofType(fixes, 'add_example_query')).toEqual([]);
  });

  it('"weigh" for the weight column Genie missed -> add_synonym', async () => {
    const { fixes } = await propose(pets, [
      spider('spider-dev-0048', 'SELECT pet_age FROM pets ORDER BY pet_age LIMIT 1'),
    ]);
    expect(ofType(fixes, 'add_synonym')).toEqual([
      expect.objectContaining({ table: 'main.default.pets', column: 'weight', synonyms: ['weigh'] }),
    ]);
  });

  it('every proposed fix applies to the thin config', async () => {
    const failures = [
      spider('spider-dev-0051', 'SELECT count(*) FROM student WHERE age > 20'),
      spider('spider-dev-0054', "SELECT count(*) FROM pets WHERE pettype = 'Dog'"),
      spider('spider-dev-0048', 'SELECT pet_age FROM pets ORDER BY pet_age LIMIT 1'),
    ];
    const { fixes } = await propose(pets, failures);
    const result = applyFixes(pets.space, fixes, { file: 'spaces/pets/space.json', warehouseSchema: pets.schema });
    expect(result.rejected).toEqual([]);
  });
});

describe.skipIf(!EXTERNAL)('spider concert_singer', () => {
  let concerts: Env;
  beforeAll(async () => {
    concerts = await env('concert_singer');
  });
  afterAll(async () => concerts.warehouse.close?.());

  it.each([['spider-dev-0039', "SELECT name FROM singer WHERE song_name LIKE '%Hey%'", 'Country', 'nation']])(
    '%s: a question word for a missing column -> add_synonym',
    async (id, genieSql, column, word) => {
      const { fixes } = await propose(concerts, [spider(id, genieSql)]);
      expect(ofType(fixes, 'add_synonym')).toEqual([expect.objectContaining({ column, synonyms: [word] })]);
    },
  );

  it('"stations" for the stadium table (Genie asked back) -> table description and key-column synonym', async () => {
    const { fixes } = await propose(concerts, [spider('spider-dev-0015', null)]);
    expect(ofType(fixes, 'update_table_description')).toEqual([
      expect.objectContaining({ table: 'main.default.stadium', description: 'Stadium. Also called: stations.' }),
    ]);
    expect(ofType(fixes, 'add_synonym')).toEqual([
      expect.objectContaining({ column: 'Stadium_ID', synonyms: ['stations'] }),
    ]);
  });

  it('"French" for the value France -> a value description', async () => {
    const { fixes } = await propose(concerts, [
      spider('spider-dev-0005', 'SELECT avg(age), min(age), max(age) FROM singer'),
    ]);
    expect(ofType(fixes, 'add_column_description')[0]?.description).toMatch(
      /^Users say French for 'France'\. Values: /,
    );
  });

  it('a numeric year filter is not mistaken for a date problem', async () => {
    const { fixes } = await propose(concerts, [spider('spider-dev-0021', 'SELECT count(*) FROM concert')]);
    expect(ofType(fixes, 'enable_get_example_values')).toEqual([]);
  });
});
