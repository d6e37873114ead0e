// The quiz generators' rules one at a time, on small hand-made worlds built inside each test (the generators cache
// per Facts, so a world shared across tests would hide every change to that code from a mutation run).
import { describe, expect, it } from 'vitest';
import type { Facts } from '../../src/facts/facts.js';
import { generateQuestion, generateQuiz } from '../../src/quiz/generators.js';
import type { Choice, Difficulty, Question } from '../../src/quiz/question.js';
import { seededRandom } from '../../src/quiz/random.js';
import type { RelationEvent } from '../../src/facts/relations.js';
import { event, relation, world } from './small-world.js';

function questions(facts: Facts, difficulty: Difficulty, count: number, seed = 1): Question[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => generateQuestion(facts, difficulty, random));
}

const codeOf = (choice: Choice) => (choice.kind === 'country' ? choice.country.code : choice.kind);
/** Every country a question names: its choices and the partner of its explanation. */
const named = (q: Question) => [...q.choices.map(codeOf), q.explanation.partner.code];

describe('generating quizzes', () => {
  const small = () =>
    world([relation('KR', 'US', '1949-01-01'), relation('KR', 'JP', '1965-12-18'), relation('KR', 'CN', '1992-08-24')]);

  it('takes a whole number of rounds, zero or more', () => {
    expect(generateQuiz(small(), 0, 'easy', seededRandom(1))).toEqual([]);
    expect(() => generateQuiz(small(), -1, 'easy', seededRandom(1))).toThrow(RangeError);
    expect(() => generateQuiz(small(), 2.5, 'easy', seededRandom(1))).toThrow(RangeError);
  });

  it('needs South Korea or North Korea in the facts', () => {
    const neither = world([relation('FR', 'DE', '1955-12-01')]);
    expect(() => generateQuestion(neither, 'easy', seededRandom(1))).toThrow(/neither South Korea nor North Korea/);
  });

  it('gives four different choices even when a kind has too few wrong answers', () => {
    // Three partners: "which country in {year}" has only two wrong answers and must give way to other kinds.
    for (const difficulty of ['easy', 'hard'] as const) {
      for (const q of questions(small(), difficulty, 200)) {
        expect(q.choices).toHaveLength(4);
        expect(new Set(q.choices.map((choice) => JSON.stringify(choice))).size).toBe(4);
      }
    }
  });
});

describe('which relations a question may rest on', () => {
  it('never rests on relations not in force, unknown to both lists, low in confidence or broken on no known date', () => {
    const facts = world([
      relation('KR', 'AA', '1950-01-01'),
      relation('KR', 'BB', '1961-02-02'),
      relation('KR', 'CC', '1972-03-03'),
      relation('KR', 'DD', '1983-04-04'),
      relation('KR', 'EE', '1994-05-05'),
      // Severed, with no date for the break; no relations, unknown to both lists, or low in confidence.
      relation('KR', 'SV', '1966-06-06', { status: 'severed' }),
      relation('KR', 'NL', '1977-07-07', { status: 'not_listed', confidence: 'medium' }),
      relation('KR', 'LO', '1988-08-08', { confidence: 'low' }),
    ]);
    const asked = questions(facts, 'hard', 400);
    const seen = new Set(asked.flatMap(named));
    expect([...seen].filter((code) => ['NL', 'LO'].includes(code))).toEqual([]);
    expect([...seen].filter((code) => ['AA', 'BB', 'CC', 'DD', 'EE'].includes(code)).sort()).toEqual([
      'AA',
      'BB',
      'CC',
      'DD',
      'EE',
    ]);
    // The severed pair did establish relations, in 1966: it may only be a wrong answer to "which country in {year}".
    const aboutSevered = asked.filter(
      (q) =>
        q.explanation.partner.code === 'SV' ||
        (q.prompt.kind !== 'established-in-year' && q.choices.map(codeOf).includes('SV')),
    );
    expect(aboutSevered).toEqual([]);
  });

  it('asks hard questions about states outside the UN, and medium ones never', () => {
    const facts = world(
      [
        relation('KR', 'XA', '1950-01-01'),
        relation('KR', 'XB', '1961-02-02'),
        relation('KR', 'XC', '1972-03-03'),
        relation('KR', 'XD', '1983-04-04'),
      ],
      '2026-01',
      ['XA', 'XB', 'XC', 'XD'],
    );
    const hard = questions(facts, 'hard', 50);
    expect(hard.every((q) => !q.explanation.partner.unMember)).toBe(true);
    expect(() => generateQuestion(facts, 'medium', seededRandom(1))).toThrow(RangeError);
  });

  it('leans hard questions towards partners that are not well known, four to one', () => {
    const facts = world([
      relation('KR', 'US', '1949-01-01'),
      relation('KR', 'JP', '1965-12-18'),
      relation('KR', 'CN', '1992-08-24'),
      relation('KR', 'XA', '1955-01-01'),
      relation('KR', 'XB', '1975-02-02'),
      relation('KR', 'XC', '1995-03-03'),
    ]);
    const asked = questions(facts, 'hard', 1500)
      .filter((q) => q.prompt.kind === 'year-of' || q.prompt.kind === 'established-in-year')
      .map((q) => q.explanation.partner.code);
    const share = asked.filter((code) => code.startsWith('X')).length / asked.length;
    // Three of each, weighted 4 and 1: 12 of 15.
    expect(share).toBeGreaterThan(0.74);
    expect(share).toBeLessThan(0.86);
  });
});

