// Finding a country from what a person typed: codes, English and Korean names, aliases, any case,
// with or without diacritics, with small typos. Built once at start-up; each query is a scan of ~1,500 keys.
import type { Country, Language } from './countries.js';

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

interface Key {
  country: Country;
  compact: string;
  /** The letters sorted, to treat scrambled letters ("sirya") as one typo. */
  letters: string;
  counts: Int8Array;
  words: string[];
  isCode: boolean;
  isName: boolean;
}

export interface Match {
  country: Country;
  score: number;
}

export type Resolution =
  | { kind: 'found'; country: Country }
  | { kind: 'ambiguous' | 'unknown'; suggestions: Country[] };

// Rows of the distance table, reused across calls: a search computes hundreds of distances and should not
// allocate for each.
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Optimal string alignment distance (Levenshtein plus adjacent swaps) between `a` and the first `bLength`
 * characters of `b`, giving up (returning limit + 1) as soon as it must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit: number, bLength = b.length): number {
  if (Math.abs(a.length - bLength) > limit) return limit + 1;
  if (rows[0]!.length <= bLength) rows = [new Int32Array(bLength * 2), new Int32Array(bLength * 2), new Int32Array(bLength * 2)];
  let [before, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= bLength; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowBest = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= bLength; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) value = Math.min(value, before[j - 2]! + 1);
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

function sortLetters(text: string): string {
  return [...text].sort().join('');
}

function typoAllowance(length: number): number {
  return length < 4 ? 0 : length < 9 ? 2 : 3;
}

/** A bounded map that forgets the least recently used entry first. */
class RecentlyUsed<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}

export class CountrySearch {
  /** People type the same beginnings ("s", "sy", "syr") over and over; answers are kept for the last 2,000. */
  private readonly recent = new RecentlyUsed<readonly Match[]>(2000);
  private readonly keys: Key[] = [];
  /** Every code, name and alias, normalised: what most typed values are, found without a scan. */
  private readonly exact = new Map<string, Country>();

  constructor(private readonly countries: readonly Country[]) {
    for (const country of countries) {
      const add = (text: string, isCode: boolean, isName: boolean) => {
        const normalized = normalizeName(text);
        if (!normalized) return;
        const compact = normalized.replace(/ /g, '');
        this.keys.push({ country, compact, letters: sortLetters(compact), counts: letterCounts(compact), words: normalized.split(' '), isCode, isName });
      };
      add(country.code, true, false);
      add(country.alpha3, true, false);
      add(country.name.en, false, true);
      add(country.name.ko, false, true);
      for (const alias of country.aliases) add(alias, false, false);
    }
    // Codes and names win over aliases that happen to be spelled the same ("Congo" is a name and an alias).
    for (const key of this.keys) if ((key.isCode || key.isName) && !this.exact.has(key.compact)) this.exact.set(key.compact, key.country);
    for (const key of this.keys) if (!this.exact.has(key.compact)) this.exact.set(key.compact, key.country);
  }

  private scoreKey(key: Key, query: string, queryWords: string[], queryLetters: string, queryCounts: Int8Array): number {
    const { compact } = key;
    if (key.isCode) return compact === query ? 1000 : 0;
    if (compact === query) return key.isName ? 910 : 900;
    if (compact.startsWith(query)) return 800 - Math.min(compact.length - query.length, 50);
    const wordPrefix = queryWords.every((word) => key.words.some((keyWord) => keyWord.startsWith(word)));
    if (wordPrefix) return 700 - Math.min(compact.length - query.length, 50);
    if (query.length >= 3 && compact.includes(query)) return 600 - Math.min(compact.length - query.length, 50);
    const allowance = typoAllowance(query.length);
    if (allowance === 0) return 0;
    const whole = countsLowerBound(queryCounts, key.counts) > allowance ? allowance + 1 : editDistance(query, compact, allowance);
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
    const cacheKey = `${limit}:${language}:${query}`;
    const cached = this.recent.get(cacheKey);
    if (cached) return cached;
    const matches = this.rank(query, limit, language);
    this.recent.set(cacheKey, matches);
    return matches;
  }

  private rank(query: string, limit: number, language: Language): Match[] {
    if (!query) {
      return [...this.countries]
        .sort((a, b) => a.name[language].localeCompare(b.name[language], language))
        .slice(0, limit)
        .map((country) => ({ country, score: 0 }));
    }
    const compactQuery = query.replace(/ /g, '');
    const queryWords = query.split(' ');
    const queryLetters = sortLetters(compactQuery);
    const queryCounts = letterCounts(compactQuery);
    const best = new Map<Country, number>();
    for (const key of this.keys) {
      const score = this.scoreKey(key, compactQuery, queryWords, queryLetters, queryCounts);
      if (score > (best.get(key.country) ?? 0)) best.set(key.country, score);
    }
    return [...best]
      .map(([country, score]) => ({ country, score }))
      .sort((a, b) => b.score - a.score || a.country.name.en.localeCompare(b.country.name.en))
      .slice(0, limit);
  }

  /** What a typed value means: one country, several equally good, or nothing (with the nearest names). */
  resolve(text: string, suggestionCount = 5): Resolution {
    const exact = this.exact.get(normalizeName(text).replace(/ /g, ''));
    if (exact) return { kind: 'found', country: exact };
    const matches = this.search(text, suggestionCount + 1);
    const [top, second] = matches;
    // Exact, alone, or clearly ahead (a whole tier or a typo's worth): "Saint" alone fits three names about equally.
    if (top && top.score > 0 && (top.score >= 900 || !second || second.score === 0 || top.score - second.score >= 40)) {
      return { kind: 'found', country: top.country };
    }
    if (top && top.score > 0) {
      const close = matches.filter((match) => match.score > 0 && top.score - match.score < 50);
      return { kind: 'ambiguous', suggestions: close.slice(0, suggestionCount).map((match) => match.country) };
    }
    return { kind: 'unknown', suggestions: this.nearest(text, suggestionCount) };
  }

  /** The closest names however far, for "did you mean" when nothing matched. */
  private nearest(text: string, count: number): Country[] {
    const query = normalizeName(text).replace(/ /g, '');
    if (!query) return [];
    const best = new Map<Country, number>();
    for (const key of this.keys) {
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
