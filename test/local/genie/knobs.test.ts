import { beforeAll, describe, expect, it } from 'vitest';
import { openLocalWarehouse } from '../../../src/local/warehouse.js';
import { createLocalGenie } from '../../../src/local/genie/index.js';
import type { Warehouse } from '../../../src/ports.js';
import type { Space } from '../../../src/space/schema.js';
import { resultsMatch } from './compare-results.js';
import { ID, joinSpec, thinSpace, withColumn, withInstructions } from './demo-configs.js';

let warehouse: Warehouse;
beforeAll(async () => {
  warehouse = await openLocalWarehouse({ data: 'demo' });
});

async function passes(space: Space, question: string, expectedSql: string): Promise<{ ok: boolean; used: string[] }> {
  const genie = await createLocalGenie(space, warehouse);
  const answer = await genie.ask(question);
  const expected = await warehouse.execute(expectedSql);
  return {
    ok: answer.status === 'COMPLETED' && resultsMatch(answer.result, expected),
    used: answer.instructionsUsed ?? [],
  };
}

interface KnobCase {
  knob: string;
  question: string;
  sql: string;
  add: (space: Space) => Space;
  /** The instruction id the answer must report using, when the knob is an instruction. */
  usedId?: string;
}

const cases: KnobCase[] = [
  {
    knob: 'column synonym',
    question: 'What is the average length of messages?',
    sql: 'SELECT AVG(word_count) FROM main.community.messages',
    add: (s) => withColumn(s, 'messages', 'word_count', { synonyms: ['length', 'message length'] }),
  },
  {
    knob: 'value dictionary (entity matching)',
    question: 'How many members are on the enterprise plan?',
    sql: "SELECT COUNT(*) FROM main.community.members WHERE plan = 'enterprise'",
    add: (s) => withColumn(s, 'members', 'plan', { enable_format_assistance: true, enable_entity_matching: true }),
  },
  {
    knob: 'join spec',
    question: "How many messages were posted in the 'help' channel?",
    sql: "SELECT COUNT(*) FROM main.community.messages m JOIN main.community.channels c ON m.channel_id = c.channel_id WHERE c.channel_name = 'help'",
    add: (s) => withInstructions(s, { join_specs: [joinSpec(ID(1), 'messages', 'channels', 'channel_id')] }),
    usedId: ID(1),
  },
  {
    knob: 'measure snippet',
    question: 'What was the DAU on 2026-10-30?',
    sql: "SELECT SUM(active_members) FROM main.community.daily_channel_stats WHERE stat_date = '2026-10-30'",
    add: (s) =>
      withInstructions(s, {
        sql_snippets: {
          measures: [
            {
              id: ID(2),
              alias: 'dau',
              display_name: 'Daily active users',
              synonyms: ['DAU'],
              sql: ['SUM(daily_channel_stats.active_members)'],
            },
          ],
        },
      }),
    usedId: ID(2),
  },
  {
    knob: 'filter snippet',
    question: 'How many paid members are there?',
    sql: "SELECT COUNT(*) FROM main.community.members WHERE plan IN ('pro', 'enterprise')",
    add: (s) =>
      withInstructions(s, {
        sql_snippets: {
          filters: [
            {
              id: ID(3),
              display_name: 'paid members',
              synonyms: ['paying members'],
              sql: ["members.plan IN ('pro', 'enterprise')"],
            },
          ],
        },
      }),
    usedId: ID(3),
  },
  {
    knob: 'example question/SQL (with a swapped value)',
    question: 'How many members on the enterprise plan have never posted a message?',
    sql: "SELECT COUNT(*) FROM main.community.members m WHERE m.plan = 'enterprise' AND NOT EXISTS (SELECT 1 FROM main.community.messages x WHERE x.member_id = m.member_id)",
    add: (s) =>
      withInstructions(
        withColumn(s, 'members', 'plan', { enable_format_assistance: true, enable_entity_matching: true }),
        {
          example_question_sqls: [
            {
              id: ID(4),
              question: ['How many members on the pro plan have never posted any message?'],
              sql: [
                'SELECT COUNT(*) AS silent_members FROM main.community.members m\n',
                "WHERE m.plan = 'pro'\n",
                'AND NOT EXISTS (SELECT 1 FROM main.community.messages x WHERE x.member_id = m.member_id)',
              ],
            },
          ],
        },
      ),
    usedId: ID(4),
  },
];

describe('each config knob changes the answer', () => {
  it.each(cases)('$knob: fails without, passes with', async ({ question, sql, add, usedId }) => {
    const without = await passes(thinSpace(), question, sql);
    expect(without.ok).toBe(false);
    const withKnob = await passes(add(thinSpace()), question, sql);
    expect(withKnob.ok).toBe(true);
    if (usedId) expect(withKnob.used).toContain(usedId);
  });

  it('without a join spec a two-table question gets a clarifying text, not SQL', async () => {
    const genie = await createLocalGenie(thinSpace(), warehouse);
    const answer = await genie.ask("How many messages were posted in the 'help' channel?");
    expect(answer.status).toBe('COMPLETED');
    expect(answer.sql).toBeUndefined();
    expect(answer.text).toMatch(/join/i);
  });

  it('a value is matched without a dictionary only when quoted', async () => {
    const genie = await createLocalGenie(thinSpace(), warehouse);
    const quoted = await genie.ask("How many members are on the 'enterprise' plan?");
    expect(quoted.sql).toMatch(/plan = 'enterprise'/);
    const bare = await genie.ask('How many members are on the enterprise plan?');
    expect(bare.sql ?? '').not.toMatch(/enterprise/);
  });

  it('format assistance recognises a code-shaped token on a column whose examples look like it', async () => {
    const space = withColumn(thinSpace(), 'members', 'country_code', { enable_format_assistance: true });
    const answer = await (await createLocalGenie(space, warehouse)).ask('How many members are from KR?');
    expect(answer.sql).toMatch(/country_code = 'KR'/);
    const thin = await (await createLocalGenie(thinSpace(), warehouse)).ask('How many members are from KR?');
    expect(thin.sql ?? '').not.toMatch(/'KR'/);
  });

  it('a description alias maps a word to a coded value ("Japan" -> JP)', async () => {
    const space = withColumn(thinSpace(), 'members', 'country_code', {
      description: ['ISO country code: KR = Korea, JP = Japan, US = United States.'],
    });
    const answer = await (await createLocalGenie(space, warehouse)).ask('How many members are from Japan?');
    expect(answer.sql).toMatch(/country_code = 'JP'/);
  });
});
