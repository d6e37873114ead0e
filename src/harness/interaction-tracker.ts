/** Interactions the fake dispatched: their state, and the promises of slash()/click()/autocomplete(). */
import type {
  APIApplicationCommandOptionChoice,
  APIInteractionResponseCallbackData,
  APIMessage,
  APIModalInteractionResponseCallbackData,
  APIUser,
} from 'discord-api-types/v10';
import type { InteractionResult } from './types.js';

export type InteractionKind = 'command' | 'autocomplete' | 'component';

/** How long an interaction token stays usable for webhooks. */
export const TOKEN_LIFETIME_MS = 15 * 60 * 1000;
/** How long Discord waits for the first callback. */
export const CALLBACK_WINDOW_MS = 3000;

export interface TrackedInteraction {
  readonly id: string;
  readonly token: string;
  readonly kind: InteractionKind;
  /** What the test asked for, e.g. "/relations country:Syria", for error messages. */
  readonly label: string;
  /** Undefined in a DM. */
  readonly guildId: string | undefined;
  readonly channelId: string;
  readonly user: APIUser;
  readonly dispatchedAt: number;
  /** The message a component was on. */
  readonly sourceMessage?: APIMessage;
  callbackType?: number;
  /** The @original message (the reply; for callbacks 6/7, the source message). */
  original?: APIMessage;
  followups: APIMessage[];
  data?: APIInteractionResponseCallbackData;
  ephemeral: boolean;
  deferred: boolean;
  choices?: APIApplicationCommandOptionChoice[];
  modal?: APIModalInteractionResponseCallbackData;
  /** Errors the fake answered to the bot for this interaction, for the timeout message. */
  problems: string[];
  settled: boolean;
  /** Whether the gateway sent it at once, buffered it for a RESUME, or lost it (no resumable session). */
  delivery?: 'delivered' | 'queued' | 'lost';
  /** The session it was sent or buffered to, and that session's shard. */
  sessionId?: string;
  shard?: [number, number];
  /** HTTP interactions: the index of the endpoint URL it was POSTed to. */
  replica?: number;
  /** Date.now() when the first callback was accepted. */
  answeredAt?: number;
  /** Date.now() of the first callback that came after the 3 s window (refused with 10062). */
  lateAt?: number;
}

/** Counts over every interaction the fake sent so far. sent = answered + pending + unanswered. */
export interface InteractionStats {
  /** Interactions created by slash(), click() and autocomplete(). */
  sent: number;
  /** Whose first callback (reply, deferral, update, choices, modal) was accepted within 3 s. */
  answered: number;
  /** Not answered yet, and still within the 3 s window. */
  pending: number;
  /** Not answered, and the window has passed (late and lost ones included). */
  unanswered: number;
  /** The bot's first callback came after 3 s (Discord refused it with 10062). */
  late: number;
  /** Buffered while the bot was disconnected: delivered on its RESUME, if the session resumes. */
  queued: number;
  /** Never delivered: no gateway session could take it. */
  lost: number;
}

interface Waiter {
  resolve: (r: InteractionResult) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

export type NewInteraction = Omit<
  TrackedInteraction,
  | 'followups'
  | 'ephemeral'
  | 'deferred'
  | 'problems'
  | 'settled'
  | 'dispatchedAt'
  | 'delivery'
  | 'sessionId'
  | 'shard'
  | 'replica'
  | 'answeredAt'
  | 'lateAt'
>;

export class InteractionTracker {
  private readonly byId = new Map<string, TrackedInteraction>();
  private readonly byToken = new Map<string, TrackedInteraction>();
  private readonly waiters = new Map<string, Waiter>();

  constructor(private readonly deferredTimeoutMs: number) {}

  /** Registers an interaction about to be dispatched; the promise settles at its first visible response. */
  track(init: NewInteraction, timeoutMs: number): { record: TrackedInteraction; done: Promise<InteractionResult> } {
    const record: TrackedInteraction = {
      ...init,
      followups: [],
      ephemeral: false,
      deferred: false,
      problems: [],
      settled: false,
      dispatchedAt: Date.now(),
    };
    this.byId.set(record.id, record);
    this.byToken.set(record.token, record);
    const done = new Promise<InteractionResult>((resolve, reject) => {
      this.waiters.set(record.id, { resolve, reject, timer: this.timer(record, timeoutMs) });
    });
    return { record, done };
  }

