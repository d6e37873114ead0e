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
}

export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const discord = await FakeDiscord.start(options.fake);
  const dir = mkdtempSync(join(tmpdir(), 'attache-e2e-'));
  const config = configFromEnv({
    DISCORD_TOKEN: discord.token,
    DISCORD_API_URL: discord.apiUrl,
    STORE_URL: `sqlite://${join(dir, 'store.sqlite')}`,
    LOG_LEVEL: 'silent',
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
    });
  const others: RunningBot[] = [];
  const world: World = {
    discord,
    logs,
    bot: await launch(),
    async restart() {
      await world.bot.stop();
      world.bot = await launch();
      return world.bot;
    },
    async launchAnother() {
      const another = await launch();
      others.push(another);
      return another;
    },
    async close() {
      for (const other of others) await other.stop();
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
