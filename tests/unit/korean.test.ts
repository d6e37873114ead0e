import { describe, expect, it } from 'vitest';
import { josa } from '../../src/render/korean.js';

describe('Korean particles', () => {
  it('pick the form after a final consonant or a vowel', () => {
    expect(josa('🇰🇵 북한', '과', '와')).toBe('🇰🇵 북한과');
    expect(josa('시리아', '과', '와')).toBe('시리아와');
    expect(josa('대한민국', '은', '는')).toBe('대한민국은');
    expect(josa('쿠바', '은', '는')).toBe('쿠바는');
    expect(josa('2021', '이', '가')).toBe('2021이');
  });

  it('give both forms when the word does not end in Hangul', () => {
    expect(josa('Syria', '과', '와')).toBe('Syria과(와)');
  });
});
