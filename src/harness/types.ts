/** Public types of the fake Discord. */
import type {
  ChannelType,
  APIApplicationCommandOptionChoice,
  APIInteractionResponseCallbackData,
  APIMessage,
  APIModalInteractionResponseCallbackData,
  Locale,
} from 'discord-api-types/v10';

export interface FakeChannelSpec {
  id?: string;
  name?: string;
  /** Default true. When false, POST /channels/:id/messages answers 403 (50013) and app_permissions lack SEND_MESSAGES. */
  botCanPost?: boolean;
  /** Default a text channel. A forum (15) holds only threads: posts are opened with POST /channels/:id/threads. */
  type?: FakeChannelType;
  /** A forum's tags (available_tags); ids are made when left out. */
  tags?: { id?: string; name: string }[];
  /** A forum that requires a tag on every post (channel flag REQUIRE_TAG). */
  requireTag?: boolean;
  /**
   * Permissions the bot is denied in this channel (a member overwrite for the bot, as an admin would set), e.g.
   * PermissionFlagsBits.CreatePublicThreads. botCanPost: false is the same as denying SendMessages and
   * SendMessagesInThreads.
   */
  botDenied?: bigint;
}

/** The channel types the fake knows. */
export type FakeChannelType = ChannelType.GuildText | ChannelType.GuildAnnouncement | ChannelType.GuildForum;

/** A role of a server besides @everyone. */
export interface FakeRoleSpec {
  id?: string;
  name: string;
  /** Whether anyone may mention it (else only members with Mention @everyone, @here and All Roles). Default true. */
  mentionable?: boolean;
}

export interface FakeGuildSpec {
  id?: string;
  name?: string;
  /** Default: one text channel named "general". */
  channels?: FakeChannelSpec[];
  /**
   * Roles besides @everyone, sent in GUILD_CREATE and listed by GET /guilds/:id/roles: a number of plain ones (for
   * realistic cache sizes), or named ones. Default 0.
   */
  roles?: number | FakeRoleSpec[];
}

export interface FakeDiscordOptions {
  /** Bot token the fake accepts (REST `Authorization: Bot <token>` and gateway IDENTIFY). Default: fakeBotToken(applicationId). */
  token?: string;
  /** Application id, also the bot user's id. Default: a fixed snowflake. */
  applicationId?: string;
  /** Bot user name. Default 'Attache'. */
  botName?: string;
  /**
   * A number of generated guilds, or their specs. Default 1 guild with 1 text channel. A number makes them in bulk
   * (see addGuilds()): one "general" channel each, built only when something asks for one, so 100,000 cost little.
   */
  guilds?: number | FakeGuildSpec[];
  /**
   * IDENTIFY is closed with 4011 (Sharding required) when ceil(servers / num_shards) exceeds this. Default 2500, as
   * on Discord; Infinity lets one unsharded session hold any number of servers (for measurements, not Discord-like).
   */
  maxGuildsPerShard?: number;
  /** session_start_limit.max_concurrency in GET /gateway/bot. Default 1; more lets a client start shards at once. */
  maxConcurrency?: number;
  /**
   * Enforce Discord's identify pacing: one IDENTIFY per rate-limit key (shard id % max_concurrency) per 5 s; one
   * sooner gets op 9 Invalid Session (d: false), as on Discord. Off by default, because tests restart bots faster
   * than Discord would let them.
   */
  identifyPacing?: boolean;
  /** How long slash()/click()/autocomplete() wait for the first visible response. Default 3000 ms. */
  responseTimeoutMs?: number;
  /** After a deferral (callback 5/6), how long to wait for the edit or follow-up. Default 15000 ms. */
  deferredTimeoutMs?: number;
  /** When set, more than this many requests in a rolling second (interaction callbacks and webhooks excluded) get a global 429. */
  globalRateLimitPerSecond?: number;
  /** Port to listen on (127.0.0.1). Default 0: a random free port. */
  port?: number;
  /** Validate every body the bot sends (discord-api-spec schemas + Discord's documented limits); default true. */
  strict?: boolean;
  /** heartbeat_interval sent in HELLO. Default 41250 ms, like Discord; tests of missed ACKs use a short one. */
  heartbeatIntervalMs?: number;
  /** How long a session whose connection went away can still RESUME. Default 120000 ms. */
  resumeWindowMs?: number;
  /** How many recent dispatches a session keeps to replay on RESUME. Default 1000. */
  resumeBufferSize?: number;
}

export interface FakeChannel {
  id: string;
  name: string;
  guildId: string;
  botCanPost: boolean;
  position: number;
  type: FakeChannelType;
  tags: { id: string; name: string }[];
  requireTag: boolean;
  botDenied: bigint;
}

export interface FakeGuild {
  id: string;
  name: string;
  ownerId: string;
  channels: FakeChannel[];
  /** Ids of the extra roles (besides @everyone). */
  roleIds: string[];
  /** Names and mentionability of named roles (FakeGuildSpec.roles as specs), by id. */
  roleSpecs?: Map<string, { name: string; mentionable: boolean }>;
}

