// /quiz start|leaderboard|stats: multiple-choice rounds generated from the facts, played by the whole channel.
import {
  ApplicationCommandOptionType,
  type ChatInputCommandInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { described, type BotContext, type Command } from '../src/bot/command.js';
import { respond, updateMessage } from '../src/bot/respond.js';
import type { Difficulty } from '../src/quiz/question.js';
import { rank } from '../src/quiz/stats.js';
import { languageOf } from '../src/render/i18n.js';
import { leaderboardReply, statsReply } from '../src/render/quiz.js';
import { quizStrings } from '../src/render/quiz-strings.js';

const data = {
  name: 'quiz',
  name_localizations: { ko: '퀴즈' },
  ...described('A quiz on diplomatic relations for everyone in the channel', '채널 모두가 함께하는 외교 관계 퀴즈'),
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
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const language = languageOf(interaction.locale);
  const q = quizStrings[language];
  if (!interaction.inGuild()) return respond(interaction, { ephemeral: true, content: q.guildOnly });
  switch (interaction.options.getSubcommand()) {
    case 'start': {
      if (ctx.quiz.runner.isRunning(interaction.channelId))
        return respond(interaction, { ephemeral: true, content: q.alreadyRunning });
      const rounds = interaction.options.getInteger('rounds') ?? 5;
      const difficulty = (interaction.options.getString('difficulty') ?? 'medium') as Difficulty;
      return ctx.quiz.runner.begin(interaction, rounds, difficulty, language);
    }
    case 'leaderboard': {
      const ranked = rank(await ctx.quiz.repository.board(interaction.guildId));
      return respond(interaction, leaderboardReply(ranked, interaction.options.getInteger('page') ?? 1, language));
    }
    case 'stats': {
      const user = interaction.options.getUser('user') ?? interaction.user;
      return respond(
        interaction,
        statsReply(user.id, await ctx.quiz.repository.statsOf(interaction.guildId, user.id), language),
      );
    }
  }
}

export default {
  data,
  execute,
  async component(interaction, ctx) {
    const language = languageOf(interaction.locale);
    if (!interaction.isButton() || !interaction.inGuild()) return;
    const [, kind, page] = interaction.customId.split(':');
    if (kind === 'board') {
      const ranked = rank(await ctx.quiz.repository.board(interaction.guildId));
      return updateMessage(interaction, leaderboardReply(ranked, Number(page), language));
    }
    return ctx.quiz.runner.answer(interaction, language);
  },
} satisfies Command;
