// Finding a country from what a person typed: codes, English and Korean names, aliases, any case,
// with or without diacritics, with small typos. Built once at start-up; each query is a scan of ~1,500 keys.
import { nameCollator, type Country, type Language } from './countries.js';
import type { FormerName, FormerNames } from './former-names.js';
import { RecentlyUsed } from './recently-used.js';

/** Lower case, no diacritics, punctuation to spaces. Hangul is decomposed and recomposed, so it survives. */
export function normalizeName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const initials = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const vowels = 'ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ';
const finals = [
  '',
  'ㄱ',
  'ㄲ',
  'ㄳ',
  'ㄴ',
  'ㄵ',
  'ㄶ',
  'ㄷ',
  'ㄹ',
  'ㄺ',
  'ㄻ',
  'ㄼ',
  'ㄽ',
  'ㄾ',
  'ㄿ',
  'ㅀ',
  'ㅁ',
  'ㅂ',
  'ㅄ',
  'ㅅ',
  'ㅆ',
  'ㅇ',
  'ㅈ',
  'ㅊ',
  'ㅋ',
  'ㅌ',
  'ㅍ',
  'ㅎ',
];
/** Vowels written as one letter that are said as two (ㅑ = ㅣ+ㅏ), and ㅐ/ㅔ, which most speakers no longer tell apart. */
const vowelSounds: Record<string, string> = {
  ㅐ: 'ㅔ',
  ㅑ: 'ㅣㅏ',
  ㅒ: 'ㅣㅔ',
  ㅕ: 'ㅣㅓ',
  ㅖ: 'ㅣㅔ',
  ㅘ: 'ㅗㅏ',
  ㅙ: 'ㅗㅔ',
  ㅚ: 'ㅗㅣ',
  ㅛ: 'ㅣㅗ',
  ㅝ: 'ㅜㅓ',
  ㅞ: 'ㅜㅔ',
  ㅟ: 'ㅜㅣ',
  ㅠ: 'ㅣㅜ',
  ㅢ: 'ㅡㅣ',
};

/**
 * Hangul as the letters (jamo) it is said with, for typo matching: 시랴 and 시리아 both become ㅅㅣㄹㅣㅏ, so a typo
 * costs one letter, not a whole syllable. The silent ㅇ that starts a vowel-initial syllable is dropped. Other text
 * is returned as it is.
 */
export function soundLetters(text: string): string {
  if (!/[\u1100-\u11ff\uac00-\ud7a3]/.test(text)) return text;
  const letters = hangulLetters(text);
  // A lone silent ㅇ would vanish, and an empty query matches every name: keep what was typed.
  return letters || text;
}

function hangulLetters(text: string): string {
  let out = '';
  for (const char of text) {
    const point = char.charCodeAt(0);
    const code = point - 0xac00;
    if (code < 0 || code > 11171) {
      // A syllable still being typed arrives as loose letters (NFKD turns them into conjoining jamo).
      if (point >= 0x1100 && point <= 0x1112) out += initials[point - 0x1100] === 'ㅇ' ? '' : initials[point - 0x1100];
      else if (point >= 0x1161 && point <= 0x1175)
        out += vowelSounds[vowels[point - 0x1161]!] ?? vowels[point - 0x1161];
      else out += char;
      continue;
    }
    const initial = initials[Math.floor(code / 588)]!;
    const vowel = vowels[Math.floor((code % 588) / 28)]!;
    out += (initial === 'ㅇ' ? '' : initial) + (vowelSounds[vowel] ?? vowel) + finals[code % 28]!;
  }
  return out;
}

interface Key {
  country: Country;
  /** The normalised text without spaces; for Hangul, its letters as said (see soundLetters). */
  compact: string;
  /** The letters sorted, to treat scrambled letters ("sirya") as one typo. */
  letters: string;
  counts: Int8Array;
  words: string[];
  isCode: boolean;
  isName: boolean;
  /** A former name: helps while typing, but never outranks a state's own name ("Czech" is Czechia, not Slovakia). */
  isFormer: boolean;
}

