// attache under every fault the fake can inject: interactions sent around each one are counted (sent, answered,
// lost), and scheduled posts are neither lost nor doubled. The table printed at the end feeds RELIABILITY.md:
//   npx vitest run tests/e2e/faults.test.ts
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACTOR, type InteractionResult } from '../../src/harness/index.js';
import { startWorld, type World } from './world.js';

const clock = { now: new Date('2026-11-26T12:00:00Z') };
let world: World;
const rows: { fault: string; sent: number; answered: number; lost: number; note: string }[] = [];

beforeAll(async () => {
  world = await startWorld({ fake: { heartbeatIntervalMs: 300 }, now: () => clock.now });
});
afterAll(async () => {
  const totals = rows.reduce(
    (sum, row) => ({ sent: sum.sent + row.sent, answered: sum.answered + row.answered, lost: sum.lost + row.lost }),
    { sent: 0, answered: 0, lost: 0 },
  );
  console.log(
    [
      '',
      '| fault | sent | answered | lost | note |',
      '|---|---|---|---|---|',
      ...rows.map((r) => `| ${r.fault} | ${r.sent} | ${r.answered} | ${r.lost} | ${r.note} |`),
      `| **total (${rows.length} faults)** | ${totals.sent} | ${totals.answered} | ${totals.lost} | violations of Discord's schemas: ${world.discord.violations.length} |`,
      '',
    ].join('\n'),
  );
  await world?.close();
});

const countries = ['Syria', 'Cuba', 'Niue', 'Taiwan', 'Malaysia', 'Japan', 'France', 'Brazil', 'Kenya'];

/** Sends interactions before, right after and a little after a fault; counts what came back. */
async function around(fault: string, inject: () => unknown, note = '') {
  const sends: Promise<InteractionResult>[] = [];
  const send = (i: number) => {
    const reply = world.discord.slash(
      `/relations country:${countries[i % countries.length]}`,
      {},
      { timeoutMs: 15_000 },
    );
    reply.catch(() => undefined); // settled below with allSettled; a lost one may reject before that
    sends.push(reply);
  };
  for (let i = 0; i < 3; i++) send(i);
  await inject();
  for (let i = 3; i < 6; i++) send(i);
  await new Promise((resolve) => setTimeout(resolve, 100));
  for (let i = 6; i < 9; i++) send(i);
  const settled = await Promise.allSettled(sends);
  const answered = settled.filter((s) => s.status === 'fulfilled' && (s.value.data.embeds?.length ?? 0) === 1).length;
  const lost = settled.filter((s) => s.status === 'rejected').length;
  rows.push({ fault, sent: sends.length, answered, lost, note });
  await world.discord.waitForReady(15_000);
  return { answered, lost, sent: sends.length };
}

describe('interactions around gateway faults are all answered', () => {
  it.each([
    ['close 4000 (unknown error)', () => world.discord.closeGateway(4000), 'resumed; missed events replayed'],
    ['close 1006 (connection lost)', () => world.discord.closeGateway(1006), 'resumed; missed events replayed'],
    ['op 7 RECONNECT', () => world.discord.sendReconnect(), 'resumed'],
    ['op 9 INVALID SESSION (resumable)', () => world.discord.sendInvalidSession(true), 'resumed'],
    ['missed heartbeat ACKs', () => world.discord.dropHeartbeatAcks(1), 'zombie connection detected, resumed'],
  ])('%s', async (fault, inject, note) => {
    const { answered, sent } = await around(fault, inject, note);
    expect(answered).toBe(sent);
  });

  it('op 9 INVALID SESSION (not resumable): what reaches the bot is answered; Discord drops what came in between', async () => {
    const before = world.discord.gatewayStats.lost;
    const { answered, lost, sent } = await around('op 9 INVALID SESSION (not resumable)', () =>
      world.discord.sendInvalidSession(false),
    );
    const droppedByDiscord = world.discord.gatewayStats.lost - before;
    rows.at(-1)!.note =
      `new session; ${droppedByDiscord} sent while no session existed were never delivered (as on Discord)`;
    expect(lost).toBe(droppedByDiscord);
    expect(answered + lost).toBe(sent);
    // Every interaction that reached the bot was answered: the only unanswered ones are those never delivered.
    const stats = world.discord.interactionStats();
    expect(stats.unanswered).toBe(stats.lost);
  });
});

