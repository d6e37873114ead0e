// /quiz start|leaderboard|stats: multiple-choice rounds generated from the facts, played by the whole channel.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { defineCommand, described } from '../src/bot/command.js';
import { rank } from '../src/quiz/stats.js';
import { leaderboardReply, quizBoardId, statsReply } from '../src/render/quiz.js';
import { quizStrings } from '../src/render/quiz-strings.js';
import type { Reply } from '../src/render/reply.js';

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
          'Start a quiz in this channel: four choices, about 20 seconds a question',
          '이 채널에서 퀴즈 시작: 4지선다, 문제당 약 20초',
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
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'leaderboard',
        name_localizations: { ko: '순위' },
        ...described("This server's top players, 10 a page", '이 서버의 상위 플레이어 (한 쪽에 10명)'),
        options: [
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
        if (services.quiz.runner.isRunning(channelId)) {
          return interaction.reply({ ephemeral: true, content: quizStrings[language].alreadyRunning });
        }
        const { rounds = 5, difficulty = 'medium' } = invocation.options;
        const start = {
          guildId,
          channelId,
          applicationId: interaction.applicationId,
          token: interaction.token,
          reply: (reply: Reply) => interaction.reply(reply),
        };
        return services.quiz.runner.begin(start, rounds, difficulty, language);
      }
      case 'leaderboard': {
        const ranked = rank(await services.quiz.repository.board(guildId));
        return interaction.reply(leaderboardReply(ranked, invocation.options.page ?? 1, language));
      }
      case 'stats': {
        const userId = invocation.options.user?.id ?? interaction.user.id;
        const stats = await services.quiz.repository.statsOf(guildId, userId);
        return interaction.reply(statsReply(userId, stats, language));
      }
    }
  },
  async component(interaction, services) {
    const board = quizBoardId.decode(interaction.customId);
    if (board) {
      const ranked = rank(await services.quiz.repository.board(interaction.guildId!));
      return interaction.update(leaderboardReply(ranked, board.page, interaction.language));
    }
    return services.quiz.runner.answer(interaction, interaction.language);
  },
});
