// Runs the quizzes of this process: one per channel. The game itself is the domain's state machine; this drives
// it with the clock (a tick every second), and talks to Discord through the starting interaction's webhook, which
// needs no channel permission and lives 15 minutes (20 rounds take under 8).
import { randomBytes } from 'node:crypto';
import type { REST } from '@discordjs/rest';
import type { APIMessage } from 'discord-api-types/v10';
import type { Facts } from '../facts/facts.js';
import type { Logger } from '../logger.js';
import { answerWindowMs, QuizGame, type ScoredAnswer } from '../quiz/game.js';
import { generateQuiz, type Category } from '../quiz/generators.js';
import type { Difficulty } from '../quiz/question.js';
import { seededRandom } from '../quiz/random.js';
import type { Language } from '../render/i18n.js';
import {
  choiceLabel,
  endedByRestartMessage,
  finalMessage,
  stoppedQuestionMessage,
  questionMessage,
  quizAnswerId,
  revealMessage,
} from '../render/quiz.js';
import { quizStrings } from '../render/quiz-strings.js';
import type { Reply } from '../render/reply.js';
import { monthOf, type ActiveQuiz, type QuizRepository } from '../store/quiz-repository.js';
import { editWebhookMessage, webhookFollowUp } from './channel-post.js';

/** The clock, the log and the facts: what the runner needs besides its collaborators. */
export interface QuizEnvironment {
  now: () => Date;
  log: Logger;
  facts: Facts;
}

/** The /quiz start interaction: who and where, the webhook that will carry the rounds, and its first answer. */
export interface QuizStart {
  guildId: string;
  channelId: string;
  /** Who started it: they may stop it. */
  userId: string;
  applicationId: string;
  token: string;
  reply(reply: Reply): Promise<void>;
}

/** A click on an answer button. */
export interface QuizClick {
  customId: string;
  channelId: string | undefined;
  user: { id: string };
  reply(reply: Reply): Promise<void>;
}

/** The settings of a new quiz. */
export interface QuizSettings {
  rounds: number;
  difficulty: Difficulty;
  language: Language;
  /** How long each question stays open (10-60 s; default 20). */
  seconds?: number;
  /** Only questions of this category (default: all). */
  category?: Category;
}

/** What became of a /quiz stop. */
export type StopOutcome = { kind: 'none' } | { kind: 'refused' } | { kind: 'stopped'; final: Reply };

/**
 * The live quizzes as the commands and the app see them: this process's own (QuizRunner, the gateway) or the store's
 * (SharedQuizRunner, HTTP replicas, where any replica may get any click).
 */
export interface LiveQuizzes {
  start(): void;
  stop(): Promise<void>;
  isRunning(channelId: string): boolean | Promise<boolean>;
  begin(interaction: QuizStart, settings: QuizSettings): Promise<void>;
  answer(interaction: QuizClick, language: Language): Promise<void>;
  end(channelId: string, by: { userId: string; manageServer: boolean }): Promise<StopOutcome>;
  tick(): Promise<void>;
  closeInterrupted(owns?: (guildId: string) => boolean): Promise<number>;
}

interface RunningQuiz {
  game: QuizGame;
  active: ActiveQuiz;
  language: Language;
  starterId: string;
  /** Closed rounds not yet on the server's boards: they wait until the quiz has enough players to count. */
  held: { answers: ScoredAnswer[]; month: string }[];
}

export class QuizRunner implements LiveQuizzes {
  private readonly running = new Map<string, RunningQuiz>();
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> = Promise.resolve();

