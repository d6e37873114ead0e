// Quiz messages: the question with four buttons, the reveal, the final scoreboard, the leaderboard and stats.
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
} from 'discord-api-types/v10';
import { minPlayersToCount, type RoundResult } from '../quiz/game.js';
import type { Choice, Question } from '../quiz/question.js';
import { accuracy, type PlayerStats } from '../quiz/stats.js';
import { formatDate } from './dates.js';
import type { Language } from './i18n.js';
import { discordTime } from './daily.js';
import { quizStrings } from './quiz-strings.js';
import { labelIn } from './names.js';
import { countryLabel } from './relation.js';
import { clip, sourceLinks, type Reply } from './reply.js';
import type { SourceBook } from '../facts/sources.js';
import { strings } from './i18n.js';
import { customIdCodec } from './custom-id.js';

const quizColor = 0x6a1b9a;
export const leaderboardPageSize = 10;

export function choiceLabel(choice: Choice, language: Language): string {
  const q = quizStrings[language];
  switch (choice.kind) {
    case 'country':
      return countryLabel(choice.country, language);
    case 'pair':
      return `${countryLabel(choice.a, language)} – ${countryLabel(choice.b, language)}`;
    case 'decade':
      return q.decade(choice.decade);
    case 'year':
      return q.year(choice.year);
  }
}

export function promptText(question: Question, language: Language): string {
  const q = quizStrings[language].prompt;
  const { prompt } = question;
  if (prompt.kind === 'restored-in-year') return q.restoredInYear(prompt.year);
  const base = labelIn(prompt.base, language);
  switch (prompt.kind) {
    case 'established-in-year':
      return q.establishedInYear(base, prompt.year);
    case 'decade-of':
      return q.decadeOf(base, labelIn(prompt.partner, language));
    case 'year-of':
      return q.yearOf(base, labelIn(prompt.partner, language));
    case 'no-relations':
      return q.noRelations(base);
    case 'severed':
      return q.severed(base);
    case 'most-recent':
      return q.mostRecent(base);
  }
}

/** An answer button: which quiz, which round, which of the four choices (its index, never whether it is right). */
export const quizAnswerId = customIdCodec('quiz', 'answer', { quizId: 'id', round: 'int', choice: 'int' });
/** A page button of the all-time leaderboard (the id it always had). */
export const quizBoardId = customIdCodec('quiz', 'board', { page: 'int' });
/** A page button of a month's leaderboard: the month stays that month's, whenever the button is clicked. */
export const quizMonthBoardId = customIdCodec('quiz', 'month', { month: 'id', page: 'int' });

/** Which leaderboard: all time, or one month (`YYYY-MM`, UTC). */
export type BoardPeriod = { kind: 'all' } | { kind: 'month'; month: string };

function buttons(
  question: Question,
  quizId: string,
  round: number,
  language: Language,
  revealed: boolean,
): APIActionRowComponent<APIComponentInMessageActionRow> {
  return {
    type: ComponentType.ActionRow,
    components: question.choices.map((choice, index): APIButtonComponentWithCustomId => ({
      type: ComponentType.Button,
      custom_id: quizAnswerId.encode({ quizId, round, choice: index }),
      label: clip(`${'ABCD'[index]} · ${choiceLabel(choice, language)}`, 80),
      style: revealed ? (index === question.answer ? ButtonStyle.Success : ButtonStyle.Secondary) : ButtonStyle.Primary,
      disabled: revealed,
    })),
  };
}

export function questionMessage(
  question: Question,
  quizId: string,
  round: number,
  total: number,
  deadline: number,
  language: Language,
): Reply {
  const q = quizStrings[language];
  return {
    embeds: [
      {
        title: q.questionTitle(round + 1, total),
        color: quizColor,
        description: `${promptText(question, language)}\n\n⏱️ ${q.closes(discordTime(new Date(deadline), 'R'))}`,
        footer: { text: q.difficulty[question.difficulty] },
      },
    ],
    components: [buttons(question, quizId, round, language, false)],
  };
}

export function explanationText(question: Question, language: Language): string {
  const q = quizStrings[language];
  const { base, partner, status, date } = question.explanation;
  // Most explanations start with the base country; the one about a break names it within the sentence.
  const [a, b] = [labelIn(base, language, 'start'), labelIn(partner, language)];
  if (status === 'none' || !date) return q.explainNone(a, b);
  const when = formatDate(date, language);
  if (status === 'restored') return q.explainRestored(a, b, when);
  return status === 'severed' ? q.explainSevered(labelIn(base, language), b, when) : q.explainEstablished(a, b, when);
}

