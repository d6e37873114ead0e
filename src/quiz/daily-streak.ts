// A streak of days played: consecutive days (in the server's day) on which a player finished the daily challenge.
// Kept as the days themselves, not a counter, so a day finished late (a run begun before midnight and finished
// after) or recorded twice still gives the right count.
import { addDays } from '../news/local-time.js';

export interface DailyStreak {
  /** Days played, `YYYY-MM-DD`, ascending, each once; only the most recent `keptDays`. */
  days: string[];
  /** The longest run of consecutive days ever, including days no longer kept. */
  best: number;
}

/** Enough days for any streak worth showing; older ones only live on in `best`. */
export const keptDays = 400;

export const noStreak = (): DailyStreak => ({ days: [], best: 0 });

/** The run of consecutive days ending on `day` (0 when `day` was not played). */
function runEndingOn(days: readonly string[], day: string): number {
  const played = new Set(days);
  let count = 0;
  for (let at = day; played.has(at); at = addDays(at, -1)) count++;
  return count;
}

/** The streak after `day` was played. Playing a day twice changes nothing. */
export function withDayPlayed(streak: DailyStreak, day: string): DailyStreak {
  if (streak.days.includes(day)) return streak;
  const days = [...streak.days, day].sort().slice(-keptDays);
  // The new day may join two runs (a late finish filling a gap), so measure through it, forwards and back.
  let end = day;
  while (days.includes(addDays(end, 1))) end = addDays(end, 1);
  return { days, best: Math.max(streak.best, runEndingOn(days, end)) };
}

/**
 * The streak as of `today`: the consecutive days ending today, or ending yesterday if today is not played yet (the
 * streak is still alive until today ends). A missed day breaks it: 0.
 */
export function currentStreak(streak: DailyStreak, today: string): number {
  return runEndingOn(streak.days, today) || runEndingOn(streak.days, addDays(today, -1));
}
