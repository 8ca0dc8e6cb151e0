/** Each rule of the rules analyst, on a small constructed failure over the demo warehouse and thin config. */
import { beforeAll, describe, expect, it } from 'vitest';
import { applyFixes } from '../../../src/fixes/apply/apply-fixes.js';
import { SpaceSchema, type Space } from '../../../src/space/schema.js';
import { fixKey } from '../../../src/fixes/fix-key.js';
import { demoEnv, failure, fromEvidence, ofType, propose, proposeLastResort, type Env } from './helpers.js';

const M = 'main.community';
let env: Env;

beforeAll(async () => {
  env = await demoEnv();
});

/** The thin demo config plus one join spec between messages and channels. */
function withChannelJoin(relationship: string): Space {
  const space = structuredClone(env.space);
  space.instructions = {
    join_specs: [
      {
        id: '0123456789abcdef0123456789abcdef',
        left: { identifier: `${M}.messages`, alias: 'messages' },
        right: { identifier: `${M}.channels`, alias: 'channels' },
        sql: ['`messages`.`channel_id` = `channels`.`channel_id`', `--rt=FROM_RELATIONSHIP_TYPE_${relationship}--`],
      },
    ],
  };
  return SpaceSchema.parse(space);
}

describe('join rules', () => {
  const joinFailure = failure(
    'j1',
    'How many messages were posted in each channel category?',
    `SELECT c.category, COUNT(*) FROM ${M}.messages m JOIN ${M}.channels c ON m.channel_id = c.channel_id GROUP BY c.category`,
    `SELECT category, COUNT(*) FROM ${M}.channels GROUP BY category`,
  );

  it('proposes add_join from the ON clause, many side on the left, relationship from uniqueness', async () => {
    const { fixes } = await propose(env, [joinFailure]);
    // Joins inferred from the data for tables this failure does not use aim at no question.
    const joins = ofType(fixes, 'add_join').filter((j) => j.targets.length > 0);
    expect(joins).toHaveLength(1);
    expect(joins[0]).toMatchObject({
      left: { table: `${M}.messages`, column: 'channel_id' },
      right: { table: `${M}.channels`, column: 'channel_id' },
      relationship: 'MANY_TO_ONE',
      targets: ['j1'],
    });
  });

  it('orients a join written the other way round the same way', async () => {
    const flipped = {
      ...joinFailure,
      expectedSql: `SELECT c.category, COUNT(*) FROM ${M}.channels c JOIN ${M}.messages m ON c.channel_id = m.channel_id GROUP BY c.category`,
    };
    const joins = ofType((await propose(env, [flipped])).fixes, 'add_join');
    expect(joins[0]).toMatchObject({
      left: { table: `${M}.messages` },
      right: { table: `${M}.channels` },
      relationship: 'MANY_TO_ONE',
    });
  });

  it.each([
    ['a correct spec exists', 'MANY_TO_ONE', undefined],
    ['a spec with the wrong relationship exists', 'ONE_TO_ONE', 'MANY_TO_ONE'],
  ])('no add_join when %s; fix_join only when the data contradicts the spec', async (_label, marker, expected) => {
    const { fixes } = await propose(env, [joinFailure], { space: withChannelJoin(marker) });
    expect(ofType(fixes, 'add_join').filter((j) => j.targets.length > 0)).toEqual([]);
    const fixJoins = ofType(fixes, 'fix_join');
    expect(fixJoins.map((f) => f.relationship)).toEqual(expected ? [expected] : []);
  });
});

