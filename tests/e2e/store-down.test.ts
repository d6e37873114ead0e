// The store goes away (Redis stopped) and comes back: facts keep working, stateful commands say they are
// temporarily unavailable, and nothing stored before is lost.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ADMIN_ACTOR } from '../../src/harness/index.js';
import { startWorld, type World } from './world.js';

const hasRedis = inject('services').redisServer; // tests/services.ts looked for the program
const port = 6390 + (process.pid % 50);
const dir = mkdtempSync(join(tmpdir(), 'attache-redis-'));
let redis: ChildProcess | undefined;
let world: World;
const clock = { now: new Date('2026-11-26T22:00:00Z') }; // 07:00 in Seoul

async function startRedis(): Promise<void> {
  // Append-only file in a temporary folder, so data survives the stop like a real deployment's would.
  redis = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--dir', dir],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    if (
      spawnSync('redis-cli', ['-p', String(port), 'ping'])
        .stdout?.toString()
        .includes('PONG')
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('redis did not start');
}

async function stopRedis(): Promise<void> {
  const stopped = new Promise((resolve) => redis?.once('exit', resolve));
  redis?.kill('SIGTERM');
  await stopped;
}

beforeAll(async () => {
  if (!hasRedis) return;
  await startRedis();
  world = await startWorld({ env: { STORE_URL: `redis://127.0.0.1:${port}` }, now: () => clock.now });
});
afterAll(async () => {
  await world?.close();
  if (redis && redis.exitCode === null) await stopRedis();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!hasRedis)('with the store down', () => {
  it('keeps facts working, says stateful commands are temporarily unavailable, and loses nothing', async () => {
    await world.discord.slash('/daily set channel:#general time:09:00 timezone:Asia/Seoul', ADMIN_ACTOR);
    await stopRedis();

    const relations = await world.discord.slash('/relations country:Syria');
    expect(relations.data.embeds?.[0]?.description).toContain('10 April 2025');
    expect((await world.discord.slash('/country country:KP')).data.embeds?.[0]?.title).toContain('North Korea');
    expect((await world.discord.slash('/news')).data.embeds?.[0]?.title).toBeTruthy();

    const status = await world.discord.slash('/daily status', ADMIN_ACTOR);
    expect(status.ephemeral).toBe(true);
    expect(status.data.content).toContain('temporarily unavailable');
    const board = await world.discord.slash('/quiz leaderboard');
    expect(board.data.content).toContain('temporarily unavailable');
    // 09:00 in Seoul passes while the store is down: the post waits instead of going out unrecorded.
    clock.now = new Date('2026-11-27T00:00:05Z');
    const posts = () =>
      world.discord.channelMessages().filter((m) => m.embeds.some((e) => e.footer?.text.includes('daily post')));
    expect((await world.bot.scheduler.runDue()).posted).toBe(0);
    expect(posts()).toHaveLength(0);

    await startRedis();
    // The client reconnects on its own; the settings written before the outage are all there.
    let description: string | undefined;
    for (let attempt = 0; attempt < 50 && !description; attempt++) {
      const again = await world.discord.slash('/daily status', ADMIN_ACTOR);
      description = again.data.embeds?.[0]?.description;
      if (!description) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(description).toContain('09:00 (Asia/Seoul)');
    expect(description).toContain(`<#${world.discord.defaultChannelId}>`);
    // Back within six hours of its minute, the waiting post goes out, once.
    clock.now = new Date('2026-11-27T00:30:00Z');
    expect((await world.bot.scheduler.runDue()).posted).toBe(1);
    await world.bot.scheduler.runDue();
    expect(posts()).toHaveLength(1);
  });
});

describe('with the store down at start-up', () => {
  it('starts anyway: facts answer, stateful commands say they are temporarily unavailable', async () => {
    const down = await startWorld({ env: { STORE_URL: 'redis://127.0.0.1:1' } });
    try {
      expect((await down.discord.slash('/relations country:Syria')).data.embeds?.[0]?.title).toContain('Syria');
      const status = await down.discord.slash('/daily status', ADMIN_ACTOR);
      expect(status.ephemeral).toBe(true);
      expect(status.data.content).toContain('temporarily unavailable');
      expect(down.logs.some((line) => line.includes('the store does not answer yet'))).toBe(true);
    } finally {
      await down.close();
    }
  });
});
