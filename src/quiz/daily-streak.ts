// A streak of days played: consecutive days (in the server's day) on which a player finished the daily challenge.
// Kept as the days themselves, not a counter, so a day finished late (a run begun before midnight and finished
// after) or recorded twice still gives the right count.
import { addDays } from '../news/local-time.js';

export interface DailyStreak {
  /** Days played, `YYYY-MM-DD`, ascending, each once; only the most recent `keptDays`. */
  days: string[];
  /** The longest run of consecutive days ever, including days no longer kept. */
  best: number;
  /** How many consecutive days played end the day before `days[0]` (days no longer kept): a long streak goes on. */
  carried?: number;
}

/** Enough days for a late finish to find its neighbours; older ones live on in `carried` and `best`. */
export const keptDays = 400;

export const noStreak = (): DailyStreak => ({ days: [], best: 0 });

/** The run of consecutive days ending on `day` (0 when `day` was not played). */
function runEndingOn(streak: DailyStreak, day: string): number {
  const played = new Set(streak.days);
  let count = 0;
  let at = day;
  for (; played.has(at); at = addDays(at, -1)) count++;
  const oldest = streak.days[0];
  return count > 0 && oldest !== undefined && at === addDays(oldest, -1) ? count + (streak.carried ?? 0) : count;
}

/** The streak after `day` was played. Playing a day twice changes nothing. */
export function withDayPlayed(streak: DailyStreak, day: string): DailyStreak {
  if (streak.days.includes(day)) return streak;
  const days = [...streak.days, day].sort();
  let carried = streak.carried ?? 0;
  while (days.length > keptDays) {
    const dropped = days.shift()!;
    carried = days[0] === addDays(dropped, 1) ? carried + 1 : 0;
  }
  const next: DailyStreak = { days, best: streak.best, ...(carried > 0 && { carried }) };
  // The new day may join two runs (a late finish filling a gap), so measure to the end of the run it is in.
  let end = day;
  while (days.includes(addDays(end, 1))) end = addDays(end, 1);
  return { ...next, best: Math.max(streak.best, runEndingOn(next, end)) };
}

/**
 * The streak as of `today`: the consecutive days ending today, or ending yesterday if today is not played yet (the
 * streak is still alive until today ends). A missed day breaks it: 0.
 */
export function currentStreak(streak: DailyStreak, today: string): number {
  return runEndingOn(streak, today) || runEndingOn(streak, addDays(today, -1));
}