describe('word rules', () => {
  it('a question word for a missing table -> table description and a synonym on its key column', async () => {
    const { fixes } = await propose(env, [
      failure('t1', 'How many posts are there?', `SELECT COUNT(*) FROM ${M}.messages`, null, {
        genieText: 'Which table do you mean?',
      }),
    ]);
    const description = ofType(fixes, 'update_table_description').find((f) => f.table === `${M}.messages`);
    expect(description?.description).toMatch(/Also called: posts\./);
    const synonym = ofType(fixes, 'add_synonym').find((f) => f.table === `${M}.messages`);
    expect(synonym).toMatchObject({ column: 'message_id', synonyms: ['posts'], targets: ['t1'] });
  });

  it('a word that spells the alias of a computed output names that computation, never the table or a column', async () => {
    // "zorp" is what the expected SQL calls COUNT(DISTINCT member_id): not a word for messages.
    const zorp = failure(
      'a1',
      'What was our zorp on October 15?',
      `SELECT COUNT(DISTINCT member_id) AS zorp FROM ${M}.messages WHERE to_date(sent_at) = '2026-10-15'`,
      null,
      { genieText: 'Which table do you mean?' },
    );
    const { fixes } = await propose(env, [zorp]);
    const words = [
      ...ofType(fixes, 'update_table_description').map((f) => f.description),
      ...ofType(fixes, 'add_synonym').flatMap((f) => f.synonyms),
    ];
    expect(words.join(' ')).not.toMatch(/zorp/i);
  });

  it.each([
    ['English', 'What is the average length of messages?', 'length'],
    ['Korean (particles stripped)', '메시지의 평균 길이는?', '길이'],
  ])(
    '%s: an unexplained word beside the aggregate names the missing column -> add_synonym',
    async (_label, question, word) => {
      const { fixes } = await propose(env, [
        failure('c1', question, `SELECT AVG(word_count) FROM ${M}.messages`, `SELECT COUNT(*) FROM ${M}.messages`),
      ]);
      const synonyms = ofType(fixes, 'add_synonym');
      expect(synonyms).toEqual([
        expect.objectContaining({ table: `${M}.messages`, column: 'word_count', synonyms: [word], targets: ['c1'] }),
      ]);
    },
  );

  it('a word that only shares a prefix with the missing column gets added as an exact synonym', async () => {
    const { fixes } = await propose(env, [
      failure(
        'c2',
        'Show each channel name with its creation day',
        `SELECT channel_name, created_at FROM ${M}.channels`,
        `SELECT channel_name FROM ${M}.channels`,
      ),
    ]);
    expect(ofType(fixes, 'add_synonym')).toEqual([
      expect.objectContaining({ column: 'created_at', synonyms: ['creation'] }),
    ]);
  });

  it('a date column takes no word that does not resemble it', async () => {
    const { fixes } = await propose(env, [
      failure(
        'c4',
        'Show each channel name with its birthday',
        `SELECT channel_name, created_at FROM ${M}.channels`,
        `SELECT channel_name FROM ${M}.channels`,
      ),
    ]);
    expect(ofType(fixes, 'add_synonym')).toEqual([]);
  });

  it('no synonym when the question already names the column Genie missed', async () => {
    const { fixes } = await propose(env, [
      failure(
        'c3',
        'What is the average word count of messages?',
        `SELECT AVG(word_count) FROM ${M}.messages`,
        `SELECT COUNT(*) FROM ${M}.messages`,
      ),
    ]);
    expect(ofType(fixes, 'add_synonym')).toEqual([]);
  });

  it('a Korean breakdown word (X별) goes to the grouping column, the counted word to the table', async () => {
    const { fixes } = await propose(env, [
      failure(
        'k1',
        '채널별 게시물 수는?',
        `SELECT c.channel_name, COUNT(*) FROM ${M}.messages m JOIN ${M}.channels c ON m.channel_id = c.channel_id GROUP BY c.channel_name`,
        null,
      ),
    ]);
    expect(ofType(fixes, 'add_synonym').find((f) => f.column === 'channel_name')?.synonyms).toEqual(['채널']);
    expect(ofType(fixes, 'update_table_description').find((f) => f.table === `${M}.messages`)?.description).toContain(
      '게시물',
    );
  });
});

