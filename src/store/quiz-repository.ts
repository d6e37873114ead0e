// Quiz scores per server, all time and per month (UTC), and the quizzes running now (so a restart can close them
// cleanly). A server's all-time board is one record in `quiz-boards` (keyed by server, as it always was, so scores
// from before the seasons count for all time); each month's is one record in `quiz-months`, keyed `guild:YYYY-MM`,
// and past months stay. They are updated once per round under a lock: answers that arrive in the same
// millisecond are all applied, none twice. Interactions of one server always reach the same process (its shard),
// so the lock in this process is the only writer of that server's board.
import type { ScoredAnswer } from '../quiz/game.js';
import { noStats, withAnswer, type PlayerStats } from '../quiz/stats.js';
import { DailyChallengeRepository } from './daily-challenge-repository.js';
import type { Store } from './open-store.js';

export type Board = Record<string, PlayerStats>;

/** The season a moment belongs to: its month in UTC, `YYYY-MM`. */
export function monthOf(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/** A quiz in progress, as much as is needed to close its message after a restart. */
export interface ActiveQuiz {
  quizId: string;
  guildId: string;
  channelId: string;
  applicationId: string;
  /** The interaction token: lets the bot edit its quiz messages for 15 minutes without channel permissions. */
  token: string;
  messageId: string;
  language: 'en' | 'ko';
  startedAt: string;
}

/** An answer waiting for the store: on its month's board already (`monthDone`) or not yet. */
interface PendingAnswer {
  answer: ScoredAnswer;
  month: string | undefined;
  monthDone: boolean;
}

export class QuizRepository {
  private readonly locks = new Map<string, Promise<unknown>>();
  /** Rounds not yet written because the store was down; written with the next round that gets through. */
  private readonly pending = new Map<string, PendingAnswer[]>();

  /** The daily challenge's records (/quiz daily): all in the store, none in this process. */
  readonly daily: DailyChallengeRepository;

  constructor(private readonly store: Store) {
    this.daily = new DailyChallengeRepository(store);
  }

  private boards() {
    return this.store.namespace<Board>('quiz-boards');
  }
  private months() {
    return this.store.namespace<Board>('quiz-months');
  }
  private active() {
    return this.store.namespace<ActiveQuiz>('quiz-active');
  }

  /** Runs updates of one server's board one after another. */
  private locked<T>(guildId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(guildId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.locks.set(guildId, next);
    void next
      .finally(() => {
        if (this.locks.get(guildId) === next) this.locks.delete(guildId);
      })
      .catch(() => undefined);
    return next;
  }

  async board(guildId: string): Promise<Board> {
    return (await (await this.boards()).get(guildId)) ?? {};
  }

  /** A month's board (`YYYY-MM`, UTC). */
  async monthBoard(guildId: string, month: string): Promise<Board> {
    return (await (await this.months()).get(`${guildId}:${month}`)) ?? {};
  }

  async statsOf(guildId: string, userId: string): Promise<PlayerStats> {
    return (await this.board(guildId))[userId] ?? noStats();
  }

  /**
   * Adds one round's answers to the server's all-time board, and to the board of `month` (`YYYY-MM`) when given. If
   * the store is down the answers wait in memory and go in with the next write that succeeds (the error is still
   * thrown, so the caller can log it).
   */
  recordRound(guildId: string, answers: readonly ScoredAnswer[], month?: string): Promise<void> {
    const waiting = [
      ...(this.pending.get(guildId) ?? []),
      ...answers.map((answer) => ({ answer, month, monthDone: month === undefined })),
    ];
    if (waiting.length === 0) return Promise.resolve();
    this.pending.set(guildId, waiting);
    return this.locked(guildId, async () => {
      const todo = this.pending.get(guildId) ?? [];
      if (todo.length === 0) return;
      // Months first, each marked done once written: if a later write fails, only what is not done is tried again,
      // so no board counts an answer twice.
      const months = await this.months();
      for (const month of new Set(todo.filter((item) => !item.monthDone).map((item) => item.month!))) {
        const key = `${guildId}:${month}`;
        const items = todo.filter((item) => !item.monthDone && item.month === month);
        const board = (await months.get(key)) ?? {};
        for (const { answer } of items) board[answer.userId] = withAnswer(board[answer.userId] ?? noStats(), answer);
        await months.set(key, board);
        for (const item of items) item.monthDone = true;
      }
      const boards = await this.boards();
      const board = (await boards.get(guildId)) ?? {};
      for (const { answer } of todo) board[answer.userId] = withAnswer(board[answer.userId] ?? noStats(), answer);
      await boards.set(guildId, board);
      this.pending.set(guildId, (this.pending.get(guildId) ?? []).slice(todo.length));
      if (this.pending.get(guildId)?.length === 0) this.pending.delete(guildId);
    });
  }

  async markActive(quiz: ActiveQuiz): Promise<void> {
    await (await this.active()).set(quiz.channelId, quiz);
  }

  async clearActive(channelId: string): Promise<void> {
    await (await this.active()).delete(channelId);
  }

  async allActive(): Promise<ActiveQuiz[]> {
    return (await (await this.active()).entries()).map(([, quiz]) => quiz);
  }
}
