import { describe, expect, it } from 'vitest';
import { loadFacts } from '../../src/facts/load.js';
import { CountrySearch, editDistance, normalizeName } from '../../src/facts/search.js';
import { dataDir } from '../../src/paths.js';

const facts = loadFacts(dataDir);
const search = new CountrySearch(facts.countries, facts.names);
const resolved = (text: string) => {
  const result = search.resolve(text);
  return result.kind === 'found' ? result.country.code : result.kind;
};

describe('country search', () => {
  it.each([
    ['KR', 'KR'], ['kor', 'KR'], ['SYR', 'SY'], ['대한민국', 'KR'], ['북한', 'KP'], ['DPRK', 'KP'], ['ROK', 'KR'],
    ['Ivory Coast', 'CI'], ['cote divoire', 'CI'], ["Côte d'Ivoire", 'CI'], ['Burma', 'MM'], ['Vatican', 'VA'],
    ['Czech Republic', 'CZ'], ['Turkey', 'TR'], ['Türkiye', 'TR'], ['turkiye', 'TR'], ['Swaziland', 'SZ'],
    ['Macedonia', 'MK'], ['East Timor', 'TL'], ['Cape Verde', 'CV'], ['sirya', 'SY'], ['SYRIA', 'SY'],
    ['malaysa', 'MY'], ['시리아', 'SY'], ['Taiwan', 'TW'], ['Western Sahara', 'EH'], ['niue', 'NU'],
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
    expect(search.search('Korea', 25).map((match) => match.country.code).slice(0, 2).sort()).toEqual(['KP', 'KR']);
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
    expect(search.search('', 25, 'ko')[0]!.country.name.ko.localeCompare(search.search('', 25, 'ko')[1]!.country.name.ko, 'ko')).toBeLessThan(0);
  });

  it('ranks prefixes above typos', () => {
    expect(search.search('nige', 3).map((match) => match.country.code).slice(0, 2).sort()).toEqual(['NE', 'NG']);
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
