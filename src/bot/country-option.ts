// Country options shared by several commands: autocomplete choices, and turning what was typed into a country.
import {
  ApplicationCommandOptionType,
  type APIApplicationCommandOptionChoice,
  type APIApplicationCommandStringOption,
} from 'discord-api-types/v10';
import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { Country } from '../facts/countries.js';
import { countryNotFoundReply, formerNameNote } from '../render/not-found.js';
import { languageOf, type Language } from '../render/i18n.js';
import { clip, limits, type Reply } from '../render/reply.js';
import type { BotContext } from './command.js';

/** The definition of a country option: free text with autocomplete, in English and Korean. */
export function countryOptionData(
  name: string,
  localized: { ko: string; description: string; descriptionKo: string },
  required: boolean,
): APIApplicationCommandStringOption {
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

/** Discord allows at most 25 choices; each value is an alpha-2 code. */
export function countryChoices(
  ctx: BotContext,
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
    name_localizations: { ko: clip(`${country.name.ko} (${country.code})`, limits.choiceName) },
    value: country.code,
  }));
}

export async function answerCountryAutocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  await interaction.respond(countryChoices(ctx, String(focused.value), languageOf(interaction.locale)));
}

/**
 * A chosen code resolves directly; anything typed by hand goes through the same search as autocomplete. A former
 * name ("USSR") is answered for today's state, with a note saying so for the reply to show.
 */
export function countryFromText(ctx: BotContext, typed: string, language: Language): CountryOrReply {
  const byCode = /^[A-Za-z]{2}$/.test(typed.trim()) ? ctx.facts.country(typed.trim()) : undefined;
  if (byCode) return { country: byCode };
  const resolution = ctx.search.resolve(typed);
  if (resolution.kind !== 'found') return { reply: countryNotFoundReply(typed, resolution, language) };
  if (!resolution.former) return { country: resolution.country };
  return { country: resolution.country, note: formerNameNote(typed, resolution.former, resolution.country, language) };
}

type CountryOrReply = { country: Country; note?: string } | { reply: Reply };

/** A required country option; Discord never sends the command without it. */
export function countryOption(interaction: ChatInputCommandInteraction, name: string, ctx: BotContext): CountryOrReply {
  return countryFromText(ctx, interaction.options.getString(name, true), languageOf(interaction.locale));
}

/** An optional country option: undefined when left out. */
export function optionalCountryOption(
  interaction: ChatInputCommandInteraction,
  name: string,
  ctx: BotContext,
): CountryOrReply | undefined {
  const typed = interaction.options.getString(name);
  return typed === null ? undefined : countryFromText(ctx, typed, languageOf(interaction.locale));
}
