// The daily post fan-out: N servers due at the same minute, through the fake Discord with Discord's global rate
// limit (50 requests a second). The floor is N / 50 seconds. Runs the bot in this process with a controlled clock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { startBot } from '../src/bot/app.js';
import { configFromEnv } from '../src/config.js';
import { FakeDiscord } from '../src/harness/index.js';

export const GLOBAL_RATE_LIMIT = 50;

export interface FanoutResult {
  servers: number;
  seconds: number;
  /** servers / the global limit: no bot can do better. */
  floorSeconds: number;
  postsPerSecond: number;
  /** Servers whose channel got exactly one post. */
  exactlyOne: number;
  /** What Scheduler.runDue() reported. */
  run: unknown;
  /** Requests the fake answered 429 (global limit). */
  answered429: number;
}

export async function dailyFanout(servers: number): Promise<FanoutResult> {
  const clock = { now: new Date('2026-11-26T08:00:00Z') };
  const discord = await FakeDiscord.start({ guilds: servers, globalRateLimitPerSecond: GLOBAL_RATE_LIMIT });
  const dir = mkdtempSync(join(tmpdir(), 'attache-bench-'));
  try {
    const bot = await startBot({
      config: configFromEnv({
        DISCORD_TOKEN: discord.token,
        DISCORD_API_URL: discord.apiUrl,
        STORE_URL: `sqlite://${join(dir, 'store.sqlite')}`,
      }),
      log: pino({ level: 'silent' }),
      now: () => clock.now,
      schedule: false,
    });
    try {
      const repository = bot.services.daily.repository;
      for (const guild of discord.guilds) {
        await repository.saveSettings(guild.id, {
          channelId: guild.channels[0]!.id,
          time: '09:00',
          timezone: 'UTC',
          from: '2026-11-26',
        });
      }
      clock.now = new Date('2026-11-26T09:00:01Z');
      const started = performance.now();
      const run = await bot.scheduler.runDue();
      const seconds = (performance.now() - started) / 1000;
      const counts = discord.guilds.map((guild) => discord.channelMessages(guild.channels[0]!.id).length);
      return {
        servers,
        seconds: Number(seconds.toFixed(2)),
        floorSeconds: servers / GLOBAL_RATE_LIMIT,
        postsPerSecond: Number((servers / seconds).toFixed(1)),
        exactlyOne: counts.filter((count) => count === 1).length,
        run,
        answered429: discord.requests.filter((request) => request.status === 429).length,
      };
    } finally {
      await bot.stop();
    }
  } finally {
    await discord.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
