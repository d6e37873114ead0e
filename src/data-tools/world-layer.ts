// Turns the world table (every pair of our 200 states, from each country's own list of relations) into the
// layer the bot loads. The layer is stored by column: 19,900 pairs read and check in a few milliseconds that way,
// where one object per pair took over 100 ms at start-up. Each column has one line per first country, so a
// change to the data shows as a change to that country's lines.
import { worldStatusByLetter } from '../facts/world-table.js';
import { parseCsv } from './csv.js';

export const worldLayerDescription =
  'Every pair of the 200 states in countries.json, from the lists of relations on English Wikipedia\'s "Foreign relations of X" pages ' +
  '(page text as of 2025-11-19). Built by `npm run data:build` from data/inputs/world-pairs.csv; do not edit by hand. ' +
  'Pairs are numbered in the order (codes[0], codes[1]), (codes[0], codes[2]) … (codes[198], codes[199]); each column of `pairs` ' +
  'has one line per first code. status: E established, N none (a page says so), S severed, U suspended, L listed by neither. ' +
  "established / listed_a / listed_b: index into `dates`, -1 for none (listed_*: the date on each country's own list, kept where the two differ). " +
  "pages: which of the two countries' pages (in `pages`, by code) hold a record of the pair: 1 the first's, 2 the second's, 3 both, 0 neither has a page. " +
  'break: the year the pages give for a break, 0 for none. ' +
  'Curated files in data/relations/ and events in data/events.json win over this layer.';

/** The world table's status words → the layer's letters, from the one table the loader reads them by. */
export const statusLetters: Record<string, string> = Object.fromEntries(
  Object.entries(worldStatusByLetter).map(([letter, status]) => [
    status === 'not_listed' ? 'none_listed' : status,
    letter,
  ]),
);

const wikiPrefix = 'enwiki:';

export function wikipediaUrl(title: string): string {
  return `https://en.wikipedia.org/wiki/${encodeURIComponent(title.replace(/ /g, '_')).replace(/%2C/g, ',')}`;
}

/**
 * The year a break happened, from the table's note: the year its sources give most often, the earliest on a tie
 * (a country's own "ended" list is more often right than a period's end on the partner's page).
 */
export function breakYear(note: string): number {
  const years = [...note.matchAll(/\b(?:ended|severed|suspended|break|broken|ending)\s+(\d{4})\b/g)].map((match) =>
    Number(match[1]),
  );
  if (years.length === 0) return 0;
  const counts = new Map<number, number>();
  for (const year of years) counts.set(year, (counts.get(year) ?? 0) + 1);
  return [...counts].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0]![0];
}

export interface WorldLayer {
  description: string;
  as_of: string;
  codes: string[];
  /** Each country's own "Foreign relations of X" page, by code (Cook Islands and Niue have none). */
  pages: Record<string, string>;
  dates: string[];
  pairs: {
    status: string[];
    established: number[][];
    listed_a: number[][];
    listed_b: number[][];
    pages: string[];
    break: number[][];
  };
}

/** A table of distinct values, each given the index of its first use. */
class Interned<T> {
  readonly values: T[] = [];
  private readonly index = new Map<string, number>();
  of(value: T, key = String(value)): number {
    let found = this.index.get(key);
    if (found === undefined) {
      found = this.values.length;
      this.values.push(value);
      this.index.set(key, found);
    }
    return found;
  }
}

