// /country country: a country's diplomatic profile computed from the data.
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { BotContext, Command } from '../src/bot/command.js';
import { answerCountryAutocomplete, countryOption, countryOptionData } from '../src/bot/country-option.js';
import { respond } from '../src/bot/respond.js';
import { countryProfile } from '../src/facts/profile.js';
import { languageOf } from '../src/render/i18n.js';
import { profileReply } from '../src/render/profile.js';

const data = {
  name: 'country',
  name_localizations: { ko: '나라' },
  description: 'A country’s diplomatic profile: partners, exceptions and recent changes',
  description_localizations: { ko: '나라별 외교 관계 요약: 수교국, 예외, 최근 변화' },
  contexts: [0, 1],
  options: [
    countryOptionData(
      'country',
      {
        ko: '나라',
        description: 'A country: name, code (KR, KOR) or common alias',
        descriptionKo: '나라 이름, 코드(KR, KOR) 또는 흔히 쓰는 다른 이름',
      },
      true,
    ),
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

async function execute(interaction: Parameters<Command['execute']>[0], ctx: BotContext): Promise<void> {
  const found = countryOption(interaction, 'country', ctx);
  if ('reply' in found) return respond(interaction, found.reply);
  const profile = countryProfile(ctx.facts, found.country);
  const reply = profileReply(profile, languageOf(interaction.locale));
  await respond(interaction, found.note ? { ...reply, content: found.note } : reply);
}

export default {
  data,
  execute,
  autocomplete: answerCountryAutocomplete,
} satisfies Command;