  constructor(
    private readonly ctx: QuizEnvironment,
    private readonly rest: REST,
    private readonly repository: QuizRepository,
    /** Where quiz seeds come from: random, unless a test wants to know the questions in advance. */
    private readonly nextSeed: () => number = () => randomBytes(4).readUInt32LE(),
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), 1000);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.ticking;
  }

  isRunning(channelId: string): boolean {
    return this.running.has(channelId);
  }

  /** Replies to /quiz start with the first question and starts the clock. */
  async begin(interaction: QuizStart, settings: QuizSettings) {
    const { rounds, difficulty, language } = settings;
    const now = this.ctx.now().getTime();
    const quizId = randomBytes(4).toString('hex');
    // A category may have fewer questions than asked for (easy recent changes): the quiz is then that much shorter.
    const random = seededRandom(this.nextSeed());
    const questions = generateQuiz(this.ctx.facts, rounds, difficulty, random, {
      upTo: true,
      ...(settings.category && { category: settings.category }),
    });
    const windowMs = settings.seconds === undefined ? answerWindowMs : settings.seconds * 1000;
    const game = new QuizGame(quizId, questions, difficulty, now, windowMs);
    const active: ActiveQuiz = {
      quizId,
      guildId: interaction.guildId,
      channelId: interaction.channelId,
      applicationId: interaction.applicationId,
      token: interaction.token,
      messageId: '@original',
      language,
      startedAt: new Date(now).toISOString(),
    };
    this.running.set(interaction.channelId, { game, active, language, starterId: interaction.userId, held: [] });
    await interaction.reply(questionMessage(game.question, quizId, 0, questions.length, game.deadline, language));
    // Without the marker a restart cannot close this quiz's message; the quiz itself still runs.
    await this.repository
      .markActive(active)
      .catch((error: unknown) => this.ctx.log.warn({ err: error, quizId }, 'quiz not marked active'));
    this.ctx.log.info(
      {
        quizId,
        channelId: interaction.channelId,
        rounds: questions.length,
        difficulty,
        category: settings.category,
        seconds: windowMs / 1000,
      },
      'quiz started',
    );
  }

  /** An answer button: one answer per player and question, changed at most once, acknowledged privately. */
  async answer(interaction: QuizClick, language: Language): Promise<void> {
    const q = quizStrings[language];
    const click = quizAnswerId.decode(interaction.customId);
    const quiz = interaction.channelId === undefined ? undefined : this.running.get(interaction.channelId);
    if (!click || !quiz || quiz.game.id !== click.quizId || quiz.game.finished) {
      return interaction.reply({ ephemeral: true, content: q.quizEnded });
    }
    if (click.round !== quiz.game.round) return interaction.reply({ ephemeral: true, content: q.closedQuestion });
    const choice = quiz.game.question.choices[click.choice];
    if (!choice) return interaction.reply({ ephemeral: true, content: q.closedQuestion });
    const outcome = quiz.game.answer(interaction.user.id, click.choice, this.ctx.now().getTime());
    const label = choiceLabel(choice, language);
    switch (outcome) {
      case 'closed':
        return interaction.reply({ ephemeral: true, content: q.closedQuestion });
      case 'recorded':
        return interaction.reply({ ephemeral: true, content: q.recorded(label) });
      case 'changed':
        return interaction.reply({ ephemeral: true, content: q.changed(label) });
      case 'confirmed':
        return interaction.reply({ ephemeral: true, content: q.confirmed(label) });
      case 'no-more-changes': {
        const kept = quiz.game.question.choices[quiz.game.answerOf(interaction.user.id)!]!;
        return interaction.reply({ ephemeral: true, content: q.noMoreChanges(choiceLabel(kept, language)) });
      }
    }
  }

  /**
   * /quiz stop: the starter or a member with Manage Server ends the quiz in this channel now. The open question is
   * dropped unscored; the rounds already closed keep their points. Runs between ticks, never during one.
   */
  end(channelId: string, by: { userId: string; manageServer: boolean }): Promise<StopOutcome> {
    const done = this.ticking.then(() => this.endNow(channelId, by));
    this.ticking = done.then(
      () => undefined,
      (error: unknown) => this.ctx.log.error({ err: error }, 'quiz stop failed'),
    );
    return done;
  }

  private async endNow(channelId: string, by: { userId: string; manageServer: boolean }): Promise<StopOutcome> {
    const quiz = this.running.get(channelId);
    if (!quiz) return { kind: 'none' };
    if (by.userId !== quiz.starterId && !by.manageServer) return { kind: 'refused' };
    const { game, active, language } = quiz;
    game.stop();
    this.running.delete(channelId);
    await this.edit(active, stoppedQuestionMessage(by.userId, language)).catch((error: unknown) =>
      this.ctx.log.warn({ err: error, quizId: game.id }, 'could not close the stopped quiz question'),
    );
    await this.repository.clearActive(channelId).catch(() => undefined);
    this.settle(quiz);
    this.ctx.log.info({ quizId: game.id, players: game.totals.size, rounds: game.closedRounds }, 'quiz stopped');
    return { kind: 'stopped', final: this.finalBoard(quiz, by.userId) };
  }

  private finalBoard({ game, language }: RunningQuiz, stoppedBy?: string): Reply {
    return finalMessage(game.standings(), language, {
      total: game.questions.length,
      closed: game.closedRounds,
      counted: game.counts,
      ...(stoppedBy !== undefined && { stoppedBy }),
    });
  }

  /** A quiz that ended: its held rounds are dropped, as it never had enough players to count. */
  private settle({ game, held }: RunningQuiz): void {
    held.length = 0;
    if (!game.counts && game.totals.size > 0) {
      this.ctx.log.info({ quizId: game.id, players: game.totals.size }, 'quiz not counted: too few players');
    }
  }

  /** Closes every round whose time is up. Ticks never overlap. */
  tick(): Promise<void> {
    this.ticking = this.ticking
      .then(() => this.closeDueRounds())
      .catch((error: unknown) => this.ctx.log.error({ err: error }, 'quiz tick failed'));
    return this.ticking;
  }

  private async closeDueRounds(): Promise<void> {
    const now = this.ctx.now().getTime();
    for (const [channelId, quiz] of this.running) {
      if (!quiz.game.isDue(now)) continue;
      try {
        await this.closeRound(quiz, now);
      } catch (error) {
        // Discord refused the reveal or the next question: end this quiz rather than run rounds nobody sees.
        this.ctx.log.error({ err: error, quizId: quiz.game.id }, 'quiz ended early: its messages could not be sent');
        this.running.delete(channelId);
        await this.repository.clearActive(channelId).catch(() => undefined);
      }
    }
  }

  private async closeRound(quiz: RunningQuiz, now: number): Promise<void> {
    const { game, active, language } = quiz;
    const result = game.closeRound(now);
    // A round counts in the month it closed (UTC); rounds wait until the quiz has enough players to count.
    quiz.held.push({ answers: result.answers, month: monthOf(new Date(now)) });
    if (game.counts) {
      for (const { answers, month } of quiz.held.splice(0)) {
        await this.repository
          .recordRound(active.guildId, answers, month)
          .catch((error: unknown) =>
            this.ctx.log.warn({ err: error, quizId: game.id }, 'round scores kept in memory until the store answers'),
          );
      }
    }
    await this.edit(active, revealMessage(result, game.id, game.questions.length, language, this.ctx.facts.sources));
    if (result.last) {
      this.running.delete(active.channelId);
      this.settle(quiz);
      await this.followUp(active, this.finalBoard(quiz));
      await this.repository.clearActive(active.channelId).catch(() => undefined);
      this.ctx.log.info({ quizId: game.id, players: game.totals.size }, 'quiz finished');
      return;
    }
    const message = await this.followUp(
      active,
      questionMessage(game.question, game.id, game.round, game.questions.length, game.deadline, language),
    );
    active.messageId = message.id;
    await this.repository.markActive(active).catch(() => undefined);
  }

  /**
   * At start-up: quizzes cut short by a restart get their last message closed; scores stay as recorded. With shards,
   * only the quizzes of this process's servers: the others are still running in their own processes.
   */
  async closeInterrupted(owns: (guildId: string) => boolean = () => true): Promise<number> {
    const interrupted = (await this.repository.allActive()).filter((active) => owns(active.guildId));
    for (const active of interrupted) {
      await this.edit(active, endedByRestartMessage(active.language)).catch((error: unknown) =>
        this.ctx.log.warn({ err: error, quizId: active.quizId }, 'could not close an interrupted quiz message'),
      );
      await this.repository.clearActive(active.channelId);
    }
    return interrupted.length;
  }

  private edit(active: ActiveQuiz, reply: Reply): Promise<void> {
    return editWebhookMessage(this.rest, active, reply);
  }

  private followUp(active: ActiveQuiz, reply: Reply): Promise<APIMessage> {
    return webhookFollowUp(this.rest, active, reply);
  }
}
