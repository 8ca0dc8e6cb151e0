/**
 * Parameterised examples (templates): the engine matches a question to a template, fills the
 * parameter from the question (value dictionary, format-assisted example values, value aliases,
 * numbers) and answers, for a literal that no example in the config holds.
 */
import { describe, expect, it } from 'vitest';
import { createLocalGenie } from '../../../src/local/genie/index.js';
import { openLocalWarehouse } from '../../../src/local/warehouse.js';
import type { Space } from '../../../src/space/schema.js';
import { loadSpace } from '../../../src/commands/workspace.js';
import { REPO_ROOT } from '../../helpers/temp-repo.js';
import { externalCases } from '../../helpers/external-cases.js';

const TEMPLATE_ID = 'e'.repeat(32);

/** Every literal the config's examples hold: their SQL literals and parameter defaults. */
function exampleLiterals(space: Space): string[] {
  return (space.instructions?.example_question_sqls ?? []).flatMap((e) => [
    ...[...e.sql.join('').matchAll(/'([^']*)'/g)].map((m) => m[1]),
    ...(e.parameters ?? []).flatMap((p) => p.default_value?.values ?? []),
  ]);
}

function withColumnValues(space: Space, table: string, column: string): void {
  const config = space.data_sources?.tables?.find((t) => t.identifier.endsWith(`.${table}`));
  const entry = config?.column_configs?.find((c) => c.column_name === column);
  if (!entry) throw new Error(`${table}.${column} is not configured`);
  entry.enable_format_assistance = true;
  entry.enable_entity_matching = true;
}

describe('templates on the demo', () => {
  it('answers an unseen plan through the template, with the literal taken from the question', async () => {
    const loaded = loadSpace(REPO_ROOT, 'demo');
    const space = structuredClone(loaded.space);
    withColumnValues(space, 'members', 'plan');
    space.instructions = {
      example_question_sqls: [
        {
          id: TEMPLATE_ID,
          question: ['How many members are on the free plan?'],
          sql: ['SELECT COUNT(*) AS member_count\n', 'FROM main.community.members\n', 'WHERE plan = :plan'],
          parameters: [
            { name: 'plan', type_hint: 'STRING', description: ['a plan'], default_value: { values: ['free'] } },
          ],
          usage_guidance: ['Counting members on one plan.'],
        },
      ],
    };
    const warehouse = await openLocalWarehouse({ data: 'demo' });
    try {
      const genie = await createLocalGenie(space, warehouse);
      const answer = await genie.answer('How many of our users are on the enterprise plan?');
      expect(exampleLiterals(space)).not.toContain('enterprise');
      expect(answer.instructionsUsed).toContain(TEMPLATE_ID);
      expect(answer.sql).toMatch(/WHERE plan = 'enterprise'$/);
      const expected = await warehouse.execute("SELECT COUNT(*) FROM main.community.members WHERE plan = 'enterprise'");
      expect(answer.result?.rows).toEqual(expected.rows);
      // A question that gives no plan is not answered with the template's default.
      const vague = await genie.answer('How many members are on a plan?');
      expect(vague.sql ?? '').not.toContain("'free'");
    } finally {
      await warehouse.close?.();
    }
  });
});

const SPIDER = externalCases('spider');

describe.skipIf(!SPIDER)('templates on an external database (Spider flight_2)', () => {
  it('fills a joined template from a city the question names', async () => {
    const warehouse = await openLocalWarehouse({ data: `${SPIDER}/databases/flight_2/flight_2.sqlite` });
    try {
      const schema = await warehouse.schema();
      const space: Space = {
        version: 2,
        data_sources: {
          tables: schema.tables.map((t) => ({
            identifier: t.identifier,
            column_configs: t.columns.map((c) => ({ column_name: c.name })),
          })),
        },
        instructions: {
          join_specs: [
            {
              id: 'b'.repeat(32),
              left: { identifier: 'main.default.flights', alias: 'flights' },
              right: { identifier: 'main.default.airports', alias: 'airports' },
              sql: ['`flights`.`DestAirport` = `airports`.`AirportCode`', '--rt=FROM_RELATIONSHIP_TYPE_MANY_TO_ONE--'],
            },
          ],
          example_question_sqls: [
            {
              id: TEMPLATE_ID,
              question: ['How many flights arrive in :city?'],
              sql: [
                'SELECT COUNT(*) FROM main.default.flights AS f\n',
                'JOIN main.default.airports AS a ON f.DestAirport = a.AirportCode\n',
                'WHERE a.City = :city',
              ],
              parameters: [
                { name: 'city', type_hint: 'STRING', description: ['a city'], default_value: { values: ['Abilene'] } },
              ],
            },
          ],
        },
      } as Space;
      withColumnValues(space, 'airports', 'City');
      const genie = await createLocalGenie(space, warehouse);
      const answer = await genie.answer('How many flights arrive in Aberdeen?');
      expect(exampleLiterals(space)).not.toContain('Aberdeen');
      expect(answer.instructionsUsed).toContain(TEMPLATE_ID);
      const expected = await warehouse.execute(
        "SELECT count(*) FROM flights AS T1 JOIN airports AS T2 ON T1.DestAirport = T2.AirportCode WHERE T2.City = 'Aberdeen'",
      );
      expect(answer.result?.rows).toEqual(expected.rows);
      expect(answer.sql).toContain("a.City = 'Aberdeen'");
    } finally {
      await warehouse.close?.();
    }
  });
});
