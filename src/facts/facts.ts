// The loaded, validated facts, with the look-ups the rest of the bot asks of them.
import type { Country } from './countries.js';
import type { PartialDate } from './partial-date.js';
import { pairKey, statusSince, wasRestored, type Relation, type RelationAnswer } from './relations.js';

export class Facts {
  readonly countries: readonly Country[];
  readonly unMembers: readonly Country[];
  private readonly byCode = new Map<string, Country>();
  private readonly byPair = new Map<string, Relation>();
  private readonly byCountry = new Map<string, Relation[]>();

  constructor(countries: readonly Country[], relations: readonly Relation[], readonly asOf: PartialDate) {
    this.countries = countries;
    this.unMembers = countries.filter((country) => country.unMember);
    for (const country of countries) {
      this.byCode.set(country.code, country);
      this.byCode.set(country.alpha3, country);
    }
    for (const relation of relations) {
      this.byPair.set(pairKey(...relation.pair), relation);
      for (const code of relation.pair) {
        const list = this.byCountry.get(code) ?? [];
        list.push(relation);
        this.byCountry.set(code, list);
      }
    }
  }

  /** By alpha-2 or alpha-3 code, any case. */
  country(code: string): Country | undefined {
    return this.byCode.get(code.toUpperCase());
  }

  relationBetween(a: Country, b: Country): RelationAnswer {
    if (a.code === b.code) return { kind: 'same-country', a };
    const relation = this.byPair.get(pairKey(a.code, b.code));
    if (!relation) return { kind: 'unknown', a, b };
    return { kind: 'known', a, b, relation, statusSince: statusSince(relation), restored: wasRestored(relation) };
  }

  /** Every recorded relation of a country, with the partner named. */
  relationsOf(country: Country): { partner: Country; relation: Relation }[] {
    return (this.byCountry.get(country.code) ?? []).map((relation) => {
      const partnerCode = relation.pair[0] === country.code ? relation.pair[1] : relation.pair[0];
      return { partner: this.byCode.get(partnerCode)!, relation };
    });
  }
}
