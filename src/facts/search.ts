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

/** Optimal string alignment distance (Levenshtein plus adjacent swaps), giving up past `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array<number>(b.length + 1);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

function sortLetters(text: string): string {
  return [...text].sort().join('');
}

function typoAllowance(length: number): number {
  return length < 4 ? 0 : length < 9 ? 2 : 3;
}

export class CountrySearch {
  private readonly keys: Key[] = [];

  constructor(private readonly countries: readonly Country[]) {
    for (const country of countries) {
      const add = (text: string, isCode: boolean, isName: boolean) => {
        const normalized = normalizeName(text);
        if (!normalized) return;
        const compact = normalized.replace(/ /g, '');
        this.keys.push({ country, compact, letters: sortLetters(compact), words: normalized.split(' '), isCode, isName });
      };
      add(country.code, true, false);
      add(country.alpha3, true, false);
      add(country.name.en, false, true);
      add(country.name.ko, false, true);
      for (const alias of country.aliases) add(alias, false, false);
    }
  }

  private scoreKey(key: Key, query: string, queryWords: string[], queryLetters: string): number {
    const { compact } = key;
    if (key.isCode) return compact === query ? 1000 : 0;
    if (compact === query) return key.isName ? 910 : 900;
    if (compact.startsWith(query)) return 800 - Math.min(compact.length - query.length, 50);
    const wordPrefix = queryWords.every((word) => key.words.some((keyWord) => keyWord.startsWith(word)));
    if (wordPrefix) return 700 - Math.min(compact.length - query.length, 50);
    if (query.length >= 3 && compact.includes(query)) return 600 - Math.min(compact.length - query.length, 50);
    const allowance = typoAllowance(query.length);
    if (allowance === 0) return 0;
    const whole = editDistance(query, compact, allowance);
    const start = compact.length > query.length ? editDistance(query, compact.slice(0, query.length), allowance) : whole;
    const scrambled = key.letters === queryLetters ? 1 : allowance + 1;
    const distance = Math.min(whole, start + 1, scrambled);
    return distance <= allowance ? 500 - distance * 50 - Math.min(Math.abs(compact.length - query.length), 40) : 0;
  }

  /** Best matches first, one per country. An empty query lists countries alphabetically in the given language. */
  search(text: string, limit = 25, language: Language = 'en'): Match[] {
    const query = normalizeName(text);
    if (!query) {
      return [...this.countries]
        .sort((a, b) => a.name[language].localeCompare(b.name[language], language))
        .slice(0, limit)
        .map((country) => ({ country, score: 0 }));
    }
    const compactQuery = query.replace(/ /g, '');
    const queryWords = query.split(' ');
    const queryLetters = sortLetters(compactQuery);
    const best = new Map<Country, number>();
    for (const key of this.keys) {
      const score = this.scoreKey(key, compactQuery, queryWords, queryLetters);
      if (score > (best.get(key.country) ?? 0)) best.set(key.country, score);
    }
    return [...best]
      .map(([country, score]) => ({ country, score }))
      .sort((a, b) => b.score - a.score || a.country.name.en.localeCompare(b.country.name.en))
      .slice(0, limit);
  }

  /** What a typed value means: one country, several equally good, or nothing (with the nearest names). */
  resolve(text: string, suggestionCount = 5): Resolution {
    const matches = this.search(text, suggestionCount + 1);
    const [top, second] = matches;
    if (top && top.score > 0 && (top.score >= 900 || !second || top.score > second.score)) {
      return { kind: 'found', country: top.country };
    }
    if (top && top.score > 0) return { kind: 'ambiguous', suggestions: matches.filter((m) => m.score > 0).slice(0, suggestionCount).map((m) => m.country) };
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
