// The fake Discord's sharding, against the real, unmodified discord.js client: the shard count GET /gateway/bot
// recommends, the sessions it refuses (4010, 4011), and which shard gets which server's events and interactions.
import {
  ApplicationIntegrationType,
  Client,
  Events,
  GatewayDispatchEvents,
  GatewayIntentBits,
  InteractionContextType,
  REST,
  Routes,
  SlashCommandBuilder,
  type GatewayDispatchPayload,
  type RESTGetAPIGatewayBotResult,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeDiscord, shardOf, type FakeDiscordOptions } from '../../src/harness/index.js';

const commands = [
  new SlashCommandBuilder()
    .setName('where')
    .setDescription('Which shard got this?')
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM),
  new SlashCommandBuilder()
    .setName('server-only')
    .setDescription('Only in servers')
    .setContexts(InteractionContextType.Guild),
].map((c) => c.toJSON());

/** What one shard of the client saw. */
interface ShardLog {
  ready?: { shard: [number, number] | undefined; guilds: string[] };
  guildCreates: string[];
  /** guild_id of each INTERACTION_CREATE (undefined: a DM). */
  interactions: (string | undefined)[];
}

let discord: FakeDiscord | undefined;
let client: Client | undefined;

afterEach(async () => {
  await client?.destroy();
  await discord?.close();
  client = undefined;
  discord = undefined;
});

/** A client that logs what each shard receives and answers every command with the shard that got it. */
function startClient(fake: FakeDiscord, shards: 'auto' | undefined): { client: Client; logs: Map<number, ShardLog> } {
  const logs = new Map<number, ShardLog>();
  const c = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: fake.apiUrl },
    ...(shards && { shards }),
  });
  c.on(Events.Raw, (packet: GatewayDispatchPayload, shardId: number) => {
    const log = logs.get(shardId) ?? { guildCreates: [], interactions: [] };
    logs.set(shardId, log);
    if (packet.t === GatewayDispatchEvents.Ready)
      log.ready = { shard: packet.d.shard, guilds: packet.d.guilds.map((g) => g.id) };
    if (packet.t === GatewayDispatchEvents.GuildCreate) log.guildCreates.push(packet.d.id);
    if (packet.t === GatewayDispatchEvents.InteractionCreate) {
      log.interactions.push(packet.d.guild_id);
      void c.rest.post(Routes.interactionCallback(packet.d.id, packet.d.token), {
        body: { type: 4, data: { content: `shard ${shardId}` } },
        auth: false,
      });
    }
  });
  return { client: c, logs };
}

async function start(options: FakeDiscordOptions): Promise<FakeDiscord> {
  discord = await FakeDiscord.start(options);
  return discord;
}

