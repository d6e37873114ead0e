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
export { HEARTBEAT_INTERVAL_MS, RESUME_BUFFER_SIZE, RESUME_WINDOW_MS, type Delivery } from './gateway.js';
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
