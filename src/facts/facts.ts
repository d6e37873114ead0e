// The loaded, validated facts, with the look-ups the rest of the bot asks of them.
import type { Country } from './countries.js';
import { FormerNames } from './former-names.js';
import type { PartialDate } from './partial-date.js';
import { RecentlyUsed } from './recently-used.js';
import { SourceBook } from './sources.js';
import { pairKey, statusSince, wasRestored, type Relation, type RelationAnswer } from './relations.js';

/** Where pairs nobody checked by hand come from: the world layer (see world-table.ts). */
export interface PairLookup {
  relation(a: string, b: string): Relation | undefined;
}

const noPairs: PairLookup = { relation: () => undefined };

export class Facts {
  readonly countries: readonly Country[];
  readonly unMembers: readonly Country[];
  private readonly byCode = new Map<string, Country>();
  /** Answers given lately, by ordered pair: the same answer object again, so what is drawn from it can be kept. */
  private readonly answers = new RecentlyUsed<RelationAnswer>(4096);

  constructor(
    countries: readonly Country[],
    /** Every pair, from each country's own list: the layer under everything else. */
    private readonly world: PairLookup,
    /** Curated rows and pairs the events layer changed, by pairKey: these win over the world layer. */
    private readonly overrides: ReadonlyMap<string, Relation>,
    /** The newest date any fact is current to. */
    readonly asOf: PartialDate,
    readonly names: FormerNames = FormerNames.empty(),
    /** Publishers' names for labelling links, and the domains never to cite. */
    readonly sources: SourceBook = SourceBook.empty(),
  ) {
    this.countries = countries;
    this.unMembers = countries.filter((country) => country.unMember);
    for (const country of countries) {
      this.byCode.set(country.code, country);
      this.byCode.set(country.alpha3, country);
    }
  }

  /** Facts from a list of relations alone (no world layer): for small, hand-made worlds. */
  static of(countries: readonly Country[], relations: readonly Relation[], asOf: PartialDate): Facts {
    return new Facts(
      countries,
      noPairs,
      new Map(relations.map((relation) => [pairKey(...relation.pair), relation])),
      asOf,
    );
  }

  /** By alpha-2 or alpha-3 code, any case. */
  country(code: string): Country | undefined {
    return this.byCode.get(code.toUpperCase());
  }

  /** The relation on record for a pair: curated or researched where we have it, else the world layer's. */
  relation(a: string, b: string): Relation | undefined {
    return this.overrides.get(pairKey(a, b)) ?? this.world.relation(a, b);
  }

  /** The answer for a pair in the order asked. The facts never change while the bot runs: asked again, the same object. */
  relationBetween(a: Country, b: Country): RelationAnswer {
    return this.answers.getOrMake(`${a.code}>${b.code}`, () => this.answerFor(a, b));
  }

  private answerFor(a: Country, b: Country): RelationAnswer {
    if (a.code === b.code) return { kind: 'same-country', a };
    const relation = this.relation(a.code, b.code);
    if (!relation) return { kind: 'unknown', a, b };
    return { kind: 'known', a, b, relation, statusSince: statusSince(relation), restored: wasRestored(relation) };
  }

  /** Every relation of a country, with the partner named: one per other state. */
  relationsOf(country: Country): { partner: Country; relation: Relation }[] {
    const result: { partner: Country; relation: Relation }[] = [];
    for (const partner of this.countries) {
      if (partner.code === country.code) continue;
      const relation = this.relation(country.code, partner.code);
      if (relation) result.push({ partner, relation });
    }
    return result;
  }

  /** Every pair once, in code order: 19,900 relations made on the way, so callers should keep what they need. */
  *allRelations(): Generator<{ a: Country; b: Country; relation: Relation }> {
    for (let i = 0; i < this.countries.length; i++) {
      for (let j = i + 1; j < this.countries.length; j++) {
        const a = this.countries[i]!;
        const b = this.countries[j]!;
        const relation = this.relation(a.code, b.code);
        if (relation) yield relation.pair[0] === a.code ? { a, b, relation } : { a: b, b: a, relation };
      }
    }
  }

  /** The relations the curated files and the events layer hold: the pairs someone checked by hand. */
  researchedRelations(): Iterable<Relation> {
    return this.overrides.values();
  }
}
