import { beforeEach, describe, expect, it } from 'vitest';
import { loadFacts } from '../../src/facts/load.js';
import { CountrySearch, editDistance, normalizeName, soundLetters } from '../../src/facts/search.js';
import { dataDir } from '../../src/paths.js';

const facts = loadFacts(dataDir);
// A fresh search for each test: its index is built inside the test, and no answer is cached from another test (the
// mutation run changes the code while a test runs, see TESTING.md).
let search: CountrySearch;
beforeEach(() => {
  search = new CountrySearch(facts.countries, facts.names);
});
const resolved = (text: string) => {
  const result = search.resolve(text);
  return result.kind === 'found' ? result.country.code : result.kind;
};

describe('country search', () => {
  it.each([
    ['KR', 'KR'],
    ['kor', 'KR'],
    ['SYR', 'SY'],
    ['대한민국', 'KR'],
    ['북한', 'KP'],
    ['DPRK', 'KP'],
    ['ROK', 'KR'],
    ['Ivory Coast', 'CI'],
    ['cote divoire', 'CI'],
    ["Côte d'Ivoire", 'CI'],
    ['Burma', 'MM'],
    ['Vatican', 'VA'],
    ['Czech Republic', 'CZ'],
    ['Turkey', 'TR'],
    ['Türkiye', 'TR'],
    ['turkiye', 'TR'],
    ['Swaziland', 'SZ'],
    ['Macedonia', 'MK'],
    ['East Timor', 'TL'],
    ['Cape Verde', 'CV'],
    ['sirya', 'SY'],
    ['SYRIA', 'SY'],
    ['malaysa', 'MY'],
    ['시리아', 'SY'],
    ['Taiwan', 'TW'],
    ['Western Sahara', 'EH'],
    ['niue', 'NU'],
  ])('resolves %s to %s', (typed, code) => {
    expect(resolved(typed)).toBe(code);
  });

  it('calls a word that starts several names ambiguous, and suggests them', () => {
    const result = search.resolve('Saint');
    expect(result.kind).toBe('ambiguous');
    const suggested = result.kind === 'ambiguous' ? result.suggestions.map((country) => country.code) : [];
    expect(suggested.length).toBeGreaterThan(1);
    for (const code of suggested) expect(facts.country(code)!.name.en).toMatch(/^Saint /);
  });

  it('offers both Koreas for "Korea", and never picks one silently', () => {
    expect(
      search
        .search('Korea', 25)
        .map((match) => match.country.code)
        .slice(0, 2)
        .sort(),
    ).toEqual(['KP', 'KR']);
    const result = search.resolve('Korea');
    expect(result.kind).toBe('ambiguous');
    expect(result.kind === 'ambiguous' && result.suggestions.map((country) => country.code)).toEqual(['KR', 'KP']);
    expect(search.resolve('코리아').kind).toBe('ambiguous');
    expect(search.resolve('Congo').kind).toBe('ambiguous');
  });

  it('answers an unknown name with the closest suggestions', () => {
    const result = search.resolve('Atlantis');
    expect(result.kind).toBe('unknown');
    expect(result.kind !== 'found' && result.suggestions.length).toBeGreaterThan(0);
  });

  it('never offers more than asked and lists countries for an empty query', () => {
    expect(search.search('a', 25)).toHaveLength(25);
    expect(search.search('', 25)).toHaveLength(25);
    expect(
      search
        .search('', 25, 'ko')[0]!
        .country.name.ko.localeCompare(search.search('', 25, 'ko')[1]!.country.name.ko, 'ko'),
    ).toBeLessThan(0);
  });

  it('ranks prefixes above typos', () => {
    expect(
      search
        .search('nige', 3)
        .map((match) => match.country.code)
        .slice(0, 2)
        .sort(),
    ).toEqual(['NE', 'NG']);
  });
});

describe('text normalisation', () => {
  it('drops case, diacritics and punctuation but keeps Hangul', () => {
    expect(normalizeName("Côte d'Ivoire")).toBe('cote d ivoire');
    expect(normalizeName('  TÜRKİYE ')).toBe('turkiye');
    expect(normalizeName('대한민국')).toBe('대한민국');
  });

  it('counts an adjacent swap as one edit and gives up past the limit', () => {
    expect(editDistance('syria', 'syira', 2)).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
  });
});

describe('exact names win over aliases', () => {
  it('resolves every country by its own code and English and Korean name', () => {
    for (const country of facts.countries) {
      for (const text of [country.code, country.alpha3, country.name.en, country.name.ko]) {
        const result = search.resolve(text);
        expect(result.kind === 'found' && result.country.code, text).toBe(country.code);
      }
    }
  });
});

