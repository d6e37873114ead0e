// One quiz in one channel, as a state machine: ask, take answers until the deadline, close the round, next.
// No I/O and no timers: the caller passes the clock's "now" into every step.
import type { Difficulty, Question } from './question.js';

/** How long players have to answer each question, unless the quiz was started with another time. */
export const answerWindowMs = 20_000;
/** The answer times a quiz may be started with, in seconds. */
export const minAnswerSeconds = 10;
export const maxAnswerSeconds = 60;
/** A quiz with fewer players than this does not count on the server's boards (no farming points alone). */
export const minPlayersToCount = 2;
/** Points for a right answer: the base, plus up to the bonus for answering fast. */
export const basePoints = 500;
export const speedBonus = 500;

export interface Answer {
  userId: string;
  choice: number;
  /** When the final answer was given: the points are reckoned from it. */
  at: number;
}

export interface ScoredAnswer extends Answer {
  right: boolean;
  points: number;
}

export interface RoundResult {
  round: number;
  question: Question;
  answers: ScoredAnswer[];
  /** True when this was the last question. */
  last: boolean;
}

/**
 * recorded: a first answer; changed: a different choice replaced it (allowed once); confirmed: the same choice as
 * the current answer, nothing changes; no-more-changes: a second change, refused; closed: too late or not a choice.
 */
export type AnswerOutcome = 'recorded' | 'changed' | 'confirmed' | 'no-more-changes' | 'closed';

/** Right answers score more when faster: full bonus at once, none at the deadline. */
export function pointsFor(right: boolean, answeredAt: number, askedAt: number, deadline: number): number {
  if (!right) return 0;
  const left = Math.min(1, Math.max(0, (deadline - answeredAt) / (deadline - askedAt)));
  return basePoints + Math.round(speedBonus * left);
}

export class QuizGame {
  round = 0;
  askedAt: number;
  deadline: number;
  finished = false;
  /** True when the quiz was stopped before its last question closed. */
  stopped = false;
  private answers = new Map<string, Answer & { changed: boolean }>();
  /** Points each player earned in this quiz. */
  readonly totals = new Map<string, { points: number; right: number; answered: number }>();

  constructor(
    readonly id: string,
    readonly questions: readonly Question[],
    readonly difficulty: Difficulty,
    now: number,
    /** How long each question stays open. */
    readonly windowMs: number = answerWindowMs,
  ) {
    if (questions.length === 0) throw new Error('a quiz needs at least one question');
    this.askedAt = now;
    this.deadline = now + windowMs;
  }

  get question(): Question {
    return this.questions[this.round]!;
  }

  /**
   * Takes one answer per player per question, before the deadline. A player may change it once: the new choice
   * replaces the old one, and its time is the one the points are reckoned from.
   */
  answer(userId: string, choice: number, now: number): AnswerOutcome {
    if (this.finished || now >= this.deadline || choice < 0 || choice >= this.question.choices.length) return 'closed';
    const previous = this.answers.get(userId);
    if (!previous) {
      this.answers.set(userId, { userId, choice, at: now, changed: false });
      return 'recorded';
    }
    if (previous.choice === choice) return 'confirmed';
    if (previous.changed) return 'no-more-changes';
    this.answers.set(userId, { userId, choice, at: now, changed: true });
    return 'changed';
  }

  /** The choice a player has given on the open question, if any. */
  answerOf(userId: string): number | undefined {
    return this.answers.get(userId)?.choice;
  }

  isDue(now: number): boolean {
    return !this.finished && now >= this.deadline;
  }

  /** Scores the round, then moves to the next question (asked now) or finishes. */
  closeRound(now: number): RoundResult {
    const question = this.question;
    const answers = [...this.answers.values()].map(({ userId, choice, at }): ScoredAnswer => {
      const right = choice === question.answer;
      return { userId, choice, at, right, points: pointsFor(right, at, this.askedAt, this.deadline) };
    });
    for (const answer of answers) {
      const total = this.totals.get(answer.userId) ?? { points: 0, right: 0, answered: 0 };
      total.points += answer.points;
      total.right += answer.right ? 1 : 0;
      total.answered += 1;
      this.totals.set(answer.userId, total);
    }
    const result: RoundResult = {
      round: this.round,
      question,
      answers,
      last: this.round === this.questions.length - 1,
    };
    this.answers = new Map();
    if (result.last) this.finished = true;
    else {
      this.round += 1;
      this.askedAt = now;
      this.deadline = now + this.windowMs;
    }
    return result;
  }

  /** Ends the quiz now: the open question is dropped unscored, the rounds already closed keep their points. */
  stop(): void {
    if (this.finished) return;
    this.finished = true;
    this.stopped = true;
    this.answers = new Map();
  }

  /** How many rounds were closed and scored. */
  get closedRounds(): number {
    return this.finished && !this.stopped ? this.questions.length : this.round;
  }

  /** Whether this quiz's points count on the server's boards: it needs enough players. */
  get counts(): boolean {
    return this.totals.size >= minPlayersToCount;
  }

  /** Players by points this quiz, best first. */
  standings(): { userId: string; points: number; right: number; answered: number }[] {
    return [...this.totals]
      .map(([userId, total]) => ({ userId, ...total }))
      .sort((a, b) => b.points - a.points || a.userId.localeCompare(b.userId));
  }
}
