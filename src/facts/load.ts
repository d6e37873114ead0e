// Reads data/ into Facts, checking every row against the schema and every code against the country list.
// Layers, weakest first: the world table (every pair), the curated files (hand-checked pairs), the events layer.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { Country } from './countries.js';
import { Facts } from './facts.js';
import { FormerNames, type NamesFile } from './former-names.js';
import { SourceBook } from './sources.js';
import { comparePartialDates, parsePartialDate, type PartialDate } from './partial-date.js';
import {
  breakingKinds,
  compareEvents,
  pairKey,
  type Relation,
  type RelationEvent,
  type RelationStatus,
} from './relations.js';
import { WorldTable, worldLayerFile, type WorldColumns } from './world-table.js';
import {
  countriesFileSchema,
  countrySchema,
  eventsFileSchema,
  layerEventSchema,
  namesFileSchema,
  relationSchema,
  relationsFileSchema,
  sourcesFileSchema,
  worldLayerFileSchema,
  isPartialDate,
} from './schema.js';

/** A data file that cannot be used; the message names the file and the row. */
export class DataError extends Error {
  override name = 'DataError';
}

export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(row)'}: ${issue.message}`).join('; ');
}

export function readJson(file: string, shown: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new DataError(`${shown}: cannot be read (is the file missing?)`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DataError(`${shown}: not valid JSON (${(error as Error).message})`);
  }
}