describe('which country most recently', () => {
  it('orders dates of one year by month and day, and picks the latest', () => {
    const facts = world([
      relation('KR', 'US', '1992-03-01'),
      relation('KR', 'JP', '1992-08-24'),
      relation('KR', 'CN', '1992-11-05'),
      relation('KR', 'FR', '1992-12-01'),
    ]);
    // Dates this close make a hard question (easy ones need four different decades).
    const recent = questions(facts, 'hard', 200).filter((q) => q.prompt.kind === 'most-recent');
    expect(recent.length).toBeGreaterThan(0);
    for (const q of recent) expect(codeOf(q.choices[q.answer]!)).toBe('FR');
    expect(questions(facts, 'easy', 200).filter((q) => q.prompt.kind === 'most-recent')).toEqual([]);
  });
});

describe('periods: decades and years', () => {
  const years = (q: Question) => q.choices.map((choice) => (choice.kind === 'year' ? choice.year : NaN));

  it('offers years within six of the right one, from 1940 to the facts’ year, never another year the two set up or restored ties', () => {
    const facts = world([
      relation('KR', 'XA', '1943-05-05'),
      relation('KR', 'XB', '2022-01-01'),
      relation('KR', 'XC', '1980-01-01', { events: [event('restored', '1983-02-02')] }),
      relation('KR', 'XD', '1990-06-06'),
    ]);
    const asked = questions(facts, 'hard', 600).filter((q) => q.prompt.kind === 'year-of');
    const offered = new Map<string, Set<number>>();
    for (const q of asked) {
      const right = q.explanation.date!.year;
      const wrongs = years(q).filter((_, index) => index !== q.answer);
      expect(years(q)[q.answer]).toBe(right);
      expect(new Set(years(q)).size).toBe(4);
      for (const year of wrongs) {
        expect(Math.abs(year - right)).toBeLessThanOrEqual(6);
        expect(year).toBeGreaterThanOrEqual(1940);
        expect(year).toBeLessThanOrEqual(2026);
      }
      const partner = q.explanation.partner.code;
      offered.set(partner, new Set([...(offered.get(partner) ?? []), ...wrongs]));
    }
    expect([...offered.keys()].sort()).toEqual(['XA', 'XB', 'XC', 'XD']);
    expect(offered.get('XA')).toContain(1940);
    expect(offered.get('XB')).toContain(2026);
    expect(offered.get('XD')).toContain(1984);
    expect(offered.get('XD')).toContain(1996);
    expect(offered.get('XC')).not.toContain(1983);
  });

  it('offers decades up to the one the facts reach, never the right one twice', () => {
    const facts = world(
      [
        relation('KR', 'US', '1995-01-01'),
        relation('KR', 'JP', '1965-12-18'),
        relation('KR', 'CN', '1992-08-24'),
        relation('KR', 'FR', '1949-02-15'),
      ],
      '2030-01',
    );
    const asked = questions(facts, 'easy', 400).filter((q) => q.prompt.kind === 'decade-of');
    const offered = new Set<number>();
    for (const q of asked) {
      const decades = q.choices.map((choice) => (choice.kind === 'decade' ? choice.decade : NaN));
      expect(new Set(decades).size).toBe(4);
      for (const decade of decades) offered.add(decade);
    }
    expect(offered).toContain(2030);
    expect(offered).not.toContain(2040);
  });
});

