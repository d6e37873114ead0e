// The world an end-to-end test runs in: a fake Discord on loopback and the real bot logged in to it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBot, type RunningBot } from '../../src/bot/app.js';
import { configFromEnv } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { FakeDiscord, type FakeDiscordOptions } from '../../src/harness/index.js';
import type { MapMaker } from '../../src/render/map/renderer.js';

export interface World {
  discord: FakeDiscord;
  mode: 'gateway' | 'http';
  /** HTTP mode: every replica, the first being `bot`; interactions go to them round-robin. */
  replicas: RunningBot[];
  /** Every log line the bot wrote, at trace level (discord.js debug included). */
  logs: string[];
  bot: RunningBot;
  /** Stops the bot and starts a new one on the same fake Discord and the same store. */
  restart(): Promise<RunningBot>;
  /** Starts one more bot process on the same fake Discord and store (as when two processes share a store). */
  launchAnother(): Promise<RunningBot>;
  close(): Promise<void>;
}

export interface WorldOptions {
  fake?: FakeDiscordOptions;
  env?: Record<string, string>;
  now?: () => Date;
  quizSeed?: () => number;
  commandsDir?: string;
  /** Replaces the bot's map renderer (a failing one, say), or false for answers without maps. */
  maps?: MapMaker | false;
  /**
   * gateway (default; E2E_MODE=http in the environment runs the suite in HTTP mode) or http: the bot listens for
   * signed HTTP interactions on loopback, and the fake POSTs them to it instead of using the gateway.
   */
  mode?: 'gateway' | 'http';
  /** HTTP mode: how many replicas share the store (default 1). */
  replicas?: number;
  /** HTTP mode: defer after this many ms without an answer (default the bot's 2 s). */
  deferAfterMs?: number;
  schedule?: boolean;
}

export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const mode = options.mode ?? (process.env.E2E_MODE === 'http' ? 'http' : 'gateway');
  const discord = await FakeDiscord.start(options.fake);
  const dir = mkdtempSync(join(tmpdir(), 'attache-e2e-'));
  const config = configFromEnv({
    DISCORD_TOKEN: discord.token,
    DISCORD_API_URL: discord.apiUrl,
    STORE_URL: `sqlite://${join(dir, 'store.sqlite')}`,
    LOG_LEVEL: 'silent',
    ...(mode === 'http' && { INTERACTIONS_MODE: 'http', DISCORD_PUBLIC_KEY: discord.publicKey }),
    ...options.env,
  });
  const logs: string[] = [];
  const log = createLogger('trace', [config.DISCORD_TOKEN], { write: (line: string) => void logs.push(line) });
  const launch = () =>
    startBot({
      config,
      log,
      ...(options.now && { now: options.now }),
      ...(options.quizSeed && { quizSeed: options.quizSeed }),
      ...(options.commandsDir && { commandsDir: options.commandsDir }),
      ...(options.maps !== undefined && { maps: options.maps }),
      ...(options.schedule !== undefined && { schedule: options.schedule }),
      ...(mode === 'http' && { port: 0, host: '127.0.0.1' }),
      ...(options.deferAfterMs !== undefined && { deferAfterMs: options.deferAfterMs }),
    });
  const others: RunningBot[] = [];
  const replicas: RunningBot[] = [];
  for (let i = 0; i < (mode === 'http' ? (options.replicas ?? 1) : 1); i++) replicas.push(await launch());
  // Like saving the Interactions Endpoint URL in the developer portal: Discord checks it with a PING.
  const point = () => discord.setInteractionsEndpoint(replicas.map((bot) => bot.interactionsUrl!));
  if (mode === 'http') await point();
  const world: World = {
    discord,
    mode,
    replicas,
    logs,
    bot: replicas[0]!,
    async restart() {
      await world.bot.stop();
      world.bot = await launch();
      replicas[0] = world.bot;
      if (mode === 'http') await point();
      return world.bot;
    },
    async launchAnother() {
      const another = await launch();
      others.push(another);
      return another;
    },
    async close() {
      for (const other of others) await other.stop();
      for (const replica of replicas.slice(1)) await replica.stop();
      await world.bot.stop();
      await discord.close();
      rmSync(dir, { recursive: true, force: true });
      assertTokenNeverShown(discord, logs);
      // The fake refuses (400, 50035) any body that breaks Discord's schemas or limits; none may have been sent.
      if (discord.violations.length)
        throw new Error(`invalid payloads sent to Discord: ${JSON.stringify(discord.violations.slice(0, 3))}`);
    },
  };
  return world;
}

/**
 * The token must never appear in what the bot logs or sends. Checked when every world closes, so it covers
 * everything logged during the end-to-end suite.
 */
function assertTokenNeverShown(discord: FakeDiscord, logs: string[]): void {
  const secret = discord.token.split('.').slice(1).join('.');
  const leakedInLogs = logs.filter((line) => line.includes(discord.token) || line.includes(secret));
  if (leakedInLogs.length)
    throw new Error(
      `the bot token appeared in ${leakedInLogs.length} log lines, e.g. ${leakedInLogs[0]!.slice(0, 200)}`,
    );
  const leakedInRequests = discord.requests.filter((request) => JSON.stringify(request.body ?? '').includes(secret));
  if (leakedInRequests.length)
    throw new Error(`the bot token appeared in a request body to ${leakedInRequests[0]!.path}`);
}