describe('former names and near misses', () => {
  const found = (text: string) => {
    const result = search.resolve(text);
    return result.kind === 'found'
      ? { code: result.country.code, former: result.former?.label.en }
      : { kind: result.kind };
  };

  it.each([
    ['USSR', 'RU', 'the Soviet Union'],
    ['Soviet Union', 'RU', 'the Soviet Union'],
    ['소련', 'RU', 'the Soviet Union'],
    ['Persia', 'IR', 'Persia'],
    ['Zaire', 'CD', 'Zaire'],
    ['Burma', 'MM', 'Burma'],
    ['Ceylon', 'LK', 'Ceylon'],
    ['Siam', 'TH', 'Siam'],
    ['Kampuchea', 'KH', 'Kampuchea'],
    ['Dahomey', 'BJ', 'Dahomey'],
    ['Upper Volta', 'BF', 'Upper Volta'],
    ['Swaziland', 'SZ', 'Swaziland'],
    ['West Germany', 'DE', 'West Germany'],
    ['버마', 'MM', 'Burma'],
  ])('answers %s for %s, saying it was %s', (typed, code, former) => {
    expect(found(typed)).toEqual({ code, former });
  });

  it('says a dissolved state is gone and offers the states it became', () => {
    for (const [typed, codes] of [
      ['Yugoslavia', ['BA', 'HR', 'MK', 'ME', 'RS', 'SI']],
      ['Czechoslovakia', ['CZ', 'SK']],
      ['East Germany', ['DE']],
      ['체코슬로바키아', ['CZ', 'SK']],
    ] as const) {
      const result = search.resolve(typed);
      expect(result.kind, typed).toBe('dissolved');
      expect(result.kind === 'dissolved' && result.suggestions.map((country) => country.code)).toEqual(codes);
    }
  });

  it('never turns a former name into an unrelated country by typo: Persia is not Serbia', () => {
    expect(found('Persia').code).toBe('IR');
    expect(found('persia').code).toBe('IR');
    expect(found('Serbia').code).toBe('RS');
  });

  it('answers a typo one letter off when it is clearly nearest, and asks when two names are about as near', () => {
    expect(found('Germny')).toEqual({ code: 'DE', former: undefined });
    expect(found('Fance')).toEqual({ code: 'FR', former: undefined });
    const close = search.resolve('Austrila');
    expect(close.kind).toBe('unknown');
    expect(close.kind === 'unknown' && close.suggestions.map((country) => country.code).slice(0, 2)).toEqual([
      'AT',
      'AU',
    ]);
    // Two letters off is never taken silently, and the nearest comes first.
    const far = search.resolve('Phillipines');
    expect(far.kind).toBe('unknown');
    expect(far.kind === 'unknown' && far.suggestions[0]?.code).toBe('PH');
  });

  it('compares Korean by its letters (jamo): 시랴 is 시리아, a syllable still being typed counts', () => {
    expect(soundLetters('시랴')).toBe(soundLetters('시리아'));
    expect(soundLetters('에스와티니')).toBe(soundLetters('애스와티니'));
    expect(soundLetters('Syria')).toBe('Syria');
    expect(found('시랴').code).toBe('SY');
    expect(found('스웨댄').code).toBe('SE');
    expect(search.search('시ㄹ', 5).map((match) => match.country.code)).toContain('SY');
    const unknown = search.resolve('스위든');
    expect(unknown.kind === 'unknown' && unknown.suggestions.map((country) => country.code)).toContain('SE');
  });

  it('knows the foreign ministry\u2019s spellings', () => {
    for (const [typed, code] of [
      ['키르기즈', 'KG'],
      ['키르기즈공화국', 'KG'],
      ['마이크로네시아', 'FM'],
      ['마이크로네시아연방', 'FM'],
      ['사이프러스', 'CY'],
      ['모리타니아', 'MR'],
      ['콩고공화국', 'CG'],
    ]) {
      expect(found(typed!).code, typed).toBe(code);
    }
  });

  it('never lets a former name outrank a state\u2019s own name: "Czech" is Czechia; a lone ㅇ matches nothing', () => {
    expect(found('Czech')).toEqual({ code: 'CZ', former: undefined });
    expect(found('체')).toEqual({ code: 'CZ', former: undefined });
    expect(soundLetters('ㅇ')).not.toBe('');
    expect(search.search('ㅇ', 5)).toEqual([]);
  });

  it('offers former names while typing: "USSR" lists Russia', () => {
    expect(search.search('USSR', 5)[0]?.country.code).toBe('RU');
    expect(
      search
        .search('Czechoslov', 5)
        .map((match) => match.country.code)
        .slice(0, 2)
        .sort(),
    ).toEqual(['CZ', 'SK']);
  });
});
