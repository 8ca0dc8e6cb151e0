/** The one word normaliser both the rules analyst and the local engine build on: English and Korean. */
import { describe, expect, it } from 'vitest';
import {
  coarseStem,
  koreanForms,
  pastTense,
  singular,
  splitIdentifier,
  stripKoreanParticle,
  verbStems,
} from '../../src/text/normalise.js';
import { STOPWORDS } from '../../src/text/stop-words.js';
import { isFunctionWord, stemWord } from '../../src/fixes/rules/text.js';

describe('English', () => {
  it.each([
    ['messages', 'message'],
    ['countries', 'country'],
    ['boxes', 'box'],
    ['matches', 'match'],
    // -zes is a plain plural: "sizes" is the plural of "size", not of "siz".
    ['sizes', 'size'],
    ['stats', 'stat'],
    ['days', 'day'],
    // A final s that is no plural marker stays.
    ['status', 'status'],
    ['analysis', 'analysis'],
    ['class', 'class'],
    ['does', 'does'],
    ['always', 'always'],
    ['ids', 'ids'],
    ['a1s', 'a1s'],
    ['constructor', 'constructor'],
  ])('singular %s -> %s', (word, expected) => expect(singular(word)).toBe(expected));

  it('leaves anything but lowercase a-z alone: callers lowercase first', () => {
    expect(singular('Members')).toBe('Members');
    expect(singular('pro members')).toBe('pro members');
  });

  it('has one past stem for the analyst and candidate stems for the engine', () => {
    expect(pastTense('posted')).toBe('post');
    expect(pastTense('based')).toBe('based');
    expect(pastTense('agreed')).toBe('agreed');
    expect(verbStems('based')).toEqual(['bas', 'base']);
    expect(verbStems('posting')).toEqual(['post']);
    expect(coarseStem('Arriving')).toBe(coarseStem('arrival'));
    expect(coarseStem('departure')).toBe('depart');
  });

  it.each([
    ['daily_channel_stats', ['daily', 'channel', 'stats']],
    ['wordCount', ['word', 'count']],
    ['StuID', ['stu', 'id']],
    ['LName', ['l', 'name']],
    ['IDs', ['ids']],
    ['main.community.members', ['main', 'community', 'members']],
  ])('splitIdentifier %s -> %j', (name, parts) => expect(splitIdentifier(name)).toEqual(parts));
});

describe('Korean particles', () => {
  it.each([
    ['회원의', '회원'],
    ['회원들의', '회원'],
    ['회원으로', '회원'],
    ['채널로', '채널'], // 로 after a final ㄹ
    ['채널별', '채널'],
    ['서울에서', '서울'],
    ['나이로', '나이'],
    // A noun that ends like a particle keeps it when the particle would not fit.
    ['나이', '나이'],
    ['길이는', '길이'],
    ['국가', '국가'],
    ['추이', '추이'],
    ['수', '수'],
  ])('stripKoreanParticle %s -> %s', (word, stem) => expect(stripKoreanParticle(word)).toBe(stem));

  it('gives the engine the word first, then stripped candidates, predicate endings included', () => {
    expect(koreanForms('명인가요')).toEqual(['명인가요', '명']);
    expect(koreanForms('가입한')).toEqual(['가입한', '가입']);
    expect(koreanForms('채널에서는')).toEqual(['채널에서는', '채널']);
    expect(koreanForms('국가')).toEqual(['국가']);
    // The analyst keeps a predicate whole (it marks it as grammar instead).
    expect(stripKoreanParticle('명인가요')).toBe('명인가요');
  });
});

describe('stop words', () => {
  it('shares the grammar words between the engine and the analyst', () => {
    for (const word of ['the', 'which', 'show', 'per', 'count']) {
      expect(STOPWORDS.has(word)).toBe(true);
      expect(isFunctionWord(stemWord(word))).toBe(true);
    }
  });

  it('keeps each reader its own extras', () => {
    // Description filler is a stop word of the engine only; aggregation words are grammar to the analyst only.
    expect(STOPWORDS.has('column')).toBe(true);
    expect(isFunctionWord(stemWord('column'))).toBe(false);
    expect(STOPWORDS.has('average')).toBe(false);
    expect(isFunctionWord(stemWord('average'))).toBe(true);
    expect(isFunctionWord(stemWord('회원'))).toBe(false);
    expect(isFunctionWord(stemWord('평균'))).toBe(true);
  });
});
