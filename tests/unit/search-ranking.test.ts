// The country search's rules one at a time, on a small hand-made world where every score can be reasoned about:
// codes only when typed whole, the tiers (name, start, start of a word, part, typo), the typo allowance by length,
// what resolve answers, and the text helpers. The search is built inside each test (see TESTING.md).
import { describe, expect, it } from 'vitest';
import type { Country } from '../../src/facts/countries.js';
import { CountrySearch, editDistance, normalizeName, soundLetters } from '../../src/facts/search.js';

function country(code: string, en: string, ko: string, aliases: string[] = []): Country {
  return { code, alpha3: `${code}Q`, name: { en, ko }, aliases, flag: '', unMember: true };
}

const world = [
  country('ML', 'Mali', '말리'),
  country('MT', 'Malta', '몰타'),
  country('MG', 'Madagascar', '마다가스카르'),
  country('MF', 'Mali Federation', '말리 연방'),
  country('SO', 'Somalia', '소말리아'),
  country('SD', 'Sudan', '수단'),
  country('SS', 'South Sudan', '남수단'),
  country('DE', 'Germany', '독일'),
  country('TD', 'Chad', '차드'),
  country('CH', 'Switzerland', '스위스'),
  country('ID', 'Indonesia', '인도네시아'),
  country('ZW', 'Zimbabwe', '짐바브웨'),
  country('LA', 'Landia', '란디아'),
  country('NL', 'New Land', '뉴랜드'),
  country('UL', 'Upper Land Islands', '어퍼랜드 제도'),
  country('FI', 'Finland', '핀란드'),
  country('LE', 'Lend', '렌드'),
  country('DM', 'Dominica', '도미니카'),
  // An alias spelled like another state's name.
  country('CU', 'Caribbean Union', '카리브 연합', ['Dominica']),
];

const fresh = () => new CountrySearch(world);
const codes = (text: string, limit?: number) =>
  fresh()
    .search(text, limit)
    .map((match) => match.country.code);
const scores = (text: string) =>
  new Map(
    fresh()
      .search(text)
      .map((match) => [match.country.code, match.score]),
  );

describe('what the search matches, and in which order', () => {
  it('matches a code only when it is typed whole', () => {
    expect(codes('ml')).toEqual(['ML']);
    expect(codes('mlq')).toEqual(['ML']);
    // "m" starts four names, shortest first; the codes ML, MT, MG and MF do not count as names.
    expect(codes('m')).toEqual(['ML', 'MT', 'MG', 'MF']);
  });

  it('finds an alias by its start, like a name', () => {
    // The same start of "Dominica", name and alias: equal scores, in English order.
    expect(codes('domini')).toEqual(['CU', 'DM']);
  });

  it('ranks a name above an alias spelled the same', () => {
    const found = scores('dominica');
    expect([...found.keys()]).toEqual(['DM', 'CU']);
    expect(found.get('DM')).toBeGreaterThan(found.get('CU')!);
  });

  it('ranks the start of a name, then the start of a word, then a part of a name, then a typo', () => {
    // Landia; New Land and Upper Land Islands (a word); Finland and Switzerland (parts); Lend (one letter off).
    // Within a tier, the less of the name is left over, the higher.
    expect(codes('land')).toEqual(['LA', 'NL', 'UL', 'FI', 'CH', 'LE']);
    const found = scores('land');
    expect(found.get('LA')).toBeGreaterThan(found.get('NL')!);
    expect(found.get('NL')).toBeGreaterThan(found.get('UL')!);
    expect(found.get('UL')).toBeGreaterThan(found.get('FI')!);
    expect(found.get('FI')).toBeGreaterThan(found.get('CH')!);
    expect(found.get('CH')).toBeGreaterThan(found.get('LE')!);
  });

  it('ranks names that start with the text by how much of them is left', () => {
    const found = scores('mal');
    expect([...found.keys()]).toEqual(['ML', 'MT', 'MF', 'SO']);
    expect(found.get('ML')).toBeGreaterThan(found.get('MT')!);
  });

  it('needs every typed word to start a word of the name', () => {
    expect(codes('sou sud')).toEqual(['SS']);
    expect(codes('new fin')).toEqual([]);
  });

  it('matches a part inside a name only from three letters', () => {
    expect(codes('inl')).toEqual(['FI']);
    expect(codes('nl')).toEqual(['NL']);
    expect(codes('nla')).toEqual(['FI']);
  });

  it('allows no typo below four letters, two up to eight, three from nine', () => {
    expect(codes('chx')).toEqual([]);
    expect(codes('chda')).toEqual(['TD']);
    expect(codes('grmny')).toEqual(['DE']);
    expect(codes('zimxxxwe')).toEqual([]);
    expect(codes('indxxxsia')).toEqual(['ID']);
  });

  it('finds a name up to the allowance longer or shorter than typed, whatever letter it starts with', () => {
    // Two letters missing from Germany, the first among them; two extra letters around Chad.
    expect(codes('emany')).toEqual(['DE']);
    expect(codes('xchadx')).toEqual(['TD']);
    expect(codes('xchadxx')).toEqual([]);
  });

  it('takes a typo in the start of a long name when the first letter agrees', () => {
    expect(codes('madahas')).toEqual(['MG']);
    expect(codes('badagas')).toEqual([]);
  });

  it('counts scrambled letters as one typo', () => {
    expect(codes('dahc')).toEqual(['TD']);
  });

  it('ranks typos by the letters wrong, then by how much longer or shorter the name is', () => {
    // Lend: two letters wrong, as long as typed; Landia: two wrong in its start, two letters longer.
    expect(codes('lanb')).toEqual(['LE', 'LA']);
    const found = scores('lanb');
    expect(found.get('LE')).toBeGreaterThan(found.get('LA')!);
    expect(codes('gremany')[0]).toBe('DE');
  });

  it('lists every country by name in the language asked for an empty text, at most as many as asked', () => {
    expect(codes('', 3)).toEqual(['CU', 'TD', 'DM']);
    expect(
      fresh()
        .search('', 3, 'ko')
        .map((match) => match.country.name.ko),
    ).toEqual(['남수단', '뉴랜드', '도미니카']);
    expect(fresh().search('  ', 50)).toHaveLength(world.length);
  });
});