/** Who performs an interaction. Every field is optional; see DEFAULT_ACTOR / ADMIN_ACTOR. */
export interface ActorSpec {
  userId?: string;
  username?: string;
  globalName?: string | null;
  locale?: Locale | `${Locale}`;
  guildId?: string;
  channelId?: string;
  /**
   * The interaction comes from the user's DM with the bot: no guild_id and no member, so Discord sends it to shard 0.
   * Only global commands whose contexts allow BotDM are offered there. guildId must then be absent.
   */
  dm?: boolean;
  /** Member permissions in the channel: a bigint, or its decimal string. */
  permissions?: bigint | string;
}

export interface RecordedFile {
  field: string;
  name: string;
  size: number;
  contentType: string;
}

export interface RecordedRequest {
  method: string;
  /** Path after /api/v10, e.g. '/channels/123/messages'. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body, or the parsed `payload_json` of a multipart body; undefined when empty. */
  body: unknown;
  /** Files of a multipart body. */
  files: RecordedFile[];
  status: number;
  /** The fake's route pattern that handled it (e.g. '/channels/:channel/messages'); undefined when no route matched. */
  route?: string;
  /** True when an inject() rule applied (answer replaced, delayed or dropped). */
  injected: boolean;
  /** inject({ delayMs }): how long the answer was held back. */
  delayedMs?: number;
  /** inject({ drop }): the connection was closed ('close') or reset ('reset') instead of answering; status is then 0. */
  dropped?: 'close' | 'reset';
  /** strict: the body failed validation (answered 400 / 50035). */
  violation?: boolean;
  /**
   * HTTP interactions: this callback was the body of the bot's HTTP response to Discord's POST, not a REST request;
   * `replica` is the index of the endpoint URL that answered.
   */
  inHttpResponse?: { replica: number };
  /** Date.now() when the answer was sent. */
  at: number;
}

export interface InteractionResult {
  id: string;
  token: string;
  /** Callback type of the first response (4, 5, 6, 7, 8 or 9). */
  type: number;
  /** The message body as the bot sent it: callback data (4/7) or the first edit / follow-up body after a deferral. */
  data: APIInteractionResponseCallbackData;
  ephemeral: boolean;
  deferred: boolean;
  /** The reply message (for 6/7: the message the component was on), kept up to date by later edits. */
  message: APIMessage;
  followups: APIMessage[];
  /** Choices of an autocomplete answer (callback 8). */
  choices?: APIApplicationCommandOptionChoice[];
  /** The modal of a callback 9 (then `message` is an unsaved empty placeholder). */
  modal?: APIModalInteractionResponseCallbackData;
  /** The gateway session the INTERACTION_CREATE went to (sent, or buffered for its RESUME). */
  sessionId?: string;
  /** That session's [shard_id, num_shards]: the shard owning the interaction's server, or shard 0 for a DM. */
  shard?: [number, number];
  /** HTTP interactions: the index of the endpoint URL (setInteractionsEndpoint) it was POSTed to. */
  replica?: number;
}

export interface RequestMatch {
  method?: string;
  /** A RegExp tested against the path (after /api/v10), or an exact path string. */
  path: RegExp | string;
}

export interface InjectedResponse {
  /** The answer's status. Omit it to keep the route's own answer (with delayMs: a slow response). */
  status?: number;
  /**
   * When true, the request is handled as usual first (a message is created, say) and only the answer is replaced,
   * delayed or dropped: what a client sees when Discord did the work but the response was lost. Default: true when
   * neither status nor drop is given, else false (the route never runs).
   */
  afterHandling?: boolean;
  body?: unknown;
  headers?: Record<string, string>;
  /** Holds the answer back this long (the route, if it runs, runs at once). */
  delayMs?: number;
  /**
   * Answers nothing: true closes the connection (the client sees "other side closed"), 'reset' resets it
   * (ECONNRESET). @discordjs/rest retries only the latter.
   */
  drop?: true | 'reset';
}

/** A 429 as Discord sends it; see FakeDiscord.rateLimit(). */
export interface RateLimitSpec {
  method?: string;
  path: RegExp | string;
  /** Seconds; sent as-is (decimals too) in `retry-after` and `retry_after`, so tests stay fast. Default 0.1. */
  retryAfter?: number;
  /** A global limit (x-ratelimit-global, scope 'global'). Default false: a per-route limit. */
  global?: boolean;
  /** Scope of a per-route limit: 'user' (default) or 'shared' (a resource's limit, not counted against the bot). */
  scope?: 'user' | 'shared';
  /** How many matching requests get the 429. Default 1. */
  times?: number;
}

/** A body the strict fake refused (400, code 50035). */
export interface Violation {
  method: string;
  path: string;
  /** The fake's route pattern, e.g. '/channels/:channel/messages'. */
  route: string;
  /** One line per failure: 'embeds.0.title: Must be 256 or fewer in length. (BASE_TYPE_MAX_LENGTH, got 300)'. */
  failures: string[];
  /** The `errors` object of the 50035 answer, nested as Discord nests it. */
  errors: Record<string, unknown>;
  body: unknown;
}

export interface InteractionCallOptions {
  /** Overrides responseTimeoutMs for this call. */
  timeoutMs?: number;
  /** click(): deliver the click even if the button is gone or disabled now (a member's client showing an old view). */
  stale?: boolean;
}

export type OptionValue = string | number | boolean;

export interface SlashCommandSpec {
  name: string;
  group?: string;
  subcommand?: string;
  options?: Record<string, OptionValue>;
}
