// What the benchmark types: varied /relations values, autocomplete partials and search queries, all drawn from
// data/countries.json, in a fixed pseudo-random order so every run and both bots get the same load.
import type { Country } from '../src/facts/countries.js';
import { seededRandom, shuffle } from '../src/quiz/random.js';

/** The items in a fixed pseudo-random order (the quiz's seeded generator), the same for every run and both bots. */
export function shuffled<T>(items: readonly T[], seed = 1): T[] {
  return shuffle(seededRandom(seed), items);
}

/** `count` items, cycling through `items`. */
export function cycle<T>(items: readonly T[], count: number): T[] {
  return Array.from({ length: count }, (_, i) => items[i % items.length]!);
}

/** Small typing mistakes of a word: two letters swapped, one dropped, one replaced. */
export function typosOf(word: string): string[] {
  const chars = [...word];
  if (chars.length < 4) return [];
  const mid = Math.floor(chars.length / 2);
  const swapped = [...chars];
  [swapped[mid - 1], swapped[mid]] = [swapped[mid]!, swapped[mid - 1]!];
  const dropped = chars.filter((_, i) => i !== mid);
  const replaced = chars.map((c, i) => (i === mid ? (c === 'x' ? 'q' : 'x') : c));
  return [swapped.join(''), dropped.join(''), replaced.join('')];
}

function prefixes(text: string, from = 1): string[] {
  const chars = [...text];
  return Array.from({ length: Math.max(0, chars.length - from + 1) }, (_, i) => chars.slice(0, from + i).join(''));
}

function namesOf(country: Country): string[] {
  return [country.name.en, country.name.ko, ...country.aliases];
}

/** Values of `country:` for /relations: names, codes, Korean names, aliases, lower case and typos. */
export function relationValues(countries: readonly Country[]): string[] {
  const values = countries.flatMap((c) => [
    c.name.en,
    c.code,
    c.alpha3,
    c.name.ko,
    c.name.en.toLowerCase(),
    ...(c.aliases[0] ? [c.aliases[0]] : []),
    ...typosOf(c.name.en.toLowerCase()).slice(0, 1),
  ]);
  return shuffled(values, 7);
}

/** What a person has typed so far when Discord asks for choices: short prefixes, codes, and prefixes with a typo. */
export function autocompletePartials(countries: readonly Country[]): string[] {
  const values = countries.flatMap((c) => [
    ...prefixes(c.name.en, 1).slice(0, 6),
    ...prefixes(c.name.ko, 1).slice(0, 2),
    c.code.toLowerCase(),
    ...typosOf(c.name.en.slice(0, 6).toLowerCase()).slice(0, 1),
  ]);
  return shuffled(values, 11);
}

export interface SearchQueries {
  /** Every code, name and alias as written. */
  exact: string[];
  /** Every prefix of every name and alias. */
  prefixes: string[];
  /** Typing mistakes of every name and alias (and of their first 6 letters). */
  typos: string[];
}

export function searchQueries(countries: readonly Country[]): SearchQueries {
  const names = countries.flatMap(namesOf);
  return {
    exact: [...countries.flatMap((c) => [c.code, c.alpha3]), ...names],
    prefixes: names.flatMap((n) => prefixes(n, 1)),
    typos: names.flatMap((n) => [...typosOf(n.toLowerCase()), ...typosOf([...n.toLowerCase()].slice(0, 6).join(''))]),
  };
}
