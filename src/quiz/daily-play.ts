// Playing the daily challenge: opening it (a new run, a resumed one, or the result of a finished one) and answering
// a question. Every step reads what it needs from the store and writes the player's run once, so the next click
// may reach another process; what a player sees is computed from the run, never remembered.
import type { Facts } from '../facts/facts.js';
import { addDays } from '../news/local-time.js';
import type { DailyChallengeRepository } from '../store/daily-challenge-repository.js';
import {
  answerQuestion,
  challengeDay,
  challengeMark,
  dailyQuestions,
  isFinished,
  newRun,
  nextChallengeAt,
  rankDaily,
  rightCount,
  type ClickOutcome,
  type DailyBoardEntry,
  type DailyRun,
} from './daily-challenge.js';
import { currentStreak, withDayPlayed } from './daily-streak.js';
import type { Question } from './question.js';

/** The question just answered, to reveal. */
export interface DailyReveal {
  index: number;
  question: Question;
  choice: number;
  right: boolean;
}

interface DayOf {
  guildId: string;
  day: string;
  /** Whether `day` is the server's day now (false: a run begun yesterday, finished after midnight). */
  today: boolean;
  /** Marks the buttons with the day's questions (see challengeMark). */
  mark: string;
}

export type DailyView =
  | (DayOf & {
      kind: 'question';
      index: number;
      question: Question;
      reveal?: DailyReveal;
      /** The player had already answered some of today's questions, and comes back to the next. */
      resumed: boolean;
    })
  | (DayOf & {
      kind: 'result';
      userId: string;
      run: DailyRun;
      questions: readonly Question[];
      reveal?: DailyReveal;
      /** True when this is the player coming back after finishing (their one try is used). */
      again: boolean;
      board: { userId: string; entry: DailyBoardEntry }[];
      streak: { current: number; best: number };
      nextAt: Date;
    })
  /** A click on a challenge of a day that is over (older than yesterday): nothing is scored. */
  | { kind: 'expired'; day: string };

/** A click on an answer button, as its custom_id carries it. */
export interface DailyClick {
  day: string;
  index: number;
  choice: number;
  mark: string;
}

export interface DailyChallengeServices {
  facts: Facts;
  repository: DailyChallengeRepository;
  now: () => Date;
  /** The server's time zone: that of its daily post, else UTC. */
  zoneOf: (guildId: string) => Promise<string>;
}

export class DailyChallenge {
  constructor(private readonly services: DailyChallengeServices) {}

  /** /quiz daily: today's first question, the question a player stopped at, or their result and the board. */
  async open(guildId: string, userId: string): Promise<DailyView> {
    const { repository, now } = this.services;
    const zone = await this.services.zoneOf(guildId);
    const day = challengeDay(now(), zone);
    const questions = dailyQuestions(this.services.facts, guildId, day);
    let run = await repository.runOf(guildId, day, userId);
    if (!run) {
      // Written at once: the try has begun, and a click on another process finds it.
      run = newRun(day, now());
      await repository.saveRun(guildId, userId, run);
    }
    const at = { guildId, day, today: true, mark: challengeMark(questions) };
    if (!isFinished(run)) {
      const index = run.answers.length;
      return { kind: 'question', ...at, index, question: questions[index]!, resumed: index > 0 };
    }
    return this.result(at, userId, run, questions, zone, { again: true });
  }

  /** A click on an answer: the reveal and the next question, or the reveal and the result. */
  async answer(guildId: string, userId: string, click: DailyClick): Promise<DailyView> {
    const { repository, now } = this.services;
    const zone = await this.services.zoneOf(guildId);
    const today = challengeDay(now(), zone);
    if (click.day !== today && click.day !== addDays(today, -1)) return { kind: 'expired', day: click.day };
    const questions = dailyQuestions(this.services.facts, guildId, click.day);
    const at = { guildId, day: click.day, today: click.day === today, mark: challengeMark(questions) };
    const run = (await repository.runOf(guildId, click.day, userId)) ?? newRun(click.day, now());
    const outcome: ClickOutcome =
      click.mark === at.mark ? answerQuestion(run, questions, click.index, click.choice, now()) : { kind: 'stale' };
    if (outcome.kind === 'stale') {
      // A double click, an old message, or questions changed by a release: where the player is now, unchanged.
      if (isFinished(run)) return this.result(at, userId, run, questions, zone, { again: true });
      const index = run.answers.length;
      return { kind: 'question', ...at, index, question: questions[index]!, resumed: index > 0 };
    }
    await repository.saveRun(guildId, userId, outcome.run);
    const reveal = {
      index: click.index,
      question: questions[click.index]!,
      choice: click.choice,
      right: outcome.right,
    };
    if (!isFinished(outcome.run)) {
      const index = outcome.run.answers.length;
      return { kind: 'question', ...at, index, question: questions[index]!, reveal, resumed: false };
    }
    return this.result(at, userId, outcome.run, questions, zone, { again: false, reveal });
  }

  /**
   * The result of a finished run, with the board and the streak. Writes the streak and the board entry if they do
   * not have this run yet: after the last answer, or when an earlier write was lost (a crash, or a board written by
   * two processes at once). Both writes are idempotent.
   */
  private async result(
    at: DayOf,
    userId: string,
    run: DailyRun,
    questions: readonly Question[],
    zone: string,
    { again, reveal }: { again: boolean; reveal?: DailyReveal },
  ): Promise<DailyView> {
    const { repository, now } = this.services;
    let streak = await repository.streakOf(at.guildId, userId);
    if (!streak.days.includes(at.day)) {
      streak = withDayPlayed(streak, at.day);
      await repository.saveStreak(at.guildId, userId, streak);
    }
    let board = await repository.boardOf(at.guildId, at.day);
    if (!board[userId]) {
      const entry = { right: rightCount(run), finishedAt: run.finishedAt ?? now().toISOString(), streak: 0 };
      entry.streak = currentStreak(streak, at.day);
      board = await repository.addToBoard(at.guildId, at.day, userId, entry);
    }
    const today = challengeDay(now(), zone);
    return {
      kind: 'result',
      ...at,
      userId,
      run,
      questions,
      ...(reveal && { reveal }),
      again,
      board: rankDaily(board),
      streak: { current: currentStreak(streak, today), best: streak.best },
      nextAt: nextChallengeAt(today, zone),
    };
  }
}
