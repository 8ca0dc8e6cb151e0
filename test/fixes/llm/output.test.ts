import { describe, expect, it } from 'vitest';
import { extractJsonObject, validateFixList } from '../../../src/fixes/llm/output.js';

describe('extractJsonObject', () => {
  it.each([
    ['plain JSON', '{"fixes": []}', { fixes: [] }],
    ['json fence', 'Here you go:\n```json\n{"fixes": [{"a": 1}]}\n```\nThanks', { fixes: [{ a: 1 }] }],
    ['bare fence', '```\n{"x": "y"}\n```', { x: 'y' }],
    [
      'prose around the object',
      'Sure! {"fixes": [], "n": {"deep": true}} Hope it helps {not json}',
      { fixes: [], n: { deep: true } },
    ],
    [
      'braces inside strings',
      '{"text": "use } and { freely", "q": "a \\"quoted\\" }"}',
      { text: 'use } and { freely', q: 'a "quoted" }' },
    ],
  ])('reads %s', (_name, content, expected) => {
    expect(extractJsonObject(content)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['empty text', '   ', /empty/],
    ['no object at all', 'I cannot help with that.', /no JSON object/],
    ['a broken object', '{"fixes": [ {"type": "add_synonym", } ]}', /invalid JSON/],
    ['an unclosed object', '{"fixes": [', /invalid JSON|not closed/],
  ])('rejects %s', (_name, content, pattern) => {
    const result = extractJsonObject(content);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(pattern);
  });
});

describe('validateFixList', () => {
  const synonym = {
    type: 'add_synonym',
    table: 'main.community.members',
    column: 'country_code',
    synonyms: ['country', '국가'],
    rationale: 'Korean word for country',
  };

  it('keeps valid fixes and names the zod path of invalid ones', () => {
    const result = validateFixList({
      fixes: [
        synonym,
        { type: 'add_synonym', table: 'members', column: 'country_code', synonyms: [], rationale: 'r' },
        { type: 'drop_table', rationale: 'r' },
        'nonsense',
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.result.proposed).toBe(4);
    expect(result.result.fixes).toEqual([{ ...synonym, targets: [] }]);
    expect(result.result.invalid).toHaveLength(3);
    expect(result.result.invalid[0]).toMatch(/^fixes\[1\] \(add_synonym\): table: a table is a three-part identifier/);
    expect(result.result.invalid[0]).toContain('synonyms: give at least one synonym');
    expect(result.result.invalid[1]).toMatch(/^fixes\[2\] \(drop_table\): type: /);
    expect(result.result.invalid[2]).toMatch(/^fixes\[3\]: /);
  });

  it('accepts a bare array', () => {
    const result = validateFixList([synonym]);
    expect(result.ok && result.result.fixes).toHaveLength(1);
  });

  it.each([[{ changes: [] }], [null], [42]])('rejects %j without a fixes list', (value) => {
    expect(validateFixList(value)).toEqual({ ok: false, error: 'the JSON object has no "fixes" array' });
  });
});