export interface Match {
  country: Country;
  score: number;
}

export type Resolution =
  /** `former`: the text was a former name, answered for the state that carries it on (shown to the reader). */
  | { kind: 'found'; country: Country; former?: FormerName }
  /** A state that no longer exists, with the states it became. */
  | { kind: 'dissolved'; former: FormerName; suggestions: readonly Country[] }
  /** Several fit, or nothing fits closely enough to pick: the closest first. */
  | { kind: 'ambiguous' | 'unknown'; suggestions: readonly Country[] };

/** What a former name's match loses against today's names: more than a tier's lead. */
const formerPenalty = 100;

/** Matches that are a name, a start of one or a part of one score this much or more; typos score less. */
const wholeOrPartScore = 600;
/** Among those, the best is taken when it leads the next by a tier ("Saint" fits three names about equally). */
const clearLead = 40;
/**
 * A typo is answered without asking only when it is one letter off and clearly nearer than the next name, measured
 * as the share of the name's letters that are wrong ("Austrila": Austria 1 in 7, Australia 2 in 9: too close to pick).
 */
const typoLead = 0.12;

// Rows of the distance table, reused across calls: a search computes hundreds of distances and should not
// allocate for each.
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Optimal string alignment distance (Levenshtein plus adjacent swaps) between `a` and the first `bLength`
 * characters of `b`, giving up (returning limit + 1) as soon as it must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit: number, bLength = b.length): number {
  if (Math.abs(a.length - bLength) > limit) return limit + 1;
  if (rows[0]!.length <= bLength)
    rows = [new Int32Array(bLength * 2), new Int32Array(bLength * 2), new Int32Array(bLength * 2)];
  let [before, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= bLength; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowBest = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= bLength; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj)
        value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      if (value < rowBest) rowBest = value;
    }
    if (rowBest > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[bLength]!;
}

/** Letter counts in 32 buckets: comparing two gives a cheap lower bound on their edit distance. */
function letterCounts(text: string): Int8Array {
  const counts = new Int8Array(32);
  for (let i = 0; i < text.length; i++) counts[text.charCodeAt(i) & 31]! += 1;
  return counts;
}

function countsLowerBound(a: Int8Array, b: Int8Array): number {
  let more = 0;
  let fewer = 0;
  for (let i = 0; i < 32; i++) {
    const difference = a[i]! - b[i]!;
    if (difference > 0) more += difference;
    else fewer -= difference;
  }
  return Math.max(more, fewer);
}

