import { describe, expect, it } from 'vitest';
import { koreanForms, splitIdentifier, tokenize } from '../../../src/local/genie/text.js';

describe('Korean particles', () => {
  it.each([
    ['회원은', '회원'],
    ['채널에서', '채널'],
    ['메시지를', '메시지'],
    ['반응의', '반응'],
    ['플랜으로', '플랜'],
    ['이상인', '이상'],
  ])('%s has stem %s among its forms', (word, stem) => {
    const forms = koreanForms(word);
    expect(forms[0]).toBe(word);
    expect(forms).toContain(stem);
  });

  it('keeps the whole word first so words ending in a particle syllable still match ("국가")', () => {
    expect(koreanForms('국가')[0]).toBe('국가');
  });
});

describe('tokenize', () => {
  it('splits the Korean "by" suffix off its stem', () => {
    const tokens = tokenize('국가별로 회원 수');
    expect(tokens.map((t) => t.raw)).toEqual(['국가', '별', '회원', '수']);
    expect(tokens[0].forms).toContain('국가');
  });

  it('splits digits from Korean counters and keeps ISO dates whole', () => {
    const tokens = tokenize('상위 5개 채널 2026-01-01');
    expect(tokens.map((t) => t.raw)).toEqual(['상위', '5', '개', '채널', '2026-01-01']);
    expect(tokens[1].num).toBe(5);
    expect(tokens[4].date).toBe('2026-01-01');
  });

  it('keeps quoted values as one token with their case', () => {
    const [t] = tokenize("'Data Engineering'");
    expect(t).toMatchObject({ raw: 'Data Engineering', quoted: true });
  });

  it('splits snake_case and camelCase identifiers', () => {
    expect(splitIdentifier('daily_channel_stats')).toEqual(['daily', 'channel', 'stats']);
    expect(splitIdentifier('wordCount')).toEqual(['word', 'count']);
  });
});
