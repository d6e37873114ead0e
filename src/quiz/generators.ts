// Quiz questions generated from the facts: one generator per prompt kind, each building a question whose
// right answer is true and whose wrong answers are false by the data, or giving up (null) when the data has
// no such question. Only relations with confidence high or medium whose sources agree are used (never a pair
// whose two lists give different dates, never one neither list mentions), and only dates precise enough for
// what is asked.
import type { Country } from '../facts/countries.js';
import type { Facts } from '../facts/facts.js';
import { comparePartialDates, type PartialDate } from '../facts/partial-date.js';
import { breakingKinds, establishmentDates, type Relation, type RelationEvent } from '../facts/relations.js';
import type { Choice, Difficulty, Explanation, Prompt, Question } from './question.js';
import { pick, pickWeighted, randomInt, sampleWeighted, shuffle, type Random } from './random.js';

export type PromptKind = Prompt['kind'];

/** The two countries whose every relation was checked by hand: most questions are about them. */
export const baseCodes = ['KR', 'KP'] as const;

/** Kinds that may ask about any well-known state, from the world layer. */
export const worldBaseKinds: ReadonlySet<PromptKind> = new Set(['no-relations', 'most-recent']);

/**
 * Countries a casual player knows: the G20 members, the permanent members of the Security Council, the two
 * Koreas and their neighbours, and countries often in the news. Easy questions use only these.
 */
export const wellKnownCodes: ReadonlySet<string> = new Set([
  // G20 members and the permanent five
  'AR',
  'AU',
  'BR',
  'CA',
  'CN',
  'DE',
  'FR',
  'GB',
  'ID',
  'IN',
  'IT',
  'JP',
  'KR',
  'MX',
  'RU',
  'SA',
  'TR',
  'US',
  'ZA',
  // The Korean peninsula's neighbourhood
  'KP',
  'MN',
  'VN',
  'TH',
  'PH',
  'MY',
  'SG',
  'LA',
  'KH',
  'MM',
  'BD',
  'NP',
  'LK',
  'PK',
  // Often in the news
  'SY',
  'CU',
  'IR',
  'IQ',
  'IL',
  'EG',
  'DZ',
  'NG',
  'KE',
  'ET',
  'UA',
  'PL',
  'SE',
  'NO',
  'NL',
  'CH',
  'ES',
  'NZ',
  'CL',
  'CO',
  'PE',
  'VE',
]);

/** Which kinds each difficulty asks, and how often relative to each other. */
export const kindWeights: Readonly<Record<Difficulty, Readonly<Partial<Record<PromptKind, number>>>>> = {
  easy: { 'decade-of': 4, 'most-recent': 3, 'no-relations': 2, severed: 2, 'restored-in-year': 1 },
  medium: {
    'established-in-year': 3,
    'decade-of': 3,
    'most-recent': 3,
    severed: 2,
    'no-relations': 2,
    'restored-in-year': 2,
  },
  hard: {
    'year-of': 4,
    'established-in-year': 4,
    'most-recent': 2,
    severed: 1,
    'no-relations': 1,
    'restored-in-year': 2,
  },
};

/**
 * What a quiz may be about, when its starter chooses: the two Koreas' relations; the world's (other well-known
 * states, and restorations between any two); or recent changes (what happened in the last `recentYears` years).
 */
export type Category = 'koreas' | 'world' | 'recent';
export const categories: readonly Category[] = ['koreas', 'world', 'recent'];
/** Recent means an explanation dated this many years before the data's date, or later. */
export const recentYears = 10;

/** The kinds each category asks (within those of the difficulty). */
export const categoryKinds: Readonly<Record<Category, ReadonlySet<PromptKind>>> = {
  koreas: new Set(['established-in-year', 'decade-of', 'year-of', 'no-relations', 'severed', 'most-recent']),
  world: new Set(['no-relations', 'most-recent', 'restored-in-year']),
  recent: new Set(['established-in-year', 'no-relations', 'severed', 'most-recent', 'restored-in-year']),
};

