// Quiz questions, checked against the facts by a judge written here from the rules, not from the generators.
import { describe, expect, it } from 'vitest';
import type { Country } from '../../src/facts/countries.js';
import { Facts } from '../../src/facts/facts.js';
import { loadFacts } from '../../src/facts/load.js';
import { comparePartialDates, parsePartialDate, type PartialDate } from '../../src/facts/partial-date.js';
import type { Relation } from '../../src/facts/relations.js';
import { dataDir } from '../../src/paths.js';
import {
  categories,
  generateQuestion,
  generateQuiz,
  recentYears,
  wellKnownCodes,
  type Category,
} from '../../src/quiz/generators.js';
import type { Choice, Difficulty, Prompt, Question } from '../../src/quiz/question.js';
import { pick, seededRandom, shuffle } from '../../src/quiz/random.js';

const facts = loadFacts(dataDir);
const difficulties: Difficulty[] = ['easy', 'medium', 'hard'];
const allKinds: Prompt['kind'][] = [
  'established-in-year',
  'decade-of',
  'year-of',
  'no-relations',
  'severed',
  'most-recent',
  'restored-in-year',
];
// A mutation run repeats this sweep per mutant: it looks at a tenth of it (MUTATION_RUN, vitest.mutation.config.ts).
const seedsPerDifficulty = process.env.MUTATION_RUN ? 50 : 500;

// ---------------------------------------------------------------------------------------------------------------
// The judge

type Verdict = 'true' | 'false' | 'unusable';

/** A relation the quiz may use: high or medium confidence, a stated status, and lists that agree on the date. */
function relation(base: Country, other: Country): Relation | undefined {
  const answer = facts.relationBetween(base, other);
  if (answer.kind !== 'known') return undefined;
  const rel = answer.relation;
  if (rel.listed || rel.status === 'not_listed') return undefined;
  return rel.confidence === 'high' || rel.confidence === 'medium' ? rel : undefined;
}

/** Restorations the events layer researched, with their own sources, not low confidence. */
function restorationsOf(rel: Relation) {
  return rel.events.filter((e) => e.kind === 'restored' && e.sources && e.confidence !== 'low');
}

/** Every date the two established or restored relations: the first establishment and the events. */
function establishings(rel: Relation): PartialDate[] {
  const events = rel.events.filter((e) => e.kind === 'established' || e.kind === 'restored').map((e) => e.date);
  return rel.established ? [rel.established, ...events] : events;
}

function latestSeveredIso(rel: Relation): string | undefined {
  const dates = rel.events.filter((e) => e.kind === 'severed').map((e) => e.date);
  return dates.sort((a, b) => comparePartialDates(b, a))[0]?.iso;
}

/** a certainly after b, by the rule: a later year, or the same year with both days known and a later day. */
function surelyAfter(a: PartialDate, b: PartialDate): boolean {
  if (a.year !== b.year) return a.year > b.year;
  if (a.day === undefined || b.day === undefined || a.month === undefined || b.month === undefined) return false;
  return a.month * 100 + a.day > b.month * 100 + b.day;
}

const decade = (year: number) => Math.floor(year / 10) * 10;

function countryOf(choice: Choice): Country {
  if (choice.kind !== 'country') throw new Error(`expected a country, got ${JSON.stringify(choice)}`);
  return choice.country;
}