export function revealMessage(
  result: RoundResult,
  quizId: string,
  total: number,
  language: Language,
  sources: SourceBook,
): Reply {
  const q = quizStrings[language];
  const { question } = result;
  const right = result.answers.filter((answer) => answer.right).sort((x, y) => y.points - x.points);
  const winners = right.map((answer) => `<@${answer.userId}> +${answer.points}`).join(', ');
  return {
    embeds: [
      {
        title: q.questionTitle(result.round + 1, total),
        color: quizColor,
        description: [
          promptText(question, language),
          '',
          q.answerWas(choiceLabel(question.choices[question.answer]!, language)),
          explanationText(question, language),
        ].join('\n'),
        fields: [
          { name: q.gotIt, value: clip(winners || q.nobodyGotIt, 1024) },
          {
            name: q.source,
            value: sourceLinks(question.explanation.sources.slice(0, 2), strings[language].field.more, (url) =>
              sources.label(url, language),
            ),
          },
        ],
        footer: { text: `${q.difficulty[question.difficulty]} · ${q.answersCount(result.answers.length)}` },
      },
    ],
    components: [buttons(question, quizId, result.round, language, true)],
  };
}

/** How a quiz ended: its length, the rounds closed and scored, whether its points count, who stopped it. */
export interface QuizEnding {
  total: number;
  closed: number;
  counted: boolean;
  stoppedBy?: string;
}

export function finalMessage(
  standings: { userId: string; points: number; right: number }[],
  language: Language,
  ending: QuizEnding,
): Reply {
  const q = quizStrings[language];
  const lines = standings
    .slice(0, 20)
    .map((player, index) => q.finalLine(index + 1, `<@${player.userId}>`, player.points, player.right, ending.closed));
  const board = lines.join('\n') || q.nobodyPlayed;
  const stopped = ending.stoppedBy === undefined ? undefined : `<@${ending.stoppedBy}>`;
  return {
    embeds: [
      {
        title: stopped ? q.stoppedTitle : q.finalTitle,
        color: quizColor,
        description: stopped ? `${q.stoppedNote(stopped, ending.closed, ending.total)}\n\n${board}` : board,
        footer: { text: ending.counted ? q.finalFooter : q.notCounted(minPlayersToCount) },
      },
    ],
  };
}

/** The open question of a stopped quiz: its buttons go, a line says who stopped it. */
export function stoppedQuestionMessage(userId: string, language: Language): Reply {
  return { content: quizStrings[language].stoppedQuestion(`<@${userId}>`), components: [] };
}

export function endedByRestartMessage(language: Language): Reply {
  return { content: `⏹️ ${quizStrings[language].endedByRestart}`, components: [] };
}

export function leaderboardReply(
  ranked: { userId: string; stats: PlayerStats }[],
  page: number,
  language: Language,
  period: BoardPeriod = { kind: 'all' },
): Reply {
  const q = quizStrings[language];
  if (ranked.length === 0) {
    return { content: period.kind === 'month' ? q.monthEmpty(q.month(period.month)) : q.leaderboardEmpty };
  }
  const pageId = (to: number) =>
    period.kind === 'month'
      ? quizMonthBoardId.encode({ month: period.month, page: to })
      : quizBoardId.encode({ page: to });
  const pages = Math.ceil(ranked.length / leaderboardPageSize);
  const current = Math.min(Math.max(page, 1), pages);
  const start = (current - 1) * leaderboardPageSize;
  const lines = ranked
    .slice(start, start + leaderboardPageSize)
    .map(({ userId, stats }, index) =>
      q.leaderboardLine(start + index + 1, `<@${userId}>`, stats.points, accuracy(stats), stats.answered),
    );
  const reply: Reply = {
    embeds: [
      {
        title: q.leaderboardOf(period.kind === 'month' ? q.month(period.month) : q.allTime),
        color: quizColor,
        description: lines.join('\n'),
        footer: { text: q.page(current, pages) },
      },
    ],
  };
  if (pages > 1) {
    reply.components = [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            custom_id: pageId(current - 1),
            label: q.previous,
            style: ButtonStyle.Secondary,
            disabled: current === 1,
          },
          {
            type: ComponentType.Button,
            custom_id: pageId(current + 1),
            label: q.next,
            style: ButtonStyle.Secondary,
            disabled: current === pages,
          },
        ],
      },
    ];
  }
  return reply;
}

export function statsReply(userId: string, stats: PlayerStats, language: Language): Reply {
  const q = quizStrings[language];
  const user = `<@${userId}>`;
  if (stats.answered === 0) return { ephemeral: true, content: q.noStats(user) };
  const s = q.stats;
  return {
    ephemeral: true,
    embeds: [
      {
        title: q.statsTitle,
        description: user,
        color: quizColor,
        fields: [
          { name: s.answered, value: String(stats.answered), inline: true },
          { name: s.right, value: String(stats.right), inline: true },
          { name: s.accuracy, value: `${Math.round(accuracy(stats) * 100)}%`, inline: true },
          { name: s.streak, value: String(stats.currentStreak), inline: true },
          { name: s.best, value: String(stats.bestStreak), inline: true },
          { name: s.points, value: stats.points.toLocaleString(language === 'ko' ? 'ko-KR' : 'en-US'), inline: true },
        ],
      },
    ],
  };
}
