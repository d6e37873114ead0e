/**
 * The fake Discord test harness: a loopback REST API + gateway that the real discord.js client talks to.
 *
 *   const discord = await FakeDiscord.start();
 *   const client = new Client({ intents: [], rest: { api: discord.apiUrl } });
 *   await client.login(discord.token);
 *   await discord.waitForReady();
 *   // ... the bot PUTs its commands ...
 *   const r = await discord.slash('/relations country:Syria with:North Korea');
 *   expect(r.message.content).toContain('Syria');
 *   await client.destroy();
 *   await discord.close();
 *
 * Sharding: GET /gateway/bot recommends max(1, ceil(servers / 1000)) shards; an IDENTIFY's `shard` is checked (4010
 * Invalid shard, 4011 Sharding required); each server's events and interactions go to the shard that owns it
 * (shardOf()), DMs to shard 0. guildIds([id, count]), gatewaySessions() and each result's `shard` / `sessionId` show
 * the routing; FakeDiscordOptions.guilds: N and addGuilds(N) make many servers cheaply. With identifyPacing, an
 * IDENTIFY sooner than 5 s after the last of its rate-limit key (shard id % max_concurrency) gets op 9, as on
 * Discord (gatewayStats.identifiesTooSoon counts them).
 *
 * Faults: closeGateway(4000 | 1006 | 4004 ...), sendReconnect(), sendInvalidSession(resumable), dropHeartbeatAcks(n),
 * inject(match, { status | delayMs | drop }), rateLimit({ path, retryAfter, global }); watch gatewayStats and
 * interactionStats(). Strict by default: bodies Discord would refuse get 400 / 50035 and land in `violations`.
 */
export { FakeDiscord } from './fake-discord.js';
export { parseCommandLine, parseCommandSpec, splitOptions, commandUsage } from './command-line.js';
export type { DataOption, ParseContext, ParseMode, ParsedCommand } from './command-line.js';
export {
  ADMIN_ACTOR,
  ADMIN_PERMISSIONS,
  MEMBER_PERMISSIONS,
  BOT_PERMISSIONS,
  adminActor,
  canUseCommand,
} from './permissions.js';
export { SnowflakeGenerator, fakeBotToken, snowflakeTime } from './snowflake.js';
export {
  HEARTBEAT_INTERVAL_MS,
  RESUME_BUFFER_SIZE,
  RESUME_WINDOW_MS,
  SESSION_START_LIMIT,
  type Delivery,
  type GatewaySessionInfo,
} from './gateway.js';
export {
  GUILDS_PER_RECOMMENDED_SHARD,
  MAX_GUILDS_PER_SHARD,
  recommendedShards,
  shardOf,
  type ShardKey,
} from './sharding.js';
export type { GatewayStats } from './gateway-sessions.js';
export type { InteractionStats } from './interaction-tracker.js';
export { validateBody } from './strict.js';
export type { FormIssue } from './strict-errors.js';
export type {
  ActorSpec,
  FakeChannel,
  FakeChannelSpec,
  FakeDiscordOptions,
  FakeGuild,
  FakeGuildSpec,
  InjectedResponse,
  InteractionCallOptions,
  InteractionResult,
  OptionValue,
  RateLimitSpec,
  RecordedFile,
  RecordedRequest,
  RequestMatch,
  SlashCommandSpec,
  Violation,
} from './types.js';
export type { Check } from './signal.js';
