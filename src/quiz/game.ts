// One quiz in one channel, as a state machine: ask, take answers until the deadline, close the round, next.
// No I/O and no timers: the caller passes the clock's "now" into every step.
import type { Difficulty, Question } from './question.js';

/** How long players have to answer each question. */
export const answerWindowMs = 20_000;
/** Points for a right answer: the base, plus up to the bonus for answering fast. */
export const basePoints = 500;
export const speedBonus = 500;

export interface Answer {
  userId: string;
  choice: number;
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

export type AnswerOutcome = 'recorded' | 'already-answered' | 'closed';

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
  private answers = new Map<string, Answer>();
  /** Points each player earned in this quiz. */
  readonly totals = new Map<string, { points: number; right: number; answered: number }>();

  constructor(
    readonly id: string,
    readonly questions: readonly Question[],
    readonly difficulty: Difficulty,
    now: number,
  ) {
    if (questions.length === 0) throw new Error('a quiz needs at least one question');
    this.askedAt = now;
    this.deadline = now + answerWindowMs;
  }

  get question(): Question {
    return this.questions[this.round]!;
  }

  /** Takes one answer per player per question, before the deadline. */
  answer(userId: string, choice: number, now: number): AnswerOutcome {
    if (this.finished || now >= this.deadline || choice < 0 || choice >= this.question.choices.length) return 'closed';
    if (this.answers.has(userId)) return 'already-answered';
    this.answers.set(userId, { userId, choice, at: now });
    return 'recorded';
  }

  isDue(now: number): boolean {
    return !this.finished && now >= this.deadline;
  }

  /** Scores the round, then moves to the next question (asked now) or finishes. */
  closeRound(now: number): RoundResult {
    const question = this.question;
    const answers = [...this.answers.values()].map((answer) => {
      const right = answer.choice === question.answer;
      return { ...answer, right, points: pointsFor(right, answer.at, this.askedAt, this.deadline) };
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
      this.deadline = now + answerWindowMs;
    }
    return result;
  }

  /** Players by points this quiz, best first. */
  standings(): { userId: string; points: number; right: number; answered: number }[] {
    return [...this.totals]
      .map(([userId, total]) => ({ userId, ...total }))
      .sort((a, b) => b.points - a.points || a.userId.localeCompare(b.userId));
  }
}
