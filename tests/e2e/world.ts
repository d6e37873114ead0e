// The world an end-to-end test runs in: a fake Discord on loopback and the real bot logged in to it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { startBot, type RunningBot } from '../../src/bot/app.js';
import { configFromEnv } from '../../src/config.js';
import { FakeDiscord, type FakeDiscordOptions } from '../../src/harness/index.js';

export interface World {
  discord: FakeDiscord;
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
  const launch = () => startBot({ config, log: pino({ level: 'silent' }), ...(options.now && { now: options.now }), ...(options.quizSeed && { quizSeed: options.quizSeed }) });
  const others: RunningBot[] = [];
  const world: World = {
    discord,
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
    },
  };
  return world;
}
