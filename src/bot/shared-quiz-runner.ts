// The live quizzes of HTTP replicas: any replica may get any click, so the quiz lives in the store, not in memory.
// The game's state (questions, round, deadline, totals) is one record per channel; each answer is one atomic claim
// (first answer, then at most one change), so two replicas cannot both accept one player's second click; closing a
// round is a claim too, so the replicas that all tick every second reveal it once. The domain's QuizGame is rebuilt
// from the record and the round's answers whenever a round closes; it never needs to stay in memory.
import { randomBytes } from 'node:crypto';
import type { REST } from '@discordjs/rest';
import type { APIMessage } from 'discord-api-types/v10';
import { answerWindowMs, QuizGame, type ScoredAnswer } from '../quiz/game.js';
import { generateQuiz } from '../quiz/generators.js';
import type { Difficulty, Question } from '../quiz/question.js';
import { seededRandom } from '../quiz/random.js';
import type { Language } from '../render/i18n.js';
import {
  choiceLabel,
  finalMessage,
  questionMessage,
  quizAnswerId,
  revealMessage,
  stoppedQuestionMessage,
} from '../render/quiz.js';
import { quizStrings } from '../render/quiz-strings.js';
import type { Reply } from '../render/reply.js';
import type { Claims, Store } from '../store/open-store.js';
import { monthOf, type QuizRepository } from '../store/quiz-repository.js';
import { editWebhookMessage, webhookFollowUp } from './channel-post.js';
import type { LiveQuizzes, QuizClick, QuizEnvironment, QuizSettings, QuizStart, StopOutcome } from './quiz-runner.js';

/** One quiz as the store keeps it between interactions. */
interface LiveQuiz {
  quizId: string;
  guildId: string;
  channelId: string;
  applicationId: string;
  token: string;
  /** The message of the open question ('@original' for the first). */
  messageId: string;
  language: Language;
  starterId: string;
  difficulty: Difficulty;
  windowMs: number;
  questions: Question[];
  round: number;
  askedAt: number;
  deadline: number;
  totals: Record<string, { points: number; right: number; answered: number }>;
  /** Closed rounds not on the boards yet: they wait until the quiz has two players. */
  held: { answers: ScoredAnswer[]; month: string }[];
}

