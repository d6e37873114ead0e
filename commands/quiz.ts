// /quiz start|stop|leaderboard|stats: multiple-choice rounds generated from the facts, played by the whole channel;
// /quiz daily: the server's five questions of the day, played privately, one try each.
import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord-api-types/v10';
import { defineCommand, described, type Services } from '../src/bot/command.js';
import { DailyChallenge } from '../src/quiz/daily-play.js';
import { dailyReply, quizDailyAnswerId } from '../src/render/quiz-daily.js';
import { rank } from '../src/quiz/stats.js';
import { maxAnswerSeconds, minAnswerSeconds } from '../src/quiz/game.js';
import { leaderboardReply, quizBoardId, quizMonthBoardId, statsReply, type BoardPeriod } from '../src/render/quiz.js';
import { monthOf } from '../src/store/quiz-repository.js';
import { quizStrings } from '../src/render/quiz-strings.js';
import type { Reply } from '../src/render/reply.js';
import type { Language } from '../src/render/i18n.js';
import type { QuizRepository } from '../src/store/quiz-repository.js';

async function leaderboard(
  repository: QuizRepository,
  guildId: string,
  period: BoardPeriod,
  page: number,
  language: Language,
): Promise<Reply> {
  const board =
    period.kind === 'all' ? await repository.board(guildId) : await repository.monthBoard(guildId, period.month);
  return leaderboardReply(rank(board), page, language, period);
}

/** The daily challenge, on the server's day: that of its daily post's time zone, else UTC. */
function dailyChallenge(services: Services): DailyChallenge {
  return new DailyChallenge({
    facts: services.facts,
    repository: services.quiz.repository.daily,
    now: services.now,
    zoneOf: async (guildId) => (await services.daily.repository.settingsOf(guildId))?.timezone ?? 'UTC',
  });
}

