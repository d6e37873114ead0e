// npm run data:check (run in CI): the built files match their inputs, every data file loads, no source is on the
// denylist, every publisher has a name, and "high" confidence has two publishers behind it. Prints the census of
// source domains, so a reviewer sees at a glance who the data rests on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFacts } from '../facts/load.js';
import { precisionOf } from '../facts/partial-date.js';
import { publisherDomain } from '../facts/sources.js';
import { loadNews } from '../news/items.js';
import { dataDir } from '../paths.js';
import { staleDataFiles } from './build.js';

export interface CheckReport {
  problems: string[];
  /** Counts for the reader: pairs by status and by the precision of their first date, and the events layer. */
  summary: string[];
  /** Publisher domain → how many citations (a URL cited by several rows counts each time). */
  census: Map<string, number>;
}

export function checkData(dir = dataDir): CheckReport {
  const problems: string[] = [];
  for (const file of staleDataFiles(dir))
    problems.push(`${file} differs from what its inputs build: run npm run data:build`);
  const facts = loadFacts(dir);
  const news = loadNews(dir, facts);

  const citations: { url: string; where: string }[] = [];
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const byStatus = new Map<string, number>();
  const byPrecision = new Map<string, number>();
  let researchedEvents = 0;
  for (const { a, b, relation } of facts.allRelations()) {
    count(byStatus, relation.status);
    if (relation.status !== 'none' && relation.status !== 'not_listed')
      count(byPrecision, relation.established ? precisionOf(relation.established) : 'unknown');
    researchedEvents += relation.events.filter((event) => event.sources).length;
    const where = `${relation.file} ${a.code}–${b.code}`;
    for (const url of relation.sources) citations.push({ url, where });
    for (const event of relation.events)
      for (const url of event.sources ?? []) citations.push({ url, where: `data/events.json ${a.code}–${b.code}` });
  }
  for (const item of news.items)
    for (const source of item.sources) citations.push({ url: source.url, where: `data/news.json ${item.id}` });
  for (const former of facts.names.former)
    citations.push({ url: former.source, where: `data/names.json ${former.names[0]}` });
  const { sources } = JSON.parse(readFileSync(join(dir, 'countries.json'), 'utf8')) as {
    sources: Record<string, string>;
  };
  for (const url of Object.values(sources)) citations.push({ url, where: 'data/countries.json' });

  const census = new Map<string, number>();
  const reported = new Set<string>();
  for (const { url, where } of citations) {
    const domain = publisherDomain(url);
    census.set(domain, (census.get(domain) ?? 0) + 1);
    const why = facts.sources.deniedBecause(url);
    if (why && !reported.has(`${where} ${url}`)) problems.push(`${where}: ${url} is on the denylist (${why})`);
    if (!facts.sources.publisherName(url) && !reported.has(domain)) {
      problems.push(`${where}: no publisher name for ${domain} in data/sources.json`);
      reported.add(domain);
    }
    reported.add(`${where} ${url}`);
  }

  // The written rule: high means two independent publishers (two pages of one publisher count once).
  const publishers = (urls: readonly string[]) => new Set(urls.map(publisherDomain)).size;
  for (const relation of facts.researchedRelations()) {
    const own = relation.sources;
    if (relation.confidence === 'high' && publishers(own) < 2) {
      problems.push(
        `${relation.file} ${relation.pair.join('–')}: confidence high rests on one publisher (${[...new Set(own.map(publisherDomain))].join(', ')})`,
      );
    }
  }
  const list = (map: Map<string, number>) =>
    [...map]
      .sort((x, y) => y[1] - x[1])
      .map(([key, value]) => `${value} ${key}`)
      .join(', ');
  const summary = [
    `Pairs by status: ${list(byStatus)}`,
    `Precision of the first establishment (established, severed and suspended pairs): ${list(byPrecision)}`,
    `Researched events in the pairs' histories: ${researchedEvents}`,
  ];
  return { problems, census, summary };
}

function main(): void {
  const { problems, census, summary } = checkData();
  for (const line of summary) console.log(line);
  const rows = [...census].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
  const total = rows.reduce((sum, [, count]) => sum + count, 0);
  console.log(`Source census: ${total} citations from ${rows.length} publisher domains`);
  for (const [domain, count] of rows) console.log(`${String(count).padStart(7)}  ${domain}`);
  if (problems.length > 0) {
    console.error(`\n${problems.length} problem(s):`);
    for (const problem of problems) console.error(`- ${problem}`);
    process.exit(1);
  }
  console.log(
    '\ndata:check passed: built files current, every file valid, no denylisted source, every publisher named',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) main();
