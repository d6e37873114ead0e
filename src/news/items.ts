// News items: loaded from data/news.json, checked against the facts, newest first.
import { join } from 'node:path';
import type { Country } from '../facts/countries.js';
import type { Facts } from '../facts/facts.js';
import { DataError, describeIssues, readJson } from '../facts/load.js';
import { comparePartialDates, parsePartialDate, type PartialDate } from '../facts/partial-date.js';
import { countryProfile, type CountryProfile } from '../facts/profile.js';
import type { RelationAnswer } from '../facts/relations.js';
import { normalizeName } from '../facts/search.js';
import { newsFileSchema, newsItemSchema, type KeyFact } from './schema.js';

export interface NewsItem {
  id: string;
  date: PartialDate;
  headline: { en: string; ko: string };
  points: { en: string; ko: string }[];
  countries: Country[];
  keyFacts: KeyFact[];
  sources: { name: string; url: string }[];
}

/** A key fact as the data says it today. */
export type ResolvedKeyFact =
  { kind: 'un-coverage'; profile: CountryProfile } | { kind: 'relation'; answer: RelationAnswer };

export class NewsDesk {
  /** Newest first. */
  readonly items: readonly NewsItem[];
  private readonly byId: Map<string, NewsItem>;

  constructor(
    items: NewsItem[],
    private readonly facts: Facts,
  ) {
    this.items = [...items].sort((a, b) => comparePartialDates(b.date, a.date) || a.id.localeCompare(b.id));
    this.byId = new Map(this.items.map((item) => [item.id, item]));
    for (const item of this.items) {
      const countries = item.countries
        .map((country) => `${country.name.en} ${country.name.ko} ${country.code}`)
        .join(' ');
      this.searchText.set(item, normalizeName(`${item.headline.en} ${item.headline.ko} ${item.date.iso} ${countries}`));
    }
  }

  /** What /news item: searches in: headline (both languages), date, and the countries' names and codes. */
  private readonly searchText = new Map<NewsItem, string>();

  get latest(): NewsItem | undefined {
    return this.items[0];
  }

  item(id: string): NewsItem | undefined {
    return this.byId.get(id);
  }

  /** Items whose headline, date or countries (names in either language, codes) contain every typed word, newest first. */
  searchHeadlines(query: string, limit = 25): NewsItem[] {
    const words = normalizeName(query).split(' ').filter(Boolean);
    return this.items
      .filter((item) => words.every((word) => this.searchText.get(item)!.includes(word)))
      .slice(0, limit);
  }

  keyFacts(item: NewsItem): ResolvedKeyFact[] {
    return item.keyFacts.map((fact) =>
      fact.kind === 'un-coverage'
        ? { kind: fact.kind, profile: countryProfile(this.facts, this.facts.country(fact.country)!) }
        : {
            kind: fact.kind,
            answer: this.facts.relationBetween(this.facts.country(fact.a)!, this.facts.country(fact.b)!),
          },
    );
  }
}

/** Reads data/news.json; every country and every relation a key fact names must exist in the facts. */
export function loadNews(dataDir: string, facts: Facts): NewsDesk {
  const shown = 'data/news.json';
  const file = newsFileSchema.safeParse(readJson(join(dataDir, 'news.json'), shown));
  if (!file.success) throw new DataError(`${shown}: ${describeIssues(file.error)}`);
  const seen = new Set<string>();
  const items = file.data.items.map((entry, index) => {
    const id = typeof entry === 'object' && entry && 'id' in entry ? ` (${String(entry.id)})` : '';
    const label = `${shown}, item ${index + 1}${id}`;
    const parsed = newsItemSchema.safeParse(entry);
    if (!parsed.success) throw new DataError(`${label}: ${describeIssues(parsed.error)}`);
    const row = parsed.data;
    if (seen.has(row.id)) throw new DataError(`${label}: id ${row.id} appears twice`);
    seen.add(row.id);
    const country = (code: string) => {
      const found = facts.country(code);
      if (!found) throw new DataError(`${label}: unknown country code ${code}`);
      return found;
    };
    for (const fact of row.key_facts) {
      if (fact.kind === 'relation' && facts.relationBetween(country(fact.a), country(fact.b)).kind !== 'known') {
        throw new DataError(`${label}: key fact ${fact.a}–${fact.b} has no relation in data/relations`);
      }
      if (fact.kind === 'un-coverage') country(fact.country);
    }
    return {
      id: row.id,
      date: parsePartialDate(row.date),
      headline: row.headline,
      points: row.points,
      countries: row.countries.map(country),
      keyFacts: row.key_facts,
      sources: row.sources,
    };
  });
  return new NewsDesk(items, facts);
}
