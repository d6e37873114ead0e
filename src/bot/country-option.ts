// Country options shared by several commands: autocomplete choices, and turning what was typed into a country.
import {
  ApplicationCommandOptionType,
  type APIApplicationCommandOptionChoice,
  type APIApplicationCommandStringOption,
} from 'discord-api-types/v10';
import type { Country } from '../facts/countries.js';
import { countryNotFoundReply, formerNameNote } from '../render/not-found.js';
import { strings, type Language } from '../render/i18n.js';
import { clip, limits, type Reply } from '../render/reply.js';
import type { AutocompleteContext, Services } from './command.js';

/** The usual wording of a `country` option, in both languages. */
export const aCountry = {
  ko: '나라',
  description: 'A country: name, code (KR, KOR) or common alias',
  descriptionKo: '나라 이름, 코드(KR, KOR) 또는 흔히 쓰는 다른 이름',
};

/** The definition of a country option: free text with autocomplete, in English and Korean. */
export function countryOptionData<const N extends string, const R extends boolean>(
  name: N,
  localized: { ko: string; description: string; descriptionKo: string },
  required: R,
): APIApplicationCommandStringOption & { name: N; required: R } {
  return {
    type: ApplicationCommandOptionType.String,
    name,
    name_localizations: { ko: localized.ko },
    description: localized.description,
    description_localizations: { ko: localized.descriptionKo },
    required,
    autocomplete: true,
    max_length: 100,
  };
}

/** Discord allows at most 25 choices; each value is an alpha-2 code, each name in the reader's language. */
export function countryChoices(
  ctx: Pick<Services, 'search' | 'facts'>,
  typed: string,
  language: Language,
): APIApplicationCommandOptionChoice<string>[] {
  return ctx.search.search(typed, 25, language).map(({ country }) => ({
    name: clip(
      language === 'ko'
        ? `${country.name.ko} (${country.name.en}, ${country.code})`
        : `${country.name.en} (${country.code})`,
      limits.choiceName,
    ),
    // No name_localizations: the name is already in the reader's language (or the server's fixed one), and a
    // localization would override that for Korean clients.
    value: country.code,
  }));
}

export async function answerCountryAutocomplete(interaction: AutocompleteContext, services: Services): Promise<void> {
  await interaction.choices(countryChoices(services, interaction.focused.value, interaction.language));
}

/**
 * A chosen code resolves directly; anything typed by hand goes through the same search as autocomplete. A former
 * name ("USSR") is answered for today's state, with a note saying so for the reply to show.
 */
export function countryFromText(
  ctx: Pick<Services, 'search' | 'facts'>,
  typed: string,
  language: Language,
): CountryOrReply {
  if (!typed.trim()) return { reply: { ephemeral: true, content: strings[language].countryEmpty } };
  const byCode = /^[A-Za-z]{2}$/.test(typed.trim()) ? ctx.facts.country(typed.trim()) : undefined;
  if (byCode) return { country: byCode };
  const resolution = ctx.search.resolve(typed);
  if (resolution.kind !== 'found') return { reply: countryNotFoundReply(typed, resolution, language) };
  if (!resolution.former) return { country: resolution.country };
  return { country: resolution.country, note: formerNameNote(typed, resolution.former, resolution.country, language) };
}

export type CountryOrReply = { country: Country; note?: string } | { reply: Reply };

/** An optional country option: undefined when left out. */
export function optionalCountry(
  typed: string | undefined,
  ctx: Pick<Services, 'search' | 'facts'>,
  language: Language,
): CountryOrReply | undefined {
  return typed === undefined ? undefined : countryFromText(ctx, typed, language);
}
