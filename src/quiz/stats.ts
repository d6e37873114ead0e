// A player's quiz record in a server, and how a round changes it.
import type { ScoredAnswer } from './game.js';

export interface PlayerStats {
  answered: number;
  right: number;
  points: number;
  currentStreak: number;
  bestStreak: number;
}

export const noStats = (): PlayerStats => ({ answered: 0, right: 0, points: 0, currentStreak: 0, bestStreak: 0 });

/** A right answer extends the streak; a wrong one ends it. Not answering leaves it as it was. */
export function withAnswer(stats: PlayerStats, answer: ScoredAnswer): PlayerStats {
  const currentStreak = answer.right ? stats.currentStreak + 1 : 0;
  return {
    answered: stats.answered + 1,
    right: stats.right + (answer.right ? 1 : 0),
    points: stats.points + answer.points,
    currentStreak,
    bestStreak: Math.max(stats.bestStreak, currentStreak),
  };
}

export function accuracy(stats: PlayerStats): number {
  return stats.answered === 0 ? 0 : stats.right / stats.answered;
}

/** Best first: points, then accuracy, then who answered more. */
export function rank(board: Record<string, PlayerStats>): { userId: string; stats: PlayerStats }[] {
  return Object.entries(board)
    .map(([userId, stats]) => ({ userId, stats }))
    .sort(
      (a, b) =>
        b.stats.points - a.stats.points ||
        accuracy(b.stats) - accuracy(a.stats) ||
        b.stats.answered - a.stats.answered ||
        a.userId.localeCompare(b.userId),
    );
}
