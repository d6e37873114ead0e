// Countries and territories the bot knows: codes, names in English and Korean, aliases, UN membership.

export interface Country {
  code: string; // ISO 3166-1 alpha-2
  alpha3: string;
  /** UN M49 / ISO 3166-1 numeric code: the key of the world map's shapes. Absent for Kosovo, which has none. */
  numeric?: string;
  name: { en: string; ko: string };
  /** English writes the name with "the" (the United States); Korean has no article. */
  article?: 'the';
  aliases: readonly string[];
  flag: string;
  unMember: boolean;
  /** Where the map marks a state too small to be drawn as a shape: [longitude, latitude]. */
  mapPoint?: readonly [number, number];
}

export type Language = 'en' | 'ko';

const collators: Partial<Record<Language, Intl.Collator>> = {};

/** Alphabetical order in a language (Korean names in 가나다 order); made once per language, as it costs more than a sort. */
export function nameCollator(language: Language): Intl.Collator {
  return (collators[language] ??= new Intl.Collator(language));
}
