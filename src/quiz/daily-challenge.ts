// The daily challenge (/quiz daily): five questions a day, the same for everyone in a server, one try each.
// Which five is a pure function of the server, its day and the facts, so any process can serve any click with
// nothing in memory. A player's run records their answers; the rules here decide what a click does to it.
import { addDays, instantOf, localDay } from '../news/local-time.js';
import type { Facts } from '../facts/facts.js';
import { generateQuiz, promptKey } from './generators.js';
import type { Difficulty, Question } from './question.js';
import { seededRandom } from './random.js';

export const dailyChallengeSize = 5;
/** One difficulty for everyone: medium mixes exact years with decades and well-known countries. */
export const dailyDifficulty: Difficulty = 'medium';

/** The server's day (`YYYY-MM-DD`) at `now` in its zone: the daily post's zone when it has one, else UTC. */
export function challengeDay(now: Date, zone: string): string {
  return localDay(now, zone);
}

/** When the next day's challenge opens: midnight after `day` in the zone. */
export function nextChallengeAt(day: string, zone: string): Date {
  return instantOf(addDays(day, 1), '00:00', zone);
}

/** FNV-1a, 32 bits: a stable number from a text, the same in every process and every release of Node. */
export function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The seed of a server's day. Another server, or another day, gets other questions. */
export function dailySeed(guildId: string, day: string): number {
  return hash32(`attache daily challenge:${guildId}:${day}`);
}

/** Every open and every click asks for the day's questions again: the last few hundred server-days are kept. */
const recentDays = new WeakMap<Facts, Map<string, readonly Question[]>>();
const keptDays = 500;

/** The day's five questions for a server (the same every time: they are drawn from a seed). */
export function dailyQuestions(facts: Facts, guildId: string, day: string): readonly Question[] {
  let days = recentDays.get(facts);
  if (!days) recentDays.set(facts, (days = new Map<string, readonly Question[]>()));
  const key = `${guildId}:${day}`;
  let questions = days.get(key);
  if (!questions) {
    questions = generateQuiz(facts, dailyChallengeSize, dailyDifficulty, seededRandom(dailySeed(guildId, day)));
    days.set(key, questions);
    if (days.size > keptDays) days.delete(days.keys().next().value!);
  }
  return questions;
}

/**
 * A short mark of which questions these are (their prompts and choices, not which one is right). Buttons carry it,
 * so a click made before a release that changed the day's questions is not scored against another question.
 */
export function challengeMark(questions: readonly Question[]): string {
  const text = questions.map((q) => `${promptKey(q.prompt)}|${q.choices.map((c) => JSON.stringify(c)).join('|')}`);
  return hash32(text.join('\n')).toString(36);
}

export interface DailyAnswer {
  choice: number;
  right: boolean;
  /** ISO time the click was handled. */
  at: string;
}

/** One player's try at one day's challenge. */
export interface DailyRun {
  day: string;
  startedAt: string;
  answers: DailyAnswer[];
  /** Set with the last answer. */
  finishedAt?: string;
}

export const newRun = (day: string, now: Date): DailyRun => ({ day, startedAt: now.toISOString(), answers: [] });

export const isFinished = (run: DailyRun): boolean => run.answers.length >= dailyChallengeSize;

export const rightCount = (run: DailyRun): number => run.answers.filter((answer) => answer.right).length;

/**
 * What a click on choice `choice` of question `index` does. answered: it was the question the player is on, and
 * counts (the new run is to be written). stale: the player already answered that question (a double click, or an
 * old message); nothing changes, show where they are.
 */
export type ClickOutcome = { kind: 'answered'; run: DailyRun; right: boolean } | { kind: 'stale' };

export function answerQuestion(
  run: DailyRun,
  questions: readonly Question[],
  index: number,
  choice: number,
  now: Date,
): ClickOutcome {
  const question = questions[index];
  if (!question || index !== run.answers.length || isFinished(run)) return { kind: 'stale' };
  if (!Number.isInteger(choice) || choice < 0 || choice >= question.choices.length) return { kind: 'stale' };
  const right = choice === question.answer;
  const answers = [...run.answers, { choice, right, at: now.toISOString() }];
  const finished = answers.length >= dailyChallengeSize;
  return {
    kind: 'answered',
    right,
    run: { ...run, answers, ...(finished && { finishedAt: now.toISOString() }) },
  };
}

/** A player's line on the board of the day. */
export interface DailyBoardEntry {
  right: number;
  /** ISO time of the last answer. */
  finishedAt: string;
  /** Their streak of days played, that day included. */
  streak: number;
}

export type DailyBoard = Record<string, DailyBoardEntry>;

/**
 * Best first: more right answers, then who finished earlier that day. There is no clock per question: the
 * questions are answered privately and may be left and resumed, so time spent would measure interruptions.
 */
export function rankDaily(board: DailyBoard): { userId: string; entry: DailyBoardEntry }[] {
  return Object.entries(board)
    .map(([userId, entry]) => ({ userId, entry }))
    .sort(
      (a, b) =>
        b.entry.right - a.entry.right ||
        a.entry.finishedAt.localeCompare(b.entry.finishedAt) ||
        a.userId.localeCompare(b.userId),
    );
}
