// What a quiz question is: generated from the facts, never written by hand. Plain values only; the render layer
// turns them into words in the player's language.
import type { Country } from '../facts/countries.js';
import type { PartialDate } from '../facts/partial-date.js';

export type Difficulty = 'easy' | 'medium' | 'hard';

/** One of the four answers: a country, a pair of countries, or a period (a decade or a year). */
export type Choice =
  | { kind: 'country'; country: Country }
  | { kind: 'pair'; a: Country; b: Country }
  | { kind: 'decade'; decade: number }
  | { kind: 'year'; year: number };

/**
 * The question's kind and the values its sentence needs. `base` is South Korea or North Korea, or for
 * no-relations and most-recent any well-known state (the world layer covers its every pair).
 */
export type Prompt =
  | { kind: 'established-in-year'; base: Country; year: number } // Which country established relations with {base} in {year}?
  | { kind: 'decade-of'; base: Country; partner: Country } // In which decade did {partner} and {base} establish relations?
  | { kind: 'year-of'; base: Country; partner: Country } // In which year did {partner} and {base} establish relations?
  | { kind: 'no-relations'; base: Country } // Which of these countries has no diplomatic relations with {base}?
  | { kind: 'severed'; base: Country } // Which of these countries' relations with {base} were severed (and when: in the explanation)?
  | { kind: 'most-recent'; base: Country } // Which of these countries established relations with {base} most recently?
  | { kind: 'restored-in-year'; year: number }; // Which of these pairs restored diplomatic relations in {year}?

/** Why the right answer is right, as facts: the pair and the date that decide it. */
export interface Explanation {
  base: Country;
  partner: Country;
  /** What happened: established, severed, restored, or none (no relations). */
  status: 'established' | 'severed' | 'restored' | 'none';
  date: PartialDate | null;
  sources: readonly string[];
}

export interface Question {
  prompt: Prompt;
  /** Exactly four, all distinct. */
  choices: readonly Choice[];
  /** Index into choices of the one right answer. */
  answer: number;
  explanation: Explanation;
  difficulty: Difficulty;
}