  get(id: string): TrackedInteraction | undefined {
    return this.byId.get(id);
  }

  getByToken(token: string): TrackedInteraction | undefined {
    return this.byToken.get(token);
  }

  all(): TrackedInteraction[] {
    return [...this.byId.values()];
  }

  stats(now = Date.now()): InteractionStats {
    const all = this.all();
    const answered = all.filter((r) => r.answeredAt !== undefined).length;
    const pending = all.filter(
      (r) => r.answeredAt === undefined && r.delivery !== 'lost' && now - r.dispatchedAt <= CALLBACK_WINDOW_MS,
    ).length;
    return {
      sent: all.length,
      answered,
      pending,
      unanswered: all.length - answered - pending,
      late: all.filter((r) => r.answeredAt === undefined && r.lateAt !== undefined).length,
      queued: all.filter((r) => r.delivery === 'queued').length,
      lost: all.filter((r) => r.delivery === 'lost').length,
    };
  }

  /** The bot deferred: wait deferredTimeoutMs more for the edit or follow-up. */
  deferred(record: TrackedInteraction): void {
    const w = this.waiters.get(record.id);
    if (!w) return;
    clearTimeout(w.timer);
    w.timer = this.timer(record, this.deferredTimeoutMs);
  }

  /** The interaction has its first visible response: settle the promise (once the request that made it is recorded). */
  visible(record: TrackedInteraction): void {
    if (record.settled) return;
    record.settled = true;
    const w = this.waiters.get(record.id);
    if (!w) return;
    clearTimeout(w.timer);
    this.waiters.delete(record.id);
    const result = this.result(record);
    setImmediate(() => w.resolve(result));
  }

  /** Drops an interaction whose dispatch failed. */
  fail(record: TrackedInteraction, error: Error): void {
    const w = this.waiters.get(record.id);
    record.settled = true;
    if (!w) return;
    clearTimeout(w.timer);
    this.waiters.delete(record.id);
    w.reject(error);
  }

  result(record: TrackedInteraction): InteractionResult {
    const result: InteractionResult = {
      id: record.id,
      token: record.token,
      type: record.callbackType ?? 0,
      data: record.data ?? {},
      ephemeral: record.ephemeral,
      deferred: record.deferred,
      message: record.original ?? placeholder(record),
      followups: record.followups,
    };
    if (record.choices) result.choices = record.choices;
    if (record.modal) result.modal = record.modal;
    if (record.sessionId !== undefined) result.sessionId = record.sessionId;
    if (record.shard) result.shard = [...record.shard];
    if (record.replica !== undefined) result.replica = record.replica;
    return result;
  }

  /** Rejects all pending waits. */
  close(): void {
    for (const [id, w] of this.waiters) {
      clearTimeout(w.timer);
      w.reject(new Error(`FakeDiscord closed before ${this.byId.get(id)?.label ?? id} got a response`));
    }
    this.waiters.clear();
  }

  private timer(record: TrackedInteraction, ms: number): NodeJS.Timeout {
    return setTimeout(() => {
      const w = this.waiters.get(record.id);
      if (!w) return;
      this.waiters.delete(record.id);
      record.settled = true;
      w.reject(new Error(`${record.label}: no visible response within ${ms} ms (${describeState(record)})`));
    }, ms);
  }
}

function describeState(r: TrackedInteraction): string {
  const state =
    r.callbackType === undefined
      ? 'the bot sent no interaction callback'
      : r.deferred
        ? `the bot deferred (callback type ${r.callbackType}) but sent no edit of @original nor a follow-up`
        : `last callback type ${r.callbackType}`;
  return r.problems.length ? `${state}; the fake answered the bot: ${r.problems.join('; ')}` : state;
}

function placeholder(r: TrackedInteraction): APIMessage {
  return {
    id: '0',
    channel_id: r.channelId,
    author: r.user,
    content: '',
    timestamp: new Date(0).toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: 0,
  };
}
