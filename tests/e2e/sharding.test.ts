// Two processes × two shards, one Redis, 2,000 servers: each interaction is answered once, by the process that runs
// its server's shard; each server gets one daily post, even when a process restarts in the middle of the fan-out; a
// quiz is played to its end in a server on each process.
import type { APIButtonComponentWithCustomId } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { startBot, type RunningBot } from '../../src/bot/app.js';
import { shardOf } from '../../src/bot/gateway.js';
import { configFromEnv } from '../../src/config.js';
import { FakeDiscord } from '../../src/harness/index.js';
import { createLogger } from '../../src/logger.js';
import { startPrivateRedis, type PrivateRedis } from './private-redis.js';

const hasRedis = inject('services').redisServer;
const servers = 2000;
const shardCount = 4;
const clock = { now: new Date('2026-11-27T08:59:00Z') };

let redis: PrivateRedis;
let discord: FakeDiscord;
const bots: { a?: RunningBot; b?: RunningBot } = {};

function launch(shardIds: string): Promise<RunningBot> {
  const config = configFromEnv({
    DISCORD_TOKEN: discord.token,
    DISCORD_API_URL: discord.apiUrl,
    STORE_URL: redis.url,
    SHARD_COUNT: String(shardCount),
    SHARD_IDS: shardIds,
    LOG_LEVEL: 'silent',
  });
  return startBot({
    config,
    log: createLogger('silent', [config.DISCORD_TOKEN]),
    now: () => clock.now,
    schedule: false,
    // Posts go out as fast as loopback allows: the pace is not what this test is about.
    dailyPostsPerSecond: 2000,
    quizSeed: () => 20250410,
  });
}

/** Two servers on each shard. */
function sample(): string[] {
  return [0, 1, 2, 3].flatMap((shard) => discord.guildIds([shard, shardCount]).slice(0, 2));
}

const channelOf = (guildId: string) => discord.guild(guildId)!.channels[0]!.id;
const dailyPostsIn = (guildId: string) =>
  discord
    .channelMessages(channelOf(guildId))
    .filter((message) => message.embeds.some((embed) => embed.footer?.text.includes('daily post')));

beforeAll(async () => {
  if (!hasRedis) return;
  redis = await startPrivateRedis();
  discord = await FakeDiscord.start({ guilds: servers, maxConcurrency: shardCount });
  [bots.a, bots.b] = await Promise.all([launch('0,1'), launch('2-3')]);
}, 60_000);

afterAll(async () => {
  await bots.a?.stop();
  await bots.b?.stop();
  await discord?.close();
  await redis?.remove();
});

describe.skipIf(!hasRedis)('2 processes × 2 shards on one Redis, 2,000 servers', () => {
  it('each process opened its own two shards, and each READY listed only that shard’s servers', () => {
    const live = discord.gatewaySessions().filter((session) => session.live);
    expect(live.map((session) => session.shard).sort()).toEqual([
      [0, 4],
      [1, 4],
      [2, 4],
      [3, 4],
    ]);
    const listed = live.map((session) => session.readyGuilds);
    expect(listed.reduce((sum, n) => sum + n, 0)).toBe(servers);
    expect(bots.a!.gateway!.shards).toEqual({ count: 4, ids: [0, 1] });
    expect(bots.b!.gateway!.shards).toEqual({ count: 4, ids: [2, 3] });
  });

  it('answers every interaction exactly once, through the shard that owns its server', async () => {
    discord.clearRequests();
    const guilds = sample();
    const results = await Promise.all(
      guilds.map((guildId) => discord.slash('/relations country:Syria', { guildId, channelId: channelOf(guildId) })),
    );
    for (const [index, result] of results.entries()) {
      expect(result.data.embeds?.[0]?.title).toContain('Syria');
      expect(result.shard).toEqual([shardOf(guilds[index]!, shardCount), shardCount]);
    }
    const callbacks = discord.requests.filter((request) => /\/interactions\/\d+\/[^/]+\/callback$/.test(request.path));
    const perInteraction = new Map<string, number>();
    for (const request of callbacks) {
      const id = request.path.split('/')[2]!;
      perInteraction.set(id, (perInteraction.get(id) ?? 0) + 1);
    }
    expect(perInteraction.size).toBe(guilds.length);
    expect([...perInteraction.values()].every((count) => count === 1)).toBe(true);
    expect(discord.interactionStats()).toMatchObject({ late: 0, lost: 0, unanswered: 0 });
  });

  it('posts the daily post exactly once in each of the 2,000 servers, with a process restarted mid-fan-out', async () => {
    const repository = bots.a!.services.daily.repository;
    for (const guildId of discord.guildIds()) {
      await repository.saveSettings(guildId, {
        channelId: channelOf(guildId),
        time: '09:00',
        timezone: 'UTC',
        from: '2026-11-27',
      });
    }
    clock.now = new Date('2026-11-27T09:00:05Z');
    const countPosts = () =>
      discord.requests.filter((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path)).length;
    discord.clearRequests();
    const runA = bots.a!.scheduler.runDue();
    const runB = bots.b!.scheduler.runDue();
    // Process A is stopped once some of its posts are out: what it has not started, its successor sends.
    await vi.waitFor(() => expect(countPosts()).toBeGreaterThan(200), { timeout: 20_000, interval: 5 });
    await bots.a!.stop();
    const firstA = await runA;
    bots.a = await launch('0,1');
    const [secondA, onlyB] = await Promise.all([bots.a.scheduler.runDue(), runB]);

    expect([firstA.failed, secondA.failed, onlyB.failed]).toEqual([0, 0, 0]);
    const ownedByA = discord.guildIds([0, shardCount]).length + discord.guildIds([1, shardCount]).length;
    expect(firstA.posted).toBeGreaterThan(0);
    expect(firstA.posted).toBeLessThan(ownedByA); // it was really cut short
    expect(firstA.posted + secondA.posted).toBe(ownedByA);
    expect(onlyB.posted).toBe(servers - ownedByA);
    const counts = discord.guildIds().map((guildId) => dailyPostsIn(guildId).length);
    expect(counts.filter((count) => count !== 1)).toEqual([]);
  }, 60_000);

  it('plays a quiz to its end in a server on each process', async () => {
    for (const [shard, bot] of [
      [0, () => bots.a!],
      [3, () => bots.b!],
    ] as const) {
      const guildId = discord.guildIds([shard, shardCount])[5]!;
      const where = { guildId, channelId: channelOf(guildId) };
      const started = await discord.slash('/quiz start rounds:1 difficulty:easy', {
        ...where,
        userId: '100000000000000001',
      });
      expect(started.shard).toEqual([shard, shardCount]);
      const buttons = (started.message.components ?? []).flatMap((row) =>
        'components' in row ? (row.components as unknown[]) : [],
      ) as APIButtonComponentWithCustomId[];
      const answer = await discord.click(started.message, buttons[0]!.custom_id, {
        ...where,
        userId: '100000000000000001',
      });
      expect(answer.data.content).toContain('You answered');
      clock.now = new Date(clock.now.getTime() + 25_000);
      await bot().quizzes.tick();
      const final = started.followups.at(-1);
      expect(final?.embeds?.[0]?.title).toMatch(/final|result/i);
    }
  });
});
