// Small hand-made worlds for unit tests: countries by code, relations with only what a test sets, and the Facts of
// them. Every code is a UN member unless the test says otherwise.
import type { Country } from '../../src/facts/countries.js';
import { Facts } from '../../src/facts/facts.js';
import { parsePartialDate } from '../../src/facts/partial-date.js';
import type { Relation, RelationEvent } from '../../src/facts/relations.js';

export const country = (code: string, unMember = true): Country => ({
  code,
  alpha3: `${code}Q`,
  name: { en: code, ko: code },
  aliases: [],
  flag: '',
  unMember,
});

/** Relations established on that date, in force, high confidence, with one source; `changes` override any field. */
export function relation(a: string, b: string, established: string | null, changes: Partial<Relation> = {}): Relation {
  return {
    pair: [a, b],
    status: 'established',
    established: established === null ? null : parsePartialDate(established),
    events: [],
    sources: [`https://example.org/${a}-${b}`],
    confidence: 'high',
    file: 'test',
    asOf: parsePartialDate('2026-01'),
    ...changes,
  };
}

export const event = (
  kind: RelationEvent['kind'],
  date: string,
  changes: Partial<RelationEvent> = {},
): RelationEvent => ({
  kind,
  date: parsePartialDate(date),
  ...changes,
});

/** The facts of these relations alone: every code in them, UN members except those in `outsideUn`. */
export function world(relations: Relation[], asOf = '2026-01', outsideUn: string[] = []): Facts {
  const codes = [...new Set(relations.flatMap((entry) => entry.pair))].sort();
  return Facts.of(
    codes.map((code) => country(code, !outsideUn.includes(code))),
    relations,
    parsePartialDate(asOf),
  );
}
