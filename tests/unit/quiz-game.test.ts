// The quiz as a state machine, and a player's record: points, streaks, ranking. No I/O, no clock but the one passed in.
import { describe, expect, it } from 'vitest';
import {
  answerWindowMs,
  basePoints,
  minPlayersToCount,
  pointsFor,
  QuizGame,
  speedBonus,
  type ScoredAnswer,
} from '../../src/quiz/game.js';
import type { Choice, Question } from '../../src/quiz/question.js';
import { accuracy, noStats, rank, withAnswer, type PlayerStats } from '../../src/quiz/stats.js';

const t0 = 1_000_000;
const decade = (year: number): Choice => ({ kind: 'decade', decade: year });
/** A question whose right answer is choice `answer` of four. */
function question(answer: number): Question {
  return {
    prompt: { kind: 'no-relations', base: { code: 'KR' } as never },
    choices: [decade(1950), decade(1960), decade(1970), decade(1980)],
    answer,
    explanation: {
      base: { code: 'KR' } as never,
      partner: { code: 'SY' } as never,
      status: 'none',
      date: null,
      sources: [],
    },
    difficulty: 'medium',
  };
}
const game = (...answers: number[]) => new QuizGame('q1', answers.map(question), 'medium', t0);

describe('points for an answer', () => {
  it('a wrong answer scores nothing, however fast', () => {
    expect(pointsFor(false, t0, t0, t0 + answerWindowMs)).toBe(0);
  });

  it('a right answer scores the base plus a speed bonus: all of it at once, half at mid-window, none at the deadline', () => {
    const deadline = t0 + answerWindowMs;
    expect(pointsFor(true, t0, t0, deadline)).toBe(basePoints + speedBonus);
    expect(pointsFor(true, t0 + answerWindowMs / 2, t0, deadline)).toBe(basePoints + speedBonus / 2);
    expect(pointsFor(true, t0 + answerWindowMs / 4, t0, deadline)).toBe(basePoints + (speedBonus * 3) / 4);
    expect(pointsFor(true, deadline, t0, deadline)).toBe(basePoints);
  });

  it('the bonus stays within 0 and its maximum for answers stamped outside the window', () => {
    const deadline = t0 + answerWindowMs;
    expect(pointsFor(true, t0 - 5_000, t0, deadline)).toBe(basePoints + speedBonus);
    expect(pointsFor(true, deadline + 5_000, t0, deadline)).toBe(basePoints);
  });
});

