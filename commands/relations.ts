// /relations country [with]: are two countries in diplomatic relations, since when, and says who.
import { defineCommand } from '../src/bot/command.js';
import {
  answerCountryAutocomplete,
  countryFromText,
  countryOptionData,
  optionalCountry,
} from '../src/bot/country-option.js';
import { pairMapOf, replyWithMap } from '../src/bot/map-reply.js';
import { relationSourcesId, relationSourcesReply } from '../src/render/explore.js';
import { relationAnswerReply } from '../src/render/relation-answer.js';

export default defineCommand({
  data: {
    name: 'relations',
    name_localizations: { ko: '관계' },
    description: 'Diplomatic relations between two countries: status, since when, and the sources',
    description_localizations: { ko: '두 나라의 외교 관계: 현재 상태, 시작 시점, 출처' },
    integration_types: [0, 1],
    contexts: [0, 1, 2],
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
  },
  async execute(interaction, services) {
    const { options } = interaction.invocation;
    const { language } = interaction;
    const country = countryFromText(services, options.country, language);
    // Left out: the server's own default (/settings default-country), else the bot's.
    const serverDefault =
      interaction.guildId && (await services.servers.quickly(interaction.guildId, 300)).defaultCountry;
    const other = optionalCountry(options.with, services, language) ?? {
      country:
        (serverDefault && services.facts.country(serverDefault)) ||
        services.facts.country(services.config.DEFAULT_COUNTRY)!,
    };
    if ('reply' in country) return interaction.reply(country.reply);
    if ('reply' in other) return interaction.reply(other.reply);
    const answer = services.facts.relationBetween(other.country, country.country);
    const notes = [country.note, 'note' in other ? other.note : undefined].filter((note) => note !== undefined);
    const reply = relationAnswerReply(answer, language, services.now(), services.facts.sources, notes);
    if (reply.ephemeral) return interaction.reply(reply);
    const map = pairMapOf(services, other.country, country.country, language);
    await replyWithMap(interaction, reply, map, services.log);
  },
  autocomplete: answerCountryAutocomplete,
  /** "All sources" under an answer: every source of the pair, privately. */
  async component(interaction, services) {
    const pair = relationSourcesId.decode(interaction.customId);
    const a = pair && services.facts.country(pair.a);
    const b = pair && services.facts.country(pair.b);
    if (!a || !b) return interaction.reply({ ephemeral: true, content: interaction.t.unknownCommand });
    const answer = services.facts.relationBetween(a, b);
    await interaction.reply(relationSourcesReply(answer, services.facts.sources, interaction.language));
  },
});
