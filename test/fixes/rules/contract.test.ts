/** The analyst's contract: determinism, alreadyTried, caps, notes, and what it may not read. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixKey } from '../../../src/fixes/fix-key.js';
import { FixSchema } from '../../../src/fixes/fix-types.js';
import { demoEnv, failure, ofType, propose, proposeLastResort, ROOT, type Env } from './helpers.js';

const M = 'main.community';
let env: Env;

beforeAll(async () => {
  env = await demoEnv();
});

const FAILURES = [
  failure(
    'b1',
    'How many posts did members from Korea write per channel?',
    `SELECT c.channel_name, COUNT(*) FROM ${M}.messages m JOIN ${M}.members mb ON m.member_id = mb.member_id JOIN ${M}.channels c ON c.channel_id = m.channel_id WHERE mb.country_code = 'KR' GROUP BY c.channel_name`,
    null,
  ),
  failure(
    'b2',
    'How many unique posters are there?',
    `SELECT COUNT(DISTINCT member_id) FROM ${M}.messages`,
    `SELECT COUNT(*) FROM ${M}.members`,
  ),
  failure(
    'b3',
    'How many replies were sent in the last 30 days?',
    `SELECT COUNT(*) FROM ${M}.messages WHERE is_reply = 1 AND sent_at >= date_sub(current_date(), 30)`,
    `SELECT COUNT(*) FROM ${M}.messages`,
  ),
  failure(
    'b4',
    '일본 회원은 몇 명인가요?',
    `SELECT COUNT(*) FROM ${M}.members WHERE country_code = 'JP'`,
    `SELECT COUNT(*) FROM ${M}.members`,
  ),
  failure(
    'b5',
    '한국 회원은 몇 명인가요?',
    `SELECT COUNT(*) FROM ${M}.members WHERE country_code = 'KR'`,
    `SELECT COUNT(*) FROM ${M}.members`,
  ),
  failure('b6', 'How many posts are there?', `SELECT COUNT(*) FROM ${M}.messages`, 'SELECT FROM WHERE'),
  failure(
    'b7',
    'How many threads are there?',
    `SELECT COUNT(*) FROM ${M}.messages`,
    `SELECT COUNT(*) FROM ${M}.channels`,
  ),
];

describe('determinism', () => {
  it('the same input gives the same fixes in the same order, whatever the order of failures', async () => {
    const first = await propose(env, FAILURES);
    const again = await propose(env, FAILURES);
    const shuffled = await propose(env, [...FAILURES].reverse());
    expect(first.fixes.length).toBeGreaterThan(5);
    expect(again).toEqual(first);
    expect(shuffled.fixes).toEqual(first.fixes);
  });

  it('every fix is valid, carries a one-line rationale and targets only failing ids', async () => {
    const { fixes } = await propose(env, FAILURES);
    const ids = new Set(FAILURES.map((f) => f.id));
    for (const fix of fixes) {
      expect(FixSchema.safeParse(fix).success).toBe(true);
      expect(fix.rationale).not.toMatch(/\n/);
      // A join inferred from the schema and data, or a dictionary on a categorical column, may aim at no
      // failure yet (they serve unseen questions).
      if (fix.type !== 'add_join' && fix.type !== 'enable_build_value_dictionary')
        expect(fix.targets.length).toBeGreaterThan(0);
      expect(fix.targets.every((t) => ids.has(t))).toBe(true);
    }
    expect(new Set(fixes.map(fixKey)).size).toBe(fixes.length);
  });

  it('ranks joins first, then value dictionaries, then word fixes; example queries only as a last resort', async () => {
    const { fixes } = await propose(env, FAILURES);
    const types = fixes.map((f) => f.type);
    // Joins (from the expected SQL, then inferred from the data), then value dictionaries, then the rest.
    const firstOther = types.findIndex((t) => t !== 'add_join');
    expect(types.slice(0, firstOther).length).toBeGreaterThanOrEqual(2);
    expect(types[firstOther]).toBe('enable_build_value_dictionary');
    expect(types.slice(firstOther)).not.toContain('add_join');
    const evidenced = fixes.filter((f) => f.type === 'add_join' && f.targets.length > 0);
    expect(fixes.slice(0, evidenced.length)).toEqual(evidenced);
    expect(types).not.toContain('add_example_query');
    const last = await proposeLastResort(env, FAILURES); // copies allowed
    expect(last.fixes.length).toBe(3);
    expect(last.fixes.every((f) => f.type === 'add_example_query')).toBe(true);
  });
});

describe('alreadyTried', () => {
  it('a fix whose key was tried is not proposed again; the rest stay in order', async () => {
    const { fixes } = await propose(env, FAILURES);
    const tried = fixes.filter((_, i) => i % 2 === 0).map(fixKey);
    const next = await propose(env, FAILURES, { alreadyTried: tried });
    const keys = next.fixes.map(fixKey);
    expect(keys.filter((key) => tried.includes(key))).toEqual([]);
    // Questions that lost their fixes may now get an example; every other fix is as before.
    const notExample = (key: string): boolean => !key.startsWith('add_example_query');
    expect(keys.filter(notExample)).toEqual(fixes.map(fixKey).filter((key) => !tried.includes(key) && notExample(key)));
    expect(next.notes.filter((n) => n.includes('tried before')).length).toBe(tried.length);
  });

  it('a synonym tried on its own is left out of a merged synonym fix', async () => {
    const { fixes } = await propose(env, FAILURES);
    const synonym = ofType(fixes, 'add_synonym').find((f) => f.synonyms.length > 1);
    expect(synonym).toBeDefined();
    const [dropped, ...kept] = synonym!.synonyms;
    const next = await propose(env, FAILURES, { alreadyTried: [fixKey({ ...synonym!, synonyms: [dropped] })] });
    const again = ofType(next.fixes, 'add_synonym').find(
      (f) => f.table === synonym!.table && f.column === synonym!.column,
    );
    expect(again?.synonyms).toEqual(kept);
  });
});

describe('limits and notes', () => {
  it('caps the number of fixes and says what was deferred', async () => {
    const { fixes, notes } = await propose(env, FAILURES, { analyst: { maxFixes: 3 } });
    expect(fixes).toHaveLength(3);
    expect(notes.some((n) => n.startsWith('deferred'))).toBe(true);
  });

  it('an unparseable expected SQL is noted; only a copied example could help it, and copies are opt-in', async () => {
    const broken = failure('x1', 'Show the weird thing', 'SELEC nonsense FROM', null);
    const { fixes, notes } = await propose(env, [broken]);
    expect(notes).toContain('x1: the expected SQL could not be parsed; only an example query can help');
    expect(fixes).toEqual([]);
    const allowed = await propose(env, [broken], { allowTaughtExamples: true });
    expect(allowed.fixes.map((f) => f.type)).toEqual(['add_example_query']);
  });

  it('an unparseable Genie SQL counts as no SQL: the table Genie needed is still found', async () => {
    const { fixes } = await propose(env, [FAILURES[5]]);
    expect(ofType(fixes, 'add_synonym')).toEqual([
      expect.objectContaining({ column: 'message_id', synonyms: ['posts'] }),
    ]);
  });

  it('a word that is also a stored value still names a value ("Korea" for \'KR\' beside a channel called korea)', async () => {
    const { fixes } = await propose(env, [FAILURES[0]]);
    expect(ofType(fixes, 'add_column_description')[0]?.description).toMatch(/^Users say Korea for 'KR'\./);
  });

  it('a snippet Genie used in a failing answer, absent from the expected SQL, is noted as too broad', async () => {
    const space = structuredClone(env.space);
    space.instructions = {
      sql_snippets: {
        measures: [
          {
            id: 'aa'.repeat(16),
            alias: 'posts',
            display_name: 'posts',
            sql: ['count(*) / count(distinct messages.member_id)'],
          },
        ],
      },
    };
    const used = failure(
      'n1',
      'How many posts are longer than 100 words?',
      `SELECT COUNT(*) FROM ${M}.messages WHERE word_count > 100`,
      `SELECT count(*) / count(distinct member_id) FROM ${M}.messages WHERE word_count > 100`,
      {
        instructionsUsed: ['aa'.repeat(16)],
      },
    );
    const { notes } = await propose(env, [used, { ...used, id: 'n2', instructionsUsed: [] }], { space });
    expect(notes.filter((n) => n.includes('may match too broadly'))).toEqual([
      expect.stringMatching(/^n1: Genie used the measure "posts"/),
    ]);
  });

  it('no failures, no fixes', async () => {
    expect(await propose(env, [])).toEqual({ fixes: [], notes: [] });
  });

  it('a config that already explains everything gets no word fixes', async () => {
    const space = structuredClone(env.space);
    const messages = space.data_sources!.tables!.find((t) => t.identifier === `${M}.messages`)!;
    messages.column_configs = messages.column_configs!.map((c) =>
      c.column_name === 'message_id' ? { ...c, synonyms: ['posts'] } : c,
    );
    const { fixes } = await propose(env, [FAILURES[5]], { space });
    expect(fixes.filter((f) => f.type === 'add_synonym' || f.type === 'update_table_description')).toEqual([]);
  });
});

describe('observability boundary', () => {
  const files = readdirSync(path.join(ROOT, 'src/fixes/rules')).filter((f) => f.endsWith('.ts'));

  it('the rules analyst modules never import the local Genie engine', () => {
    expect(files).toContain('rules-analyst.ts');
    for (const file of files) {
      const source = readFileSync(path.join(ROOT, 'src/fixes/rules', file), 'utf8');
      expect(source, file).not.toMatch(/from\s+['"][^'"]*local\/genie/);
      expect(source, file).not.toMatch(/import\(\s*['"][^'"]*local\/genie/);
    }
  });

  it('the rules analyst never reads a Genie answer trace', async () => {
    for (const file of files)
      expect(readFileSync(path.join(ROOT, 'src/fixes/rules', file), 'utf8'), file).not.toMatch(/\.trace\b/);
    // A failure carrying a trace-like extra field gives the same answer as without it.
    const withTrace = FAILURES.map((f) => ({ ...f, trace: { chosenTable: 'secret' } }));
    expect((await propose(env, withTrace)).fixes).toEqual((await propose(env, FAILURES)).fixes);
  });
});