describe('what resolve answers', () => {
  const resolve = (text: string, count?: number) => fresh().resolve(text, count);

  it('answers an exact code or name, and a name part that clearly leads', () => {
    expect(resolve('TD')).toMatchObject({ kind: 'found', country: { code: 'TD' } });
    expect(resolve('Dominica')).toMatchObject({ kind: 'found', country: { code: 'DM' } });
    expect(resolve('landi')).toMatchObject({ kind: 'found', country: { code: 'LA' } });
    expect(resolve('sud')).toMatchObject({ kind: 'found', country: { code: 'SD' } });
  });

  it('asks when names start with the text about equally, offering only those close to the best', () => {
    // Mali and Malta lead by less than a tier; Mali Federation is close behind them; Somalia (a part) is not.
    const result = resolve('mal');
    expect(result.kind).toBe('ambiguous');
    expect(result.kind === 'ambiguous' && result.suggestions.map((c) => c.code)).toEqual(['ML', 'MT', 'MF']);
    const fewer = resolve('m', 2);
    expect(fewer.kind === 'ambiguous' && fewer.suggestions.map((c) => c.code)).toEqual(['ML', 'MT']);
  });

  it('answers a typo one letter off, and offers two-letter typos without picking', () => {
    expect(resolve('chda')).toMatchObject({ kind: 'found', country: { code: 'TD' } });
    const far = resolve('grmny');
    expect(far.kind).toBe('unknown');
    expect(far.kind === 'unknown' && far.suggestions.map((c) => c.code)).toEqual(['DE']);
    // Suggested by the share of the name that is wrong: Landia (2 of 6 letters) before Lend (2 of 4).
    const shares = resolve('lanb');
    expect(shares.kind === 'unknown' && shares.suggestions.map((c) => c.code)).toEqual(['LA', 'LE']);
    const one = resolve('lanb', 1);
    expect(one.kind === 'unknown' && one.suggestions.map((c) => c.code)).toEqual(['LA']);
  });

  it('suggests the nearest names, by their start, when nothing matches; nothing for text without letters', () => {
    // The start of Chad is two letters off; Caribbean Union, Lend and Mali four, in English order; the rest five.
    const result = resolve('chx', 3);
    expect(result.kind).toBe('unknown');
    expect(result.kind === 'unknown' && result.suggestions.map((c) => c.code)).toEqual(['TD', 'CU', 'LE']);
    expect(resolve('?!')).toEqual({ kind: 'unknown', suggestions: [] });
  });
});

describe('text helpers', () => {
  it('normalises runs of punctuation to one space, and full-width letters to plain ones', () => {
    expect(normalizeName(' Saint-Kitts  &  Nevis! ')).toBe('saint kitts nevis');
    expect(normalizeName('ＫＯＲ G20')).toBe('kor g20');
  });

  it('spells Hangul syllables as letters from the first syllable to the last, dropping only a silent ㅇ', () => {
    expect(soundLetters('가')).toBe('ㄱㅏ');
    expect(soundLetters('힣')).toBe('ㅎㅣㅎ');
    expect(soundLetters('앙')).toBe('ㅏㅇ');
    expect(soundLetters('a가')).toBe('aㄱㅏ');
  });

  it('spells loose letters typed on their own', () => {
    expect(soundLetters(normalizeName('ㄱ'))).toBe('ㄱ');
    expect(soundLetters(normalizeName('ㅎ'))).toBe('ㅎ');
    expect(soundLetters(normalizeName('ㅏ'))).toBe('ㅏ');
    expect(soundLetters(normalizeName('ㅣ'))).toBe('ㅣ');
    expect(soundLetters(normalizeName('ㅑ'))).toBe('ㅣㅏ');
    expect(soundLetters(normalizeName('ㄱㅇ'))).toBe('ㄱ');
    // A final consonant on its own is neither an initial nor a vowel: kept as it is.
    expect(soundLetters(normalizeName('ㄳ'))).toBe(normalizeName('ㄳ'));
    expect(normalizeName('ㄳ')).toBe('\u11aa');
  });

  it('measures edits, an adjacent swap as one, up to a limit', () => {
    expect(editDistance('chad', 'chad', 2)).toBe(0);
    expect(editDistance('ab', 'ba', 2)).toBe(1);
    expect(editDistance('abc', 'acb', 2)).toBe(1);
    expect(editDistance('ca', 'abc', 5)).toBe(3);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    expect(editDistance('a', 'abcd', 2)).toBe(3);
    expect(editDistance('a', 'abc', 2)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
    expect(editDistance('', 'abc', 5)).toBe(3);
    expect(editDistance('ab', 'xa', 3)).toBe(2);
  });

  it('measures against the start of the second text when told its length', () => {
    expect(editDistance('syr', 'syria', 2, 3)).toBe(0);
    expect(editDistance('syx', 'syria', 2, 3)).toBe(1);
  });

  it('measures long texts', () => {
    const long = 'a'.repeat(63);
    expect(editDistance(`${long}b`, `${long}c`, 3)).toBe(1);
    expect(editDistance(`${long}bcd`, `${long}bdc`, 3)).toBe(1);
    expect(editDistance(`${long}${long}x`, `${long}${long}`, 3)).toBe(1);
  });
});