describe('interactions around REST faults are all answered', () => {
  const callback = { method: 'POST', path: /^\/interactions\/\d+\/[^/]+\/callback$/ };
  it.each([
    [
      '500 on the reply',
      () => world.discord.inject(callback, { status: 500, body: { message: '500: Internal Server Error', code: 0 } }),
      'retried by the REST client',
    ],
    ['502 on the reply', () => world.discord.inject(callback, { status: 502 }), 'retried'],
    ['429 on the reply route', () => world.discord.rateLimit({ ...callback, retryAfter: 0.2 }), 'waited, retried'],
    ['global 429', () => world.discord.rateLimit({ ...callback, retryAfter: 0.2, global: true }), 'waited, retried'],
    ['slow reply (1.5 s)', () => world.discord.inject(callback, { delayMs: 1500 }), 'still inside the 3 s window'],
    ['connection reset on the reply', () => world.discord.inject(callback, { drop: 'reset' }), 'retried'],
  ])('%s', async (fault, inject, note) => {
    const { answered, sent } = await around(fault, inject, note);
    expect(answered).toBe(sent);
  });
});

describe('a scheduled post under REST faults is neither lost nor doubled', () => {
  const channel = () => world.discord.defaultChannelId;
  const posts = () =>
    world.discord.channelMessages(channel()).filter((m) => m.embeds.some((e) => e.footer?.text.includes('daily post')));
  let day = 0;

  beforeAll(async () => {
    clock.now = new Date('2026-11-26T12:00:00Z');
    await world.discord.slash('/daily set channel:#general time:13:00 timezone:UTC', ADMIN_ACTOR);
  });

  it.each([
    [
      '429 on the post',
      () => world.discord.rateLimit({ method: 'POST', path: /\/channels\/\d+\/messages/, retryAfter: 0.2 }),
    ],
    [
      'global 429 on the post',
      () =>
        world.discord.rateLimit({ method: 'POST', path: /\/channels\/\d+\/messages/, retryAfter: 0.2, global: true }),
    ],
    [
      '502 after Discord posted',
      () =>
        world.discord.inject(
          { method: 'POST', path: /\/channels\/\d+\/messages/ },
          { status: 502, afterHandling: true },
        ),
    ],
    [
      'connection reset after Discord posted',
      () =>
        world.discord.inject(
          { method: 'POST', path: /\/channels\/\d+\/messages/ },
          { drop: 'reset', afterHandling: true },
        ),
    ],
    [
      'slow answer (2 s)',
      () => world.discord.inject({ method: 'POST', path: /\/channels\/\d+\/messages/ }, { delayMs: 2000 }),
    ],
    ['gateway drop during the post', () => world.discord.closeGateway(1006)],
  ])('%s', async (fault, inject) => {
    const before = posts().length;
    day += 1;
    clock.now = new Date(Date.parse('2026-11-26T13:00:05Z') + day * 86_400_000);
    inject();
    await world.bot.scheduler.runDue();
    await world.bot.scheduler.runDue();
    const made = posts().length - before;
    rows.push({
      fault: `daily post: ${fault}`,
      sent: 1,
      answered: made,
      lost: 1 - made,
      note: made === 1 ? 'exactly one post' : `${made} posts`,
    });
    expect(made).toBe(1);
    await world.discord.waitForReady(15_000);
  });
});

describe('a strict Discord', () => {
  it('found no payload of the bot that breaks Discord’s schemas or limits', () => {
    expect(world.discord.violations).toEqual([]);
    expect(world.discord.unhandledRequests()).toEqual([]);
  });
});