/** How long a quiz may hold its channel at most (the interaction token that carries it lives 15 minutes). */
const channelHoldMs = 2 * 60 * 60 * 1000;
/** How long one replica may take to close a round before another may do it instead (it died meanwhile). */
const closeLeaseMs = 30_000;
const boardLeaseMs = 10_000;
const index = 'quizzes-live';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class SharedQuizRunner implements LiveQuizzes {
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> = Promise.resolve();
  /** This replica, as a claim holder. */
  private readonly self = randomBytes(6).toString('hex');
  private readonly claims: Claims;

  constructor(
    private readonly ctx: QuizEnvironment,
    private readonly rest: REST,
    private readonly store: Store,
    private readonly repository: QuizRepository,
    private readonly nextSeed: () => number = () => randomBytes(4).readUInt32LE(),
  ) {
    this.claims = store.claims();
  }

  private live() {
    return this.store.namespace<LiveQuiz>('quiz-live');
  }

  start(): void {
    this.timer = setInterval(() => void this.tick(), 1000);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.ticking;
  }

  async isRunning(channelId: string): Promise<boolean> {
    return (await (await this.live()).get(channelId)) !== undefined;
  }

  /** Another replica runs it, or none: nothing of this replica's own to close after a restart. */
  closeInterrupted(): Promise<number> {
    return Promise.resolve(0);
  }

  async begin(interaction: QuizStart, settings: QuizSettings): Promise<void> {
    const now = this.ctx.now().getTime();
    const quizId = randomBytes(4).toString('hex');
    const { channelId, guildId } = interaction;
    // Two /quiz start at once on two replicas: one channel, one quiz.
    if (!(await this.claims.acquire(`quiz-channel:${channelId}`, 'live', quizId, now + channelHoldMs, now))) {
      return interaction.reply({ ephemeral: true, content: quizStrings[settings.language].alreadyRunning });
    }
    const random = seededRandom(this.nextSeed());
    const questions = generateQuiz(this.ctx.facts, settings.rounds, settings.difficulty, random, {
      upTo: true,
      ...(settings.category && { category: settings.category }),
    });
    const windowMs = settings.seconds === undefined ? answerWindowMs : settings.seconds * 1000;
    const quiz: LiveQuiz = {
      quizId,
      guildId,
      channelId,
      applicationId: interaction.applicationId,
      token: interaction.token,
      messageId: '@original',
      language: settings.language,
      starterId: interaction.userId,
      difficulty: settings.difficulty,
      windowMs,
      questions,
      round: 0,
      askedAt: now,
      deadline: now + windowMs,
      totals: {},
      held: [],
    };
    // Stored before the question is shown: the first click may reach another replica at once.
    await (await this.live()).set(channelId, quiz);
    await this.claims.acquire(index, channelId, quizId, now + channelHoldMs, now);
    await interaction.reply(questionMessage(questions[0]!, quizId, 0, questions.length, quiz.deadline, quiz.language));
    this.ctx.log.info(
      { quizId, channelId, rounds: questions.length, difficulty: settings.difficulty, seconds: windowMs / 1000 },
      'quiz started',
    );
  }

  /**
   * One answer per player and question, changed at most once, each step one atomic claim: slot 1 is the first
   * answer, slot 2 the change. Of two clicks at once from one player, one takes the slot and the other reads it.
   */
  async answer(interaction: QuizClick, language: Language): Promise<void> {
    const q = quizStrings[language];
    const click = quizAnswerId.decode(interaction.customId);
    const quiz = interaction.channelId === undefined ? undefined : await (await this.live()).get(interaction.channelId);
    if (!click || !quiz || quiz.quizId !== click.quizId)
      return interaction.reply({ ephemeral: true, content: q.quizEnded });
    const now = this.ctx.now().getTime();
    const question = quiz.questions[quiz.round]!;
    const choice = question.choices[click.choice];
    if (click.round !== quiz.round || !choice || now >= quiz.deadline) {
      return interaction.reply({ ephemeral: true, content: q.closedQuestion });
    }
    const group = `quiz-answers:${quiz.quizId}:${quiz.round}`;
    const user = interaction.user.id;
    const keep = quiz.deadline + channelHoldMs;
    const holder = `${click.choice}@${now}`;
    const label = choiceLabel(choice, language);
    if (await this.claims.acquire(group, `${user}:1`, holder, keep, now)) {
      return interaction.reply({ ephemeral: true, content: q.recorded(label) });
    }
    const current = async () => {
      const claims = await this.claims.all(group);
      return choiceOf(claims.get(`${user}:2`)?.holder ?? claims.get(`${user}:1`)?.holder);
    };
    const given = await current();
    if (given === click.choice) return interaction.reply({ ephemeral: true, content: q.confirmed(label) });
    if (await this.claims.acquire(group, `${user}:2`, holder, keep, now)) {
      return interaction.reply({ ephemeral: true, content: q.changed(label) });
    }
    const kept = await current();
    if (kept === click.choice) return interaction.reply({ ephemeral: true, content: q.confirmed(label) });
    const keptChoice = question.choices[kept ?? -1];
    return interaction.reply({
      ephemeral: true,
      content: q.noMoreChanges(keptChoice ? choiceLabel(keptChoice, language) : label),
    });
  }

  /** The game as the domain knows it, rebuilt from the record and the open round's answers. */
  private async gameOf(quiz: LiveQuiz, withAnswers: boolean): Promise<QuizGame> {
    const game = new QuizGame(quiz.quizId, quiz.questions, quiz.difficulty, quiz.askedAt, quiz.windowMs);
    game.round = quiz.round;
    game.deadline = quiz.deadline;
    for (const [userId, total] of Object.entries(quiz.totals)) game.totals.set(userId, { ...total });
    if (!withAnswers) return game;
    const claims = await this.claims.all(`quiz-answers:${quiz.quizId}:${quiz.round}`);
    const slots = [...claims]
      .map(([field, claim]) => ({ field, ...parseHolder(claim.holder) }))
      .filter((slot) => slot.choice !== undefined)
      .sort((a, b) => a.field.localeCompare(b.field)); // each player's slot 1 before their slot 2
    for (const { field, choice, at } of slots) game.answer(field.slice(0, field.lastIndexOf(':')), choice!, at);
    return game;
  }

  /** Every replica ticks; for each round that is due, the one that claims its close reveals it. */
  tick(): Promise<void> {
    this.ticking = this.ticking
      .then(() => this.closeDueRounds())
      .catch((error: unknown) => this.ctx.log.error({ err: error }, 'quiz tick failed'));
    return this.ticking;
  }

  private async closeDueRounds(): Promise<void> {
    const now = this.ctx.now().getTime();
    const live = await this.live();
    for (const [channelId, entry] of await this.claims.all(index)) {
      if (entry.until <= now) continue;
      const quiz = await live.get(channelId);
      if (!quiz || quiz.quizId !== entry.holder || now < quiz.deadline) continue;
      if (
        !(await this.claims.acquire(
          `quiz-round:${quiz.quizId}`,
          `close-${quiz.round}`,
          this.self,
          now + closeLeaseMs,
          now,
        ))
      )
        continue;
      try {
        await this.closeRound(quiz, now);
      } catch (error) {
        this.ctx.log.error({ err: error, quizId: quiz.quizId }, 'quiz ended early: its messages could not be sent');
        await this.forget(quiz);
      }
    }
  }

  private async closeRound(quiz: LiveQuiz, now: number): Promise<void> {
    const game = await this.gameOf(quiz, true);
    const result = game.closeRound(now);
    quiz.held.push({ answers: result.answers, month: monthOf(new Date(now)) });
    if (game.counts) {
      for (const { answers, month } of quiz.held.splice(0)) await this.record(quiz.guildId, answers, month);
    }
    quiz.totals = Object.fromEntries(game.totals);
    await this.edit(
      quiz,
      revealMessage(result, quiz.quizId, quiz.questions.length, quiz.language, this.ctx.facts.sources),
    );
    if (result.last) {
      await this.forget(quiz);
      await this.followUp(quiz, this.finalBoard(quiz, game));
      this.ctx.log.info({ quizId: quiz.quizId, players: game.totals.size }, 'quiz finished');
      return;
    }
    quiz.round = game.round;
    quiz.askedAt = game.askedAt;
    quiz.deadline = game.deadline;
    const message = await this.followUp(
      quiz,
      questionMessage(game.question, quiz.quizId, game.round, quiz.questions.length, game.deadline, quiz.language),
    );
    quiz.messageId = message.id;
    await (await this.live()).set(quiz.channelId, quiz);
  }

  /** Board writes of one server, one replica at a time: a claim held while it reads, adds and writes. */
  private async record(guildId: string, answers: ScoredAnswer[], month: string): Promise<void> {
    const group = `quiz-board:${guildId}`;
    for (let attempt = 0; attempt < 50; attempt++) {
      const now = this.ctx.now().getTime();
      if (await this.claims.acquire(group, 'write', this.self, now + boardLeaseMs, now).catch(() => false)) {
        try {
          await this.repository.recordRound(guildId, answers, month);
        } catch (error) {
          this.ctx.log.warn({ err: error, guildId }, 'round scores kept in memory until the store answers');
        } finally {
          await this.claims.release(group, 'write', this.self).catch(() => undefined);
        }
        return;
      }
      await pause(20);
    }
    this.ctx.log.warn({ guildId }, 'round scores written without the board claim: another replica held it too long');
    await this.repository.recordRound(guildId, answers, month).catch(() => undefined);
  }

  async end(channelId: string, by: { userId: string; manageServer: boolean }): Promise<StopOutcome> {
    const live = await this.live();
    for (let attempt = 0; attempt < 100; attempt++) {
      const quiz = await live.get(channelId);
      if (!quiz) return { kind: 'none' };
      if (by.userId !== quiz.starterId && !by.manageServer) return { kind: 'refused' };
      const now = this.ctx.now().getTime();
      // Holding the open round's close keeps every tick away from it while the quiz ends.
      if (
        await this.claims.acquire(
          `quiz-round:${quiz.quizId}`,
          `close-${quiz.round}`,
          this.self,
          now + channelHoldMs,
          now,
        )
      ) {
        const game = await this.gameOf(quiz, false);
        game.stop();
        await this.forget(quiz);
        await this.edit(quiz, stoppedQuestionMessage(by.userId, quiz.language)).catch((error: unknown) =>
          this.ctx.log.warn({ err: error, quizId: quiz.quizId }, 'could not close the stopped quiz question'),
        );
        this.ctx.log.info(
          { quizId: quiz.quizId, players: game.totals.size, rounds: game.closedRounds },
          'quiz stopped',
        );
        return { kind: 'stopped', final: this.finalBoard(quiz, game, by.userId) };
      }
      await pause(20); // a replica is revealing this round right now: stop the quiz after it
    }
    return { kind: 'none' };
  }

  private finalBoard(quiz: LiveQuiz, game: QuizGame, stoppedBy?: string): Reply {
    return finalMessage(game.standings(), quiz.language, {
      total: quiz.questions.length,
      closed: game.closedRounds,
      counted: game.counts,
      ...(stoppedBy !== undefined && { stoppedBy }),
    });
  }

  /** The quiz is over: its record goes and its channel is free. */
  private async forget(quiz: LiveQuiz): Promise<void> {
    await (await this.live()).delete(quiz.channelId).catch(() => undefined);
    await this.claims.release(index, quiz.channelId, quiz.quizId).catch(() => undefined);
    await this.claims.release(`quiz-channel:${quiz.channelId}`, 'live', quiz.quizId).catch(() => undefined);
  }

  private edit(quiz: LiveQuiz, reply: Reply): Promise<void> {
    return editWebhookMessage(this.rest, quiz, reply);
  }

  private followUp(quiz: LiveQuiz, reply: Reply): Promise<APIMessage> {
    return webhookFollowUp(this.rest, quiz, reply);
  }
}

function parseHolder(holder: string): { choice: number | undefined; at: number } {
  const [choice, at] = holder.split('@');
  const n = Number(choice);
  return { choice: Number.isInteger(n) ? n : undefined, at: Number(at) };
}

function choiceOf(holder: string | undefined): number | undefined {
  return holder === undefined ? undefined : parseHolder(holder).choice;
}