/** Is this choice a right answer to the prompt by the facts ('true'), surely wrong ('false'), or neither? */
function judge(prompt: Prompt, choice: Choice, all: readonly Choice[]): Verdict {
  if (prompt.kind === 'restored-in-year') {
    if (choice.kind !== 'pair') return 'unusable';
    const rel = facts.relation(choice.a.code, choice.b.code)!;
    if (restorationsOf(rel).some((e) => e.date.year === prompt.year)) return 'true';
    return establishings(rel).some((d) => d.year === prompt.year) ? 'unusable' : 'false';
  }
  const base = prompt.base;
  switch (prompt.kind) {
    case 'established-in-year': {
      const rel = relation(base, countryOf(choice));
      if (!rel) return 'unusable';
      if (rel.status === 'established' && rel.established?.year === prompt.year) return 'true';
      if (rel.established && !establishings(rel).some((d) => d.year === prompt.year)) return 'false';
      return 'unusable';
    }
    case 'decade-of':
    case 'year-of': {
      const rel = relation(base, prompt.partner);
      if (!rel || rel.status !== 'established' || !rel.established) return 'unusable';
      const [start, length] =
        prompt.kind === 'decade-of'
          ? choice.kind === 'decade'
            ? [choice.decade, 10]
            : [NaN, 0]
          : choice.kind === 'year'
            ? [choice.year, 1]
            : [NaN, 0];
      if (Number.isNaN(start)) return 'unusable';
      if (prompt.kind === 'decade-of' && start % 10 !== 0) return 'unusable';
      const inside = (year: number) => year >= start && year < start + length;
      if (inside(rel.established.year)) return 'true';
      return establishings(rel).some((d) => inside(d.year)) ? 'unusable' : 'false';
    }
    case 'no-relations': {
      const rel = relation(base, countryOf(choice));
      if (!rel) return 'unusable';
      if (rel.status === 'none' || rel.status === 'severed') return 'true';
      return rel.status === 'established' ? 'false' : 'unusable';
    }
    case 'severed': {
      const rel = relation(base, countryOf(choice));
      if (!rel) return 'unusable';
      if (rel.status === 'severed') return 'true';
      if (rel.status === 'established' && !rel.events.some((e) => e.kind === 'severed')) return 'false';
      return 'unusable';
    }
    case 'most-recent': {
      const dateOf = (c: Choice) => {
        const rel = relation(base, countryOf(c));
        return rel?.status === 'established' ? rel.established : null;
      };
      const mine = dateOf(choice);
      const others = all.filter((c) => c !== choice).map(dateOf);
      if (!mine || others.some((d) => !d)) return 'unusable';
      if (others.every((d) => surelyAfter(mine, d!))) return 'true';
      return others.some((d) => surelyAfter(d!, mine)) ? 'false' : 'unusable';
    }
  }
}

function choiceKey(choice: Choice): string {
  switch (choice.kind) {
    case 'country':
      return `c:${choice.country.code}`;
    case 'pair':
      return `p:${choice.a.code}-${choice.b.code}`;
    case 'decade':
      return `d:${choice.decade}`;
    case 'year':
      return `y:${choice.year}`;
  }
}

function promptId(prompt: Prompt): string {
  if (prompt.kind === 'restored-in-year') return `${prompt.kind}/${prompt.year}`;
  const params = prompt.kind === 'established-in-year' ? prompt.year : 'partner' in prompt ? prompt.partner.code : '';
  return `${prompt.kind}/${prompt.base.code}/${params}`;
}

/** The states a prompt may be about: the two Koreas, and for a few kinds any well-known state. */
function baseAllowed(prompt: Prompt): boolean {
  if (prompt.kind === 'restored-in-year') return true;
  if (['KR', 'KP'].includes(prompt.base.code)) return true;
  return (prompt.kind === 'no-relations' || prompt.kind === 'most-recent') && wellKnownCodes.has(prompt.base.code);
}

/** The restored-in-year checks: pairs in the pool, and an explanation naming the restoration and its sources. */
function restoredProblems(q: Question, difficulty: Difficulty, id: string): string[] {
  const found: string[] = [];
  if (q.prompt.kind !== 'restored-in-year') return found;
  const year = q.prompt.year;
  for (const choice of q.choices) {
    if (choice.kind !== 'pair') continue;
    for (const country of [choice.a, choice.b]) {
      if (difficulty === 'easy' && !wellKnownCodes.has(country.code)) found.push(`${id}: ${country.code} in easy`);
      if (difficulty === 'medium' && !country.unMember && !wellKnownCodes.has(country.code))
        found.push(`${id}: ${country.code} in medium`);
    }
  }
  const right = q.choices[q.answer];
  if (right?.kind !== 'pair') return [...found, `${id}: the answer is not a pair`];
  const event = restorationsOf(facts.relation(right.a.code, right.b.code)!).find((e) => e.date.year === year);
  const { explanation } = q;
  if (explanation.status !== 'restored') found.push(`${id}: explanation status ${explanation.status}`);
  if ([explanation.base.code, explanation.partner.code].sort().join() !== [right.a.code, right.b.code].sort().join()) {
    found.push(`${id}: explanation names another pair`);
  }
  // Easy: whole decades only, so no wrong pair set up or restored ties in the same decade either.
  if (difficulty === 'easy') {
    for (const [index, choice] of q.choices.entries()) {
      if (index === q.answer || choice.kind !== 'pair') continue;
      const near = establishings(facts.relation(choice.a.code, choice.b.code)!).find(
        (d) => decade(d.year) === decade(year),
      );
      if (near) found.push(`${id}: choice ${index} set up ties in the same decade (${near.iso})`);
    }
  }
  if (explanation.date?.iso !== event?.date.iso) found.push(`${id}: explanation date ${explanation.date?.iso}`);
  if (JSON.stringify(explanation.sources) !== JSON.stringify(event?.sources)) found.push(`${id}: explanation sources`);
  return found;
}