describe('value rules', () => {
  it('a string filter Genie got wrong on a column without entity matching -> enable_build_value_dictionary', async () => {
    const { fixes } = await propose(env, [
      failure(
        'v1',
        'How many members are on the pro plan?',
        `SELECT COUNT(*) FROM ${M}.members WHERE plan = 'pro'`,
        `SELECT COUNT(*) FROM ${M}.members WHERE plan = 'Pro'`,
      ),
    ]);
    expect(fromEvidence(ofType(fixes, 'enable_build_value_dictionary'))).toEqual([
      expect.objectContaining({ table: `${M}.members`, column: 'plan', targets: ['v1'] }),
    ]);
    // The value is in the question: no description mapping is needed.
    expect(ofType(fixes, 'add_column_description')).toEqual([]);
  });

  it('a value the question names with another word -> a description mapping the word to the stored value', async () => {
    const { fixes } = await propose(env, [
      failure(
        'v2',
        'How many members live in Japan?',
        `SELECT COUNT(*) FROM ${M}.members WHERE country_code = 'JP'`,
        `SELECT COUNT(*) FROM ${M}.members`,
      ),
    ]);
    expect(fromEvidence(ofType(fixes, 'enable_build_value_dictionary')).map((f) => f.column)).toEqual(['country_code']);
    const [description] = ofType(fixes, 'add_column_description');
    expect(description).toMatchObject({ table: `${M}.members`, column: 'country_code' });
    expect(description.description).toContain("Japan for 'JP'");
    expect(description.description).toContain('Values: BR, DE, FR, GB, IN, JP, KR, US.');
  });

  it('no value fix when Genie reproduced the filter', async () => {
    const sql = `SELECT COUNT(*) FROM ${M}.members WHERE plan = 'pro'`;
    const { fixes } = await propose(env, [failure('v3', 'How many pro members are there?', sql, `${sql} AND 1 = 1`)]);
    expect(fromEvidence(ofType(fixes, 'enable_build_value_dictionary'))).toEqual([]);
  });

  it('a date condition Genie missed -> enable_get_example_values on the date column', async () => {
    const { fixes } = await propose(env, [
      failure(
        'd1',
        'How many messages were sent in the last 7 days?',
        `SELECT COUNT(*) FROM ${M}.messages WHERE sent_at >= date_sub(current_date(), 7)`,
        `SELECT COUNT(*) FROM ${M}.messages`,
      ),
    ]);
    expect(ofType(fixes, 'enable_get_example_values')).toEqual([
      expect.objectContaining({ table: `${M}.messages`, column: 'sent_at', targets: ['d1'] }),
    ]);
  });
});

describe('snippet rules', () => {
  it('a distinct count the question names -> measure snippet named by the phrase, columns table-qualified', async () => {
    const { fixes } = await propose(env, [
      failure(
        'm1',
        'How many unique posters are there per channel?',
        `SELECT c.channel_name, COUNT(DISTINCT m.member_id) FROM ${M}.messages m JOIN ${M}.channels c ON m.channel_id = c.channel_id GROUP BY c.channel_name`,
        `SELECT channel_name, COUNT(*) FROM ${M}.channels GROUP BY channel_name`,
      ),
    ]);
    const measures = ofType(fixes, 'add_sql_snippet').filter((f) => f.kind === 'measure');
    expect(measures).toEqual([
      expect.objectContaining({
        display_name: 'unique posters',
        sql: 'count(distinct messages.member_id)',
        synonyms: ['unique poster'],
        targets: ['m1'],
      }),
    ]);
  });

  it('a ratio of aggregates -> measure; the grouping words stay out of its name', async () => {
    const { fixes } = await propose(env, [
      failure(
        'm2',
        'What is the average words per message in each channel?',
        `SELECT c.channel_name, SUM(m.word_count) * 1.0 / COUNT(*) FROM ${M}.messages m JOIN ${M}.channels c ON m.channel_id = c.channel_id GROUP BY c.channel_name`,
        `SELECT channel_name, AVG(channel_id) FROM ${M}.channels GROUP BY channel_name`,
      ),
    ]);
    const measures = ofType(fixes, 'add_sql_snippet').filter((f) => f.kind === 'measure');
    expect(measures).toEqual([
      expect.objectContaining({
        display_name: 'average words per message',
        sql: '(sum(messages.word_count) * 1.0) / count(*)',
      }),
    ]);
  });

  it('no measure for a plain aggregate of one column, or when Genie computed the same expression', async () => {
    const plain = failure(
      'm3',
      'What is the total of word counts?',
      `SELECT SUM(word_count) FROM ${M}.messages`,
      `SELECT COUNT(*) FROM ${M}.messages`,
    );
    const same = failure(
      'm4',
      'How many distinct members posted?',
      `SELECT COUNT(DISTINCT member_id) FROM ${M}.messages`,
      `SELECT COUNT(DISTINCT member_id) FROM ${M}.messages WHERE 1 = 1`,
    );
    const { fixes } = await propose(env, [plain, same]);
    expect(ofType(fixes, 'add_sql_snippet')).toEqual([]);
  });

  it('a flag filter the question names with a word -> filter snippet', async () => {
    const { fixes } = await propose(env, [
      failure(
        'f1',
        'How many replies are there?',
        `SELECT COUNT(*) FROM ${M}.messages WHERE is_reply = 1`,
        `SELECT COUNT(*) FROM ${M}.messages`,
      ),
    ]);
    const filters = ofType(fixes, 'add_sql_snippet').filter((f) => f.kind === 'filter');
    expect(filters).toEqual([
      expect.objectContaining({
        display_name: 'replies',
        sql: 'messages.is_reply = 1',
        synonyms: ['reply'],
        targets: ['f1'],
      }),
    ]);
  });

  it('a set of values the question names with one word -> filter snippet', async () => {
    const { fixes } = await propose(env, [
      failure(
        'f4',
        'How many paid members are there?',
        `SELECT COUNT(*) FROM ${M}.members WHERE plan IN ('pro', 'enterprise')`,
        `SELECT COUNT(*) FROM ${M}.members`,
      ),
    ]);
    const filters = ofType(fixes, 'add_sql_snippet').filter((f) => f.kind === 'filter');
    expect(filters).toEqual([
      expect.objectContaining({ display_name: 'paid', sql: "members.plan IN ('pro', 'enterprise')", targets: ['f4'] }),
    ]);
  });

  it('the same flag filter in several questions is one snippet targeting all of them', async () => {
    const { fixes } = await propose(env, [
      failure(
        'f2',
        'How many replies are there?',
        `SELECT COUNT(*) FROM ${M}.messages WHERE is_reply = 1`,
        `SELECT COUNT(*) FROM ${M}.messages`,
      ),
      failure(
        'f3',
        'Count the replies with more than 10 words',
        `SELECT COUNT(*) FROM ${M}.messages WHERE is_reply = 1 AND word_count > 10`,
        `SELECT COUNT(*) FROM ${M}.messages WHERE word_count > 10`,
      ),
    ]);
    const filters = ofType(fixes, 'add_sql_snippet').filter((f) => f.kind === 'filter');
    expect(filters).toHaveLength(1);
    expect(filters[0].targets).toEqual(['f2', 'f3']);
  });
});