async function gatewayBot(fake: FakeDiscord): Promise<RESTGetAPIGatewayBotResult> {
  const rest = new REST({ api: fake.apiUrl }).setToken(fake.token);
  return (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
}

describe('GET /gateway/bot', () => {
  it('recommends one shard per 1,000 servers, rounded up, and reports the session start limit', async () => {
    const fake = await start({ guilds: 2000 });
    const info = await gatewayBot(fake);
    expect(info.shards).toBe(2);
    expect(fake.recommendedShards).toBe(2);
    expect(info.session_start_limit).toMatchObject({ total: 1000, remaining: 1000, max_concurrency: 1 });
    expect(info.session_start_limit.reset_after).toBeGreaterThan(0);
    expect(info.session_start_limit.reset_after).toBeLessThanOrEqual(24 * 60 * 60 * 1000);
    fake.addGuilds(1);
    expect((await gatewayBot(fake)).shards).toBe(3);
  });

  it('recommends one shard for a small bot', async () => {
    const fake = await start({ guilds: 3 });
    expect((await gatewayBot(fake)).shards).toBe(1);
  });
});

describe('sessions the fake refuses', () => {
  it('no shard with 2,501 servers: closed with 4011, discord.js gives up; with the recommended count it connects', async () => {
    const fake = await start({ guilds: 2501, maxConcurrency: 16 });
    const unsharded = startClient(fake, undefined);
    client = unsharded.client;
    const disconnects: number[] = [];
    client.on(Events.ShardDisconnect, ({ code }) => disconnects.push(code));
    client.on(Events.ShardError, () => undefined);
    await expect(client.login(fake.token)).rejects.toThrow(/Sharding is required/);
    expect(disconnects).toEqual([4011]);
    await fake.waitFor(() => fake.gatewayStats.closes.length === 1); // the fake records the close once it completes
    expect(fake.gatewayStats).toMatchObject({ identifies: 0, closes: [{ code: 4011, by: 'fake' }] });
    await client.destroy();

    const sharded = startClient(fake, 'auto');
    client = sharded.client;
    await client.login(fake.token);
    await fake.waitFor(() => fake.gatewaySessions().filter((s) => s.live).length === 3);
    const sessions = fake.gatewaySessions().filter((s) => s.live);
    expect(sessions.map((s) => s.shard).sort()).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
    expect(sessions.reduce((sum, s) => sum + s.readyGuilds, 0)).toBe(2501);
  });

  it('a shard id not below the shard count: closed with 4010, discord.js gives up', async () => {
    const fake = await start({ guilds: 1 });
    client = new Client({ intents: [], rest: { api: fake.apiUrl }, shards: [2], shardCount: 2 });
    const disconnects: number[] = [];
    client.on(Events.ShardDisconnect, ({ code }) => disconnects.push(code));
    client.on(Events.ShardError, () => undefined);
    await expect(client.login(fake.token)).rejects.toThrow(/Invalid shard/);
    expect(disconnects).toEqual([4010]);
    await fake.waitFor(() => fake.gatewayStats.closes.length === 1); // the fake records the close once it completes
    expect(fake.gatewayStats).toMatchObject({ identifies: 0, closes: [{ code: 4010, by: 'fake' }] });
  });
});

describe('two shards of one bot, 2,000 servers', () => {
  it("each shard gets READY and GUILD_CREATE for its own servers only, and only its servers' interactions; DMs go to shard 0", async () => {
    const fake = await start({ guilds: 2000, maxConcurrency: 2 });
    const started = startClient(fake, 'auto');
    client = started.client;
    const { logs } = started;
    await client.login(fake.token);
    await fake.waitFor(() => logs.get(0)?.guildCreates.length === 1000 && logs.get(1)?.guildCreates.length === 1000);
    await client.rest.put(Routes.applicationCommands(fake.applicationId), { body: commands });

    const onShard0 = fake.guildIds([0, 2]);
    const onShard1 = fake.guildIds([1, 2]);
    expect([onShard0.length, onShard1.length]).toEqual([1000, 1000]);
    for (const [shard, own] of [onShard0, onShard1].entries()) {
      const log = logs.get(shard)!;
      expect(log.ready!.shard).toEqual([shard, 2]);
      expect(log.ready!.guilds.sort()).toEqual([...own].sort());
      expect(log.guildCreates.sort()).toEqual([...own].sort());
      expect(own.every((id) => shardOf(id, 2) === shard)).toBe(true);
    }

    const sessions = fake.gatewaySessions();
    const sessionOf = (shard: number) => sessions.find((s) => s.shard[0] === shard)!.id;
    const a = await fake.slash('/where', { guildId: onShard0[0]! });
    const b = await fake.slash('/where', { guildId: onShard1[0]! });
    const c = await fake.slash('/where', { guildId: onShard1[999]! });
    const dm = await fake.slash('/where', { dm: true });
    expect([a, b, c, dm].map((r) => r.message.content)).toEqual(['shard 0', 'shard 1', 'shard 1', 'shard 0']);
    expect([a, b, c, dm].map((r) => r.shard)).toEqual([
      [0, 2],
      [1, 2],
      [1, 2],
      [0, 2],
    ]);
    expect([a, b, c, dm].map((r) => r.sessionId)).toEqual([sessionOf(0), sessionOf(1), sessionOf(1), sessionOf(0)]);
    expect(logs.get(0)!.interactions).toEqual([onShard0[0], undefined]);
    expect(logs.get(1)!.interactions).toEqual([onShard1[0], onShard1[999]]);
    await expect(fake.slash('/server-only', { dm: true })).rejects.toThrow(/known commands: \/where/);

    // Servers the bot joins now: each GUILD_CREATE goes to the shard that owns it.
    const joined = fake.addGuilds(4);
    await fake.waitFor(() => logs.get(0)!.guildCreates.length + logs.get(1)!.guildCreates.length === 2004);
    for (const id of joined) expect(logs.get(shardOf(id, 2))!.guildCreates).toContain(id);
    expect(new Set(joined.map((id) => shardOf(id, 2)))).toEqual(new Set([0, 1]));

    expect((await gatewayBot(fake)).session_start_limit.remaining).toBe(998);
  });
});

describe('identify pacing (identifyPacing: true)', () => {
  /** A bare gateway client: HELLO, then IDENTIFY as the given shard; resolves with the first answer's op and event. */
  async function identifyAs(fake: FakeDiscord, shard: [number, number]): Promise<{ op: number; t: string | null }> {
    const { WebSocket } = await import('ws');
    const socket = new WebSocket(`${fake.gatewayUrl}?v=10&encoding=json`);
    try {
      return await new Promise((resolve, reject) => {
        socket.on('error', reject);
        socket.on('message', (data: Buffer) => {
          const payload = JSON.parse(data.toString()) as { op: number; t: string | null };
          if (payload.op === 10) {
            const d = { token: fake.token, intents: 0, properties: { os: 'linux', browser: 't', device: 't' }, shard };
            socket.send(JSON.stringify({ op: 2, d }));
          } else if (payload.op === 0 || payload.op === 9) resolve(payload);
        });
      });
    } finally {
      socket.close();
    }
  }

  it('a second IDENTIFY of the same rate-limit key within 5 s gets op 9; another key may identify at once', async () => {
    const fake = await start({ guilds: 1, maxConcurrency: 2, identifyPacing: true });
    expect(await identifyAs(fake, [0, 4])).toMatchObject({ op: 0, t: 'READY' });
    expect(await identifyAs(fake, [1, 4])).toMatchObject({ op: 0, t: 'READY' }); // key 1
    expect(await identifyAs(fake, [2, 4])).toMatchObject({ op: 9, d: false }); // key 0 again, too soon
    expect(fake.gatewayStats).toMatchObject({ identifies: 2, identifiesTooSoon: 1 });
  });
});
