// What a map shows, as plain data: built on the main thread from the facts, drawn in the map worker. Kept free of
// canvas and of Discord so both sides can import it.
import { createHash } from 'node:crypto';
import type { Country, Language } from '../../facts/countries.js';
import type { Facts } from '../../facts/facts.js';
import type { RelationStatus } from '../../facts/relations.js';

/** The map's classes: severed and suspended share one ("broken"), as the issue asks. */
export type MapStatus = 'established' | 'broken' | 'none' | 'not_listed';

export const mapStatuses: readonly MapStatus[] = ['established', 'broken', 'none', 'not_listed'];

/** A world map coloured by every other state's status with `subject`. */
export interface WorldMapRequest {
  kind: 'world';
  language: Language;
  /** Alpha-2 code of the country the map is about. */
  subject: string;
  /** The subject's name in the reader's language, for the legend. */
  subjectName: string;
  /** Every other state of ours, by alpha-2 code. */
  statuses: Record<string, MapStatus>;
}

/** A small map of two countries, each in its own colour. */
export interface PairMapRequest {
  kind: 'pair';
  language: Language;
  a: { code: string; name: string };
  b: { code: string; name: string };
}

export type MapRequest = WorldMapRequest | PairMapRequest;

/** What the map worker needs to know of each state: where its shapes are, or its point when it has none. */
export interface MapCountry {
  code: string;
  numeric?: string;
  point?: readonly [number, number];
}

export function mapCountries(countries: readonly Country[]): MapCountry[] {
  return countries.map((country) => ({
    code: country.code,
    ...(country.numeric && { numeric: country.numeric }),
    ...(country.mapPoint && { point: country.mapPoint }),
  }));
}

export function mapStatusOf(status: RelationStatus | undefined): MapStatus {
  if (status === 'severed' || status === 'suspended') return 'broken';
  // No relation on record reads as "not listed": neither side's list says anything.
  return status ?? 'not_listed';
}

export function worldMapRequest(facts: Facts, subject: Country, language: Language): WorldMapRequest {
  const statuses: Record<string, MapStatus> = {};
  for (const other of facts.countries) {
    if (other.code !== subject.code)
      statuses[other.code] = mapStatusOf(facts.relation(subject.code, other.code)?.status);
  }
  return { kind: 'world', language, subject: subject.code, subjectName: subject.name[language], statuses };
}

export function pairMapRequest(a: Country, b: Country, language: Language): PairMapRequest {
  return {
    kind: 'pair',
    language,
    a: { code: a.code, name: a.name[language] },
    b: { code: b.code, name: b.name[language] },
  };
}

/**
 * The cache key: what is drawn, in which language, and the data version — a digest of the statuses the map shows,
 * so a map is drawn again exactly when the data it depends on changed.
 */
export function mapKey(request: MapRequest): string {
  if (request.kind === 'pair') return `pair:${request.a.code}:${request.b.code}:${request.language}`;
  const version = createHash('sha1').update(JSON.stringify(request.statuses)).digest('base64url').slice(0, 12);
  return `world:${request.subject}:${request.language}:${version}`;
}
