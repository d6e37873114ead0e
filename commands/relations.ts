// /relations country [with]: are two countries in diplomatic relations, since when, and says who.
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { BotContext, Command } from '../src/bot/command.js';
import {
  answerCountryAutocomplete,
  countryOption,
  countryOptionData,
  optionalCountryOption,
} from '../src/bot/country-option.js';
import { respond } from '../src/bot/respond.js';
import { languageOf } from '../src/render/i18n.js';
import { relationReply } from '../src/render/relation.js';

const data = {
  name: 'relations',
  name_localizations: { ko: '관계' },
  description: 'Diplomatic relations between two countries: status, since when, and the sources',
  description_localizations: { ko: '두 나라의 외교 관계: 현재 상태, 시작 시점, 출처' },
  contexts: [0, 1],
  options: [
    countryOptionData(
      'country',
      {
        ko: '나라',
        description: 'A country: name, code (SY, SYR) or common alias',
        descriptionKo: '나라 이름, 코드(SY, SYR) 또는 흔히 쓰는 다른 이름',
      },
      true,
    ),
    countryOptionData(
      'with',
      {
        ko: '상대국',
        description: 'The other country (default: South Korea, or the bot owner’s DEFAULT_COUNTRY)',
        descriptionKo: '상대 나라 (기본값: 대한민국 또는 봇 운영자가 정한 DEFAULT_COUNTRY)',
      },
      false,
    ),
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

async function execute(interaction: Parameters<Command['execute']>[0], ctx: BotContext): Promise<void> {
  const language = languageOf(interaction.locale);
  const country = countryOption(interaction, 'country', ctx);
  const other = optionalCountryOption(interaction, 'with', ctx) ?? {
    country: ctx.facts.country(ctx.config.DEFAULT_COUNTRY)!,
  };
  if ('reply' in country) return respond(interaction, country.reply);
  if ('reply' in other) return respond(interaction, other.reply);
  const answer = ctx.facts.relationBetween(other.country, country.country);
  const notes = [country.note, other.note].filter((note) => note !== undefined);
  await respond(interaction, relationReply(answer, language, ctx.now(), ctx.facts.sources, notes));
}

export default {
  data,
  execute,
  autocomplete: answerCountryAutocomplete,
} satisfies Command;