/** Everything wrong with a question, in words; empty when it is sound. */
function problems(q: Question, difficulty: Difficulty): string[] {
  const found: string[] = [];
  const { prompt, choices, answer, explanation } = q;
  const id = promptId(prompt);
  if (!baseAllowed(prompt)) found.push(`${id}: base is ${'base' in prompt ? prompt.base.code : '?'}`);
  if (q.difficulty !== difficulty) found.push(`${id}: difficulty ${q.difficulty}`);
  if (choices.length !== 4) found.push(`${id}: ${choices.length} choices`);
  if (new Set(choices.map(choiceKey)).size !== choices.length) found.push(`${id}: repeated choices`);
  if (!Number.isInteger(answer) || answer < 0 || answer >= choices.length) found.push(`${id}: answer ${answer}`);

  const expectedChoiceKind =
    prompt.kind === 'decade-of'
      ? 'decade'
      : prompt.kind === 'year-of'
        ? 'year'
        : prompt.kind === 'restored-in-year'
          ? 'pair'
          : 'country';
  choices.forEach((choice, index) => {
    if (choice.kind !== expectedChoiceKind) {
      found.push(`${id}: choice ${index} is a ${choice.kind}`);
      return;
    }
    const verdict = judge(prompt, choice, choices);
    const wanted = index === answer ? 'true' : 'false';
    if (verdict !== wanted) found.push(`${id}: choice ${index} ${choiceKey(choice)} is ${verdict}, marked ${wanted}`);
    if (choice.kind === 'country' && 'base' in prompt && choice.country.code === prompt.base.code)
      found.push(`${id}: base as a choice`);
  });
  if (prompt.kind === 'restored-in-year') return [...found, ...restoredProblems(q, difficulty, id)];

  // Who the question is about must be in the difficulty's pool.
  const countries = [
    ...choices.filter((c) => c.kind === 'country').map(countryOf),
    ...('partner' in prompt ? [prompt.partner] : []),
  ];
  for (const country of countries) {
    if (difficulty === 'easy' && !wellKnownCodes.has(country.code)) found.push(`${id}: ${country.code} in easy`);
    if (difficulty === 'medium' && !country.unMember && !wellKnownCodes.has(country.code)) {
      found.push(`${id}: ${country.code} (not a UN member) in medium`);
    }
  }

  // most-recent: every pair orderable by the rule, not only the answer against the rest; on easy, by whole decades
  // (not two countries a day apart, as issue #14 saw).
  if (prompt.kind === 'most-recent') {
    const dates = choices.map((c) => relation(prompt.base, countryOf(c))?.established ?? null);
    for (let i = 0; i < dates.length; i++) {
      for (let j = i + 1; j < dates.length; j++) {
        const a = dates[i];
        const b = dates[j];
        if (!a || !b || !(surelyAfter(a, b) || surelyAfter(b, a)))
          found.push(`${id}: choices ${i} and ${j} not orderable`);
        else if (difficulty === 'easy' && decade(a.year) === decade(b.year))
          found.push(`${id}: choices ${i} and ${j} in the same decade (${a.iso}, ${b.iso})`);
      }
    }
  }

  // The explanation: the pair, the status and the date as the facts give them, precision kept.
  const right = choices[answer];
  if (!right) return found;
  const partner = 'partner' in prompt ? prompt.partner : countryOf(right);
  const rel = relation(prompt.base, partner);
  if (!rel) {
    found.push(`${id}: no usable relation for the explanation`);
    return found;
  }
  if (explanation.base.code !== prompt.base.code) found.push(`${id}: explanation base`);
  if (explanation.partner.code !== partner.code) found.push(`${id}: explanation partner ${explanation.partner.code}`);
  const expectedStatus =
    prompt.kind === 'severed' ? 'severed' : prompt.kind === 'no-relations' ? rel.status : 'established';
  if (explanation.status !== expectedStatus) found.push(`${id}: explanation status ${explanation.status}`);
  const expectedDate =
    expectedStatus === 'established'
      ? rel.established?.iso
      : expectedStatus === 'severed'
        ? latestSeveredIso(rel)
        : null;
  if (expectedDate === undefined) found.push(`${id}: the facts have no date for the explanation`);
  if ((explanation.date?.iso ?? null) !== expectedDate) {
    found.push(`${id}: explanation date ${explanation.date?.iso} instead of ${expectedDate}`);
  }
  if (JSON.stringify(explanation.sources) !== JSON.stringify(rel.sources) || rel.sources.length === 0) {
    found.push(`${id}: explanation sources`);
  }
  return found;
}

