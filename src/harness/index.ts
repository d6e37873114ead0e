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
 */
export { FakeDiscord } from './fake-discord.js';
export { parseCommandLine, parseCommandSpec, splitOptions, commandUsage } from './command-line.js';
export type { DataOption, ParseContext, ParseMode, ParsedCommand } from './command-line.js';
export { ADMIN_ACTOR, ADMIN_PERMISSIONS, MEMBER_PERMISSIONS, BOT_PERMISSIONS, adminActor, canUseCommand } from './permissions.js';
export { SnowflakeGenerator, fakeBotToken, snowflakeTime } from './snowflake.js';
export { HEARTBEAT_INTERVAL_MS } from './gateway.js';
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
  RecordedFile,
  RecordedRequest,
  RequestMatch,
  SlashCommandSpec,
} from './types.js';
export type { Check } from './signal.js';