/** Whether a question belongs to a category (none: every question does). */
export function inCategory(question: Question, category: Category | undefined, facts: Facts): boolean {
  if (!category) return true;
  if (!categoryKinds[category].has(question.prompt.kind)) return false;
  const isKorea = (code: string) => baseCodes.includes(code as never);
  const korean = 'base' in question.prompt && isKorea(question.prompt.base.code);
  switch (category) {
    case 'koreas':
      return korean;
    case 'world':
      // Not about a Korea, nor a pair with one among the choices.
      return !korean && !question.choices.some((c) => c.kind === 'pair' && (isKorea(c.a.code) || isKorea(c.b.code)));
    case 'recent': {
      const date = question.explanation.date;
      return !!date && date.year >= facts.asOf.year - recentYears;
    }
  }
}

/** Identifies a prompt: the same key means the same question asked (kind and parameters). */
export function promptKey(prompt: Prompt): string {
  switch (prompt.kind) {
    case 'established-in-year':
      return `${prompt.kind}:${prompt.base.code}:${prompt.year}`;
    case 'decade-of':
    case 'year-of':
      return `${prompt.kind}:${prompt.base.code}:${prompt.partner.code}`;
    case 'restored-in-year':
      return `${prompt.kind}:${prompt.year}`;
    default:
      return `${prompt.kind}:${prompt.base.code}`;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the facts

interface Tie {
  partner: Country;
  relation: Relation;
}

/** No relations of the two Koreas predate this decade; distractor decades start here. */
const firstDecade = 1940;

const decadeOf = (year: number) => Math.floor(year / 10) * 10;

function inPool(partner: Country, difficulty: Difficulty): boolean {
  if (difficulty === 'easy') return wellKnownCodes.has(partner.code);
  if (difficulty === 'medium') return partner.unMember || wellKnownCodes.has(partner.code);
  return true;
}

/** Hard questions lean towards small states; the others pick evenly within their pool. */
function partnerWeight(difficulty: Difficulty): (tie: Tie) => number {
  return difficulty === 'hard' ? (tie) => (wellKnownCodes.has(tie.partner.code) ? 1 : 4) : () => 1;
}

/** True only when a is certainly earlier than b: an earlier year, or the same year with both days known. */
function surelyBefore(a: PartialDate, b: PartialDate): boolean {
  if (a.year !== b.year) return a.year < b.year;
  if (a.day === undefined || b.day === undefined) return false;
  return (a.month ?? 0) < (b.month ?? 0) || (a.month === b.month && a.day < b.day);
}

/** The first establishment and every establishment or restoration event. */
function establishmentYears(relation: Relation): Set<number> {
  return new Set(establishmentDates(relation).map((date) => date.year));
}

function latest(dates: readonly PartialDate[]): PartialDate | undefined {
  return [...dates].sort((x, y) => comparePartialDates(y, x))[0];
}

/**
 * Relations in force by every reading: status established, a known first establishment, and no break
 * (severance or suspension) that could have come after the latest establishment or restoration.
 */
function inForce(relation: Relation): boolean {
  if (relation.status !== 'established' || !relation.established) return false;
  const since = latest(establishmentDates(relation))!;
  return relation.events
    .filter((event) => breakingKinds.includes(event.kind))
    .every((event) => surelyBefore(event.date, since));
}

/** Established once, on one date: no restoration and no second establishment on another date. */
function establishedOnce(relation: Relation): boolean {
  const established = relation.established;
  return !!established && establishmentDates(relation).every((date) => date.iso === established.iso);
}

function latestSevered(relation: Relation): PartialDate | undefined {
  return latest(relation.events.filter((event) => event.kind === 'severed').map((event) => event.date));
}

/** A fact the quiz may rest on: medium or high confidence, a status a source states, and lists that agree. */
function agreed(relation: Relation): boolean {
  return relation.confidence !== 'low' && relation.status !== 'not_listed' && !relation.listed;
}

const tieCache = new WeakMap<Facts, Map<string, readonly Tie[]>>();

/** The base's relations usable at this difficulty: confidence high or medium, partner in the pool. */
function usableTies(facts: Facts, base: Country, difficulty: Difficulty): readonly Tie[] {
  let byKey = tieCache.get(facts);
  if (!byKey) {
    byKey = new Map();
    tieCache.set(facts, byKey);
  }
  const key = `${base.code}:${difficulty}`;
  let ties = byKey.get(key);
  if (!ties) {
    ties = facts
      .relationsOf(base)
      .filter(({ partner, relation }) => partner && agreed(relation) && inPool(partner, difficulty))
      .sort((x, y) => x.partner.code.localeCompare(y.partner.code));
    byKey.set(key, ties);
  }
  return ties;
}

// ---------------------------------------------------------------------------------------------------------------
// Building questions

interface Context {
  facts: Facts;
  difficulty: Difficulty;
  random: Random;
  base: Country;
  ties: readonly Tie[];
  weight: (tie: Tie) => number;
}

function countryChoice(tie: Tie): Choice {
  return { kind: 'country', country: tie.partner };
}

function explain(base: Country, tie: Tie, status: Explanation['status'], date: PartialDate | null): Explanation {
  return { base, partner: tie.partner, status, date, sources: tie.relation.sources };
}

/** Puts the right answer at a uniformly random place among the (shuffled) wrong ones. */
function assemble(
  ctx: Context,
  prompt: Prompt,
  right: Choice,
  wrongs: readonly Choice[],
  explanation: Explanation,
): Question | null {
  if (wrongs.length !== 3) return null;
  const choices = shuffle(ctx.random, wrongs);
  const answer = randomInt(ctx.random, 4);
  choices.splice(answer, 0, right);
  return { prompt, choices, answer, explanation, difficulty: ctx.difficulty };
}

function pickTie(ctx: Context, candidates: readonly Tie[]): Tie | undefined {
  return pickWeighted(ctx.random, candidates, ctx.weight);
}

function sampleTies(ctx: Context, candidates: readonly Tie[], count: number): Tie[] {
  return sampleWeighted(ctx.random, candidates, count, ctx.weight);
}

/** Which country established relations with {base} in {year}? */
function establishedInYear(ctx: Context): Question | null {
  const right = pickTie(
    ctx,
    ctx.ties.filter((tie) => inForce(tie.relation)),
  );
  if (!right) return null;
  const year = right.relation.established!.year;
  const wrongs = sampleTies(
    ctx,
    ctx.ties.filter(
      (tie) =>
        tie.relation.established &&
        tie.relation.established.year !== year &&
        !establishmentYears(tie.relation).has(year),
    ),
    3,
  );
  return assemble(
    ctx,
    { kind: 'established-in-year', base: ctx.base, year },
    countryChoice(right),
    wrongs.map(countryChoice),
    explain(ctx.base, right, 'established', right.relation.established),
  );
}

/** In which decade / year did {partner} and {base} establish relations? For one given partner. */
function periodOf(ctx: Context, kind: 'decade-of' | 'year-of', tie: Tie): Question | null {
  const established = tie.relation.established;
  if (!established || !inForce(tie.relation)) return null;
  const taken = establishmentYears(tie.relation);
  const lastYear = ctx.facts.asOf.year;
  let right: Choice;
  let wrongs: Choice[];
  if (kind === 'decade-of') {
    const decade = Math.floor(established.year / 10) * 10;
    const candidates: number[] = [];
    for (let d = firstDecade; d <= lastYear; d += 10) {
      const clashes = [...taken].some((year) => year >= d && year < d + 10);
      if (d !== decade && Math.abs(d - decade) <= 40 && !clashes) candidates.push(d);
    }
    right = { kind: 'decade', decade };
    wrongs = shuffle(ctx.random, candidates)
      .slice(0, 3)
      .map((d) => ({ kind: 'decade', decade: d }));
  } else {
    const year = established.year;
    const candidates: number[] = [];
    for (let y = year - 6; y <= year + 6; y++) {
      if (y !== year && y >= firstDecade && y <= lastYear && !taken.has(y)) candidates.push(y);
    }
    right = { kind: 'year', year };
    wrongs = shuffle(ctx.random, candidates)
      .slice(0, 3)
      .map((y) => ({ kind: 'year', year: y }));
  }
  return assemble(
    ctx,
    { kind, base: ctx.base, partner: tie.partner },
    right,
    wrongs,
    explain(ctx.base, tie, 'established', established),
  );
}

function periodQuestion(kind: 'decade-of' | 'year-of'): (ctx: Context) => Question | null {
  return (ctx) => {
    const tie = pickTie(
      ctx,
      ctx.ties.filter((candidate) => inForce(candidate.relation)),
    );
    return tie ? periodOf(ctx, kind, tie) : null;
  };
}

/** Which of these countries has no diplomatic relations with {base}? */
function noRelations(ctx: Context): Question | null {
  const right = pickTie(
    ctx,
    ctx.ties.filter(
      (tie) =>
        tie.relation.status === 'none' ||
        (tie.relation.status === 'severed' && latestSevered(tie.relation) !== undefined),
    ),
  );
  if (!right) return null;
  const wrongs = sampleTies(
    ctx,
    ctx.ties.filter((tie) => inForce(tie.relation)),
    3,
  );
  const status = right.relation.status === 'none' ? 'none' : 'severed';
  const date = status === 'none' ? null : latestSevered(right.relation)!;
  return assemble(
    ctx,
    { kind: 'no-relations', base: ctx.base },
    countryChoice(right),
    wrongs.map(countryChoice),
    explain(ctx.base, right, status, date),
  );
}

/** Which of these countries' relations with {base} were severed? */
function severed(ctx: Context): Question | null {
  const right = pickTie(
    ctx,
    ctx.ties.filter((tie) => tie.relation.status === 'severed' && latestSevered(tie.relation) !== undefined),
  );
  if (!right) return null;
  const wrongs = sampleTies(
    ctx,
    ctx.ties.filter(
      (tie) => inForce(tie.relation) && !tie.relation.events.some((event) => breakingKinds.includes(event.kind)),
    ),
    3,
  );
  return assemble(
    ctx,
    { kind: 'severed', base: ctx.base },
    countryChoice(right),
    wrongs.map(countryChoice),
    explain(ctx.base, right, 'severed', latestSevered(right.relation)!),
  );
}

/** Which of these countries established relations with {base} most recently? */
function mostRecent(ctx: Context): Question | null {
  const candidates = ctx.ties.filter((tie) => inForce(tie.relation) && establishedOnce(tie.relation));
  const chosen: Tie[] = [];
  // Easy compares whole decades only: never two ties of one decade, let alone a day apart.
  const apart =
    ctx.difficulty === 'easy'
      ? (a: PartialDate, b: PartialDate) => decadeOf(a.year) !== decadeOf(b.year)
      : (a: PartialDate, b: PartialDate) => surelyBefore(a, b) || surelyBefore(b, a);
  for (const tie of sampleWeighted(ctx.random, candidates, candidates.length, ctx.weight)) {
    const date = tie.relation.established!;
    const orderable = chosen.every((other) => apart(date, other.relation.established!));
    if (orderable) chosen.push(tie);
    if (chosen.length === 4) break;
  }
  if (chosen.length < 4) return null;
  const right = chosen.reduce((best, tie) =>
    surelyBefore(best.relation.established!, tie.relation.established!) ? tie : best,
  );
  return assemble(
    ctx,
    { kind: 'most-recent', base: ctx.base },
    countryChoice(right),
    chosen.filter((tie) => tie !== right).map(countryChoice),
    explain(ctx.base, right, 'established', right.relation.established),
  );
}

interface Restoration {
  a: Country;
  b: Country;
  relation: Relation;
  event: RelationEvent;
}

const restorationCache = new WeakMap<Facts, readonly Restoration[]>();

/** Researched restorations with their own sources, at medium confidence or better, in code order. */
function restorations(facts: Facts): readonly Restoration[] {
  let found = restorationCache.get(facts);
  if (!found) {
    found = [...facts.researchedRelations()]
      .flatMap((relation) =>
        relation.events
          .filter((event) => event.kind === 'restored' && event.sources && event.confidence !== 'low')
          .map((event) => ({
            a: facts.country(relation.pair[0])!,
            b: facts.country(relation.pair[1])!,
            relation,
            event,
          })),
      )
      .sort(
        (x, y) =>
          x.a.code.localeCompare(y.a.code) ||
          x.b.code.localeCompare(y.b.code) ||
          comparePartialDates(x.event.date, y.event.date),
      );
    restorationCache.set(facts, found);
  }
  return found;
}

/** Which of these pairs restored diplomatic relations in {year}? Wrong pairs never set up or restored ties that year. */
function restoredInYear(ctx: Context): Question | null {
  const pool = restorations(ctx.facts).filter(({ a, b }) => inPool(a, ctx.difficulty) && inPool(b, ctx.difficulty));
  const right = pick(ctx.random, pool);
  if (!right) return null;
  const year = right.event.date.year;
  // A wrong pair set up or restored no ties that year; on easy, not in that whole decade either.
  const busy = (relation: Relation) =>
    [...establishmentYears(relation)].some((other) =>
      ctx.difficulty === 'easy' ? decadeOf(other) === decadeOf(year) : other === year,
    );
  const others = new Map<Relation, Restoration>();
  for (const candidate of pool)
    if (!busy(candidate.relation) && !others.has(candidate.relation)) others.set(candidate.relation, candidate);
  const wrongs = shuffle(ctx.random, [...others.values()]).slice(0, 3);
  const pair = ({ a, b }: Restoration): Choice => ({ kind: 'pair', a, b });
  return assemble(ctx, { kind: 'restored-in-year', year }, pair(right), wrongs.map(pair), {
    base: right.a,
    partner: right.b,
    status: 'restored',
    date: right.event.date,
    sources: right.event.sources!,
  });
}

const generators: Record<PromptKind, (ctx: Context) => Question | null> = {
  'established-in-year': establishedInYear,
  'decade-of': periodQuestion('decade-of'),
  'year-of': periodQuestion('year-of'),
  'no-relations': noRelations,
  severed,
  'most-recent': mostRecent,
  'restored-in-year': restoredInYear,
};

// ---------------------------------------------------------------------------------------------------------------
// Choosing what to ask

/** Random picks tried before falling back to a scan of the kind that always has questions. */
const maxAttempts = 40;
/** Draws per kind and base when a category's questions are scanned. */
const fallbackDraws = 8;

function baseCountries(facts: Facts, kind: PromptKind, category?: Category): Country[] {
  const others = [...wellKnownCodes].filter((code) => !baseCodes.includes(code as never));
  const codes =
    category === 'koreas' || !worldBaseKinds.has(kind)
      ? baseCodes
      : category === 'world'
        ? others
        : [...baseCodes, ...others];
  const bases = codes.map((code) => facts.country(code)).filter((country): country is Country => !!country);
  if (bases.length === 0) throw new Error('quiz: the facts know neither South Korea nor North Korea');
  return bases;
}

/**
 * The two Koreas stay the heart of the quiz: together as likely as all other bases. North Korea has far more
 * countries without relations, so those kinds mostly ask about it.
 */
function baseWeight(kind: PromptKind, base: Country, bases: number): number {
  const others = Math.max(bases - baseCodes.length, 1);
  const korea = baseCodes.includes(base.code as never) ? others / baseCodes.length : 1;
  if (kind === 'no-relations' || kind === 'severed')
    return base.code === 'KP' ? 4 * korea : base.code === 'KR' ? korea : 1;
  return korea;
}

function contextFor(facts: Facts, difficulty: Difficulty, random: Random, base: Country): Context {
  return {
    facts,
    difficulty,
    random,
    base,
    ties: usableTies(facts, base, difficulty),
    weight: partnerWeight(difficulty),
  };
}

function generate(
  facts: Facts,
  difficulty: Difficulty,
  random: Random,
  used: ReadonlySet<string>,
  kindCounts: ReadonlyMap<PromptKind, number>,
  category?: Category,
): Question {
  const weights = kindWeights[difficulty];
  const kinds = (Object.keys(weights) as PromptKind[]).filter((k) => !category || categoryKinds[category].has(k));
  const fits = (question: Question | null): question is Question =>
    !!question && !used.has(promptKey(question.prompt)) && inCategory(question, category, facts);
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    // Kinds already asked in this quiz come up less often, so a quiz mixes them.
    const kind = pickWeighted(random, kinds, (k) => (weights[k] ?? 0) / (1 + 2 * (kindCounts.get(k) ?? 0)))!;
    const bases = baseCountries(facts, kind, category);
    const base = pickWeighted(random, bases, (b) => baseWeight(kind, b, bases.length))!;
    const question = generators[kind](contextFor(facts, difficulty, random, base));
    if (fits(question)) return question;
  }
  if (category) {
    // Fallback within the category: every kind about every base, a few draws each, until one fits.
    for (const kind of shuffle(random, kinds)) {
      for (const base of shuffle(random, baseCountries(facts, kind, category))) {
        for (let draw = 0; draw < fallbackDraws; draw++) {
          const question = generators[kind](contextFor(facts, difficulty, random, base));
          if (fits(question)) return question;
        }
      }
    }
    throw new RangeError(`quiz: no more ${difficulty} ${category} questions can be made from the facts`);
  }
  // Fallback: the period question about any partner not asked yet. Every partner in force has one.
  const fallbackKind = difficulty === 'hard' ? 'year-of' : 'decade-of';
  for (const base of shuffle(random, baseCountries(facts, fallbackKind))) {
    const ctx = contextFor(facts, difficulty, random, base);
    for (const tie of shuffle(random, ctx.ties)) {
      if (used.has(promptKey({ kind: fallbackKind, base, partner: tie.partner }))) continue;
      const question = periodOf(ctx, fallbackKind, tie);
      if (question) return question;
    }
  }
  throw new RangeError(`quiz: no more ${difficulty} questions can be made from the facts`);
}

/** One question of the given difficulty. Throws only when the facts cannot give any question at all. */
export function generateQuestion(facts: Facts, difficulty: Difficulty, random: Random): Question {
  return generate(facts, difficulty, random, new Set(), new Map());
}

/** What a quiz is drawn from, and whether it may be shorter than asked. */
export interface QuizOptions {
  /** Only questions of this category (default: all). */
  category?: Category;
  /**
   * When the facts run short (a category can, on easy), give as many questions as they have, at least one, instead
   * of throwing.
   */
  upTo?: boolean;
}

/**
 * `rounds` questions, no prompt asked twice, kinds mixed, all of the category when one is given. Throws RangeError
 * if the facts run out of questions (unless `upTo`, and at least one was made).
 */
export function generateQuiz(
  facts: Facts,
  rounds: number,
  difficulty: Difficulty,
  random: Random,
  { category, upTo = false }: QuizOptions = {},
): Question[] {
  if (!Number.isInteger(rounds) || rounds < 0)
    throw new RangeError(`quiz: rounds must be a whole number, not ${rounds}`);
  return build(facts, rounds, difficulty, random, category, upTo);
}

function build(
  facts: Facts,
  rounds: number,
  difficulty: Difficulty,
  random: Random,
  category: Category | undefined,
  shortIsFine: boolean,
): Question[] {
  const used = new Set<string>();
  const kindCounts = new Map<PromptKind, number>();
  const questions: Question[] = [];
  while (questions.length < rounds) {
    let question: Question;
    try {
      question = generate(facts, difficulty, random, used, kindCounts, category);
    } catch (error) {
      if (shortIsFine && error instanceof RangeError && questions.length > 0) break;
      throw error;
    }
    used.add(promptKey(question.prompt));
    kindCounts.set(question.prompt.kind, (kindCounts.get(question.prompt.kind) ?? 0) + 1);
    questions.push(question);
  }
  return questions;
}
