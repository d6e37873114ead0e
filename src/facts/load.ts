// Reads data/ into Facts, checking every row against the schema and every code against the country list.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { Country } from './countries.js';
import { Facts } from './facts.js';
import { comparePartialDates, parsePartialDate, type PartialDate } from './partial-date.js';
import { pairKey, type Relation } from './relations.js';
import { countriesFileSchema, countrySchema, relationSchema, relationsFileSchema } from './schema.js';

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

function loadCountries(dataDir: string): Country[] {
  const file = join(dataDir, 'countries.json');
  const shown = 'data/countries.json';
  const { countries } = parseFile(countriesFileSchema, readJson(file, shown), shown);
  const seen = new Set<string>();
  return countries.map((raw, index) => {
    const label = `${shown}, row ${index + 1}${typeof raw === 'object' && raw && 'alpha2' in raw ? ` (${String(raw.alpha2)})` : ''}`;
    const row = parseFile(countrySchema, raw, label);
    for (const code of [row.alpha2, row.alpha3]) {
      if (seen.has(code)) throw new DataError(`${label}: code ${code} appears twice`);
      seen.add(code);
    }
    return {
      code: row.alpha2,
      alpha3: row.alpha3,
      name: row.name,
      aliases: row.aliases,
      flag: row.flag,
      unMember: row.un_member,
    };
  });
}

function loadRelationFile(file: string, shown: string, known: Set<string>, seen: Map<string, string>) {
  const { relations, as_of } = parseFile(relationsFileSchema, readJson(file, shown), shown);
  const rows = relations.map((raw, index): Relation => {
    const pairHint =
      typeof raw === 'object' && raw && 'a' in raw && 'b' in raw ? ` (${String(raw.a)}–${String(raw.b)})` : '';
    const label = `${shown}, row ${index + 1}${pairHint}`;
    const row = parseFile(relationSchema, raw, label);
    for (const code of [row.a, row.b]) {
      if (!known.has(code)) throw new DataError(`${label}: unknown country code ${code} (not in data/countries.json)`);
    }
    if (row.a === row.b) throw new DataError(`${label}: a country cannot have relations with itself`);
    const key = pairKey(row.a, row.b);
    const earlier = seen.get(key);
    if (earlier) throw new DataError(`${label}: the pair ${key} is already given in ${earlier}`);
    seen.set(key, label);
    const events = row.events
      .map((event) => ({ ...event, date: parsePartialDate(event.date) }))
      .sort((x, y) => comparePartialDates(x.date, y.date));
    return {
      pair: [row.a, row.b],
      status: row.status,
      established: row.established ? parsePartialDate(row.established) : null,
      events,
      sources: row.sources,
      confidence: row.confidence,
      ...(row.caveat && { caveat: row.caveat }),
      file: shown,
    };
  });
  return { rows, asOf: parsePartialDate(as_of) };
}

/** Loads and validates everything in data/. Throws DataError naming the file and row at the first problem. */
export function loadFacts(dataDir: string): Facts {
  const countries = loadCountries(dataDir);
  const known = new Set(countries.map((country) => country.code));
  const relationsDir = join(dataDir, 'relations');
  let files: string[];
  try {
    files = readdirSync(relationsDir).filter((name) => name.endsWith('.json')).sort();
  } catch {
    throw new DataError('data/relations/: folder cannot be read (is it missing?)');
  }
  if (files.length === 0) throw new DataError('data/relations/: no relation files found');
  const seen = new Map<string, string>();
  const relations: Relation[] = [];
  let asOf: PartialDate | undefined;
  for (const name of files) {
    const file = join(relationsDir, name);
    const { rows, asOf: fileAsOf } = loadRelationFile(file, `data/relations/${name}`, known, seen);
    relations.push(...rows);
    if (!asOf || comparePartialDates(fileAsOf, asOf) > 0) asOf = fileAsOf;
  }
  return new Facts(countries, relations, asOf!);
}
