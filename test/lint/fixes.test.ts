/** lint --fix: mechanical repairs as one RFC 6902 patch, through the fix machinery, leaving a valid config. */
import jsonpatch from 'fast-json-patch';
import { describe, expect, it } from 'vitest';
import { planLintFixes } from '../../src/lint/fixes.js';
import { loadForLint } from '../../src/lint/load.js';
import { SpaceSchema, type Space } from '../../src/space/schema.js';
import { checkInvariants } from '../../src/space/invariants.js';
import { described, lint } from './helpers.js';

type Mutable = any; // test mutations reach into the JSON freely

const FIXABLE = [
  'list-unsorted',
  'id-invalid',
  'join-relationship-missing',
  'synonym-repeated',
  'text-untrimmed',
  'filter-starts-with-where',
  'sample-question-duplicate',
];

function broken(): Space {
  const s = described() as Mutable;
  s.data_sources.tables.reverse();
  s.instructions.join_specs[1].id = s.instructions.join_specs[0].id;
  s.instructions.join_specs[2].sql.pop(); // messages.member_id = members.member_id, marker gone
  s.data_sources.tables[0].column_configs[0].synonyms.push('Emoji', ' emoji reaction ');
  s.instructions.sql_snippets.filters[1].sql = ['WHERE messages.is_reply = 1'];
  s.config.sample_questions.push({
    id: 'f'.repeat(32),
    question: ['Which countries do our enterprise members come from?'],
  });
  return s as Space;
}

describe('planLintFixes', () => {
  it('repairs every mechanical finding, and the patch turns the file as written into the result', () => {
    const input = broken();
    for (const id of FIXABLE) expect(lint(input).findings.map((f) => f.check)).toContain(id);

    const result = planLintFixes(input);
    expect(result.skipped).toEqual([]);
    expect(new Set(result.applied.map((a) => a.check))).toEqual(new Set(FIXABLE));
    const left = lint(result.space).findings.map((f) => f.check);
    for (const id of FIXABLE) expect(left).not.toContain(id);
    expect(SpaceSchema.safeParse(result.space).success).toBe(true);
    expect(checkInvariants(result.space, { file: 'x' })).toEqual([]);

    const replayed = jsonpatch.applyPatch(structuredClone(input), structuredClone(result.ops), true, false).newDocument;
    expect(replayed).toEqual(result.space);
    expect(input).toEqual(broken()); // the input is not mutated
  });

  it('infers the relationship from the key names and adds it through compileFix (fix_join)', () => {
    const s = described() as Mutable;
    s.instructions.join_specs[2].sql.pop();
    const result = planLintFixes(s);
    expect(result.ops).toEqual([
      { op: 'add', path: '/instructions/join_specs/2/sql/1', value: '--rt=FROM_RELATIONSHIP_TYPE_MANY_TO_ONE--' },
    ]);
  });

  it('leaves a relationship it cannot infer for a person, still reported', () => {
    const s = described() as Mutable;
    // categories on both sides: neither names a table's key.
    s.instructions.join_specs[0].sql = ['`daily_channel_stats`.`active_members` = `channels`.`category`'];
    const result = planLintFixes(s);
    expect(result.applied).toEqual([]);
    expect(lint(result.space).findings.map((f) => f.check)).toContain('join-relationship-missing');
  });

  it('changes nothing on a clean config', () => {
    expect(planLintFixes(described()).ops).toEqual([]);
  });
});

describe('loadForLint', () => {
  it('repairs missing and malformed ids so the rest is still linted, and reports them with lines', () => {
    const s = described() as Mutable;
    delete s.instructions.example_question_sqls[0].id;
    s.instructions.join_specs[0].id = '0845DD68-3ECB-C13A-7122-77260243EF4A';
    const text = JSON.stringify(s, null, 2);
    const loaded = loadForLint(text, 'space.json');
    expect(loaded.issues).toEqual([]);
    expect(loaded.space?.instructions?.join_specs?.[0]?.id).toBe('0845dd683ecbc13a712277260243ef4a');
    expect(loaded.space?.instructions?.example_question_sqls?.[0]?.id).toMatch(/^[0-9a-f]{32}$/);
    expect(loaded.findings.map((f) => [f.check, f.path])).toEqual([
      ['id-invalid', '$.instructions.example_question_sqls[0].id'],
      ['id-invalid', '$.instructions.join_specs[0].id'],
    ]);
    expect(loaded.repairs.map((op) => op.op)).toEqual(['add', 'replace']);
    // The new id need not sort where the item sits: lint says so, and --fix sorts it.
    expect(lint(loaded.space!).findings.map((f) => [f.check, f.path])).toEqual([
      ['list-unsorted', '$.instructions.example_question_sqls'],
    ]);
    expect(lint(planLintFixes(loaded.space!).space).findings).toEqual([]);
  });

  it('stops at other schema problems, with the validation issues and their lines', () => {
    const s = described() as Mutable;
    s.data_sources.tables[0].description = 'not an array';
    const loaded = loadForLint(JSON.stringify(s, null, 2), 'space.json');
    expect(loaded.space).toBeUndefined();
    expect(loaded.issues[0]).toMatchObject({ path: '$.data_sources.tables[0].description' });
    expect(loaded.issues[0]?.line).toBeGreaterThan(0);
  });
});