// Every quiz the tests look at, generated once, when a test first needs it (not while the file loads, so a
// mutation run knows which test reached which code).
const generated = new Map<Difficulty, Question[][]>();
function quizzesOf(difficulty: Difficulty): Question[][] {
  let quizzes = generated.get(difficulty);
  if (!quizzes) {
    quizzes = Array.from({ length: seedsPerDifficulty }, (_, seed) =>
      generateQuiz(facts, 20, difficulty, seededRandom(seed)),
    );
    generated.set(difficulty, quizzes);
  }
  return quizzes;
}
const questionsOf = (difficulty: Difficulty) => quizzesOf(difficulty).flat();

// ---------------------------------------------------------------------------------------------------------------

describe('the seedable random source', () => {
  it('repeats itself for a seed, differs between seeds, and stays in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const fromA = Array.from({ length: 1000 }, a);
    expect(Array.from({ length: 1000 }, b)).toEqual(fromA);
    expect(Array.from({ length: 1000 }, c)).not.toEqual(fromA);
    expect(fromA.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = fromA.reduce((sum, x) => sum + x, 0) / fromA.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it('shuffles into a permutation without touching the input, and picks from the list', () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = shuffle(seededRandom(7), items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...shuffled].sort((x, y) => x - y)).toEqual(items);
    expect(shuffled).not.toEqual(items);
    const random = seededRandom(1);
    const picked = new Set(Array.from({ length: 200 }, () => pick(random, items)));
    expect(picked).toEqual(new Set(items));
    expect(pick(random, [])).toBeUndefined();
  });
});

describe('the judge used by these tests', () => {
  const sample = questionsOf('medium').slice(0, 200);

  it('rejects a question whose marked answer is moved to a wrong choice', () => {
    for (const q of sample) {
      const moved = { ...q, answer: (q.answer + 1) % 4 };
      expect(problems(moved, 'medium').length).toBeGreaterThan(0);
    }
  });

  it('rejects repeated choices, a changed explanation date, and unknown countries in easy', () => {
    const q = sample.find((candidate) => candidate.prompt.kind === 'most-recent')!;
    expect(
      problems({ ...q, choices: [q.choices[0]!, q.choices[0]!, q.choices[1]!, q.choices[2]!] }, 'medium'),
    ).not.toEqual([]);
    expect(problems({ ...q, explanation: { ...q.explanation, date: parsePartialDate('1901') } }, 'medium')).not.toEqual(
      [],
    );
    const countryQuestion = questionsOf('hard').find((candidate) =>
      candidate.choices.some((c) => c.kind === 'country' && !wellKnownCodes.has(c.country.code)),
    )!;
    expect(problems({ ...countryQuestion, difficulty: 'easy' }, 'easy').some((p) => p.includes('in easy'))).toBe(true);
  });

  it('calls a low-confidence relation unusable (North Korea–Uruguay is one)', () => {
    const kp = facts.country('KP')!;
    const uy = facts.country('UY')!;
    const answer = facts.relationBetween(kp, uy);
    expect(answer.kind === 'known' && answer.relation.confidence).toBe('low');
    expect(judge({ kind: 'severed', base: kp }, { kind: 'country', country: uy }, [])).toBe('unusable');
  });
});