describe('a quiz game', () => {
  it('needs at least one question', () => {
    expect(() => new QuizGame('q0', [], 'easy', t0)).toThrow('at least one question');
  });

  it('asks the first question at the start, with a deadline one answer window later', () => {
    const g = game(2, 1);
    expect(g.round).toBe(0);
    expect(g.question.answer).toBe(2);
    expect(g.askedAt).toBe(t0);
    expect(g.deadline).toBe(t0 + answerWindowMs);
    expect(g.finished).toBe(false);
  });

  it('takes one answer per player per question', () => {
    const g = game(2);
    expect(g.answer('alice', 1, t0 + 10)).toBe('recorded');
    expect(g.answer('bob', 2, t0 + 30)).toBe('recorded');
    const { answers } = g.closeRound(t0 + answerWindowMs);
    expect(answers.map((a) => [a.userId, a.choice])).toEqual([
      ['alice', 1],
      ['bob', 2],
    ]);
  });

  it('lets a player change an answer once: the new choice replaces the old, a second change is refused', () => {
    const g = game(2);
    expect(g.answer('alice', 1, t0 + 10)).toBe('recorded');
    expect(g.answer('alice', 1, t0 + 15)).toBe('confirmed'); // the same choice again changes nothing
    expect(g.answerOf('alice')).toBe(1);
    expect(g.answer('alice', 2, t0 + 20)).toBe('changed');
    expect(g.answerOf('alice')).toBe(2);
    expect(g.answer('alice', 2, t0 + 25)).toBe('confirmed');
    expect(g.answer('alice', 3, t0 + 30)).toBe('no-more-changes');
    expect(g.answer('alice', 1, t0 + 35)).toBe('no-more-changes'); // back to the first is a change too
    expect(g.answerOf('alice')).toBe(2);
    const { answers } = g.closeRound(t0 + answerWindowMs);
    expect(answers).toEqual([{ userId: 'alice', choice: 2, at: t0 + 20, right: true, points: expect.any(Number) }]);
  });

  it('reckons the points from the time of the final answer, not the first', () => {
    const g = game(2);
    g.answer('alice', 0, t0); // wrong at once
    g.answer('alice', 2, t0 + answerWindowMs / 2); // right at mid-window
    g.answer('bob', 2, t0); // right at once
    g.answer('bob', 2, t0 + answerWindowMs / 2); // confirmed later: the time stays the first
    const byUser = Object.fromEntries(g.closeRound(t0 + answerWindowMs).answers.map((a) => [a.userId, a]));
    expect(byUser.alice).toMatchObject({
      right: true,
      at: t0 + answerWindowMs / 2,
      points: basePoints + speedBonus / 2,
    });
    expect(byUser.bob).toMatchObject({ right: true, at: t0, points: basePoints + speedBonus });
  });

  it('a change is allowed again on the next question', () => {
    const g = game(0, 0);
    g.answer('alice', 1, t0);
    g.answer('alice', 2, t0 + 1);
    g.closeRound(t0 + answerWindowMs);
    const now = t0 + answerWindowMs;
    expect(g.answer('alice', 1, now + 1)).toBe('recorded');
    expect(g.answer('alice', 0, now + 2)).toBe('changed');
  });

  it('takes its answer time from the start: a 10-second quiz closes each question after 10 seconds', () => {
    const g = new QuizGame('q10', [question(0), question(1)], 'easy', t0, 10_000);
    expect(g.deadline).toBe(t0 + 10_000);
    expect(g.isDue(t0 + 9_999)).toBe(false);
    expect(g.answer('alice', 0, t0 + 10_000)).toBe('closed');
    g.closeRound(t0 + 10_000);
    expect(g.deadline).toBe(t0 + 20_000);
    expect(pointsFor(true, t0 + 5_000, t0, t0 + 10_000)).toBe(basePoints + speedBonus / 2);
  });

  it('counts on the boards only with at least 2 players over the quiz', () => {
    const g = game(0, 0, 0);
    expect(minPlayersToCount).toBe(2);
    expect(g.counts).toBe(false);
    g.answer('alice', 0, t0);
    g.closeRound(t0 + answerWindowMs);
    expect(g.counts).toBe(false); // alone so far
    g.answer('alice', 0, t0 + answerWindowMs);
    g.answer('alice', 1, t0 + answerWindowMs + 1); // changing an answer does not make two players
    g.closeRound(t0 + 2 * answerWindowMs);
    expect(g.counts).toBe(false);
    g.answer('bob', 1, t0 + 2 * answerWindowMs); // a wrong answer still makes a player
    g.closeRound(t0 + 3 * answerWindowMs);
    expect(g.counts).toBe(true);
  });

  it('stops early: the open question is dropped unscored, closed rounds keep their points', () => {
    const g = game(0, 0, 0);
    g.answer('alice', 0, t0);
    g.closeRound(t0 + answerWindowMs);
    g.answer('bob', 0, t0 + answerWindowMs);
    g.stop();
    expect(g.finished).toBe(true);
    expect(g.stopped).toBe(true);
    expect(g.closedRounds).toBe(1);
    expect(g.standings().map((s) => s.userId)).toEqual(['alice']);
    expect(g.isDue(t0 + 10 * answerWindowMs)).toBe(false);
    expect(g.answer('carol', 0, t0 + answerWindowMs + 1)).toBe('closed');
    const finished = game(0);
    finished.closeRound(t0 + answerWindowMs);
    expect(finished.closedRounds).toBe(1);
    finished.stop(); // too late to stop: it finished on its own
    expect(finished.stopped).toBe(false);
  });

  it('refuses answers at or after the deadline, and choices that are not on the question', () => {
    const g = game(0);
    expect(g.answer('late', 0, t0 + answerWindowMs)).toBe('closed');
    expect(g.answer('minus', -1, t0)).toBe('closed');
    expect(g.answer('five', 4, t0)).toBe('closed');
    expect(g.answer('last', 3, t0 + answerWindowMs - 1)).toBe('recorded');
    expect(g.answer('first', 0, t0)).toBe('recorded');
  });

  it('is due at its deadline, not before, and never once finished', () => {
    const g = game(0);
    expect(g.isDue(t0 + answerWindowMs - 1)).toBe(false);
    expect(g.isDue(t0 + answerWindowMs)).toBe(true);
    g.closeRound(t0 + answerWindowMs);
    expect(g.finished).toBe(true);
    expect(g.isDue(t0 + 10 * answerWindowMs)).toBe(false);
    expect(g.answer('alice', 0, t0 + 1)).toBe('closed');
  });

  it('scores a round: points only for the right answer, faster is more', () => {
    const g = game(2);
    g.answer('fast', 2, t0);
    g.answer('slow', 2, t0 + answerWindowMs / 2);
    g.answer('wrong', 0, t0);
    const result = g.closeRound(t0 + answerWindowMs);
    const byUser = Object.fromEntries(result.answers.map((a) => [a.userId, a]));
    expect(byUser.fast).toMatchObject({ right: true, points: basePoints + speedBonus });
    expect(byUser.slow).toMatchObject({ right: true, points: basePoints + speedBonus / 2 });
    expect(byUser.wrong).toMatchObject({ right: false, points: 0 });
    expect(result).toMatchObject({ round: 0, last: true });
    expect(result.question.answer).toBe(2);
  });

  it('moves to the next question, asked when the round closed, with fresh answers', () => {
    const g = game(1, 3);
    g.answer('alice', 1, t0 + 1000);
    const closedAt = t0 + answerWindowMs + 500;
    const first = g.closeRound(closedAt);
    expect(first.last).toBe(false);
    expect(g.finished).toBe(false);
    expect(g.round).toBe(1);
    expect(g.question.answer).toBe(3);
    expect(g.askedAt).toBe(closedAt);
    expect(g.deadline).toBe(closedAt + answerWindowMs);
    // Answers of the last round are gone: alice may answer again, and a round nobody answered scores nobody.
    expect(g.answer('alice', 3, closedAt + 1)).toBe('recorded');
    const second = g.closeRound(closedAt + answerWindowMs);
    expect(second).toMatchObject({ round: 1, last: true });
    expect(second.answers.map((a) => a.userId)).toEqual(['alice']);
    expect(g.finished).toBe(true);
  });

  it('keeps each player’s totals over the quiz, and standings best first (ties by user id)', () => {
    const g = game(0, 0, 0);
    // Round 1: alice right at once, bob wrong, carol right at once.
    g.answer('alice', 0, t0);
    g.answer('bob', 1, t0);
    g.answer('carol', 0, t0);
    let now = t0 + answerWindowMs;
    g.closeRound(now);
    // Round 2: bob right at once, alice wrong.
    g.answer('bob', 0, now);
    g.answer('alice', 2, now);
    g.closeRound((now += answerWindowMs));
    // Round 3: nobody.
    g.closeRound((now += answerWindowMs));
    const full = basePoints + speedBonus;
    expect(g.totals.get('alice')).toEqual({ points: full, right: 1, answered: 2 });
    expect(g.totals.get('bob')).toEqual({ points: full, right: 1, answered: 2 });
    expect(g.totals.get('carol')).toEqual({ points: full, right: 1, answered: 1 });
    expect(g.standings().map((s) => s.userId)).toEqual(['alice', 'bob', 'carol']);
    g.totals.set('carol', { points: full + 1, right: 1, answered: 1 });
    expect(g.standings()[0]).toEqual({ userId: 'carol', points: full + 1, right: 1, answered: 1 });
  });
});

