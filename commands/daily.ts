// /daily set|off|status|preview|test: a server's daily post of diplomatic news, at its own time in its own zone.
// Only members with Manage Server may use it: Discord hides it from others (default_member_permissions), and the
// router checks it again (`requires`), because server admins can override command permissions.
import { ApplicationCommandOptionType, ChannelType, PermissionFlagsBits } from 'discord-api-types/v10';
import { commandData, defineCommand, described, type Services, type SlashContext } from '../src/bot/command.js';
import { countryChoices, countryFromText } from '../src/bot/country-option.js';
import { mayMentionAnyRole } from '../src/bot/channel-access.js';
import { historyLines } from '../src/news/daily-history.js';
import {
  firstDay,
  maxPreferred,
  newsTagOf,
  nextPostAt,
  parseTimeOfDay,
  type DailySettings,
  type DailyTopic,
  type Delivery,
} from '../src/news/daily.js';
import { localDay, readTimeZone, searchTimeZones } from '../src/news/local-time.js';
import { offsetLabel } from '../src/news/zone-input.js';
import {
  channelMention,
  dailyHistoryReply,
  dailyStatusReply,
  discordWhen,
  pauseText,
  roleMention,
  settingsLines,
} from '../src/render/daily.js';
import type { Language } from '../src/render/i18n.js';
import { newsStrings } from '../src/render/news-strings.js';
import { clip, limits, quoteUserText } from '../src/render/reply.js';

/**
 * Topics as presets. A slash command has no multi-choice option, and a select menu after the command would be a
 * second step with state to keep; six presets cover the useful mixes, Discord checks the value, and each is
 * localized.
 */
const topicPresets = {
  standard: ['news', 'on-this-day', 'fact'],
  all: ['news', 'on-this-day', 'fact', 'quiz'],
  news: ['news'],
  history: ['on-this-day', 'fact'],
  'news-quiz': ['news', 'quiz'],
  quiz: ['quiz'],
} as const satisfies Record<string, readonly DailyTopic[]>;

