// /settings default-country|language|show: a server's own choices, for members with Manage Server.
import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord-api-types/v10';
import { defineCommand, described } from '../src/bot/command.js';
import { aCountry, answerCountryAutocomplete, countryOptionData, optionalCountry } from '../src/bot/country-option.js';
import { languageOf } from '../src/render/i18n.js';
import { countrySetReply, languageSetReply, settingsReply } from '../src/render/settings.js';

export default defineCommand({
  data: {
    name: 'settings',
    name_localizations: { ko: '설정' },
    ...described("This server's settings for attache (Manage Server)", '이 서버의 attache 설정 (서버 관리 권한)'),
    contexts: [0],
    default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'default-country',
        name_localizations: { ko: '기본나라' },
        ...described(
          'The country /relations compares with when `with` is left out (empty: the bot’s default)',
          '/관계 명령어에서 상대국을 비웠을 때 비교할 나라 (비우면 봇 기본값)',
        ),
        options: [countryOptionData('country', aCountry, false)],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'language',
        name_localizations: { ko: '언어' },
        ...described(
          'Reply in each member’s language (auto), or always in English or Korean',
          '멤버마다 자신의 언어로 답하기(자동), 또는 항상 영어나 한국어로',
        ),
        options: [
          {
            type: ApplicationCommandOptionType.String,
            name: 'language',
            name_localizations: { ko: '언어' },
            ...described('auto, en or ko', '자동, 영어 또는 한국어'),
            required: true,
            choices: [
              {
                name: 'auto (each member’s Discord language)',
                name_localizations: { ko: '자동 (각자의 Discord 언어)' },
                value: 'auto',
              },
              { name: 'English', name_localizations: { ko: '영어' }, value: 'en' },
              { name: 'Korean (한국어)', name_localizations: { ko: '한국어' }, value: 'ko' },
            ],
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'show',
        name_localizations: { ko: '보기' },
        ...described("Show this server's settings", '이 서버의 설정 보기'),
      },
    ],
  },
  requires: { manageServer: true },
  async execute(interaction, services) {
    const { invocation, language } = interaction;
    const guildId = interaction.guildId!; // guaranteed by `requires`
    const botDefault = services.facts.country(services.config.DEFAULT_COUNTRY)!;
    switch (invocation.subcommand) {
      case 'default-country': {
        const found = optionalCountry(invocation.options.country, services, language);
        if (found && 'reply' in found) return interaction.reply(found.reply);
        await services.servers.update(guildId, { defaultCountry: found?.country.code });
        return interaction.reply(countrySetReply(found?.country ?? botDefault, !found, language));
      }
      case 'language': {
        const chosen = invocation.options.language;
        const fixed = chosen === 'auto' ? undefined : chosen;
        await services.servers.update(guildId, { language: fixed });
        // The daily post is written in the language stored with it: a fixed language applies to it too.
        const daily = fixed && (await services.daily.repository.settingsOf(guildId));
        if (daily) await services.daily.repository.saveSettings(guildId, { ...daily, language: fixed });
        return interaction.reply(languageSetReply(fixed, languageOf(interaction.raw.locale)));
      }
      case 'show': {
        const settings = await services.servers.of(guildId);
        const country = (settings.defaultCountry && services.facts.country(settings.defaultCountry)) || botDefault;
        return interaction.reply(settingsReply(settings, country, language));
      }
    }
  },
  autocomplete: answerCountryAutocomplete,
});
