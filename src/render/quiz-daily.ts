// The daily challenge's private messages: the reveal of the answer just given above the next question, or above the
// result with the board of the day and the streak. Each click replaces the whole message.
import { ButtonStyle, ComponentType, type APIButtonComponentWithCustomId, type APIEmbed } from 'discord-api-types/v10';
import type { SourceBook } from '../facts/sources.js';
import { dailyChallengeSize, dailyDifficulty } from '../quiz/daily-challenge.js';
import type { DailyReveal, DailyView } from '../quiz/daily-play.js';
import { customIdCodec } from './custom-id.js';
import { discordTime } from './daily.js';
import { strings, type Language } from './i18n.js';
import { choiceLabel, explanationText, promptText } from './quiz.js';
import { quizStrings } from './quiz-strings.js';
import { clip, sourceLinks, type Reply } from './reply.js';

const quizColor = 0x6a1b9a;
const rightColor = 0x2e7d32;
const wrongColor = 0xc62828;
/** Players shown on the board of the day; a player further down sees their own line under it. */
export const dailyBoardSize = 10;

/**
 * An answer button of the daily challenge: the day, the question's number, the choice's position and the mark of
 * the day's questions. Never which choice is right: the player's run in the store is what gets scored.
 */
export const quizDailyAnswerId = customIdCodec('quiz', 'daily', { day: 'id', index: 'int', choice: 'int', mark: 'id' });

/** `YYYY-MM-DD` in words. */
export function dayInWords(day: string, language: Language): string {
  const [year, month, date] = day.split('-').map(Number);
  return strings[language].date(year!, month, date);
}

function revealEmbed(reveal: DailyReveal, total: number, language: Language, sources: SourceBook): APIEmbed {
  const q = quizStrings[language];
  const d = q.daily;
  const { question, choice, right } = reveal;
  const lines = [
    promptText(question, language),
    '',
    q.answerWas(choiceLabel(question.choices[question.answer]!, language)),
    ...(right ? [] : [d.yourAnswer(choiceLabel(question.choices[choice]!, language))]),
    explanationText(question, language),
  ];
  return {
    title: `${right ? d.right : d.wrong} · ${reveal.index + 1}/${total}`,
    color: right ? rightColor : wrongColor,
    description: lines.join('\n'),
    fields: [
      {
        name: q.source,
        value: sourceLinks(question.explanation.sources.slice(0, 2), strings[language].field.more, (url) =>
          sources.label(url, language),
        ),
      },
    ],
  };
}

function questionReply(view: Extract<DailyView, { kind: 'question' }>, language: Language, sources: SourceBook): Reply {
  const q = quizStrings[language];
  const d = q.daily;
  const { question, index } = view;
  const buttons = question.choices.map((choice, position): APIButtonComponentWithCustomId => ({
    type: ComponentType.Button,
    custom_id: quizDailyAnswerId.encode({ day: view.day, index, choice: position, mark: view.mark }),
    label: clip(`${'ABCD'[position]} · ${choiceLabel(choice, language)}`, 80),
    style: ButtonStyle.Primary,
  }));
  const description = [...(view.resumed ? [d.resumed(index + 1), ''] : []), promptText(question, language)];
  const embeds: APIEmbed[] = [
    ...(view.reveal ? [revealEmbed(view.reveal, dailyChallengeSize, language, sources)] : []),
    {
      title: d.questionTitle(index + 1, dailyChallengeSize),
      color: quizColor,
      description: description.join('\n'),
      footer: { text: d.footer(dayInWords(view.day, language), q.difficulty[dailyDifficulty]) },
    },
  ];
  return { ephemeral: true, embeds, components: [{ type: ComponentType.ActionRow, components: buttons }] };
}

function resultReply(view: Extract<DailyView, { kind: 'result' }>, language: Language, sources: SourceBook): Reply {
  const q = quizStrings[language];
  const d = q.daily;
  const day = dayInWords(view.day, language);
  const right = view.run.answers.filter((answer) => answer.right).length;
  const marks = view.run.answers.map((answer) => (answer.right ? '✅' : '❌')).join(' ');
  const next = discordTime(view.nextAt, 'R');
  const note = !view.today ? d.lateFinish(day) : view.again ? d.oneTry(next) : d.comeBack(next);
  const line = (rank: number, userId: string, entry: { right: number; streak: number }) =>
    d.boardLine(rank, `<@${userId}>`, entry.right, dailyChallengeSize, entry.streak);
  const lines = view.board.slice(0, dailyBoardSize).map(({ userId, entry }, index) => line(index + 1, userId, entry));
  const mine = view.board.findIndex((player) => player.userId === view.userId);
  if (mine >= dailyBoardSize) lines.push('…', line(mine + 1, view.userId, view.board[mine]!.entry));
  const embeds: APIEmbed[] = [
    ...(view.reveal ? [revealEmbed(view.reveal, dailyChallengeSize, language, sources)] : []),
    {
      title: d.resultTitle(day, right, dailyChallengeSize),
      color: quizColor,
      description: `${marks}\n\n${note}`,
      fields: [
        { name: d.streak, value: d.streakLine(view.streak.current, view.streak.best) },
        { name: d.board, value: clip(lines.join('\n'), 1024) },
      ],
    },
  ];
  return { ephemeral: true, embeds, components: [] };
}

/** What a player sees of the daily challenge, always privately. */
export function dailyReply(view: DailyView, language: Language, sources: SourceBook): Reply {
  switch (view.kind) {
    case 'question':
      return questionReply(view, language, sources);
    case 'result':
      return resultReply(view, language, sources);
    case 'expired':
      return {
        ephemeral: true,
        content: quizStrings[language].daily.expired(dayInWords(view.day, language)),
        embeds: [],
        components: [],
      };
  }
}
