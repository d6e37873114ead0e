// The connection to Discord, on the discord.js project's own layers: @discordjs/ws owns the gateway sessions (one per
// shard, identify pacing, heartbeats, resumes) and @discordjs/rest the REST client and its rate limits. Interactions
// are taken from the raw dispatch and answered through REST; nothing builds per-interaction objects or caches, so
// memory does not grow with the number of servers.
import type { RawFile, REST } from '@discordjs/rest';
import { WebSocketManager, WebSocketShardEvents, type SessionInfo } from '@discordjs/ws';
import { GatewayDispatchEvents, Routes, type APIInteraction, type APIMessage } from 'discord-api-types/v10';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { ReplyFile } from '../render/reply.js';
import type { InteractionApi } from './interaction.js';

/** Close codes after which reconnecting cannot help (bad token, bad shard, sharding required, bad intents). */
const fatalCloseCodes = new Set([4004, 4010, 4011, 4012, 4013, 4014]);

/** The gateway closed with a code that reconnecting cannot fix. */
export class FatalGatewayError extends Error {
  override name = 'FatalGatewayError';
  constructor(readonly code: number) {
    super(
      code === 4004
        ? 'Discord rejected the bot token (gateway close 4004). Check DISCORD_TOKEN; reset it in the developer portal if it leaked.'
        : code === 4014
          ? 'Discord refused the gateway intents (close 4014): enable them for the bot in the developer portal, or remove them.'
          : code === 4011
            ? 'Discord requires more shards for this many servers (close 4011): set SHARD_COUNT=auto or a larger count.'
            : code === 4010
              ? 'Discord refused a shard id (close 4010): every id in SHARD_IDS must be below SHARD_COUNT.'
              : `Discord closed the gateway with code ${code}, which cannot be resumed.`,
    );
  }
}

/** The shard that owns a server: Discord's own rule. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

export interface ShardPlan {
  /** Shards of the whole bot, across every process. */
  count: number;
  /** The shards this process runs. */
  ids: number[];
}

export type ShardSettings = Pick<Config, 'SHARD_COUNT' | 'SHARD_IDS'>;

/**
 * SHARD_COUNT (a number, or auto: Discord's recommendation, asked only then) and SHARD_IDS (default: all of
 * them).
 */
export async function planShards(config: ShardSettings, recommended: () => Promise<number>): Promise<ShardPlan> {
  const count = config.SHARD_COUNT === 'auto' ? await recommended() : config.SHARD_COUNT;
  const ids = config.SHARD_IDS ?? Array.from({ length: count }, (_, id) => id);
  const outside = ids.filter((id) => id >= count);
  if (outside.length) {
    throw new Error(
      `SHARD_IDS ${outside.join(', ')} not below the shard count ${count}: ids run from 0 to ${count - 1}`,
    );
  }
  return { count, ids };
}

/** Answers interactions through REST. */
export function restInteractionApi(rest: REST): InteractionApi {
  return {
    async callback(id, token, body, files) {
      await rest.post(Routes.interactionCallback(id, token), { body, auth: false, ...rawFiles(files) });
    },
    async editOriginal(applicationId, token, body, files) {
      await rest.patch(Routes.webhookMessage(applicationId, token), { body, auth: false, ...rawFiles(files) });
    },
    async followUp(applicationId, token, body, files) {
      return (await rest.post(Routes.webhook(applicationId, token), {
        body,
        ...rawFiles(files),
        query: new URLSearchParams({ wait: 'true' }),
        auth: false,
      })) as APIMessage;
    },
  };
}

/** Files for @discordjs/rest, which then sends multipart: files[0], files[1]… and the body as payload_json. */
function rawFiles(files: readonly ReplyFile[] | undefined): { files?: RawFile[] } {
  if (!files?.length) return {};
  return {
    files: files.map((file) => ({
      name: file.name,
      data: Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength),
      ...(file.contentType && { contentType: file.contentType }),
    })),
  };
}

export interface GatewayOptions {
  token: string;
  rest: REST;
  shards: ShardSettings;
  log: Logger;
  onInteraction: (raw: APIInteraction, shardId: number) => void;
  /** A fatal close after start-up (before it, connect() rejects). */
  onFatal: (error: FatalGatewayError) => void;
}

