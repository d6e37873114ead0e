// How long 1,000 servers due at the same minute take to get their daily post, through the fake Discord with
// Discord's global rate limit (50 requests a second), and whether each got exactly one.
// Run: npx tsx bench/daily-fanout.ts [servers]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { startBot } from '../src/bot/app.js';
import { configFromEnv } from '../src/config.js';
import { FakeDiscord } from '../src/harness/index.js';
import { DailyRepository } from '../src/store/daily-repository.js';

const servers = Number(process.argv[2] ?? 1000);
const clock = { now: new Date('2026-11-26T08:00:00Z') };
const discord = await FakeDiscord.start({ guilds: servers, globalRateLimitPerSecond: 50 });
const dir = mkdtempSync(join(tmpdir(), 'attache-bench-'));
const bot = await startBot({
  config: configFromEnv({ DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl, STORE_URL: `sqlite://${join(dir, 'store.sqlite')}` }),
  log: pino({ level: 'silent' }),
  now: () => clock.now,
  schedule: false,
});

const repository = new DailyRepository(bot.ctx.store);
for (const guild of discord.guilds) {
  await repository.saveSettings(guild.id, { channelId: guild.channels[0]!.id, time: '09:00', timezone: 'UTC', from: '2026-11-26' });
}

clock.now = new Date('2026-11-26T09:00:01Z');
const started = performance.now();
const run = await bot.scheduler.runDue();
const seconds = (performance.now() - started) / 1000;

const counts = discord.guilds.map((guild) => discord.channelMessages(guild.channels[0]!.id).length);
const exactlyOne = counts.filter((count) => count === 1).length;
const limited = discord.requests.filter((request) => request.status === 429).length;
console.log(
  JSON.stringify({ servers, seconds: Number(seconds.toFixed(2)), postsPerSecond: Number((servers / seconds).toFixed(1)), exactlyOne, run, answered429: limited }),
);

await bot.stop();
await discord.close();
rmSync(dir, { recursive: true, force: true });
