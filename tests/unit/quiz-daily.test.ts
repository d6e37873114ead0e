// The daily challenge's rules: which five questions a server gets on a day, what a click does to a run, how the
// board of the day ranks, and how a streak of days played counts.
import { describe, expect, it } from 'vitest';
import { loadFacts } from '../../src/facts/load.js';
import { dataDir } from '../../src/paths.js';
import {
  answerQuestion,
  challengeDay,
  challengeMark,
  dailyChallengeSize,
  dailyQuestions,
  dailySeed,
  hash32,
  newRun,
  nextChallengeAt,
  rankDaily,
  type DailyRun,
} from '../../src/quiz/daily-challenge.js';
import { currentStreak, keptDays, noStreak, withDayPlayed, type DailyStreak } from '../../src/quiz/daily-streak.js';
import { promptKey } from '../../src/quiz/generators.js';
import { addDays } from '../../src/news/local-time.js';

const facts = loadFacts(dataDir);
const keys = (guildId: string, day: string) => dailyQuestions(facts, guildId, day).map((q) => promptKey(q.prompt));

describe("the day's questions", () => {
  it('are five, the same for a server and a day however often they are made, and different elsewhere or on another day', () => {
    const first = keys('111', '2026-12-01');
    expect(first).toHaveLength(dailyChallengeSize);
    expect(new Set(first).size).toBe(dailyChallengeSize);
    expect(keys('111', '2026-12-01')).toEqual(first);
    expect(dailyQuestions(facts, '111', '2026-12-01')).toEqual(dailyQuestions(facts, '111', '2026-12-01'));
    expect(keys('222', '2026-12-01')).not.toEqual(first);
    expect(keys('111', '2026-12-02')).not.toEqual(first);
  });

  it('come from a seed that is a fixed function of the text (FNV-1a), so every process and release agrees', () => {
    expect(hash32('')).toBe(0x811c9dc5);
    expect(hash32('a')).toBe(0xe40c292c);
    expect(hash32('foobar')).toBe(0xbf9cf968);
    expect(dailySeed('111', '2026-12-01')).toBe(hash32('attache daily challenge:111:2026-12-01'));
  });

  it('carry a mark that changes with the questions but not with which answer is right', () => {
    const questions = dailyQuestions(facts, '111', '2026-12-01');
    expect(challengeMark(questions)).toMatch(/^[0-9a-z]{1,7}$/);
    expect(challengeMark(questions)).toBe(challengeMark(dailyQuestions(facts, '111', '2026-12-01')));
    expect(challengeMark(dailyQuestions(facts, '111', '2026-12-02'))).not.toBe(challengeMark(questions));
    const moved = questions.map((q) => ({ ...q, answer: (q.answer + 1) % 4 }));
    expect(challengeMark(moved)).toBe(challengeMark(questions));
  });
});

describe("the server's day", () => {
  it('is the calendar day in its zone, and the next challenge opens at its midnight', () => {
    const at = new Date('2026-11-30T16:00:00Z');
    expect(challengeDay(at, 'UTC')).toBe('2026-11-30');
    expect(challengeDay(at, 'Asia/Seoul')).toBe('2026-12-01');
    expect(challengeDay(at, 'America/New_York')).toBe('2026-11-30');
    expect(nextChallengeAt('2026-12-01', 'Asia/Seoul').toISOString()).toBe('2026-12-01T15:00:00.000Z');
    expect(nextChallengeAt('2026-11-30', 'UTC').toISOString()).toBe('2026-12-01T00:00:00.000Z');
    // Summer time ends in New York on 1 November 2026: that midnight is at UTC-5.
    expect(nextChallengeAt('2026-11-01', 'America/New_York').toISOString()).toBe('2026-11-02T05:00:00.000Z');
  });
});

