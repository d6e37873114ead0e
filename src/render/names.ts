// Country names as sentences need them. English writes some with "the" (the United States, the Holy See), and
// "The" at the start of a line; Korean names stand alone, their particles chosen by the strings.
import type { Country } from '../facts/countries.js';
import type { Language } from './i18n.js';

/** Where the name stands: first in its sentence or line, or within it. */
export type Position = 'start' | 'mid';

/** "the United States", "The Netherlands" at the start, "Japan"; in Korean the name as it is. */
export function nameIn(country: Country, language: Language, position: Position = 'mid'): string {
  const name = country.name[language];
  if (language !== 'en' || !country.article) return name;
  return `${position === 'start' ? 'The' : 'the'} ${name}`;
}

/** The flag and the name, as `nameIn` writes it. */
export function labelIn(country: Country, language: Language, position: Position = 'mid'): string {
  return `${country.flag} ${nameIn(country, language, position)}`;
}

/**
 * Whose it is: "Japan's", "the Holy See's", and a bare apostrophe after a plural name ("the United States'",
 * "the Philippines'"). Korean puts the name before the noun with no mark ("미국 목록"), so it is the name alone.
 */
export function ownerOf(country: Country, language: Language, position: Position = 'mid'): string {
  const name = nameIn(country, language, position);
  if (language !== 'en') return name;
  return country.article && country.name.en.endsWith('s') ? `${name}'` : `${name}'s`;
}