/** What clears the preferred countries. */
const noCountries = new Set(['none', '-', '없음']);

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
          ...described('Where to post: a text, announcement or forum channel', '게시할 채널: 텍스트·공지·포럼 채널'),
          channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement, ChannelType.GuildForum],
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
        {
          type: ApplicationCommandOptionType.Boolean,
          name: 'thread',
          name_localizations: { ko: '스레드' },
          ...described(
            'Open a thread on each post for discussion (a forum always makes a new post)',
            '게시물마다 토론용 스레드 열기 (포럼은 항상 새 게시물)',
          ),
        },
        {
          type: ApplicationCommandOptionType.Role,
          name: 'role',
          name_localizations: { ko: '역할' },
          ...described(
            'A role to mention in each post, such as @Diplomacy (never @everyone)',
            '게시물마다 멘션할 역할, 예: @외교 (@everyone은 안 됨)',
          ),
        },
        {
          type: ApplicationCommandOptionType.Boolean,
          name: 'clear-role',
          name_localizations: { ko: '역할-해제' },
          ...described('Stop mentioning the role', '역할 멘션 그만하기'),
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'topics',
          name_localizations: { ko: '내용' },
          ...described(
            'What the posts hold (default: news, on this day, a fact)',
            '게시물 내용 (기본값: 뉴스, 오늘의 역사, 오늘의 사실)',
          ),
          choices: [
            {
              name: 'News, else on this day, else a fact (default)',
              name_localizations: { ko: '뉴스, 없으면 오늘의 역사, 없으면 오늘의 사실 (기본값)' },
              value: 'standard',
            },
            {
              name: 'All of that, and a quiz question of the day',
              name_localizations: { ko: '기본 내용과 오늘의 퀴즈' },
              value: 'all',
            },
            { name: 'News only', name_localizations: { ko: '뉴스만' }, value: 'news' },
            {
              name: 'On this day, else a fact (no news)',
              name_localizations: { ko: '오늘의 역사, 없으면 오늘의 사실 (뉴스 제외)' },
              value: 'history',
            },
            { name: 'News and a quiz question', name_localizations: { ko: '뉴스와 오늘의 퀴즈' }, value: 'news-quiz' },
            { name: 'A quiz question only', name_localizations: { ko: '오늘의 퀴즈만' }, value: 'quiz' },
          ],
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'prefer',
          name_localizations: { ko: '우선-나라' },
          ...described(
            `Countries to put first, separated by commas (up to ${maxPreferred}); "none" to clear`,
            `먼저 다룰 나라, 쉼표로 구분 (${maxPreferred}개까지). "없음"이면 해제`,
          ),
          autocomplete: true,
          max_length: 100,
        },
        {
          type: ApplicationCommandOptionType.Integer,
          name: 'max-age',
          name_localizations: { ko: '뉴스-기한' },
          ...described(
            'Skip news older than this many days (default 30)',
            '이 일수보다 오래된 뉴스는 건너뛰기 (기본값 30)',
          ),
          min_value: 1,
          max_value: 3650,
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
      name: 'history',
      name_localizations: { ko: '기록' },
      ...described(
        'The last 10 days: posted (with links), skipped or paused and why, and the next post',
        '최근 10일: 게시(링크), 건너뜀·일시 중지와 그 이유, 다음 게시',
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

/** Country codes from "KR, Japan, 북한"; a reply when one is not a country or there are too many. */
function preferredCountries(
  typed: string,
  services: Services,
  language: Language,
): { codes: string[] } | { problem: string } {
  const d = newsStrings[language].daily;
  if (noCountries.has(typed.trim().toLowerCase())) return { codes: [] };
  const codes: string[] = [];
  for (const part of typed
    .split(/[,，、]/)
    .map((text) => text.trim())
    .filter(Boolean)) {
    const found = countryFromText(services, part, language);
    if ('reply' in found) return { problem: d.badPrefer(quoteUserText(part)) };
    if (!codes.includes(found.country.code)) codes.push(found.country.code);
  }
  return codes.length > maxPreferred ? { problem: d.tooManyPreferred(maxPreferred) } : { codes };
}

async function set(interaction: SlashContext<typeof data>, options: SetOptions, guildId: string, services: Services) {
  const { language } = interaction;
  const d = newsStrings[language].daily;
  const { channel } = options;
  const { repository, poster } = services.daily;
  // What is left out keeps its current value: running /daily set again to change one thing changes only that.
  const previous = await repository.settingsOf(guildId);
  const time = options.time === undefined ? (previous?.time ?? '09:00') : parseTimeOfDay(options.time);
  if (!time) return interaction.reply({ ephemeral: true, content: d.badTime(quoteUserText(options.time ?? '')) });
  const reading = options.timezone === undefined ? undefined : readTimeZone(options.timezone, services.now());
  if (reading && reading.kind !== 'zone') {
    const typed = quoteUserText(options.timezone ?? '');
    const content = reading.kind === 'ambiguous' ? d.zoneAmbiguous(typed, reading.zones.join(', ')) : d.badZone(typed);
    return interaction.reply({ ephemeral: true, content });
  }
  const timezone = reading?.zone ?? previous?.timezone ?? 'UTC';
  // Say how a city, an abbreviation or an offset was read, so the admin sees the IANA zone it became.
  const readAs =
    reading?.as === 'offset'
      ? d.zoneFromOffset(offsetLabel(options.timezone ?? ''), timezone)
      : reading?.as
        ? d.zoneReadAs(quoteUserText(options.timezone ?? ''), timezone)
        : undefined;
  const forum = channel.type === ChannelType.GuildForum;
  if (!forum && channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement) {
    return interaction.reply({
      ephemeral: true,
      content: d.cannotPost(channelMention(channel.id), d.reasons['not-text']),
    });
  }
  // The @everyone role has the server's id; it would ping every member, which the bot never does.
  if (options.role?.id === guildId) return interaction.reply({ ephemeral: true, content: d.everyoneRole });
  let prefer = previous?.prefer;
  if (options.prefer !== undefined) {
    const read = preferredCountries(options.prefer, services, language);
    if ('problem' in read) return interaction.reply({ ephemeral: true, content: read.problem });
    prefer = read.codes;
  }
  const roleId = options['clear-role'] ? undefined : (options.role?.id ?? previous?.roleId);
  const thread = options.thread ?? previous?.delivery === 'thread';
  const delivery: Delivery = forum ? 'forum' : thread ? 'thread' : 'message';
  const topics = options.topics === undefined ? previous?.topics : [...topicPresets[options.topics]];
  const maxAgeDays = options['max-age'] ?? previous?.maxAgeDays;

  await interaction.defer({ ephemeral: true });
  const where = channelMention(channel.id);
  let tagName: string | undefined;
  let permissions: bigint | undefined;
  if (delivery !== 'message') {
    // A thread or a forum post needs more than a message: check each permission before saving, and name the missing.
    const checked = await poster.checkChannel(guildId, channel.id, delivery);
    if ('refused' in checked) {
      const { reason, missing } = checked.refused;
      const why = reason === 'not-text' ? d.reasons['not-text'] : pauseText(reason, missing, language);
      return interaction.reply({ content: d.cannotPost(where, why) });
    }
    tagName = newsTagOf(checked.channel.tags)?.name ?? '';
    permissions = checked.channel.permissions;
  }
  if (delivery !== 'forum') {
    // The honest test of whether the bot may post there is to post: the confirmation doubles as that test.
    const refused = await poster.tryPost(guildId, channel.id, {
      content: `📰 ${d.confirmedInChannel(time, timezone)}`,
    });
    if (refused) {
      const why =
        refused.reason === 'not-text' ? d.reasons['not-text'] : pauseText(refused.reason, refused.missing, language);
      return interaction.reply({ content: d.cannotPost(where, why) });
    }
  }
  const now = services.now();
  const settings: DailySettings = {
    channelId: channel.id,
    time,
    timezone,
    language,
    from: firstDay(time, timezone, now),
    delivery,
    ...(roleId && { roleId }),
    ...(topics && { topics }),
    ...(prefer?.length && { prefer }),
    ...(maxAgeDays !== undefined && { maxAgeDays }),
  };
  await repository.saveSettings(guildId, settings);
  const next = nextPostAt(settings, await repository.recordOf(guildId), now);
  const lines = [
    ...(readAs ? [readAs] : []),
    d.set(where, time, timezone, discordWhen(next)),
    ...settingsLines(settings, language, tagName),
  ];
  if (forum && options.thread) lines.push(d.forumIsThreads);
  // A role that is not mentionable pings only when the bot may mention every role there.
  if (options.role && !options.role.mentionable) {
    permissions ??= await poster.permissionsIn(guildId, channel.id);
    if (permissions !== undefined && !mayMentionAnyRole(permissions))
      lines.push(d.roleWillNotPing(roleMention(options.role.id)));
  }
  return interaction.reply({ content: clip(lines.join('\n'), 2000) });
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
      case 'history': {
        const settings = await repository.settingsOf(guildId);
        const history = await repository.historyOf(guildId);
        if (!settings && !history.length) return interaction.reply({ ephemeral: true, content: d.notSet });
        const now = services.now();
        const next = settings && nextPostAt(settings, await repository.recordOf(guildId), now);
        const lines = historyLines(settings, history, now);
        return interaction.reply(dailyHistoryReply(guildId, settings, lines, next, language));
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
        if (!refused) return interaction.reply({ content: d.testSent(channel, discordWhen(next)) });
        const why =
          refused.reason === 'not-text' ? d.reasons['not-text'] : pauseText(refused.reason, refused.missing, language);
        return interaction.reply({ content: d.cannotPost(channel, why) });
      }
    }
  },
  async autocomplete(interaction, services) {
    const { focused, language } = interaction;
    if (focused.name === 'prefer') {
      // Completes the country being typed after the last comma, keeping the ones before it.
      const parts = focused.value.split(/[,，、]/);
      const typing = parts.pop() ?? '';
      const before = parts.map((part) => part.trim()).filter(Boolean);
      const choices = countryChoices(services, typing.trim(), language)
        .map((choice) => ({
          name: clip([...before, choice.name].join(', '), limits.choiceName),
          value: [...before, choice.value].join(', '),
        }))
        .filter((choice) => choice.value.length <= 100);
      return interaction.choices(choices);
    }
    const zones = searchTimeZones(focused.value, 25, services.now());
    await interaction.choices(zones.map((zone) => ({ name: zone, value: zone })));
  },
});