/** Whether every typed word starts one of the name's words. */
function wordsArePrefixes(queryWords: readonly string[], keyWords: readonly string[]): boolean {
  for (const word of queryWords) {
    let found = false;
    for (const keyWord of keyWords) {
      if (keyWord.startsWith(word)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

function sortLetters(text: string): string {
  return [...text].sort().join('');
}

function typoAllowance(length: number): number {
  return length < 4 ? 0 : length < 9 ? 2 : 3;
}

/** The key of the exact-name maps: normalised, without spaces, Hangul kept as written. */
function exactKey(text: string): string {
  return normalizeName(text).replace(/ /g, '');
}

interface SearchIndex {
  keys: Key[];
  /** Codes by their text: a code matches only when typed whole. */
  codes: Map<string, Key[]>;
  /**
   * Names (not codes) by the first letter of their text and of each word, by each pair of adjacent letters, and by
   * length: the only places a match can come from (see candidates).
   */
  byStart: Map<string, Key[]>;
  byPair: Map<string, Key[]>;
  byLength: Key[][];
  /** Every code, name and alias, normalised: what most typed values are, found without a scan. */
  exact: Map<string, Country>;
  /** Former names, and names that fit several states: checked before everything else. */
  formerByName: Map<string, FormerName>;
  ambiguousByName: Map<string, readonly Country[]>;
}

function buildIndex(countries: readonly Country[], names: FormerNames | undefined): SearchIndex {
  const index: SearchIndex = {
    keys: [],
    codes: new Map(),
    byStart: new Map(),
    byPair: new Map(),
    byLength: [],
    exact: new Map(),
    formerByName: new Map(),
    ambiguousByName: new Map(),
  };
  /** Adds a search key and returns the text's exact-map key (normalised, no spaces, Hangul as written). */
  const add = (country: Country, text: string, isCode: boolean, isName: boolean, isFormer = false): string => {
    const normalized = normalizeName(text);
    const plain = normalized.replace(/ /g, '');
    if (!plain) return plain;
    const compact = soundLetters(plain);
    index.keys.push({
      country,
      compact,
      letters: sortLetters(compact),
      counts: letterCounts(compact),
      words: normalized.split(' ').map(soundLetters),
      isCode,
      isName,
      isFormer,
    });
    return plain;
  };
  // Codes and names win over aliases that happen to be spelled the same.
  const aliases: [string, Country][] = [];
  for (const country of countries) {
    for (const [text, isCode] of [
      [country.code, true],
      [country.alpha3, true],
      [country.name.en, false],
      [country.name.ko, false],
    ] as const) {
      const plain = add(country, text, isCode, !isCode);
      if (plain && !index.exact.has(plain)) index.exact.set(plain, country);
    }
    for (const alias of country.aliases) aliases.push([add(country, alias, false, false), country]);
  }
  for (const [plain, country] of aliases) if (plain && !index.exact.has(plain)) index.exact.set(plain, country);
  // Former names still help people find today's states while typing ("USSR" offers Russia).
  for (const former of names?.former ?? []) {
    for (const name of former.names) {
      for (const country of former.now) index.formerByName.set(add(country, name, false, false, true), former);
    }
  }
  for (const entry of names?.ambiguous ?? [])
    for (const name of entry.names) index.ambiguousByName.set(exactKey(name), entry.countries);
  const file = (map: Map<string, Key[]>, text: string, key: Key): void => {
    const list = map.get(text);
    if (!list) map.set(text, [key]);
    else if (list.at(-1) !== key) list.push(key);
  };
  for (const key of index.keys) {
    if (key.isCode) {
      file(index.codes, key.compact, key);
      continue;
    }
    (index.byLength[key.compact.length] ??= []).push(key);
    for (const start of new Set([key.compact.charAt(0), ...key.words.map((word) => word.charAt(0))]))
      file(index.byStart, start, key);
    for (let i = 0; i + 1 < key.compact.length; i++) file(index.byPair, key.compact.slice(i, i + 2), key);
  }
  return index;
}

const noKeys: Key[] = [];

export class CountrySearch {
  /** People type the same beginnings ("s", "sy", "syr") over and over; answers are kept for the last 2,000. */
  private readonly recent = new RecentlyUsed<readonly Match[]>(2000);
  /** What texts typed lately meant: the same value asked again skips the typo checks, which scan every name. */
  private readonly resolved = new RecentlyUsed<Resolution>(2000);
  private built?: SearchIndex;
  private readonly orders = new Map<Language, ReadonlyMap<Country, number>>();

  constructor(
    private readonly countries: readonly Country[],
    private readonly names?: FormerNames,
  ) {}

  /** Built on the first search, not at start-up: until someone types a country, the bot does not need it. */
  private get index(): SearchIndex {
    return (this.built ??= buildIndex(this.countries, this.names));
  }

  private scoreKey(
    key: Key,
    query: string,
    queryWords: string[],
    queryLetters: string,
    queryCounts: Int8Array,
  ): number {
    const score = this.matchScore(key, query, queryWords, queryLetters, queryCounts);
    return key.isFormer && score > 0 ? score - formerPenalty : score;
  }

  private matchScore(
    key: Key,
    query: string,
    queryWords: string[],
    queryLetters: string,
    queryCounts: Int8Array,
  ): number {
    const { compact } = key;
    if (key.isCode) return compact === query ? 1000 : 0;
    if (compact === query) return key.isName ? 910 : 900;
    if (compact.startsWith(query)) return 800 - Math.min(compact.length - query.length, 50);
    if (wordsArePrefixes(queryWords, key.words)) return 700 - Math.min(compact.length - query.length, 50);
    if (query.length >= 3 && compact.includes(query)) return 600 - Math.min(compact.length - query.length, 50);
    const allowance = typoAllowance(query.length);
    if (allowance === 0) return 0;
    const whole =
      Math.abs(compact.length - query.length) > allowance || countsLowerBound(queryCounts, key.counts) > allowance
        ? allowance + 1
        : editDistance(query, compact, allowance);
    // A typo in a name typed only in part: compare with the name's start, when the first letter agrees.
    const start =
      compact.length > query.length && compact.charCodeAt(0) === query.charCodeAt(0)
        ? editDistance(query, compact, allowance, query.length)
        : allowance + 1;
    const scrambled = key.letters === queryLetters ? 1 : allowance + 1;
    const distance = Math.min(whole, start + 1, scrambled);
    return distance <= allowance ? 500 - distance * 50 - Math.min(Math.abs(compact.length - query.length), 40) : 0;
  }

  /** Best matches first, one per country. An empty query lists countries alphabetically in the given language. */
  search(text: string, limit = 25, language: Language = 'en'): readonly Match[] {
    const query = normalizeName(text);
    return this.recent.getOrMake(`${limit}:${language}:${query}`, () => this.rank(query, limit, language));
  }

  private rank(query: string, limit: number, language: Language): Match[] {
    if (!query) {
      const collator = nameCollator(language);
      return [...this.countries]
        .sort((a, b) => collator.compare(a.name[language], b.name[language]))
        .slice(0, limit)
        .map((country) => ({ country, score: 0 }));
    }
    const compactQuery = soundLetters(query.replace(/ /g, ''));
    const queryWords = query.split(' ').map(soundLetters);
    const queryLetters = sortLetters(compactQuery);
    const queryCounts = letterCounts(compactQuery);
    const best = new Map<Country, number>();
    for (const keys of this.candidates(compactQuery)) {
      for (const key of keys) {
        const score = this.scoreKey(key, compactQuery, queryWords, queryLetters, queryCounts);
        if (score > (best.get(key.country) ?? 0)) best.set(key.country, score);
      }
    }
    const order = this.nameOrder(language);
    return [...best]
      .map(([country, score]) => ({ country, score }))
      .sort((a, b) => b.score - a.score || (order.get(a.country) ?? 1e9) - (order.get(b.country) ?? 1e9))
      .slice(0, limit);
  }

  /**
   * The only keys that can score for a query (see matchScore): a code typed whole; names that start with its first
   * letter (the start of a name, of a word, or of a typo in a name's start); from 3 letters, names holding its
   * first two; and when typos are allowed, names whose length is within the allowance (a whole-name typo or
   * scrambled letters). The lists may overlap: a key scored twice keeps its score.
   */
  private candidates(query: string): Key[][] {
    const { codes, byStart, byPair, byLength } = this.index;
    // The first typed word starts with the query's first letter too (a word of only a silent ㅇ matches nothing).
    const lists = [codes.get(query) ?? noKeys, byStart.get(query.charAt(0)) ?? noKeys];
    if (query.length >= 3) lists.push(byPair.get(query.slice(0, 2)) ?? noKeys);
    const allowance = typoAllowance(query.length);
    for (let length = Math.max(1, query.length - allowance); length <= query.length + allowance; length++)
      lists.push(byLength[length] ?? noKeys);
    return lists;
  }

  /** Each country's place in the alphabetical order of the reader's language, for ties. */
  private nameOrder(language: Language): ReadonlyMap<Country, number> {
    let order = this.orders.get(language);
    if (!order) {
      const collator = nameCollator(language);
      const sorted = [...this.countries].sort((a, b) => collator.compare(a.name[language], b.name[language]));
      order = new Map(sorted.map((country, place) => [country, place]));
      this.orders.set(language, order);
    }
    return order;
  }

  /**
   * What a typed value means: one country, a former or dissolved state, several equally good, or nothing close
   * enough to pick (with the nearest names, closest first). A typo is only answered without asking when it is one
   * letter off and clearly ahead of every other name: "Persia" must never silently become Serbia.
   */
  resolve(text: string, suggestionCount = 5): Resolution {
    return this.resolved.getOrMake(`${suggestionCount}:${text}`, () => this.resolveNow(text, suggestionCount));
  }

  private resolveNow(text: string, suggestionCount: number): Resolution {
    const key = exactKey(text);
    const { ambiguousByName, exact: exactNames, formerByName } = this.index;
    const ambiguous = ambiguousByName.get(key);
    if (ambiguous) return { kind: 'ambiguous', suggestions: [...ambiguous] };
    const exact = exactNames.get(key);
    if (exact) return { kind: 'found', country: exact };
    const former = formerByName.get(key);
    if (former) {
      return former.kind === 'dissolved'
        ? { kind: 'dissolved', former, suggestions: [...former.now] }
        : { kind: 'found', country: former.now[0]!, former };
    }
    const matches = this.search(text, suggestionCount + 1).filter((match) => match.score > 0);
    const [top, second] = matches;
    if (!top) return { kind: 'unknown', suggestions: this.nearest(text, suggestionCount) };
    if (top.score >= wholeOrPartScore) {
      if (!second || top.score - second.score >= clearLead) return { kind: 'found', country: top.country };
      const close = matches.filter((match) => top.score - match.score < 50 + clearLead);
      return { kind: 'ambiguous', suggestions: close.slice(0, suggestionCount).map((match) => match.country) };
    }
    // Only typos are left: rank them by how much of each name is wrong, and pick one only when it is clear.
    const query = soundLetters(key);
    const typos = matches
      .map((match) => ({ country: match.country, ...this.typoDistance(match.country, query) }))
      .sort((x, y) => x.share - y.share || x.distance - y.distance);
    const [best, next] = typos;
    if (best && best.distance <= 1 && (!next || next.share - best.share >= typoLead))
      return { kind: 'found', country: best.country };
    return { kind: 'unknown', suggestions: typos.slice(0, suggestionCount).map((typo) => typo.country) };
  }

  /** How far a typed text is from the nearest of a country's names: letters wrong, and their share of the name. */
  private typoDistance(country: Country, query: string): { distance: number; share: number } {
    let best = { distance: Infinity, share: Infinity };
    const letters = sortLetters(query);
    for (const key of this.index.keys) {
      if (key.country !== country || key.isCode) continue;
      const whole =
        key.letters === letters
          ? Math.min(1, editDistance(query, key.compact, 1))
          : editDistance(query, key.compact, 4);
      const prefix =
        key.compact.length > query.length ? editDistance(query, key.compact, 4, query.length) + 1 : Infinity;
      const distance = Math.min(whole, prefix);
      const share = distance / Math.max(key.compact.length, query.length);
      if (distance < best.distance || (distance === best.distance && share < best.share)) best = { distance, share };
    }
    return best;
  }

  /** The closest names however far, for "did you mean" when nothing matched. */
  private nearest(text: string, count: number): Country[] {
    const query = soundLetters(normalizeName(text).replace(/ /g, ''));
    if (!query) return [];
    const best = new Map<Country, number>();
    for (const key of this.index.keys) {
      if (key.isCode) continue;
      const distance = editDistance(query, key.compact.slice(0, Math.max(query.length, 1) + 2), 99);
      if (distance < (best.get(key.country) ?? Infinity)) best.set(key.country, distance);
    }
    return [...best]
      .sort((a, b) => a[1] - b[1] || a[0].name.en.localeCompare(b[0].name.en))
      .slice(0, count)
      .map(([country]) => country);
  }
}
