// Countries and territories the bot knows: codes, names in English and Korean, aliases, UN membership.

export interface Country {
  code: string; // ISO 3166-1 alpha-2
  alpha3: string;
  name: { en: string; ko: string };
  aliases: readonly string[];
  flag: string;
  unMember: boolean;
}

export type Language = 'en' | 'ko';
