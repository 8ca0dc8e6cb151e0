/** Word handling of the rules analyst: stemming, Korean particles, schema name words, likeness. */
import { describe, expect, it } from 'vitest';
import { trigramSimilarity } from '../../../src/fixes/rules/align.js';
import { isComplexAggregate } from '../../../src/fixes/rules/snippets.js';
import {
  abbreviates,
  isFunctionWord,
  nameWords,
  stemWord,
  stemsMatch,
  tokenizeQuestion,
} from '../../../src/fixes/rules/text.js';

describe('English stems', () => {
  it.each([
    ['posts', 'post'],
    ['replies', 'reply'],
    ['countries', 'country'],
    ['matches', 'match'],
    ['boxes', 'box'],
    ['status', 'status'],
    ['analysis', 'analysis'],
    ['class', 'class'],
    ['gas', 'gas'],
    ["member's", 'member'],
    ['Members', 'member'],
  ])('%s -> %s', (word, stem) => {
    expect(stemWord(word)).toBe(stem);
  });
});

describe('Korean questions', () => {
  it('questions keep Hangul words whole and mark predicates as grammar', () => {
    const tokens = tokenizeQuestion('일본 회원은 몇 명인가요?');
    expect(tokens.map((t) => t.stem)).toEqual(['일본', '회원', '몇', '명인가요']);
    expect(tokens.map((t) => isFunctionWord(t.stem))).toEqual([false, false, true, true]);
  });
});

describe('schema name words', () => {
  it.each([
    ['word_count', ['word', 'count']],
    ['PetType', ['pet', 'type']],
    ['StuID', ['stu', 'id']],
    ['`daily_channel_stats`', ['daily', 'channel', 'stat']],
    ['messages', ['message']],
  ])('%s -> %j', (name, words) => {
    expect(nameWords(name)).toEqual(words);
  });
});

describe('likeness', () => {
  it.each([
    ['JP', 'Japan', true],
    ['KR', 'Korea', true],
    ['IN', 'India', true],
    ['DE', 'Germany', false],
    ['F', 'female', true],
    ['JP', 'jp', false],
  ])('%s abbreviates %s: %s', (code, word, expected) => {
    expect(abbreviates(code, word)).toBe(expected);
  });

  it.each([
    ['weigh', 'weight', true],
    ['reply', 'reply', true],
    ['msg', 'message', false],
    ['age', 'agent', false],
  ])('stemsMatch(%s, %s) = %s', (a, b, expected) => {
    expect(stemsMatch(a, b)).toBe(expected);
  });

  it('trigram similarity ranks close spellings above unrelated words', () => {
    expect(trigramSimilarity('station', 'stadium')).toBeGreaterThan(0.34);
    expect(trigramSimilarity('post', 'message')).toBe(0);
    expect(trigramSimilarity('channel', 'channel')).toBe(1);
  });
});

describe('which aggregates deserve a measure', () => {
  it.each([
    ['count(*)', false],
    ['sum(word_count)', false],
    ['avg(word_count)', false],
    ['count(distinct member_id)', true],
    ['(sum(word_count) * 1.0) / count(*)', true],
    ['sum(case when is_reply = 1 then 1 else 0 end)', true],
    ['sum(word_count * 2)', true],
    ['channel_name', false],
    ['count(*) over (…)', false],
  ])('%s -> %s', (rendered, expected) => {
    expect(isComplexAggregate(rendered)).toBe(expected);
  });
});