describe.each(difficulties)('%s quizzes', (difficulty) => {
  it(`holds for every question of ${seedsPerDifficulty} quizzes of 20`, () => {
    const found: string[] = [];
    for (const quiz of quizzesOf(difficulty)) {
      expect(quiz).toHaveLength(20);
      for (const q of quiz) found.push(...problems(q, difficulty));
    }
    expect(found.slice(0, 20)).toEqual([]);
  });

  it('never repeats a prompt within a quiz and mixes at least three kinds', () => {
    for (const quiz of quizzesOf(difficulty)) {
      expect(new Set(quiz.map((q) => promptId(q.prompt))).size).toBe(20);
      expect(new Set(quiz.map((q) => q.prompt.kind)).size).toBeGreaterThanOrEqual(3);
    }
  });

  it('puts the right answer anywhere, evenly', () => {
    const counts = [0, 0, 0, 0];
    const questions = questionsOf(difficulty);
    for (const q of questions) counts[q.answer] = (counts[q.answer] ?? 0) + 1;
    // Four standard deviations of the share of one place in n questions: 0.017 for 10,000 questions, 0.055 for the
    // 1,000 of a mutation run (where a fixed 0.02 failed by chance).
    const tolerance = 4 * Math.sqrt((0.25 * 0.75) / questions.length);
    for (const count of counts) {
      expect(Math.abs(count / questions.length - 0.25)).toBeLessThan(tolerance);
    }
  });

  it('never uses a relation of low confidence', () => {
    for (const q of questionsOf(difficulty)) {
      if (q.prompt.kind === 'restored-in-year') continue; // judged by its own events' confidence above
      const others = [...q.choices.filter((c) => c.kind === 'country').map(countryOf), q.explanation.partner];
      for (const other of others) {
        const answer = facts.relationBetween(q.prompt.base, other);
        expect(answer.kind === 'known' && answer.relation.confidence).not.toBe('low');
      }
    }
  });

  it('gives the same quiz for the same seed, and another for another seed', () => {
    const again = generateQuiz(facts, 20, difficulty, seededRandom(3));
    expect(again).toEqual(quizzesOf(difficulty)[3]);
    expect(promptIds(again)).not.toEqual(promptIds(quizzesOf(difficulty)[4]!));
  });

  it('asks about the world beyond the two Koreas, and about restorations', () => {
    const questions = questionsOf(difficulty);
    const worldBases = questions.filter((q) => 'base' in q.prompt && !['KR', 'KP'].includes(q.prompt.base.code));
    expect(worldBases.length).toBeGreaterThan(questions.length * 0.03);
    const kinds = new Set(worldBases.map((q) => q.prompt.kind));
    expect([...kinds].sort()).toEqual(['most-recent', 'no-relations']);
    expect(questions.filter((q) => q.prompt.kind === 'restored-in-year').length).toBeGreaterThan(
      questions.length * 0.02,
    );
  });

  it('makes sound single questions too', () => {
    const random = seededRandom(99);
    for (let i = 0; i < 300; i++) expect(problems(generateQuestion(facts, difficulty, random), difficulty)).toEqual([]);
  });
});

function promptIds(quiz: readonly Question[]): string[] {
  return quiz.map((q) => promptId(q.prompt));
}

/** Whether a question is of a category, by the category's words: the Koreas, the world, recent changes. */
function belongs(q: Question, category: Category): boolean {
  const korean = 'base' in q.prompt && ['KR', 'KP'].includes(q.prompt.base.code);
  const pairs = q.choices.filter((c) => c.kind === 'pair');
  switch (category) {
    case 'koreas':
      return korean;
    case 'world':
      return (
        !korean && pairs.every((c) => c.kind === 'pair' && ![c.a.code, c.b.code].some((x) => x === 'KR' || x === 'KP'))
      );
    case 'recent':
      return !!q.explanation.date && q.explanation.date.year >= facts.asOf.year - recentYears;
  }
}