export default defineCommand({
  data: {
    name: 'quiz',
    name_localizations: { ko: '퀴즈' },
    ...described('A quiz on diplomatic relations for everyone in the channel', '채널 모두가 함께하는 외교 관계 퀴즈'),
    integration_types: [0],
    contexts: [0],
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'start',
        name_localizations: { ko: '시작' },
        ...described(
          'Start a quiz in this channel: four choices, 20 seconds a question unless you choose',
          '이 채널에서 퀴즈 시작: 4지선다, 문제당 20초 (바꿀 수 있음)',
        ),
        options: [
          {
            type: ApplicationCommandOptionType.Integer,
            name: 'rounds',
            name_localizations: { ko: '문제수' },
            ...described('How many questions (1-20, default 5)', '문제 수 (1-20, 기본값 5)'),
            min_value: 1,
            max_value: 20,
          },
          {
            type: ApplicationCommandOptionType.String,
            name: 'difficulty',
            name_localizations: { ko: '난이도' },
            ...described(
              'easy: well-known countries and decades; hard: exact years and small states',
              '쉬움: 잘 알려진 나라·연대, 어려움: 정확한 연도·작은 나라',
            ),
            choices: [
              { name: 'easy', name_localizations: { ko: '쉬움' }, value: 'easy' },
              { name: 'medium', name_localizations: { ko: '보통' }, value: 'medium' },
              { name: 'hard', name_localizations: { ko: '어려움' }, value: 'hard' },
            ],
          },
          {
            type: ApplicationCommandOptionType.Integer,
            name: 'seconds',
            name_localizations: { ko: '초' },
            ...described(
              'Seconds to answer each question (10-60, default 20)',
              '문제당 답할 시간, 초 단위 (10-60, 기본값 20)',
            ),
            min_value: minAnswerSeconds,
            max_value: maxAnswerSeconds,
          },
          {
            type: ApplicationCommandOptionType.String,
            name: 'category',
            name_localizations: { ko: '분야' },
            ...described(
              'Only questions about the Koreas, the rest of the world, or recent changes (default: all)',
              '남북한, 그 밖의 세계, 최근 변화 중 한 분야의 문제만 (기본값: 전체)',
            ),
            choices: [
              { name: 'koreas', name_localizations: { ko: '남북한' }, value: 'koreas' },
              { name: 'world', name_localizations: { ko: '세계' }, value: 'world' },
              { name: 'recent', name_localizations: { ko: '최근 변화' }, value: 'recent' },
            ],
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'daily',
        name_localizations: { ko: '오늘' },
        ...described(
          "Today's five questions, the same for everyone here: one try, played privately, with the day's board",
          '서버 모두가 같은 오늘의 다섯 문제: 하루 한 번, 나만 보이게 풀고 오늘의 순위 확인',
        ),
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'stop',
        name_localizations: { ko: '중단' },
        ...described(
          'End the quiz in this channel now (whoever started it, or Manage Server)',
          '이 채널의 퀴즈를 지금 끝내기 (시작한 사람 또는 서버 관리 권한)',
        ),
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'leaderboard',
        name_localizations: { ko: '순위' },
        ...described("This server's top players, 10 a page", '이 서버의 상위 플레이어 (한 쪽에 10명)'),
        options: [
          {
            type: ApplicationCommandOptionType.String,
            name: 'period',
            name_localizations: { ko: '기간' },
            ...described(
              'This month (UTC) or all time (default: this month)',
              '이번 달(UTC) 또는 전체 기간 (기본값: 이번 달)',
            ),
            choices: [
              { name: 'month', name_localizations: { ko: '이번 달' }, value: 'month' },
              { name: 'all', name_localizations: { ko: '전체' }, value: 'all' },
            ],
          },
          {
            type: ApplicationCommandOptionType.Integer,
            name: 'page',
            name_localizations: { ko: '쪽' },
            ...described('Which page (default 1)', '몇 쪽 (기본값 1)'),
            min_value: 1,
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'stats',
        name_localizations: { ko: '기록' },
        ...described(
          'Answered, right, accuracy and streaks of a player (default: you)',
          '플레이어의 응답·정답·정답률·연속 정답 (기본값: 나)',
        ),
        options: [
          {
            type: ApplicationCommandOptionType.User,
            name: 'user',
            name_localizations: { ko: '사용자' },
            ...described('Whose stats', '누구의 기록'),
          },
        ],
      },
    ],
  },
  requires: { guild: true },
  async execute(interaction, services) {
    const { language, invocation } = interaction;
    // Guaranteed by `requires: { guild: true }`.
    const guildId = interaction.guildId!;
    const channelId = interaction.channelId!;
    switch (invocation.subcommand) {
      case 'start': {
        if (await services.quiz.runner.isRunning(channelId)) {
          return interaction.reply({ ephemeral: true, content: quizStrings[language].alreadyRunning });
        }
        const { rounds = 5, difficulty = 'medium', seconds, category } = invocation.options;
        const start = {
          guildId,
          channelId,
          userId: interaction.user.id,
          applicationId: interaction.applicationId,
          token: interaction.token,
          reply: (reply: Reply) => interaction.reply(reply),
        };
        return services.quiz.runner.begin(start, {
          rounds,
          difficulty,
          language,
          ...(seconds !== undefined && { seconds }),
          ...(category !== undefined && { category }),
        });
      }
      case 'daily': {
        const view = await dailyChallenge(services).open(guildId, interaction.user.id);
        return interaction.reply(dailyReply(view, language, services.facts.sources));
      }
      case 'stop': {
        const manageServer = interaction.hasPermission(PermissionFlagsBits.ManageGuild);
        const outcome = await services.quiz.runner.end(channelId, { userId: interaction.user.id, manageServer });
        const q = quizStrings[language];
        if (outcome.kind === 'none') return interaction.reply({ ephemeral: true, content: q.noQuizToStop });
        if (outcome.kind === 'refused') return interaction.reply({ ephemeral: true, content: q.stopRefused });
        return interaction.reply(outcome.final);
      }
      case 'leaderboard': {
        const { period = 'month', page = 1 } = invocation.options;
        const board: BoardPeriod =
          period === 'all' ? { kind: 'all' } : { kind: 'month', month: monthOf(services.now()) };
        return interaction.reply(await leaderboard(services.quiz.repository, guildId, board, page, language));
      }
      case 'stats': {
        const userId = invocation.options.user?.id ?? interaction.user.id;
        const stats = await services.quiz.repository.statsOf(guildId, userId);
        return interaction.reply(statsReply(userId, stats, language));
      }
    }
  },
  async component(interaction, services) {
    const { repository } = services.quiz;
    const all = quizBoardId.decode(interaction.customId);
    if (all) {
      return interaction.update(
        await leaderboard(repository, interaction.guildId!, { kind: 'all' }, all.page, interaction.language),
      );
    }
    const month = quizMonthBoardId.decode(interaction.customId);
    if (month && /^\d{4}-\d{2}$/.test(month.month)) {
      const period = { kind: 'month', month: month.month } as const;
      return interaction.update(
        await leaderboard(repository, interaction.guildId!, period, month.page, interaction.language),
      );
    }
    const daily = quizDailyAnswerId.decode(interaction.customId);
    if (daily && /^\d{4}-\d{2}-\d{2}$/.test(daily.day)) {
      const view = await dailyChallenge(services).answer(interaction.guildId!, interaction.user.id, daily);
      return interaction.update(dailyReply(view, interaction.language, services.facts.sources));
    }
    return services.quiz.runner.answer(interaction, interaction.language);
  },
});
