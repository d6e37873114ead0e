// The daily challenge in the store: each player's run of the day (`quiz-daily-runs`, key `guild:day:user`), the
// server's board of the day (`quiz-daily-boards`, key `guild:day`) and each player's streak of days
// (`quiz-daily-streaks`, key `guild:user`). Nothing is kept in memory, so any process may serve any click.
//
// A click writes only the player's own run: one write, to a key no one else writes. The board and the streak are
// derived from finished runs and written so that writing them again changes nothing; a player who opens
// /quiz daily again gets any that are missing put right (see DailyChallenge). The board is the one record several
// players write, and the store has no compare-and-set: a write is read back and tried again when another player's
// write already replaced it. That narrows the window without closing it (two writes from reads of the same old
// board can still both read back their own); the player left out is put back when they next open /quiz daily.
import type { DailyBoard, DailyBoardEntry, DailyRun } from '../quiz/daily-challenge.js';
import { noStreak, type DailyStreak } from '../quiz/daily-streak.js';
import type { Store } from './open-store.js';

const day = 24 * 60 * 60 * 1000;
/** A run is needed on its day and, for a run finished after midnight, the next. */
const runTtlMs = 3 * day;
/** A board of the day is shown on its day; kept a week for anyone looking back. */
const boardTtlMs = 8 * day;
const boardWriteAttempts = 4;

export class DailyChallengeRepository {
  constructor(private readonly store: Store) {}

  private runs() {
    return this.store.namespace<DailyRun>('quiz-daily-runs');
  }
  private boards() {
    return this.store.namespace<DailyBoard>('quiz-daily-boards');
  }
  private streaks() {
    return this.store.namespace<DailyStreak>('quiz-daily-streaks');
  }

  async runOf(guildId: string, day: string, userId: string): Promise<DailyRun | undefined> {
    return (await this.runs()).get(`${guildId}:${day}:${userId}`);
  }

  async saveRun(guildId: string, userId: string, run: DailyRun): Promise<void> {
    await (await this.runs()).set(`${guildId}:${run.day}:${userId}`, run, runTtlMs);
  }

  async boardOf(guildId: string, day: string): Promise<DailyBoard> {
    return (await (await this.boards()).get(`${guildId}:${day}`)) ?? {};
  }

  /** Puts a player's entry on the board of the day; returns the board as written. */
  async addToBoard(guildId: string, day: string, userId: string, entry: DailyBoardEntry): Promise<DailyBoard> {
    const boards = await this.boards();
    const key = `${guildId}:${day}`;
    let board: DailyBoard = {};
    for (let attempt = 0; attempt < boardWriteAttempts; attempt++) {
      board = { ...((await boards.get(key)) ?? {}), [userId]: entry };
      await boards.set(key, board, boardTtlMs);
      // Another process may have written its own player's entry from an older read at the same moment; if so
      // ours is gone, and the next attempt adds it to theirs.
      const written = (await boards.get(key)) ?? {};
      if (written[userId]) return written;
    }
    return board;
  }

  async streakOf(guildId: string, userId: string): Promise<DailyStreak> {
    return (await (await this.streaks()).get(`${guildId}:${userId}`)) ?? noStreak();
  }

  async saveStreak(guildId: string, userId: string, streak: DailyStreak): Promise<void> {
    await (await this.streaks()).set(`${guildId}:${userId}`, streak);
  }
}