describe.each(categories)('quizzes of the category %s', (category) => {
  const seeds = process.env.MUTATION_RUN ? 3 : 12;
  it.each(difficulties)('%s: sound questions, every one of the category, no repeats, kinds mixed', (difficulty) => {
    for (let seed = 0; seed < seeds; seed++) {
      const quiz = generateQuiz(facts, 20, difficulty, seededRandom(seed), { category, upTo: true });
      expect(quiz.length).toBeGreaterThanOrEqual(15);
      expect(quiz.flatMap((q) => problems(q, difficulty)).slice(0, 10)).toEqual([]);
      expect(quiz.filter((q) => !belongs(q, category)).map((q) => promptId(q.prompt))).toEqual([]);
      expect(new Set(promptIds(quiz)).size).toBe(quiz.length);
      expect(new Set(quiz.map((q) => q.prompt.kind)).size).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('a quiz without a category', () => {
  it('is what it was: the same seed gives the same questions, whichever function makes them', () => {
    for (const difficulty of difficulties) {
      expect(generateQuiz(facts, 20, difficulty, seededRandom(7), { upTo: true })).toEqual(
        generateQuiz(facts, 20, difficulty, seededRandom(7)),
      );
    }
  });
});

describe('what each difficulty asks', () => {
  const kindsOf = (difficulty: Difficulty) => new Set(questionsOf(difficulty).map((q) => q.prompt.kind));

  it('asks every kind at some difficulty', () => {
    const seen = new Set(difficulties.flatMap((difficulty) => [...kindsOf(difficulty)]));
    expect([...seen].sort()).toEqual([...allKinds].sort());
  });

  it('keeps easy to decades and whole-country questions, and hard to exact years', () => {
    expect([...kindsOf('easy')].sort()).toEqual([
      'decade-of',
      'most-recent',
      'no-relations',
      'restored-in-year',
      'severed',
    ]);
    expect(kindsOf('medium')).toEqual(
      new Set(['established-in-year', 'decade-of', 'most-recent', 'severed', 'no-relations', 'restored-in-year']),
    );
    expect(kindsOf('hard').has('year-of')).toBe(true);
    expect(kindsOf('hard').has('established-in-year')).toBe(true);
    expect(kindsOf('hard').has('decade-of')).toBe(false);
  });

  it('leans hard questions towards countries that are not well known', () => {
    const share = (difficulty: Difficulty) => {
      const countries = questionsOf(difficulty).flatMap((q) =>
        q.choices.filter((c) => c.kind === 'country').map(countryOf),
      );
      return countries.filter((c) => !wellKnownCodes.has(c.code)).length / countries.length;
    };
    expect(share('easy')).toBe(0);
    expect(share('hard')).toBeGreaterThan(share('medium'));
    expect(share('hard')).toBeGreaterThan(0.7);
  });

  it('asks about entities outside the UN only on hard', () => {
    const outside = (difficulty: Difficulty) =>
      questionsOf(difficulty).some((q) => q.choices.some((c) => c.kind === 'country' && !c.country.unMember));
    expect(outside('easy')).toBe(false);
    expect(outside('medium')).toBe(false);
    expect(outside('hard')).toBe(true);
  });

  it('keeps a well-known list of real UN members, the permanent five among them', () => {
    for (const code of ['US', 'GB', 'FR', 'RU', 'CN']) expect(wellKnownCodes.has(code)).toBe(true);
    expect(wellKnownCodes.size).toBeGreaterThanOrEqual(40);
    expect(wellKnownCodes.size).toBeLessThanOrEqual(60);
    for (const code of wellKnownCodes) expect(facts.country(code)?.unMember).toBe(true);
  });
});

describe('when the facts run short', () => {
  const country = (code: string, unMember = true): Country => ({
    code,
    alpha3: `${code}X`,
    name: { en: code, ko: code },
    aliases: [],
    flag: '',
    unMember,
  });
  const tie = (partner: string, established: string): Relation => ({
    pair: ['KR', partner],
    status: 'established',
    established: parsePartialDate(established),
    events: [],
    sources: [`https://example.org/${partner}`],
    confidence: 'high',
    file: 'test',
    asOf: parsePartialDate('2025-08'),
  });
  const partners: [string, string][] = [
    ['US', '1949-01-01'],
    ['JP', '1965-12-18'],
    ['CN', '1992-08-24'],
    ['FR', '1949-02-15'],
    ['DE', '1955-12-01'],
    ['GB', '1949-01-18'],
  ];
  const small = Facts.of(
    [country('KR'), ...partners.map(([code]) => country(code))],
    partners.map(([code, date]) => tie(code, date)),
    parsePartialDate('2025-08'),
  );

  it('falls back to kinds that have questions when others have none (no severed, no missing ties)', () => {
    const random = seededRandom(5);
    const kinds = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const q = generateQuestion(small, 'easy', random);
      kinds.add(q.prompt.kind);
      expect(q.choices).toHaveLength(4);
      expect(q.choices[q.answer]).toBeDefined();
    }
    expect([...kinds].sort()).toEqual(['decade-of', 'most-recent']);
  });

  it('fills a quiz up to the number of distinct prompts, and says so past it instead of looping', () => {
    // Six decade questions plus one most-recent (all six dates have days, so they order).
    expect(new Set(promptIds(generateQuiz(small, 7, 'easy', seededRandom(1)))).size).toBe(7);
    expect(() => generateQuiz(small, 8, 'easy', seededRandom(1))).toThrow(RangeError);
  });

  it('throws rather than hangs when there is nothing to ask', () => {
    const empty = Facts.of([country('KR'), country('KP')], [], parsePartialDate('2025-08'));
    expect(() => generateQuestion(empty, 'hard', seededRandom(1))).toThrow(RangeError);
  });
});
