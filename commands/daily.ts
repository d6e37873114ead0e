// /daily set|off|status|preview: a server's daily post of diplomatic news, at its own time in its own zone.
// Only members with Manage Server may use it: Discord hides it from others (default_member_permissions), and it is
// checked again here, because server admins can override command permissions.
import {
  ApplicationCommandOptionType,
  ChannelType,
  PermissionFlagsBits,
  Routes,
  type ChatInputCommandInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { described, type BotContext, type Command } from '../src/bot/command.js';
import { pauseReasonOf } from '../src/bot/daily-poster.js';
import { channelMessageBody, respond } from '../src/bot/respond.js';
import { firstDay, nextPostAt, parseTimeOfDay, type DailySettings } from '../src/news/daily.js';
import { canonicalZone, localDay, searchTimeZones } from '../src/news/local-time.js';
import { channelMention, dailyStatusReply, discordWhen } from '../src/render/daily.js';
import { languageOf, type Language } from '../src/render/i18n.js';
import { newsStrings } from '../src/render/news-strings.js';
import { quoteUserText } from '../src/render/reply.js';

const data = {
  name: 'daily',
  name_localizations: { ko: '일일' },
  ...described(
    'A daily post of diplomatic news in this server (Manage Server)',
    '이 서버의 외교 뉴스 일일 게시물 (서버 관리 권한)',
  ),
  contexts: [0],
  default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'set',
      name_localizations: { ko: '설정' },
      ...described('Post every day in a channel, at a time in a time zone', '매일 정한 시각·시간대에 채널에 게시'),
      options: [
        {
          type: ApplicationCommandOptionType.Channel,
          name: 'channel',
          name_localizations: { ko: '채널' },
          ...described('Where to post', '게시할 채널'),
          channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
          required: true,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'time',
          name_localizations: { ko: '시각' },
          ...described('HH:MM, 24-hour (default 09:00)', 'HH:MM, 24시간 형식 (기본값 09:00)'),
          min_length: 3,
          max_length: 5,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'timezone',
          name_localizations: { ko: '시간대' },
          ...described('A time zone such as Asia/Seoul (default UTC)', 'Asia/Seoul 같은 시간대 (기본값 UTC)'),
          autocomplete: true,
          max_length: 64,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'off',
      name_localizations: { ko: '끄기' },
      ...described('Stop the daily post', '일일 게시물 중지'),
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'status',
      name_localizations: { ko: '상태' },
      ...described(
        'Channel, time, next and last post, and why it is paused if it is',
        '채널, 시각, 다음·마지막 게시, 일시 중지 사유',
      ),
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'preview',
      name_localizations: { ko: '미리보기' },
      ...described('Show now what the next daily post will hold', '다음 일일 게시물 내용을 지금 미리 보기'),
    },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

async function set(interaction: ChatInputCommandInteraction<'cached' | 'raw'>, ctx: BotContext, language: Language) {
  const d = newsStrings[language].daily;
  const channel = interaction.options.getChannel('channel', true);
  const typedTime = interaction.options.getString('time');
  const typedZone = interaction.options.getString('timezone');
  const time = typedTime === null ? '09:00' : parseTimeOfDay(typedTime);
  if (!time) return respond(interaction, { ephemeral: true, content: d.badTime(quoteUserText(typedTime ?? '')) });
  const timezone = typedZone === null ? 'UTC' : canonicalZone(typedZone);
  if (!timezone) return respond(interaction, { ephemeral: true, content: d.badZone(quoteUserText(typedZone ?? '')) });
  if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement) {
    return respond(interaction, {
      ephemeral: true,
      content: d.cannotPost(channelMention(channel.id), d.reasons['not-text']),
    });
  }
  await interaction.deferReply({ flags: 'Ephemeral' });
  // The honest test of whether the bot may post there is to post: the confirmation doubles as that test.
  try {
    await interaction.client.rest.post(Routes.channelMessages(channel.id), {
      body: channelMessageBody({ content: `📰 ${d.confirmedInChannel(time, timezone)}` }),
    });
  } catch (error) {
    const reason = pauseReasonOf(error);
    if (!reason) throw error;
    return respond(interaction, { content: d.cannotPost(channelMention(channel.id), d.reasons[reason]) });
  }
  const now = ctx.now();
  const settings: DailySettings = {
    channelId: channel.id,
    time,
    timezone,
    language,
    from: firstDay(time, timezone, now),
  };
  await ctx.daily.repository.saveSettings(interaction.guildId, settings);
  const next = nextPostAt(settings, await ctx.daily.repository.recordOf(interaction.guildId), now);
  return respond(interaction, {
    content: d.set(channelMention(channel.id), time, timezone, discordWhen(next)),
  });
}

async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const language = languageOf(interaction.locale);
  const d = newsStrings[language].daily;
  if (!interaction.inGuild()) return respond(interaction, { ephemeral: true, content: d.guildOnly });
  if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
    return respond(interaction, { ephemeral: true, content: d.notAdmin });
  }
  const { repository, poster } = ctx.daily;
  const guildId = interaction.guildId;
  switch (interaction.options.getSubcommand()) {
    case 'set':
      return set(interaction, ctx, language);
    case 'off': {
      const removed = await repository.removeSettings(guildId);
      return respond(interaction, { ephemeral: true, content: removed ? d.off : d.wasOff });
    }
    case 'status': {
      const settings = await repository.settingsOf(guildId);
      const record = await repository.recordOf(guildId);
      const next = settings && nextPostAt(settings, record, ctx.now());
      return respond(interaction, dailyStatusReply(settings, record, next, language));
    }
    case 'preview': {
      const settings = await repository.settingsOf(guildId);
      if (!settings) return respond(interaction, { ephemeral: true, content: d.notSet });
      const next = nextPostAt(settings, await repository.recordOf(guildId), ctx.now()) ?? ctx.now();
      const { reply } = await poster.render(guildId, settings, localDay(next, settings.timezone));
      return respond(interaction, { ...reply, ephemeral: true });
    }
  }
}

export default {
  data,
  execute,
  async autocomplete(interaction) {
    const zones = searchTimeZones(String(interaction.options.getFocused()));
    await interaction.respond(zones.map((zone) => ({ name: zone, value: zone })));
  },
} satisfies Command;
