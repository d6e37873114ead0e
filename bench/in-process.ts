// Measurements inside this process, without Discord: loading and validating data/, and the country search that
// answers autocomplete.
import { loadFacts } from '../src/facts/load.js';
import { CountrySearch } from '../src/facts/search.js';
import { loadNews } from '../src/news/items.js';
import { dataDir } from '../src/paths.js';
import { ForeignCpu } from './cpu.js';
import { searchQueries } from './inputs.js';
import { median, percentile, round, summarize, type LatencySummary } from './stats.js';

export interface DataLoadResult {
  /** The first load in this process (cold code), ms. */
  firstMs: number;
  /** Median and p95 of the following loads, ms. */
  medianMs: number;
  p95Ms: number;
  runs: number;
  /** Of the median load: facts alone, and news on top. */
  factsMedianMs: number;
  newsMedianMs: number;
}

/** loadFacts + loadNews (read, parse, validate every row), repeated. */
export function measureDataLoad(runs = 30): DataLoadResult {
  const facts: number[] = [];
  const news: number[] = [];
  const total: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const loaded = loadFacts(dataDir);
    const t1 = performance.now();
    loadNews(dataDir, loaded);
    const t2 = performance.now();
    facts.push(t1 - t0);
    news.push(t2 - t1);
    total.push(t2 - t0);
  }
  const warm = total.slice(1);
  return {
    firstMs: round(total[0]!, 2),
    medianMs: round(median(warm), 2),
    p95Ms: round(percentile(warm, 95), 2),
    runs,
    factsMedianMs: round(median(facts.slice(1)), 2),
    newsMedianMs: round(median(news.slice(1)), 2),
  };
}

export interface SearchResult {
  /** Building the index from the country list, ms (median). */
  buildMs: number;
  exact: LatencySummary;
  prefixes: LatencySummary;
  typos: LatencySummary;
  /** The empty query: what Discord asks for as soon as the option is focused (sorted list, en and ko). */
  empty: LatencySummary;
  all: LatencySummary;
  /** Cores' worth of CPU other processes used meanwhile (noise), when known. */
  foreignCpuCores?: number;
}

/** Times of CountrySearch.search(query, 25) per query, in ms, after one untimed pass; `passes` timed passes. Synchronous,
 * so a busy machine shows up as preemption in the tail: other processes' CPU use is reported alongside. */
export function measureSearch(passes = 3): SearchResult {
  const foreign = new ForeignCpu([process.pid]);
  const { countries, names } = loadFacts(dataDir);
  const builds: number[] = [];
  let search = new CountrySearch(countries, names);
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    search = new CountrySearch(countries, names);
    search.resolve('KR'); // the index is built on the first search
    builds.push(performance.now() - t0);
  }
  const queries = searchQueries(countries);
  const time = (list: readonly string[], language: 'en' | 'ko' = 'en'): number[] => {
    const out: number[] = [];
    for (const query of list) {
      const t0 = performance.now();
      search.search(query, 25, language);
      out.push(performance.now() - t0);
    }
    return out;
  };
  const groups = { exact: queries.exact, prefixes: queries.prefixes, typos: queries.typos };
  for (const list of Object.values(groups)) time(list);
  const empties = Array.from({ length: 100 }, () => '');
  time(empties, 'ko');
  const samples = { exact: [] as number[], prefixes: [] as number[], typos: [] as number[], empty: [] as number[] };
  for (let pass = 0; pass < passes; pass++) {
    samples.exact.push(...time(groups.exact));
    samples.prefixes.push(...time(groups.prefixes));
    samples.typos.push(...time(groups.typos));
    samples.empty.push(...time(empties, 'en'), ...time(empties, 'ko'));
  }
  const foreignCpuCores = foreign.stop();
  return {
    ...(foreignCpuCores !== undefined && { foreignCpuCores }),
    buildMs: round(median(builds), 3),
    exact: summarize(samples.exact),
    prefixes: summarize(samples.prefixes),
    typos: summarize(samples.typos),
    empty: summarize(samples.empty),
    all: summarize([...samples.exact, ...samples.prefixes, ...samples.typos, ...samples.empty]),
  };
}
