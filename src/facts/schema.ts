// The shape of the files in data/. Checked at start-up: a bad row stops the bot with the file and row named.
import { z } from 'zod';

const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** YYYY, YYYY-MM or YYYY-MM-DD naming a real calendar day; the same rule as partialDateSchema, without zod's cost. */
export function isPartialDate(value: string): boolean {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return false;
  if (match[2] === undefined) return true;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return false;
  if (match[3] === undefined) return true;
  const year = Number(match[1]);
  const day = Number(match[3]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day >= 1 && day <= (month === 2 && !leap ? 28 : daysInMonth[month - 1]!);
}

/** A date as precise as the sources allow: YYYY, YYYY-MM or YYYY-MM-DD. Never a made-up day. */
export const partialDateSchema = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(isPartialDate, 'not a real calendar date');

const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code');

/** Short prose in English, optionally Korean (English is shown where Korean is missing). */
export const localizedTextSchema = z.object({
  en: z.string().min(1),
  ko: z.string().min(1).optional(),
});

/** A web address of a source: checked by pattern (a URL parse per source cost ~10 ms at every start). */
export const sourceUrlSchema = z
  .string()
  .regex(/^https?:\/\/[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?([/?#][^\s]*)?$/i, 'expected an http(s) URL');

export const countrySchema = z.object({
  alpha2: countryCodeSchema,
  alpha3: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 3166-1 alpha-3 code'),
  /** The UN M49 / ISO 3166-1 numeric code, which keys the world map's shapes. Kosovo has none. */
  numeric: z
    .string()
    .regex(/^\d{3}$/, 'expected a 3-digit UN M49 / ISO 3166-1 numeric code')
    .optional(),
  name: z.object({ en: z.string().min(1), ko: z.string().min(1) }),
  /** "the" for names English writes with the article: the United States, the Netherlands, the Holy See. */
  article: z.literal('the').optional(),
  /** Other names people type: official names, abbreviations, former names, Korean variants. */
  aliases: z.array(z.string().min(1)),
  flag: z.string().min(1),
  un_member: z.boolean(),
  /** Where the map marks a state too small for its shapes (absent from the 1:110m atlas). */
  map_point: z.object({ lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) }).optional(),
});

export const countriesFileSchema = z.object({
  /** Where the codes, names and UN membership come from. */
  sources: z.record(z.string(), sourceUrlSchema),
  countries: z.array(z.unknown()),
});

/**
 * `none`: a source says the two have no relations. `not_listed`: neither country's own list mentions the other,
 * which is not the same thing (small states' lists are often incomplete).
 */
export const relationStatusSchema = z.enum(['established', 'none', 'severed', 'suspended', 'not_listed']);
export const confidenceSchema = z.enum(['high', 'medium', 'low']);
export const eventKindSchema = z.enum([
  'established',
  'severed',
  'restored',
  'suspended',
  'recognized',
  'treaty',
  'downgraded',
  'other',
]);

export const relationEventSchema = z.object({
  date: partialDateSchema,
  kind: eventKindSchema,
  note: localizedTextSchema.optional(),
});

export const relationSchema = z.object({
  a: countryCodeSchema,
  b: countryCodeSchema,
  status: relationStatusSchema,
  /** First establishment of relations, or null when there never were any or the date is unknown. */
  established: partialDateSchema.nullable(),
  events: z.array(relationEventSchema),
  sources: z.array(sourceUrlSchema).min(1),
  confidence: confidenceSchema,
  /** Where sources disagree: which value was used, in our own words. Shown as "Where sources disagree". */
  caveat: localizedTextSchema.optional(),
  /** A fact worth knowing that is no disagreement (why there are no ties, who looks after consular matters). */
  note: localizedTextSchema.optional(),
  /** For contributors only, never shown: what was left unchecked, why a source was not used. */
  comment: z.string().min(1).optional(),
});

export const relationsFileSchema = z.object({
  description: z.string().min(1),
  /** The date the statuses in this file were last checked against their sources. */
  as_of: partialDateSchema,
  relations: z.array(z.unknown()),
});

/** A line of a world column: an array whose numbers load.ts checks one by one. */
const numberLine = z.custom<number[]>(Array.isArray, 'expected an array of numbers');

/**
 * data/world.json, built from data/inputs/world-pairs.csv by `npm run data:build`: every pair, stored by column
 * (see src/data-tools/world-layer.ts for the layout). The envelope is checked here; the 19,900-long columns are
 * checked by hand in load.ts, since a zod check per value alone took longer than the whole load may.
 */
export const worldLayerFileSchema = z.object({
  description: z.string().min(1),
  as_of: partialDateSchema,
  codes: z.array(countryCodeSchema).min(2),
  pages: z.record(countryCodeSchema, sourceUrlSchema),
  dates: z.custom<string[]>(Array.isArray, 'expected an array of dates'),
  pairs: z.object({
    status: z.array(z.string()),
    established: z.array(numberLine),
    listed_a: z.array(numberLine),
    listed_b: z.array(numberLine),
    pages: z.array(z.string()),
    break: z.array(numberLine),
  }),
});

/** data/events.json: dated changes in a pair's relations (breaks, restorations, downgrades), each with its sources. */
export const eventsFileSchema = z.object({
  description: z.string().min(1),
  /** The date the events were last researched. */
  as_of: partialDateSchema,
  events: z.array(z.unknown()),
});

export const layerEventSchema = z.object({
  a: countryCodeSchema,
  b: countryCodeSchema,
  date: partialDateSchema,
  kind: z.enum(['established', 'severed', 'suspended', 'restored', 'downgraded']),
  note: localizedTextSchema.optional(),
  sources: z.array(sourceUrlSchema).min(1),
  confidence: confidenceSchema,
});

/** data/names.json: former names of states, and names that fit more than one state. */
export const namesFileSchema = z.object({
  description: z.string().min(1),
  former: z.array(
    z.object({
      names: z.array(z.string().min(1)).min(1),
      /** What the name stood for, in the reader's language. */
      label: z.object({ en: z.string().min(1), ko: z.string().min(1) }),
      /** renamed: the same state under a new name; successor: a state that carries on its seat and treaties; dissolved: gone, split among several. */
      kind: z.enum(['renamed', 'successor', 'dissolved']),
      /** renamed and successor: exactly one code, answered for; dissolved: the states it became, offered as choices. */
      now: z.array(countryCodeSchema).min(1),
      until: partialDateSchema,
      source: sourceUrlSchema,
    }),
  ),
  ambiguous: z.array(z.object({ names: z.array(z.string().min(1)).min(1), codes: z.array(countryCodeSchema).min(2) })),
});

/** data/sources.json: publishers' display names by domain, and the domains never to be cited. */
export const sourcesFileSchema = z.object({
  description: z.string().min(1),
  publishers: z.record(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'expected a lower-case domain'), z.string().min(1)),
  denylist: z.array(
    z.object({
      domain: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'expected a lower-case domain'),
      why: z.string().min(1),
    }),
  ),
});

export type RelationStatus = z.infer<typeof relationStatusSchema>;
export type Confidence = z.infer<typeof confidenceSchema>;
export type EventKind = z.infer<typeof eventKindSchema>;
export type LocalizedText = z.infer<typeof localizedTextSchema>;
