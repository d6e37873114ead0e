// /daily set|off|status|preview|test: a server's daily post of diplomatic news, at its own time in its own zone.
// Only members with Manage Server may use it: Discord hides it from others (default_member_permissions), and the
// router checks it again (`requires`), because server admins can override command permissions.
import { ApplicationCommandOptionType, ChannelType, PermissionFlagsBits } from 'discord-api-types/v10';
import { commandData, defineCommand, described, type Services, type SlashContext } from '../src/bot/command.js';
import { firstDay, nextPostAt, parseTimeOfDay, type DailySettings } from '../src/news/daily.js';
import { localDay, readTimeZone, searchTimeZones } from '../src/news/local-time.js';
import { offsetLabel } from '../src/news/zone-input.js';
import { channelMention, dailyStatusReply, discordWhen } from '../src/render/daily.js';
import { newsStrings } from '../src/render/news-strings.js';
import { quoteUserText } from '../src/render/reply.js';

const data = commandData({
  name: 'daily',
  name_localizations: { ko: '일일' },
  ...described(
    'A daily post of diplomatic news in this server (Manage Server)',
    '이 서버의 외교 뉴스 일일 게시물 (서버 관리 권한)',
  ),
  integration_types: [0],
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
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'test',
      name_localizations: { ko: '테스트' },
      ...described(
        'Post the next daily post in its channel now, as a test that does not count',
        '다음 일일 게시물을 지금 채널에 테스트로 올리기 (정식 게시로 치지 않음)',
      ),
    },
  ],
});

type SetOptions = Extract<SlashContext<typeof data>['invocation'], { subcommand: 'set' }>['options'];

async function set(interaction: SlashContext<typeof data>, options: SetOptions, guildId: string, services: Services) {
  const { language } = interaction;
  const d = newsStrings[language].daily;
  const { channel } = options;
  const time = options.time === undefined ? '09:00' : parseTimeOfDay(options.time);
  if (!time) return interaction.reply({ ephemeral: true, content: d.badTime(quoteUserText(options.time ?? '')) });
  const reading = options.timezone === undefined ? undefined : readTimeZone(options.timezone, services.now());
  if (reading && reading.kind !== 'zone') {
    const typed = quoteUserText(options.timezone ?? '');
    const content = reading.kind === 'ambiguous' ? d.zoneAmbiguous(typed, reading.zones.join(', ')) : d.badZone(typed);
    return interaction.reply({ ephemeral: true, content });
  }
  const timezone = reading?.zone ?? 'UTC';
  // Say how a city, an abbreviation or an offset was read, so the admin sees the IANA zone it became.
  const readAs =
    reading?.as === 'offset'
      ? d.zoneFromOffset(offsetLabel(options.timezone ?? ''), timezone)
      : reading?.as
        ? d.zoneReadAs(quoteUserText(options.timezone ?? ''), timezone)
        : undefined;
  if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement) {
    return interaction.reply({
      ephemeral: true,
      content: d.cannotPost(channelMention(channel.id), d.reasons['not-text']),
    });
  }
  await interaction.defer({ ephemeral: true });
  // The honest test of whether the bot may post there is to post: the confirmation doubles as that test.
  const refused = await services.daily.poster.tryPost(channel.id, {
    content: `📰 ${d.confirmedInChannel(time, timezone)}`,
  });
  if (refused) return interaction.reply({ content: d.cannotPost(channelMention(channel.id), d.reasons[refused]) });
  const now = services.now();
  const settings: DailySettings = {
    channelId: channel.id,
    time,
    timezone,
    language,
    from: firstDay(time, timezone, now),
  };
  const { repository } = services.daily;
  await repository.saveSettings(guildId, settings);
  const next = nextPostAt(settings, await repository.recordOf(guildId), now);
  const confirmation = d.set(channelMention(channel.id), time, timezone, discordWhen(next));
  return interaction.reply({ content: readAs ? `${readAs}\n${confirmation}` : confirmation });
}

export default defineCommand({
  data,
  requires: { manageServer: true },
  async execute(interaction, services) {
    const { language, invocation } = interaction;
    const d = newsStrings[language].daily;
    const { repository, poster } = services.daily;
    // Guaranteed by `requires: { manageServer: true }`.
    const guildId = interaction.guildId!;
    switch (invocation.subcommand) {
      case 'set':
        return set(interaction, invocation.options, guildId, services);
      case 'off': {
        const removed = await repository.removeSettings(guildId);
        return interaction.reply({ ephemeral: true, content: removed ? d.off : d.wasOff });
      }
      case 'status': {
        const settings = await repository.settingsOf(guildId);
        const record = await repository.recordOf(guildId);
        const next = settings && nextPostAt(settings, record, services.now());
        return interaction.reply(dailyStatusReply(settings, record, next, language));
      }
      case 'preview': {
        const settings = await repository.settingsOf(guildId);
        if (!settings) return interaction.reply({ ephemeral: true, content: d.notSet });
        const next = nextPostAt(settings, await repository.recordOf(guildId), services.now()) ?? services.now();
        const { reply } = await poster.render(guildId, settings, localDay(next, settings.timezone));
        return interaction.reply({ ...reply, ephemeral: true });
      }
      case 'test': {
        const settings = await repository.settingsOf(guildId);
        if (!settings) return interaction.reply({ ephemeral: true, content: d.notSet });
        await interaction.defer({ ephemeral: true });
        const next = nextPostAt(settings, await repository.recordOf(guildId), services.now()) ?? services.now();
        const refused = await poster.postTest(guildId, settings, localDay(next, settings.timezone));
        const channel = channelMention(settings.channelId);
        return interaction.reply({
          content: refused ? d.cannotPost(channel, d.reasons[refused]) : d.testSent(channel, discordWhen(next)),
        });
      }
    }
  },
  async autocomplete(interaction, services) {
    const zones = searchTimeZones(interaction.focused.value, 25, services.now());
    await interaction.choices(zones.map((zone) => ({ name: zone, value: zone })));
  },
});
