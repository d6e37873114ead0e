// Issue #12's "done when": 3 HTTP replicas on one Redis, no gateway. Every command answered, whichever replica gets
// it; a whole quiz whose clicks land on different replicas (one answer per player, a simultaneous double click
// counted once, each round revealed once though every replica ticks, a replica restarted mid-quiz changes nothing);
// each server's daily post exactly once, with a replica killed in the middle of the fan-out.
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { APIButtonComponentWithCustomId, APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { startBot, type RunningBot } from '../../src/bot/app.js';
import { configFromEnv } from '../../src/config.js';
import { loadFacts } from '../../src/facts/load.js';
import { ADMIN_ACTOR, FakeDiscord } from '../../src/harness/index.js';
import { createLogger } from '../../src/logger.js';
import { dataDir } from '../../src/paths.js';
import { generateQuiz } from '../../src/quiz/generators.js';
import { seededRandom } from '../../src/quiz/random.js';
import { startPrivateRedis, type PrivateRedis } from './private-redis.js';

const hasRedis = inject('services').redisServer;
const servers = 600;
const seed = 20250410;
const clock = { now: new Date('2026-11-27T08:59:00Z') };
const later = (ms: number) => (clock.now = new Date(clock.now.getTime() + ms));
const questions = generateQuiz(loadFacts(dataDir), 2, 'easy', seededRandom(seed));
const alice = { userId: '100000000000000001' };
const bob = { userId: '100000000000000002' };

/** A replica's line to Discord, which a test can cut as if the process died: its requests then go nowhere. */
interface Cable {
  url: string;
  cut(): void;
  /** Holds everything the replica sends this long first: a slow line, so a cut finds its posts in flight. */
  slow(ms: number): void;
}
async function cableTo(port: number): Promise<Cable> {
  const sockets = new Set<Socket>();
  let delayMs = 0;
  const server: Server = createServer((client) => {
    const upstream = connect(port, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    }
    client.on('data', (chunk: Buffer) => {
      if (delayMs === 0) upstream.write(chunk);
      else setTimeout(() => upstream.destroyed || upstream.write(chunk), delayMs);
    });
    client.on('end', () => upstream.end());
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: own } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${own}/api`,
    cut() {
      server.close();
      for (const socket of sockets) socket.destroy();
    },
    slow(ms) {
      delayMs = ms;
    },
  };
}

let redis: PrivateRedis;
let discord: FakeDiscord;
const replicas: RunningBot[] = [];
const cables: Cable[] = [];
/** Each replica's own line to Discord. */
const cableOf = new Map<RunningBot, Cable>();

async function launch(): Promise<RunningBot> {
  const cable = await cableTo(discord.port);
  const config = configFromEnv({
    DISCORD_TOKEN: discord.token,
    DISCORD_API_URL: cable.url,
    STORE_URL: redis.url,
    INTERACTIONS_MODE: 'http',
    DISCORD_PUBLIC_KEY: discord.publicKey,
    LOG_LEVEL: 'silent',
  });
  const bot = await startBot({
    config,
    log: createLogger('silent', [config.DISCORD_TOKEN]),
    now: () => clock.now,
    schedule: false,
    port: 0,
    host: '127.0.0.1',
    dailyPostsPerSecond: 2000,
    quizSeed: () => seed,
  });
  cables.push(cable);
  cableOf.set(bot, cable);
  return bot;
}
const point = () => discord.setInteractionsEndpoint(replicas.map((bot) => bot.interactionsUrl!));

beforeAll(async () => {
  if (!hasRedis) return;
  redis = await startPrivateRedis();
  discord = await FakeDiscord.start({ guilds: servers });
  for (let i = 0; i < 3; i++) replicas.push(await launch());
  await point();
}, 60_000);

afterAll(async () => {
  for (const bot of replicas) await bot.stop().catch(() => undefined);
  for (const cable of cables) cable.cut();
  await discord?.close();
  await redis?.remove();
});

const buttonsOf = (message: APIMessage): APIButtonComponentWithCustomId[] =>
  (message.components ?? []).flatMap((row) =>
    'components' in row ? (row.components as unknown[]) : [],
  ) as APIButtonComponentWithCustomId[];
const channelOf = (guildId: string) => discord.guild(guildId)!.channels[0]!.id;

describe.skipIf(!hasRedis)('3 HTTP replicas on one Redis', () => {
  it('answers every command, each once, whichever replica gets it', async () => {
    discord.clearRequests();
    const lines = [
      '/relations country:Syria',
      '/relations country:France with:Germany',
      '/country country:Japan',
      '/news',
      '/help',
      '/quiz leaderboard',
      '/quiz stats',
    ];
    const results = [];
    for (const line of lines) results.push(await discord.slash(line));
    for (const line of ['/settings show', '/daily status', '/daily preview'])
      results.push(await discord.slash(line, ADMIN_ACTOR));
    expect(await discord.autocomplete('/relations country:sirya', 'country')).not.toEqual([]);
    for (const result of results) expect(result.data.content ?? result.data.embeds?.length).toBeTruthy();
    expect(new Set(results.map((result) => result.replica))).toEqual(new Set([0, 1, 2]));
    const callbacks = discord.requests.filter((r) => /\/interactions\/\d+\/[^/]+\/callback$/.test(r.path));
    expect(callbacks).toHaveLength(results.length + 1);
    expect(callbacks.every((r) => r.inHttpResponse !== undefined)).toBe(true);
    expect(discord.interactionStats()).toMatchObject({ late: 0, lost: 0, unanswered: 0 });
  });

  it('plays a whole quiz with clicks on every replica: one answer each, a double click once, each round once', async () => {
    const started = await discord.slash('/quiz start rounds:2 difficulty:easy', alice);
    expect((await discord.slash('/quiz start', bob)).data.content).toMatch(/already/i);
    const question1 = started.message;
    const right = questions[0]!.answer;
    later(2000);
    const a = await discord.click(question1, buttonsOf(question1)[right]!.custom_id, alice);
    expect(a.data.content).toContain('You answered');
    // Bob clicks twice at once, the same button: the two clicks reach two replicas; one records, one confirms.
    const twice = await Promise.all(
      [0, 1].map(() => discord.click(question1, buttonsOf(question1)[right]!.custom_id, bob)),
    );
    expect(new Set(twice.map((result) => result.replica)).size).toBe(2);
    const said = twice.map((result) => result.data.content!).sort();
    expect(said.filter((text) => text.includes('You answered'))).toHaveLength(1);
    // Every replica ticks at the deadline: one reveal, one next question.
    later(20_000);
    await Promise.all(replicas.map((bot) => bot.quizzes.tick()));
    expect(started.followups).toHaveLength(1);
    const question2 = started.followups[0]!;
    // A replica restarts mid-quiz: the quiz lives in the store and goes on.
    await replicas[1]!.stop();
    replicas[1] = await launch();
    await point();
    const right2 = questions[1]!.answer;
    // Bob clicks two different buttons at once: one is his answer, the other a change; counted as one answer.
    const both = await Promise.all(
      [right2, (right2 + 1) % 4].map((choice) =>
        discord.click(question2, buttonsOf(question2)[choice]!.custom_id, bob),
      ),
    );
    expect(both.map((result) => result.data.content).join(' | ')).toMatch(/You answered/);
    await discord.click(question2, buttonsOf(question2)[right2]!.custom_id, alice);
    later(20_000);
    await Promise.all(replicas.map((bot) => bot.quizzes.tick()));
    const final = started.followups.at(-1)!;
    expect(started.followups).toHaveLength(2);
    expect(final.embeds?.[0]?.title).toMatch(/final|result/i);
    const board = await replicas[2]!.services.quiz.repository.board(discord.defaultGuildId);
    expect(board[alice.userId]?.answered).toBe(2);
    expect(board[bob.userId]?.answered).toBe(2);
    expect(await replicas[0]!.quizzes.isRunning(discord.defaultChannelId)).toBe(false);
  });

  it('stops a quiz from any replica; a click then gets the polite note', async () => {
    const started = await discord.slash('/quiz start rounds:3 difficulty:easy', alice);
    const first = buttonsOf(started.message)[0]!.custom_id;
    const stopped = await discord.slash('/quiz stop', alice);
    expect(stopped.replica).not.toBe(started.replica);
    expect(stopped.data.embeds?.[0]?.title).toMatch(/final|result/i);
    const late = await discord.click(started.message, first, bob, { stale: true });
    expect(late.data.content).toMatch(/ended/i);
  });

  it('posts each daily post exactly once across the replicas, with one killed in the middle of the fan-out', async () => {
    const repository = replicas[0]!.services.daily.repository;
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
    cableOf.get(replicas[0]!)!.slow(100);
    const runs = replicas.map((bot) => bot.scheduler.runDue());
    // Replica 0 dies once some posts are out: its line to Discord is cut.
    await vi.waitFor(() => expect(countPosts()).toBeGreaterThan(100), { timeout: 20_000, interval: 5 });
    cableOf.get(replicas[0]!)!.cut();
    replicas[0]!.endpoint!.sever();
    // Whatever it claims from now on it cannot send, as a process dying between its claim and its post.
    const [dead, ...alive] = await Promise.all(runs);
    // Past the dead replica's leases (and Discord's memory of its nonces): the others send what it left.
    later(3 * 60_000);
    const again = await Promise.all(replicas.slice(1).map((bot) => bot.scheduler.runDue()));
    const posted = [dead!, ...alive, ...again].reduce((sum, run) => sum + run.posted, 0);
    expect(posted).toBeGreaterThanOrEqual(servers);
    const perServer = discord
      .guildIds()
      .map(
        (guildId) =>
          discord
            .channelMessages(channelOf(guildId))
            .filter((m) => m.embeds.some((e) => e.footer?.text.includes('daily post'))).length,
      );
    expect(perServer.filter((count) => count !== 1)).toEqual([]);
    expect(alive.every((run) => (run.elsewhere ?? 0) > 0)).toBe(true);
    // It was really cut short, and what it had claimed but not recorded was taken over once its leases expired.
    expect(dead!.posted).toBeLessThan(servers / 2);
    expect(dead!.failed).toBeGreaterThan(0); // so the takeover below is not vacuous
    expect(again.reduce((sum, run) => sum + run.posted, 0)).toBe(dead!.failed);
  }, 90_000);
});
