// Country names in English sentences: the article and the possessive each name needs, kept with the names.
import { describe, expect, it } from 'vitest';
import { loadFacts } from '../../src/facts/load.js';
import { countrySchema } from '../../src/facts/schema.js';
import { parsePartialDate } from '../../src/facts/partial-date.js';
import { dataDir } from '../../src/paths.js';
import { labelIn, nameIn, ownerOf } from '../../src/render/names.js';
import { explanationText } from '../../src/render/quiz.js';
import type { Question } from '../../src/quiz/question.js';

const facts = loadFacts(dataDir);
const country = (code: string) => facts.country(code)!;

describe('articles in data/countries.json', () => {
  it('are set for the names English writes with "the", and for no others', () => {
    const withArticle = facts.countries
      .filter((c) => c.article === 'the')
      .map((c) => c.name.en)
      .sort();
    expect(withArticle).toEqual(
      [
        'Bahamas',
        'Central African Republic',
        'Comoros',
        'Cook Islands',
        'DR Congo',
        'Dominican Republic',
        'Gambia',
        'Holy See',
        'Maldives',
        'Marshall Islands',
        'Netherlands',
        'Philippines',
        'Republic of the Congo',
        'Seychelles',
        'Solomon Islands',
        'United Arab Emirates',
        'United Kingdom',
        'United States',
      ].sort(),
    );
  });

  it('are checked by the schema: only "the"', () => {
    const row = {
      alpha2: 'US',
      alpha3: 'USA',
      name: { en: 'United States', ko: '미국' },
      aliases: [],
      flag: '🇺🇸',
      un_member: true,
    };
    expect(countrySchema.safeParse({ ...row, article: 'the' }).success).toBe(true);
    expect(countrySchema.safeParse(row).success).toBe(true);
    expect(countrySchema.safeParse({ ...row, article: 'The' }).success).toBe(false);
    expect(countrySchema.safeParse({ ...row, article: 'a' }).success).toBe(false);
  });
});

describe('names in sentences', () => {
  it('adds "the" within a sentence and "The" at its start, in English only', () => {
    expect(nameIn(country('US'), 'en')).toBe('the United States');
    expect(nameIn(country('US'), 'en', 'start')).toBe('The United States');
    expect(nameIn(country('JP'), 'en', 'start')).toBe('Japan');
    expect(nameIn(country('US'), 'ko', 'start')).toBe('미국');
    expect(labelIn(country('NL'), 'en', 'start')).toBe('🇳🇱 The Netherlands');
  });

  it('writes possessives: "the Holy See\'s", "the United States\'", "Laos\'s"', () => {
    expect(ownerOf(country('VA'), 'en')).toBe("the Holy See's");
    expect(ownerOf(country('US'), 'en')).toBe("the United States'");
    expect(ownerOf(country('PH'), 'en', 'start')).toBe("The Philippines'");
    expect(ownerOf(country('LA'), 'en')).toBe("Laos's");
    expect(ownerOf(country('JP'), 'en')).toBe("Japan's");
    expect(ownerOf(country('US'), 'ko')).toBe('미국');
  });

  it('quiz explanations start with "The" and say "the" within', () => {
    const question = (status: 'established' | 'severed') =>
      ({
        explanation: {
          base: country('US'),
          partner: country('VA'),
          status,
          date: parsePartialDate('1984-01-10'),
          sources: [],
        },
      }) as unknown as Question;
    expect(explanationText(question('established'), 'en')).toBe(
      '🇺🇸 The United States and 🇻🇦 the Holy See established relations: 10 January 1984.',
    );
    expect(explanationText(question('severed'), 'en')).toBe(
      'Relations between 🇺🇸 the United States and 🇻🇦 the Holy See were severed: 10 January 1984.',
    );
  });
});
