// Korean particles never sit right after a command name ("/관계로"): they follow a closing mark, or the sentence
// says "명령" first.
import { describe, expect, it } from 'vitest';
import { strings } from '../../src/render/i18n.js';
import { newsStrings } from '../../src/render/news-strings.js';
import { quizStrings } from '../../src/render/quiz-strings.js';
import { exploreStrings } from '../../src/render/explore.js';
import { settingsStrings } from '../../src/render/settings.js';

/** Every string a Korean reader can get, with functions called on sample arguments. */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') {
    const out = (value as (...args: unknown[]) => unknown)('가', '나', '다', '라', 'year');
    return typeof out === 'string' ? [out] : [];
  }
  if (value && typeof value === 'object') return Object.values(value).flatMap(texts);
  return [];
}

const glued =
  /\/(관계|나라|뉴스|도움말|일일|퀴즈|설정)( (설정|끄기|상태|미리보기|시작|순위|기록|기본나라|언어|보기))?(으로|로|을|를|은|는|이|가|에서|에)(?![가-힣])/;

describe('Korean strings', () => {
  it('never glue a particle to a command name', () => {
    const all = [
      ...texts(strings.ko),
      ...texts(newsStrings.ko),
      ...texts(quizStrings.ko),
      ...texts(exploreStrings.ko),
      ...texts(settingsStrings.ko),
    ];
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter((text) => glued.test(text))).toEqual([]);
  });
});
