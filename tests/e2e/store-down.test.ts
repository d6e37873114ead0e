// The store goes away (Redis stopped) and comes back: facts keep working, stateful commands say they are
// temporarily unavailable, and nothing stored before is lost.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ADMIN_ACTOR } from '../../src/harness/index.js';
import { startPrivateRedis, type PrivateRedis } from './private-redis.js';
import { startWorld, type World } from './world.js';

const hasRedis = inject('services').redisServer; // tests/services.ts looked for the program
let redis: PrivateRedis | undefined;
let world: World;
const clock = { now: new Date('2026-11-26T22:00:00Z') }; // 07:00 in Seoul

beforeAll(async () => {
  if (!hasRedis) return;
  redis = await startPrivateRedis({ persist: true });
  world = await startWorld({ env: { STORE_URL: redis.url }, now: () => clock.now });
});
afterAll(async () => {
  await world?.close();
  await redis?.remove();
});

describe.skipIf(!hasRedis)('with the store down', () => {
  it('keeps facts working, says stateful commands are temporarily unavailable, and loses nothing', async () => {
    await world.discord.slash('/daily set channel:#general time:09:00 timezone:Asia/Seoul', ADMIN_ACTOR);
    await redis!.stop();

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

    await redis!.start();
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