function parseFile<T>(schema: z.ZodType<T>, value: unknown, shown: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new DataError(`${shown}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

function pairHint(raw: unknown): string {
  if (Array.isArray(raw)) return ` (${String(raw[0])}–${String(raw[1])})`;
  return typeof raw === 'object' && raw && 'a' in raw && 'b' in raw ? ` (${String(raw.a)}–${String(raw.b)})` : '';
}

/** The same dates recur thousands of times across the layers: one object each, made when first needed. */
export class DateTable {
  private readonly dates = new Map<string, PartialDate>();
  get(iso: string): PartialDate {
    let date = this.dates.get(iso);
    if (!date) {
      date = parsePartialDate(iso);
      this.dates.set(iso, date);
    }
    return date;
  }
  maybe(iso: string | null): PartialDate | null {
    return iso === null ? null : this.get(iso);
  }
}

function loadCountries(dataDir: string): Country[] {
  const file = join(dataDir, 'countries.json');
  const shown = 'data/countries.json';
  const { countries } = parseFile(countriesFileSchema, readJson(file, shown), shown);
  const seen = new Set<string>();
  return countries.map((raw, index) => {
    const label = `${shown}, row ${index + 1}${typeof raw === 'object' && raw && 'alpha2' in raw ? ` (${String(raw.alpha2)})` : ''}`;
    const row = parseFile(countrySchema, raw, label);
    for (const code of [row.alpha2, row.alpha3, ...(row.numeric ? [row.numeric] : [])]) {
      if (seen.has(code)) throw new DataError(`${label}: code ${code} appears twice`);
      seen.add(code);
    }
    return {
      code: row.alpha2,
      alpha3: row.alpha3,
      ...(row.numeric && { numeric: row.numeric }),
      name: row.name,
      ...(row.article && { article: row.article }),
      aliases: row.aliases,
      flag: row.flag,
      unMember: row.un_member,
      ...(row.map_point && { mapPoint: [row.map_point.lon, row.map_point.lat] as const }),
    };
  });
}

function checkPair(a: string, b: string, label: string, known: Set<string>): void {
  for (const code of [a, b]) {
    if (!known.has(code)) throw new DataError(`${label}: unknown country code ${code} (not in data/countries.json)`);
  }
  if (a === b) throw new DataError(`${label}: a country cannot have relations with itself`);
}

/**
 * The world layer: one relation per pair, by column. Every value is checked here by hand (the schema checks only
 * the envelope): codes against countries.json, statuses, date indexes and the dates themselves, page indexes.
 */
function loadWorld(dataDir: string, countries: readonly Country[], dates: DateTable): WorldTable {
  const known = (code: string) => countries.some((country) => country.code === code);
  const shown = worldLayerFile;
  const file = parseFile(worldLayerFileSchema, readJson(join(dataDir, 'world.json'), shown), shown);
  const expected = countries.map((country) => country.code).sort();
  if (file.codes.join() !== expected.join()) {
    throw new DataError(
      `${shown}: codes must be the ${expected.length} codes of data/countries.json in order (run npm run data:build)`,
    );
  }
  const badDate = file.dates.findIndex((date) => typeof date !== 'string' || !isPartialDate(date));
  if (badDate >= 0)
    throw new DataError(`${shown}, dates[${badDate}]: not a YYYY, YYYY-MM or YYYY-MM-DD date: ${file.dates[badDate]}`);
  for (const code of Object.keys(file.pages)) {
    if (!known(code)) throw new DataError(`${shown}, pages: ${code} is not a code of data/countries.json`);
  }
  const n = expected.length;
  const total = (n * (n - 1)) / 2;
  const columns: WorldColumns = {
    status: new Uint8Array(total),
    established: new Int32Array(total),
    listedA: new Int32Array(total),
    listedB: new Int32Array(total),
    pages: new Uint8Array(total),
    breakYear: new Uint16Array(total),
  };
  const { pairs } = file;
  const lines = [pairs.status, pairs.established, pairs.listed_a, pairs.listed_b, pairs.pages, pairs.break];
  if (lines.some((column) => column.length !== n - 1))
    throw new DataError(`${shown}: each column must have ${n - 1} lines, one per first code`);
  const dateCount = file.dates.length;
  const copyIndexes = (from: readonly unknown[], to: Int32Array, at: number, limit: number): number => {
    for (let j = 0; j < from.length; j++) {
      const value = from[j];
      if (typeof value !== 'number' || !Number.isInteger(value) || value < -1 || value >= limit) return j;
      to[at + j] = value;
    }
    return -1;
  };
  let index = 0;
  for (let i = 0; i < n - 1; i++) {
    const where = (j: number) => `${shown}, pair ${file.codes[i]}–${file.codes[i + 1 + j]}`;
    const count = n - 1 - i;
    const status = pairs.status[i]!;
    const line = [pairs.established[i]!, pairs.listed_a[i]!, pairs.listed_b[i]!, pairs.break[i]!] as const;
    if (status.length !== count || pairs.pages[i]!.length !== count || line.some((values) => values.length !== count)) {
      throw new DataError(`${shown}, line ${i + 1} of a column (${file.codes[i]}): expected ${count} values`);
    }
    for (const [values, column] of [
      [line[0], columns.established],
      [line[1], columns.listedA],
      [line[2], columns.listedB],
    ] as const) {
      const bad = copyIndexes(values, column, index, dateCount);
      if (bad >= 0) throw new DataError(`${where(bad)}: a date index outside dates`);
    }
    const pages = pairs.pages[i]!;
    const years = line[3];
    for (let j = 0; j < count; j++) {
      const statusIndex = WorldTable.statusIndex(status.charCodeAt(j));
      if (statusIndex < 0) throw new DataError(`${where(j)}: unknown status letter ${status[j]}`);
      columns.status[index + j] = statusIndex;
      const year = years[j];
      if (typeof year !== 'number' || !Number.isInteger(year) || year < 0 || year > 9999) {
        throw new DataError(`${where(j)}: the year of a break must be a year or 0`);
      }
      columns.breakYear[index + j] = year;
      const held = pages.charCodeAt(j) - 48;
      if (held < 0 || held > 3) throw new DataError(`${where(j)}: pages must be 0, 1, 2 or 3`);
      columns.pages[index + j] = held;
    }
    index += count;
  }
  return new WorldTable(file.codes, file.pages, file.dates, dates, columns, dates.get(file.as_of), shown);
}

function loadCuratedFile(
  file: string,
  shown: string,
  known: Set<string>,
  seen: Map<string, string>,
  dates: DateTable,
): Relation[] {
  const { relations, as_of } = parseFile(relationsFileSchema, readJson(file, shown), shown);
  const asOf = dates.get(as_of);
  return relations.map((raw, index): Relation => {
    const label = `${shown}, row ${index + 1}${pairHint(raw)}`;
    const row = parseFile(relationSchema, raw, label);
    checkPair(row.a, row.b, label, known);
    const key = pairKey(row.a, row.b);
    const earlier = seen.get(key);
    if (earlier) throw new DataError(`${label}: the pair ${key} is already given in ${earlier}`);
    seen.set(key, label);
    const events = row.events.map((event) => ({ ...event, date: dates.get(event.date) })).sort(compareEvents);
    return {
      pair: [row.a, row.b],
      status: row.status,
      established: dates.maybe(row.established),
      events,
      sources: row.sources,
      confidence: row.confidence,
      ...(row.caveat && { caveat: row.caveat }),
      ...(row.note && { note: row.note }),
      file: shown,
      asOf,
    };
  });
}

function loadCurated(dataDir: string, known: Set<string>, dates: DateTable): Relation[] {
  const relationsDir = join(dataDir, 'relations');
  let files: string[];
  try {
    files = readdirSync(relationsDir)
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch {
    throw new DataError('data/relations/: folder cannot be read (is it missing?)');
  }
  const seen = new Map<string, string>();
  return files.flatMap((name) =>
    loadCuratedFile(join(relationsDir, name), `data/relations/${name}`, known, seen, dates),
  );
}

const statusAfter: Partial<Record<RelationEvent['kind'], RelationStatus>> = {
  established: 'established',
  restored: 'established',
  severed: 'severed',
  suspended: 'suspended',
};

/**
 * The events layer: each pair's researched events join its history, and the newest of them decides today's status
 * (unless the curated row records something later). Returns the relations it changed.
 */
function applyEvents(
  dataDir: string,
  known: Set<string>,
  dates: DateTable,
  relationOf: (a: string, b: string, withBreakYear: boolean) => Relation,
): { changed: Relation[]; asOf: PartialDate } {
  const shown = 'data/events.json';
  const file = parseFile(eventsFileSchema, readJson(join(dataDir, 'events.json'), shown), shown);
  const byPair = new Map<string, { pair: [string, string]; events: RelationEvent[] }>();
  file.events.forEach((raw, index) => {
    const label = `${shown}, event ${index + 1}${pairHint(raw)}`;
    const row = parseFile(layerEventSchema, raw, label);
    checkPair(row.a, row.b, label, known);
    const key = pairKey(row.a, row.b);
    const entry = byPair.get(key) ?? { pair: [row.a, row.b], events: [] };
    entry.events.push({
      date: dates.get(row.date),
      kind: row.kind,
      sources: row.sources,
      confidence: row.confidence,
      ...(row.note && { note: row.note }),
    });
    byPair.set(key, entry);
  });

  const changed = [...byPair.values()].map(({ pair, events }) => {
    const researched = events.sort(compareEvents);
    // A researched break replaces the bare year the world lists give.
    const relation = relationOf(pair[0], pair[1], !researched.some((event) => breakingKinds.includes(event.kind)));
    const own = relation.events.filter(
      (event) => !researched.some((other) => other.kind === event.kind && other.date.year === event.date.year),
    );
    const merged = [...own, ...researched].sort(compareEvents);
    // Only the row's own changes of status can outrank a researched one (a later note or downgrade cannot).
    const newestOwn = own.filter((event) => statusAfter[event.kind]).at(-1)?.date;
    const decisive = researched.filter((event) => statusAfter[event.kind]).at(-1);
    let { status, asOf, established } = relation;
    if (decisive && (!newestOwn || comparePartialDates(decisive.date, newestOwn) >= 0)) {
      status = statusAfter[decisive.kind]!;
      if (comparePartialDates(decisive.date, asOf) > 0) asOf = decisive.date;
    }
    const firstEstablished = researched.find((event) => event.kind === 'established');
    if (!established && firstEstablished) established = firstEstablished.date;
    return { ...relation, status, asOf, established, events: merged };
  });
  return { changed, asOf: dates.get(file.as_of) };
}

function loadNames(dataDir: string, known: Set<string>): NamesFile {
  const shown = 'data/names.json';
  const names = parseFile(namesFileSchema, readJson(join(dataDir, 'names.json'), shown), shown);
  for (const [index, entry] of names.former.entries()) {
    const label = `${shown}, former name ${index + 1} (${entry.names[0]})`;
    for (const code of entry.now) if (!known.has(code)) throw new DataError(`${label}: unknown country code ${code}`);
    if (entry.kind !== 'dissolved' && entry.now.length !== 1)
      throw new DataError(`${label}: a ${entry.kind} name points to one state`);
  }
  for (const [index, entry] of names.ambiguous.entries()) {
    for (const code of entry.codes) {
      if (!known.has(code)) throw new DataError(`${shown}, ambiguous name ${index + 1}: unknown country code ${code}`);
    }
  }
  return names;
}

/** Loads and validates everything in data/. Throws DataError naming the file and row at the first problem. */
export function loadFacts(dataDir: string): Facts {
  const countries = loadCountries(dataDir);
  const known = new Set(countries.map((country) => country.code));
  const dates = new DateTable();
  const world = loadWorld(dataDir, countries, dates);
  const overrides = new Map<string, Relation>();
  for (const relation of loadCurated(dataDir, known, dates)) overrides.set(pairKey(...relation.pair), relation);
  const relationOf = (a: string, b: string, withBreakYear: boolean) =>
    overrides.get(pairKey(a, b)) ?? world.relation(a, b, withBreakYear)!;
  const events = applyEvents(dataDir, known, dates, relationOf);
  for (const relation of events.changed) overrides.set(pairKey(...relation.pair), relation);
  let asOf = events.asOf;
  for (const relation of overrides.values()) if (comparePartialDates(relation.asOf, asOf) > 0) asOf = relation.asOf;
  const sources = new SourceBook(
    parseFile(sourcesFileSchema, readJson(join(dataDir, 'sources.json'), 'data/sources.json'), 'data/sources.json'),
  );
  return new Facts(countries, world, overrides, asOf, new FormerNames(loadNames(dataDir, known), countries), sources);
}
