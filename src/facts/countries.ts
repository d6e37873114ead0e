// Countries and territories the bot knows: codes, names in English and Korean, aliases, UN membership.

export interface Country {
  code: string; // ISO 3166-1 alpha-2
  alpha3: string;
  name: { en: string; ko: string };
  /** English writes the name with "the" (the United States); Korean has no article. */
  article?: 'the';
  aliases: readonly string[];
  flag: string;
  unMember: boolean;
}

export type Language = 'en' | 'ko';

const collators: Partial<Record<Language, Intl.Collator>> = {};

/** Alphabetical order in a language (Korean names in 가나다 order); made once per language, as it costs more than a sort. */
export function nameCollator(language: Language): Intl.Collator {
  return (collators[language] ??= new Intl.Collator(language));
}