describe('example rule (last resort)', () => {
  const complex = failure(
    'e1',
    'Which members posted in more channels than average?',
    `WITH per_member AS (SELECT member_id, COUNT(DISTINCT channel_id) AS n FROM ${M}.messages GROUP BY member_id) SELECT member_id FROM per_member WHERE n > (SELECT AVG(n) FROM per_member)`,
    `SELECT member_id FROM ${M}.members`,
  );

  const simple = failure(
    'e9',
    'How many replies are there?',
    `SELECT COUNT(*) FROM ${M}.messages WHERE is_reply = 1`,
    `SELECT COUNT(*) FROM ${M}.messages`,
  );

  it('no example while another fix is left to try; a note says examples wait', async () => {
    const unparseable = failure('e8', 'Show the odd thing', 'SELEC nonsense FROM', null);
    const { fixes, notes } = await propose(env, [simple, complex, unparseable]);
    expect(fixes.length).toBeGreaterThan(0);
    expect(ofType(fixes, 'add_example_query')).toEqual([]);
    expect(notes).toContain('example queries wait for an iteration with no other fix to try');
  });

  it('once nothing else is left, failures become example pairs with the train question, complex ones first', async () => {
    const { fixes } = await proposeLastResort(env, [simple, complex]);
    expect(fixes).toEqual([
      expect.objectContaining({
        type: 'add_example_query',
        question: complex.question,
        sql: complex.expectedSql,
        targets: ['e1'],
      }),
      expect.objectContaining({ type: 'add_example_query', question: simple.question, targets: ['e9'] }),
    ]);
  });

  it('at most maxExamples examples per iteration', async () => {
    const many = [1, 2, 3, 4, 5].map((n) => ({
      ...complex,
      id: `e${n}`,
      question: `${complex.question} (${n})`,
      expectedSql: `${complex.expectedSql} AND ${n} = ${n}`,
    }));
    const { fixes, notes } = await proposeLastResort(env, many, { analyst: { maxExamples: 2 } });
    expect(ofType(fixes, 'add_example_query').map((f) => f.targets[0])).toEqual(['e1', 'e2']);
    expect(notes.filter((n) => n.startsWith('deferred example'))).toHaveLength(3);
  });

  it('no example duplicates one the space already has', async () => {
    const space = structuredClone(env.space);
    space.instructions = {
      example_question_sqls: [{ id: 'bb'.repeat(16), question: ['Replies, please'], sql: [simple.expectedSql] }],
    };
    const first = await propose(env, [simple], { space });
    const tried = first.fixes.map(fixKey);
    const { fixes } = await propose(env, [simple], { space, alreadyTried: tried });
    expect(fixes).toEqual([]);
  });
});

