// The shape of data/news.json: dated news items, summarised in our own words, each with its sources.
import { z } from 'zod';
import { partialDateSchema, sourceUrlSchema } from '../facts/schema.js';

const code = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code');
const bilingual = z.object({ en: z.string().min(1).max(300), ko: z.string().min(1).max(300) });

/** A fact the bot computes from data/ when it shows the item, so it is never typed in twice. */
export const keyFactSchema = z.discriminatedUnion('kind', [
  /** "X has relations with N of the M other UN members; the exceptions are …" */
  z.object({ kind: z.literal('un-coverage'), country: code }),
  /** "A–B: status, since date" from the relation on record. */
  z.object({ kind: z.literal('relation'), a: code, b: code }),
]);

export const newsItemSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{3,60}$/, 'lower-case letters, digits and dashes'),
  /** When the event happened, as precise as known. */
  date: partialDateSchema,
  headline: bilingual,
  points: z.array(bilingual).min(3).max(5),
  countries: z.array(code).min(1).max(6),
  key_facts: z.array(keyFactSchema).max(5),
  sources: z
    .array(z.object({ name: z.string().min(1).max(80), url: sourceUrlSchema }))
    .min(1)
    .max(5),
});

export const newsFileSchema = z.object({
  description: z.string().min(1),
  items: z.array(z.unknown()),
});

export type KeyFact = z.infer<typeof keyFactSchema>;