describe('a click on an answer', () => {
  const questions = dailyQuestions(facts, '111', '2026-12-01');
  const at = new Date('2026-12-01T10:00:00Z');
  const play = (run: DailyRun, index: number, right: boolean) => {
    const q = questions[index]!;
    const outcome = answerQuestion(run, questions, index, right ? q.answer : (q.answer + 1) % 4, at);
    if (outcome.kind !== 'answered') throw new Error(`question ${index} was not taken`);
    return outcome;
  };

  it('scores the question the player is on, and finishes the run with the fifth', () => {
    let run = newRun('2026-12-01', at);
    const first = play(run, 0, true);
    expect(first.right).toBe(true);
    expect(first.run.answers).toEqual([{ choice: questions[0]!.answer, right: true, at: at.toISOString() }]);
    expect(first.run.finishedAt).toBeUndefined();
    run = first.run;
    for (const index of [1, 2, 3]) run = play(run, index, index !== 2).run;
    const last = play(run, 4, false);
    expect(last.right).toBe(false);
    expect(last.run.answers.map((answer) => answer.right)).toEqual([true, true, false, true, false]);
    expect(last.run.finishedAt).toBe(at.toISOString());
  });

  it('changes nothing when the question was already answered, is not the next one, or the choice is not one', () => {
    const run = play(newRun('2026-12-01', at), 0, false).run;
    expect(answerQuestion(run, questions, 0, questions[0]!.answer, at)).toEqual({ kind: 'stale' });
    expect(answerQuestion(run, questions, 2, 0, at)).toEqual({ kind: 'stale' });
    expect(answerQuestion(run, questions, 1, 4, at)).toEqual({ kind: 'stale' });
    expect(answerQuestion(run, questions, 1, -1, at)).toEqual({ kind: 'stale' });
    expect(answerQuestion(run, questions, 9, 0, at)).toEqual({ kind: 'stale' });
  });
});

describe('the board of the day', () => {
  it('ranks by right answers, then by who finished first', () => {
    const ranked = rankDaily({
      late: { right: 4, finishedAt: '2026-12-01T20:00:00.000Z', streak: 1 },
      best: { right: 5, finishedAt: '2026-12-01T23:00:00.000Z', streak: 2 },
      early: { right: 4, finishedAt: '2026-12-01T08:00:00.000Z', streak: 9 },
    });
    expect(ranked.map((player) => player.userId)).toEqual(['best', 'early', 'late']);
  });
});

describe('a streak of days played', () => {
  const playAll = (days: string[], streak: DailyStreak = noStreak()) => days.reduce(withDayPlayed, streak);

  it('counts consecutive days, and stays alive until the end of the day after the last one played', () => {
    const streak = playAll(['2026-11-29', '2026-11-30', '2026-12-01']);
    expect(currentStreak(streak, '2026-12-01')).toBe(3);
    expect(currentStreak(streak, '2026-12-02')).toBe(3);
    expect(streak.best).toBe(3);
  });

  it('is broken by a missed day: 0 until the next day played, which starts again at 1; the best stays', () => {
    const streak = playAll(['2026-11-29', '2026-11-30', '2026-12-01']);
    expect(currentStreak(streak, '2026-12-03')).toBe(0);
    const again = withDayPlayed(streak, '2026-12-03');
    expect(currentStreak(again, '2026-12-03')).toBe(1);
    expect(again.best).toBe(3);
  });

  it('counts a day once, and crosses month and year ends', () => {
    const streak = playAll(['2026-12-30', '2026-12-31', '2026-12-31', '2027-01-01']);
    expect(streak.days).toEqual(['2026-12-30', '2026-12-31', '2027-01-01']);
    expect(currentStreak(streak, '2027-01-01')).toBe(3);
  });

  it('joins two runs when a late finish fills the day between them', () => {
    const streak = playAll(['2026-12-01', '2026-12-02', '2026-12-04']);
    expect(streak.best).toBe(2);
    const filled = withDayPlayed(streak, '2026-12-03');
    expect(filled.best).toBe(4);
    expect(currentStreak(filled, '2026-12-04')).toBe(4);
  });

  it(`keeps the last ${keptDays} days only, and a longer streak still counts every day`, () => {
    const days = Array.from({ length: keptDays + 30 }, (_, i) => addDays('2025-01-01', i));
    const streak = playAll(days);
    expect(streak.days).toHaveLength(keptDays);
    expect(streak.best).toBe(keptDays + 30);
    expect(currentStreak(streak, days.at(-1)!)).toBe(keptDays + 30);
    expect(currentStreak(withDayPlayed(streak, addDays(days.at(-1)!, 1)), addDays(days.at(-1)!, 1))).toBe(
      keptDays + 31,
    );
    // After a gap the old streak is only the best.
    const later = addDays(days.at(-1)!, 5);
    const restarted = withDayPlayed(streak, later);
    expect(currentStreak(restarted, later)).toBe(1);
    expect(restarted.best).toBe(keptDays + 30);
  });

  it('forgets what came before a gap once the kept days move past it', () => {
    const old = Array.from({ length: 10 }, (_, i) => addDays('2024-01-01', i));
    const recent = Array.from({ length: keptDays }, (_, i) => addDays('2025-01-01', i));
    const streak = playAll([...old, ...recent]);
    expect(streak.days[0]).toBe('2025-01-01');
    expect(streak.carried).toBeUndefined();
    expect(currentStreak(streak, recent.at(-1)!)).toBe(keptDays);
    expect(streak.best).toBe(keptDays);
  });
});
