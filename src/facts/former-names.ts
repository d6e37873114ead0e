// Names people still use for states that were renamed, succeeded or dissolved, and names that fit several states.
import type { Country } from './countries.js';
import { parsePartialDate, type PartialDate } from './partial-date.js';
import type { z } from 'zod';
import type { namesFileSchema } from './schema.js';

export type NamesFile = z.infer<typeof namesFileSchema>;

export interface FormerName {
  /** Every spelling that means it, in any language. */
  names: readonly string[];
  label: { en: string; ko: string };
  kind: 'renamed' | 'successor' | 'dissolved';
  /** renamed / successor: the one state answered for; dissolved: the states it became. */
  now: readonly Country[];
  until: PartialDate;
  source: string;
}

export interface AmbiguousName {
  names: readonly string[];
  countries: readonly Country[];
}

export class FormerNames {
  readonly former: readonly FormerName[];
  readonly ambiguous: readonly AmbiguousName[];

  constructor(file: NamesFile, countries: readonly Country[]) {
    const byCode = new Map(countries.map((country) => [country.code, country]));
    const lookup = (code: string) => byCode.get(code)!;
    this.former = file.former.map((entry) => ({
      names: entry.names,
      label: entry.label,
      kind: entry.kind,
      now: entry.now.map(lookup),
      until: parsePartialDate(entry.until),
      source: entry.source,
    }));
    this.ambiguous = file.ambiguous.map((entry) => ({ names: entry.names, countries: entry.codes.map(lookup) }));
  }

  static empty(): FormerNames {
    return new FormerNames({ description: 'none', former: [], ambiguous: [] }, []);
  }
}