export function buildWorldLayer(csvText: string, codes: readonly string[], asOf: string): WorldLayer {
  const rows = new Map<string, Record<string, string>>();
  const titles = new Map<string, Set<string>>();
  const titlesOf = (row: Record<string, string>) =>
    row
      .sources!.split(';')
      .map((source) => source.trim())
      .filter(Boolean)
      .map((source) => {
        if (!source.startsWith(wikiPrefix))
          throw new Error(`world-pairs.csv (${row.a}-${row.b}): unknown source "${source}"`);
        return source.slice(wikiPrefix.length);
      });
  for (const [line, row] of parseCsv(csvText).entries()) {
    const key = [row.a!, row.b!].sort().join('-');
    if (rows.has(key)) throw new Error(`world-pairs.csv row ${line + 2}: the pair ${key} is given twice`);
    rows.set(key, row);
    // A page belongs to the one country found in every row that cites it.
    for (const title of titlesOf(row)) {
      const owners = titles.get(title);
      titles.set(
        title,
        owners ? new Set([row.a!, row.b!].filter((code) => owners.has(code))) : new Set([row.a!, row.b!]),
      );
    }
  }
  const pageOf = new Map<string, string>();
  for (const [title, owners] of titles) {
    if (owners.size !== 1) throw new Error(`world-pairs.csv: the page "${title}" is not one country's page`);
    pageOf.set([...owners][0]!, title);
  }
  const sorted = [...codes].sort();
  const dates = new Interned<string>();
  const dateIndex = (date: string | undefined) => (date ? dates.of(date) : -1);
  const layer: WorldLayer['pairs'] = { status: [], established: [], listed_a: [], listed_b: [], pages: [], break: [] };
  for (let i = 0; i < sorted.length - 1; i++) {
    const a = sorted[i]!;
    let status = '';
    let pages = '';
    const columns = {
      established: [] as number[],
      listed_a: [] as number[],
      listed_b: [] as number[],
      break: [] as number[],
    };
    for (const b of sorted.slice(i + 1)) {
      const row = rows.get(`${a}-${b}`);
      if (!row) throw new Error(`world-pairs.csv: no row for ${a}-${b}`);
      rows.delete(`${a}-${b}`);
      const letter = statusLetters[row.status!];
      if (!letter) throw new Error(`world-pairs.csv (${a}-${b}): unknown status "${row.status}"`);
      status += letter;
      const [fromA, fromB] = row.a === a ? [row.date_from_a, row.date_from_b] : [row.date_from_b, row.date_from_a];
      const differ = Boolean(fromA && fromB && fromA !== fromB);
      columns.established.push(dateIndex(row.established));
      columns.listed_a.push(differ ? dateIndex(fromA) : -1);
      columns.listed_b.push(differ ? dateIndex(fromB) : -1);
      const cited = new Set(titlesOf(row));
      pages += String((cited.has(pageOf.get(a)!) ? 1 : 0) + (cited.has(pageOf.get(b)!) ? 2 : 0));
      columns.break.push(letter === 'S' || letter === 'U' ? breakYear(row.severed_or_suspended_note ?? '') : 0);
    }
    layer.status.push(status);
    layer.pages.push(pages);
    for (const name of Object.keys(columns) as (keyof typeof columns)[]) layer[name].push(columns[name]);
  }
  if (rows.size > 0)
    throw new Error(`world-pairs.csv: pairs outside countries.json: ${[...rows.keys()].slice(0, 5).join(', ')}`);
  const pages = Object.fromEntries(
    [...pageOf].sort(([x], [y]) => x.localeCompare(y)).map(([code, title]) => [code, wikipediaUrl(title)]),
  );
  return { description: worldLayerDescription, as_of: asOf, codes: sorted, pages, dates: dates.values, pairs: layer };
}

/** JSON with one line per first country in each column (see the top of this file). */
export function formatWorldLayer(layer: WorldLayer): string {
  const list = (values: readonly unknown[], indent: string) =>
    `[\n${values.map((value) => `${indent}${JSON.stringify(value)}`).join(',\n')}\n${indent.slice(2)}]`;
  const columns = Object.entries(layer.pairs).map(
    ([name, lines]) => `    ${JSON.stringify(name)}: ${list(lines, '      ')}`,
  );
  return [
    '{',
    `  "description": ${JSON.stringify(layer.description)},`,
    `  "as_of": ${JSON.stringify(layer.as_of)},`,
    `  "codes": ${JSON.stringify(layer.codes)},`,
    `  "pages": {\n${Object.entries(layer.pages)
      .map(([code, url]) => `    ${JSON.stringify(code)}: ${JSON.stringify(url)}`)
      .join(',\n')}\n  },`,
    `  "dates": ${JSON.stringify(layer.dates)},`,
    `  "pairs": {\n${columns.join(',\n')}\n  }`,
    '}',
    '',
  ].join('\n');
}
