// The shape of the files in data/. Checked at start-up: a bad row stops the bot with the file and row named.
import { z } from 'zod';

/** A date as precise as the sources allow: YYYY, YYYY-MM or YYYY-MM-DD. Never a made-up day. */
export const partialDateSchema = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((value) => {
    const [year, month, day] = value.split('-').map(Number);
    if (month === undefined) return true;
    if (month < 1 || month > 12) return false;
    if (day === undefined) return true;
    const lastDay = new Date(Date.UTC(year!, month, 0)).getUTCDate();
    return day >= 1 && day <= lastDay;
  }, 'not a real calendar date');

const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code');

/** Short prose in English, optionally Korean (English is shown where Korean is missing). */
export const localizedTextSchema = z.object({
  en: z.string().min(1),
  ko: z.string().min(1).optional(),
});

export const sourceUrlSchema = z.url({ protocol: /^https?$/ });

export const countrySchema = z.object({
  alpha2: countryCodeSchema,
  alpha3: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 3166-1 alpha-3 code'),
  name: z.object({ en: z.string().min(1), ko: z.string().min(1) }),
  /** Other names people type: official names, abbreviations, former names, Korean variants. */
  aliases: z.array(z.string().min(1)),
  flag: z.string().min(1),
  un_member: z.boolean(),
});

export const countriesFileSchema = z.object({
  /** Where the codes, names and UN membership come from. */
  sources: z.record(z.string(), sourceUrlSchema),
  countries: z.array(z.unknown()),
});

export const relationStatusSchema = z.enum(['established', 'none', 'severed', 'suspended']);
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
  /** Where sources disagree: which value was used, in our own words. */
  caveat: localizedTextSchema.optional(),
});

export const relationsFileSchema = z.object({
  description: z.string().min(1),
  /** The date the statuses in this file were last checked against their sources. */
  as_of: partialDateSchema,
  relations: z.array(z.unknown()),
});

export type RelationStatus = z.infer<typeof relationStatusSchema>;
export type Confidence = z.infer<typeof confidenceSchema>;
export type EventKind = z.infer<typeof eventKindSchema>;
export type LocalizedText = z.infer<typeof localizedTextSchema>;