export class Gateway {
  private readonly manager: WebSocketManager;
  /** Each gateway keeps its own resume data: two bots in one process must not resume each other's sessions. */
  private readonly sessions = new Map<number, SessionInfo>();
  private readonly readyShards = new Set<number>();
  private planned?: Promise<ShardPlan>;
  private plan?: ShardPlan;
  botUserId: string | undefined;
  applicationId: string | undefined;

  constructor(private readonly options: GatewayOptions) {
    const { shards } = options;
    this.manager = new WebSocketManager({
      token: options.token,
      rest: options.rest,
      // Interactions need no intent; permissions and resolved options come inside each one.
      intents: 0,
      // Null means Discord's recommendation and all shards: the same answer as planShards, from the same request.
      shardCount: shards.SHARD_COUNT === 'auto' ? null : shards.SHARD_COUNT,
      shardIds: shards.SHARD_IDS ?? null,
      retrieveSessionInfo: (shardId) => this.sessions.get(shardId) ?? null,
      updateSessionInfo: (shardId, info) => {
        if (info) this.sessions.set(shardId, info);
        else this.sessions.delete(shardId);
      },
    });
    this.manager.on(WebSocketShardEvents.Dispatch, ({ data, shardId }) => {
      if (data.t === GatewayDispatchEvents.InteractionCreate) options.onInteraction(data.d, shardId);
    });
    this.manager.on(WebSocketShardEvents.Ready, ({ data, shardId }) => {
      this.botUserId = data.user.id;
      this.applicationId = data.application.id;
      this.readyShards.add(shardId);
      options.log.debug({ shardId, servers: data.guilds.length }, 'shard ready');
    });
    this.manager.on(WebSocketShardEvents.Error, ({ error, shardId }) =>
      options.log.warn({ err: error, shardId }, 'gateway error'),
    );
    if (options.log.isLevelEnabled('trace')) {
      this.manager.on(WebSocketShardEvents.Debug, ({ message, shardId }) =>
        options.log.trace({ shardId, discord: message }, '@discordjs/ws'),
      );
    }
  }

  /**
   * Works out the shards this process runs. With SHARD_COUNT=auto it asks `GET /gateway/bot` once: @discordjs/ws
   * keeps the answer, so connecting does not ask again.
   */
  planShards(): Promise<ShardPlan> {
    this.planned ??= planShards(this.options.shards, async () => {
      return (await this.manager.fetchGatewayInformation()).shards;
    }).then((plan) => (this.plan = plan));
    return this.planned;
  }

  get shards(): ShardPlan {
    if (!this.plan) throw new Error('the shards are not planned yet: call planShards() or connect() first');
    return this.plan;
  }

  /** Whether this process runs the shard that owns the server (none before the shards are planned). */
  ownsGuild(guildId: string): boolean {
    return this.plan ? this.plan.ids.includes(shardOf(guildId, this.plan.count)) : false;
  }

  /** Opens every shard of the plan; resolves when each has said READY, rejects on a close that cannot be fixed. */
  async connect(): Promise<void> {
    const wanted = (await this.planShards()).ids.length;
    let startedUp = false;
    const allReady = new Promise<void>((resolve, reject) => {
      this.manager.on(WebSocketShardEvents.Closed, ({ code, shardId }) => {
        if (!fatalCloseCodes.has(code)) return;
        const error = new FatalGatewayError(code);
        this.options.log.fatal({ code, shardId }, error.message);
        if (startedUp) this.options.onFatal(error);
        else reject(error);
      });
      this.manager.on(WebSocketShardEvents.Ready, () => {
        if (this.readyShards.size === wanted) resolve();
      });
    });
    allReady.catch(() => undefined); // observed below; this keeps an early rejection from going unhandled
    await Promise.race([this.manager.connect().then(() => allReady), allReady]);
    startedUp = true;
  }

  async destroy(): Promise<void> {
    await this.manager.destroy({ reason: 'shutting down' });
  }
}
