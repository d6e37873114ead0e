/** Public types of the fake Discord. */
import type {
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
}

export interface FakeGuildSpec {
  id?: string;
  name?: string;
  /** Default: one text channel named "general". */
  channels?: FakeChannelSpec[];
}

export interface FakeDiscordOptions {
  /** Bot token the fake accepts (REST `Authorization: Bot <token>` and gateway IDENTIFY). Default: fakeBotToken(applicationId). */
  token?: string;
  /** Application id, also the bot user's id. Default: a fixed snowflake. */
  applicationId?: string;
  /** Bot user name. Default 'Attache'. */
  botName?: string;
  /** A number of generated guilds, or their specs. Default 1 guild with 1 text channel. */
  guilds?: number | FakeGuildSpec[];
  /** How long slash()/click()/autocomplete() wait for the first visible response. Default 3000 ms. */
  responseTimeoutMs?: number;
  /** After a deferral (callback 5/6), how long to wait for the edit or follow-up. Default 15000 ms. */
  deferredTimeoutMs?: number;
  /** When set, more than this many requests in a rolling second (interaction callbacks and webhooks excluded) get a global 429. */
  globalRateLimitPerSecond?: number;
  /** Port to listen on (127.0.0.1). Default 0: a random free port. */
  port?: number;
}

export interface FakeChannel {
  id: string;
  name: string;
  guildId: string;
  botCanPost: boolean;
  position: number;
}

export interface FakeGuild {
  id: string;
  name: string;
  ownerId: string;
  channels: FakeChannel[];
}

/** Who performs an interaction. Every field is optional; see DEFAULT_ACTOR / ADMIN_ACTOR. */
export interface ActorSpec {
  userId?: string;
  username?: string;
  globalName?: string | null;
  locale?: Locale | `${Locale}`;
  guildId?: string;
  channelId?: string;
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
  /** True when an inject() answer was sent instead of the route's. */
  injected: boolean;
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
}

export interface RequestMatch {
  method?: string;
  /** A RegExp tested against the path (after /api/v10), or an exact path string. */
  path: RegExp | string;
}

export interface InjectedResponse {
  status: number;
  /**
   * When true, the request is handled as usual first (a message is created, say) and only the answer is replaced:
   * what a client sees when Discord did the work but the response was lost.
   */
  afterHandling?: boolean;
  body?: unknown;
  headers?: Record<string, string>;
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