const scored = (right: boolean, points = right ? 700 : 0): ScoredAnswer => ({
  userId: 'u',
  choice: 0,
  at: t0,
  right,
  points,
});
const stats = (over: Partial<PlayerStats>): PlayerStats => ({ ...noStats(), ...over });

describe('a player’s record', () => {
  it('starts empty', () => {
    expect(noStats()).toEqual({ answered: 0, right: 0, points: 0, currentStreak: 0, bestStreak: 0 });
  });

  it('a right answer adds its points, counts as right and extends the streak', () => {
    const after = withAnswer(
      stats({ answered: 3, right: 2, points: 1000, currentStreak: 2, bestStreak: 2 }),
      scored(true, 750),
    );
    expect(after).toEqual({ answered: 4, right: 3, points: 1750, currentStreak: 3, bestStreak: 3 });
  });

  it('a wrong answer adds no points, counts as answered, and resets the streak but keeps the best', () => {
    const after = withAnswer(
      stats({ answered: 3, right: 3, points: 2000, currentStreak: 3, bestStreak: 3 }),
      scored(false),
    );
    expect(after).toEqual({ answered: 4, right: 3, points: 2000, currentStreak: 0, bestStreak: 3 });
  });

  it('the best streak only grows once the current one passes it', () => {
    const after = withAnswer(stats({ currentStreak: 1, bestStreak: 4 }), scored(true));
    expect(after.currentStreak).toBe(2);
    expect(after.bestStreak).toBe(4);
  });

  it('accuracy is right over answered, 0 before any answer', () => {
    expect(accuracy(noStats())).toBe(0);
    expect(accuracy(stats({ answered: 4, right: 3 }))).toBe(0.75);
  });

  it('ranks by points, then accuracy, then answers given, then user id', () => {
    const board: Record<string, PlayerStats> = {
      low: stats({ points: 100, answered: 1, right: 1 }),
      sharp: stats({ points: 500, answered: 2, right: 2 }),
      busy: stats({ points: 500, answered: 4, right: 2 }),
      lazy: stats({ points: 500, answered: 2, right: 1 }),
      b: stats({ points: 50, answered: 1, right: 0 }),
      a: stats({ points: 50, answered: 1, right: 0 }),
    };
    expect(rank(board).map((entry) => entry.userId)).toEqual(['sharp', 'busy', 'lazy', 'low', 'a', 'b']);
    // Whatever order the board lists them in.
    const careful = stats({ points: 500, answered: 5, right: 4 });
    const careless = stats({ points: 500, answered: 5, right: 1 });
    expect(rank({ careless, careful }).map((entry) => entry.userId)).toEqual(['careful', 'careless']);
    expect(rank({ careful, careless }).map((entry) => entry.userId)).toEqual(['careful', 'careless']);
    expect(rank(board)[0]).toEqual({ userId: 'sharp', stats: board.sharp });
  });
});