describe('when random picks find nothing new', () => {
  // With a source that always gives 0, every attempt asks the same first question, so the second comes from the
  // fallback: a period question about a partner not asked yet.
  const facts = () =>
    world([
      relation('KR', 'US', '1950-01-01'),
      relation('KR', 'JP', '1960-02-02'),
      relation('KR', 'CN', '1970-03-03', { status: 'severed', events: [event('severed', '1980-04-04')] }),
    ]);
  const prompts = (quiz: Question[]) =>
    quiz.map((q) => `${q.prompt.kind} ${'partner' in q.prompt ? q.prompt.partner.code : ''}`);

  it('asks the year on hard and the decade otherwise, about a partner not asked yet', () => {
    expect(prompts(generateQuiz(facts(), 2, 'hard', () => 0))).toEqual(['year-of JP', 'year-of US']);
    expect(prompts(generateQuiz(facts(), 2, 'medium', () => 0))).toEqual(['decade-of JP', 'decade-of US']);
  });

  it('never asks about a partner whose relations are not in force, and says when nothing is left', () => {
    expect(() => generateQuiz(facts(), 3, 'hard', () => 0)).toThrow(RangeError);
  });
});

describe('which pair restored relations', () => {
  it('asks only about restorations with their own sources, not low in confidence; wrong pairs did nothing that year', () => {
    const restored = (a: string, b: string, date: string, changes: Partial<RelationEvent> = {}) =>
      relation(a, b, '1960-01-01', {
        events: [
          event('severed', '1970-01-01'),
          event('restored', date, { sources: [`https://example.org/${a}-${b}-restored`], ...changes }),
        ],
      });
    const facts = world([
      relation('KR', 'US', '1949-01-01'),
      relation('KR', 'JP', '1965-12-18'),
      relation('KR', 'CN', '1992-08-24'),
      relation('KR', 'FR', '1949-02-15'),
      relation('KR', 'DE', '1955-12-01'),
      restored('AA', 'BB', '2015-07-20'),
      restored('CC', 'DD', '2001-03-03'),
      restored('EE', 'FF', '1999-09-09'),
      restored('GG', 'HH', '2008-08-08'),
      relation('II', 'JJ', '1990-01-01', { events: [event('established', '2015-01-01')] }),
      restored('KK', 'LL', '2012-12-12', { sources: undefined }),
      restored('MM', 'NN', '2011-11-11', { confidence: 'low' }),
      // A researched severance, with its own sources: not a restoration.
      relation('OO', 'PP', '1960-01-01', {
        status: 'severed',
        events: [event('severed', '2005-05-05', { sources: ['https://example.org/OO-PP-severed'] })],
      }),
    ]);
    const asked = questions(facts, 'medium', 400).filter((q) => q.prompt.kind === 'restored-in-year');
    const answers = new Set<string>();
    for (const q of asked) {
      const year = q.prompt.kind === 'restored-in-year' ? q.prompt.year : NaN;
      const right = q.choices[q.answer]!;
      const pair = right.kind === 'pair' ? `${right.a.code}-${right.b.code}` : right.kind;
      answers.add(pair);
      expect(q.explanation.date?.year).toBe(year);
      expect(q.explanation.sources).toEqual([`https://example.org/${pair}-restored`]);
      const wrongs = q.choices.filter((_, index) => index !== q.answer);
      for (const wrong of wrongs) {
        const relation = wrong.kind === 'pair' ? facts.relation(wrong.a.code, wrong.b.code) : undefined;
        expect(relation?.events.some((e) => e.date.year === year)).toBe(false);
      }
    }
    expect([...answers].sort()).toEqual(['AA-BB', 'CC-DD', 'EE-FF', 'GG-HH']);
  });
});