describe('every proposed fix applies to the demo config', () => {
  it('a mixed batch applies and validates with no rejection', async () => {
    const failures = [
      failure(
        'a1',
        'How many posts did members from Korea write per channel?',
        `SELECT c.channel_name, COUNT(*) FROM ${M}.messages m JOIN ${M}.members mb ON m.member_id = mb.member_id JOIN ${M}.channels c ON c.channel_id = m.channel_id WHERE mb.country_code = 'KR' GROUP BY c.channel_name`,
        null,
      ),
      failure(
        'a2',
        'How many unique posters are there?',
        `SELECT COUNT(DISTINCT member_id) FROM ${M}.messages`,
        `SELECT COUNT(*) FROM ${M}.members`,
      ),
      failure(
        'a3',
        'How many replies were sent in the last 30 days?',
        `SELECT COUNT(*) FROM ${M}.messages WHERE is_reply = 1 AND sent_at >= date_sub(current_date(), 30)`,
        `SELECT COUNT(*) FROM ${M}.messages`,
      ),
      failure(
        'a4',
        '일본 회원은 몇 명인가요?',
        `SELECT COUNT(*) FROM ${M}.members WHERE country_code = 'JP'`,
        `SELECT COUNT(*) FROM ${M}.members`,
      ),
    ];
    const { fixes } = await propose(env, failures);
    expect(fixes.length).toBeGreaterThan(5);
    const result = applyFixes(env.space, fixes, { file: 'spaces/demo/space.json', warehouseSchema: env.schema });
    expect(result.rejected).toEqual([]);
    expect(result.applied).toHaveLength(fixes.length);
  });
});

describe('template rule (parameterised examples)', () => {
  it('turns failures that differ only in a literal into one template whose default copies none of them', async () => {
    const pro = failure(
      't1',
      'How many members are on the pro plan?',
      `SELECT COUNT(*) FROM ${M}.members WHERE plan = 'pro'`,
      `SELECT COUNT(*) FROM ${M}.members`,
    );
    const ent = failure(
      't2',
      'How many members are on the enterprise plan?',
      `SELECT COUNT(*) FROM ${M}.members WHERE plan = 'enterprise'`,
      `SELECT COUNT(*) FROM ${M}.members`,
    );
    const { fixes } = await propose(env, [pro, ent]);
    const [template] = ofType(fixes, 'add_example_query');
    expect(template).toMatchObject({
      sql: `SELECT COUNT(*) FROM ${M}.members WHERE plan = :plan`,
      parameters: [{ name: 'plan', type_hint: 'STRING' }],
      targets: ['t1', 't2'],
    });
    const def = template.parameters?.[0].default_value as string;
    expect(['pro', 'enterprise']).not.toContain(def);
    expect(template.question).toBe(`How many members are on the ${def} plan?`);
    expect(template.usage_guidance).toContain('"How many members are on the <plan> plan?"');
    expect(ofType(fixes, 'enable_build_value_dictionary').map((f) => f.column)).toContain('plan');
  });

  it('proposes no example for paraphrases of one query (the copies that --allow-taught-examples is for)', async () => {
    const a = failure(
      't1',
      'How many members are on the pro plan?',
      `SELECT COUNT(*) FROM ${M}.members WHERE plan = 'pro'`,
      null,
    );
    const b = failure('t2', 'Count the pro members.', `SELECT COUNT(*) FROM ${M}.members WHERE plan = 'pro'`, null);
    const { fixes } = await propose(env, [a, b]);
    expect(ofType(fixes, 'add_example_query')).toEqual([]);
  });
});

describe('category rule (value dictionaries for categorical text columns)', () => {
  it('turns on entity matching for text columns with few values, not for free text, numbers or dates', async () => {
    const { fixes } = await propose(env, [
      failure('c1', 'How many members are there?', `SELECT COUNT(*) FROM ${M}.members`, null),
    ]);
    const categories = ofType(fixes, 'enable_build_value_dictionary').filter((f) => !fromEvidence([f]).length);
    const columns = categories.map((f) => `${f.table.split('.').pop()}.${f.column}`);
    expect(columns).toEqual(expect.arrayContaining(['channels.category', 'members.plan']));
    for (const f of categories) expect(f.rationale).toMatch(/holds \d+ distinct text values \(e\.g\. '/);
    // Free text (display names of 2,000 members), numbers and timestamps are not categories.
    expect(columns).not.toContain('members.display_name');
    expect(columns).not.toContain('messages.word_count');
    expect(columns).not.toContain('messages.sent_at');
  });
});
