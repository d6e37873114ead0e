// Faults of the fake Discord (gateway closes, RECONNECT, INVALID_SESSION, zombie connections, 429s, 5xx, slow and
// dropped responses) and its strict body checks, against a bare, unmodified discord.js client.
import {
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  Routes,
  SlashCommandBuilder,
  type RESTOptions,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeDiscord, type FakeDiscordOptions } from '../../src/harness/index.js';

const commands = [
  new SlashCommandBuilder().setName('ping').setDescription('Ping'),
  new SlashCommandBuilder()
    .setName('embed')
    .setDescription('Replies with an embed whose title has that many characters')
    .addIntegerOption((o) => o.setName('title').setDescription('Title length').setRequired(true)),
].map((c) => c.toJSON());

interface Bot {
  client: Client;
  /** Errors the bot's handlers caught. */
  errors: unknown[];
  /** How long each reply() took, once it resolved. */
  replies: number[];
  /** Events.ShardResume: how many events discord.js counted as replayed. */
  resumes: number[];
}

let discord: FakeDiscord | undefined;
let bot: Bot | undefined;

afterEach(async () => {
  await bot?.client.destroy();
  await discord?.close();
  bot = undefined;
  discord = undefined;
});

interface ClientSetup {
  rest?: Partial<RESTOptions>;
  /** Skip discord.js' identify throttle (5 s, +0–1.5 s, between two IDENTIFYs), to keep a test short. */
  fastIdentify?: boolean;
}

async function start(
  options: FakeDiscordOptions = {},
  setup: ClientSetup = {},
): Promise<{ discord: FakeDiscord; bot: Bot }> {
  discord = await FakeDiscord.start(options);
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: discord.apiUrl, ...setup.rest },
    ...(setup.fastIdentify && { ws: { buildIdentifyThrottler: () => ({ waitForIdentify: () => Promise.resolve() }) } }),
  });
  bot = { client, errors: [], replies: [], resumes: [] };
  const b = bot;
  client.on(Events.ShardResume, (_id, replayed) => b.resumes.push(replayed));
  client.on(Events.InteractionCreate, (interaction) => {
    if (!interaction.isChatInputCommand()) return;
    const started = Date.now();
    const reply = async () => {
      if (interaction.commandName === 'ping') return interaction.reply('pong');
      try {
        return await interaction.reply({
          embeds: [{ title: 'x'.repeat(interaction.options.getInteger('title', true)) }],
        });
      } catch (e) {
        b.errors.push(e);
        return interaction.reply('fallback');
      }
    };
    reply().then(
      () => b.replies.push(Date.now() - started),
      (e: unknown) => b.errors.push(e),
    );
  });
  const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(discord.token);
  await ready;
  await client.rest.put(Routes.applicationCommands(discord.applicationId), { body: commands });
  return { discord, bot };
}

const post = (b: Bot, d: FakeDiscord, body: Record<string, unknown> = {}) =>
  b.client.rest.post(Routes.channelMessages(d.defaultChannelId), {
    body: { content: 'hello', allowed_mentions: { parse: [] }, ...body },
  });
const statuses = (d: FakeDiscord, path: RegExp) => d.requests.filter((r) => path.test(r.path)).map((r) => r.status);
const MESSAGES = /^\/channels\/\d+\/messages$/;

describe('gateway faults', () => {
  it.each([
    [4000, 'close 4000 (unknown error)'],
    [1006, 'an abnormal drop (no close frame)'],
  ])(
    '%i: discord.js resumes, and an interaction sent during the outage is delivered and answered after the RESUME (%s)',
    async (code) => {
      const { discord, bot } = await start();
      expect(discord.closeGateway(code)).toBe(1);
      const r = await discord.slash('/ping'); // dispatched while the bot is away: buffered for its session
      expect(r.data.content).toBe('pong');
      const g = discord.gatewayStats;
      expect(g).toMatchObject({ connections: 2, identifies: 1, resumes: 1, failedResumes: 0, lost: 0 });
      expect(g.queued).toBeGreaterThanOrEqual(1);
      expect(g.replayed).toBeGreaterThanOrEqual(1);
      expect(g.closes).toContainEqual({ code, by: 'fake' });
      expect(bot.resumes[0]).toBeGreaterThanOrEqual(1); // discord.js counted the replayed INTERACTION_CREATE
      expect(discord.interactionStats()).toMatchObject({ sent: 1, answered: 1, queued: 1, unanswered: 0, lost: 0 });
    },
  );

  it('op 7 RECONNECT: discord.js closes with 4200 and resumes; an interaction sent at that moment is answered exactly once', async () => {
    const { discord, bot } = await start();
    expect(discord.sendReconnect()).toBe(1);
    const r = await discord.slash('/ping');
    expect(r.data.content).toBe('pong');
    await discord.waitFor(() => discord.gatewayStats.resumes === 1);
    expect(discord.gatewayStats).toMatchObject({ connections: 2, identifies: 1, resumes: 1 });
    expect(discord.gatewayStats.closes).toEqual([{ code: 4200, by: 'client' }]);
    // A second interaction after the resume is answered after any replay of the first would have been: once it
    // is, a duplicate answer to the first would already show.
    expect((await discord.slash('/ping')).data.content).toBe('pong');
    expect(discord.requests.filter((q) => q.path.endsWith('/callback')).map((q) => q.status)).toEqual([204, 204]);
    expect(discord.interactionStats()).toMatchObject({ sent: 2, answered: 2 });
    expect(bot.errors).toEqual([]);
  });

  it('op 9 d:true: discord.js sends RESUME on the same connection; the missed interaction is replayed', async () => {
    const { discord } = await start();
    expect(discord.sendInvalidSession(true)).toBe(1);
    expect((await discord.slash('/ping')).data.content).toBe('pong');
    expect(discord.gatewayStats).toMatchObject({ connections: 1, identifies: 1, resumes: 1, lost: 0 });
    expect(discord.gatewayStats.queued).toBeGreaterThanOrEqual(1);
  });

  it('op 9 d:false: the session ends, an interaction sent before the new IDENTIFY is lost, discord.js re-identifies 5–6.5 s after the first', async () => {
    const { discord } = await start();
    const firstIdentify = Date.now();
    discord.sendInvalidSession(false);
    await expect(discord.slash('/ping')).rejects.toThrow(/lost/);
    await discord.waitFor(() => discord.gatewayStats.identifies === 2 && discord.botConnected, 8000, 'a new IDENTIFY');
    expect(Date.now() - firstIdentify).toBeGreaterThan(4500); // discord.js' identify throttle
    expect(discord.gatewayStats).toMatchObject({ connections: 2, identifies: 2, resumes: 0, lost: 1 });
    expect(discord.gatewayStats.closes).toEqual([{ code: 1000, by: 'client' }]);
    expect((await discord.slash('/ping')).data.content).toBe('pong');
    expect(discord.interactionStats()).toMatchObject({ sent: 2, answered: 1, lost: 1, unanswered: 1 });
  });

  it('missed heartbeat ACKs: discord.js declares the connection a zombie, closes it (4200) and resumes', async () => {
    const { discord } = await start({ heartbeatIntervalMs: 150 });
    discord.dropHeartbeatAcks(1);
    await discord.waitFor(() => discord.gatewayStats.resumes === 1, 3000, 'a RESUME after the missed ACK');
    expect(discord.gatewayStats).toMatchObject({ identifies: 1, connections: 2, acksDropped: 1 });
    expect(discord.gatewayStats.closes).toEqual([{ code: 4200, by: 'client' }]);
    expect((await discord.slash('/ping')).data.content).toBe('pong');
  });

  it('a RESUME after the resume window gets op 9 d:false: discord.js re-identifies, the buffered interaction never arrives', async () => {
    const { discord, bot } = await start({ resumeWindowMs: 100 }, { fastIdentify: true });
    discord.closeGateway(4000);
    await expect(discord.slash('/ping', {}, { timeoutMs: 1500 })).rejects.toThrow(/no visible response/);
    await discord.waitFor(() => discord.botConnected);
    expect(discord.gatewayStats).toMatchObject({ identifies: 2, resumes: 0, failedResumes: 1 });
    expect(bot.replies).toEqual([]);
    expect((await discord.slash('/ping')).data.content).toBe('pong');
  });

  it.each([
    [4004, 'Authentication failed'],
    [4014, 'Disallowed intent(s)'],
  ])('close %i: discord.js gives up (no reconnect); interactions are then lost', async (code, reason) => {
    const { discord, bot } = await start();
    const disconnected = new Promise<number>((resolve) =>
      bot.client.once(Events.ShardDisconnect, (event) => resolve(event.code)),
    );
    bot.client.on(Events.ShardError, () => undefined);
    discord.closeGateway(code, reason);
    // discord.js emits ShardDisconnect only for a close it will not reconnect after; the fake ends the session
    // once it has seen the socket close.
    expect(await disconnected).toBe(code);
    await discord.waitFor(
      () => discord.gatewayStats.closes.some((close) => close.code === code),
      3000,
      'the fake to see the close',
    );
    expect(discord.gatewayStats).toMatchObject({ connections: 1, identifies: 1, resumes: 0 });
    expect(discord.botConnected).toBe(false);
    await expect(discord.slash('/ping')).rejects.toThrow(/lost/);
  });
});

describe('REST faults', () => {
  it('a per-route 429: @discordjs/rest waits retry_after, retries, one message is created', async () => {
    const { discord, bot } = await start();
    const scopes: (string | null)[] = [];
    bot.client.rest.on(
      'response',
      (_request, res) => void (res.status === 429 && scopes.push(res.headers.get('x-ratelimit-scope'))),
    );
    discord.rateLimit({ method: 'POST', path: MESSAGES, retryAfter: 0.3 });
    await post(bot, discord);
    const tries = discord.requests.filter((r) => MESSAGES.test(r.path));
    expect(tries.map((r) => r.status)).toEqual([429, 200]);
    expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(280);
    expect(scopes).toEqual(['user']);
    expect(discord.channelMessages()).toHaveLength(1);
  });

  it('a global 429 blocks every route until retry_after; and globalRateLimitPerSecond still limits bursts', async () => {
    const { discord, bot } = await start({ globalRateLimitPerSecond: 3 });
    const scopes: (string | null)[] = [];
    bot.client.rest.on(
      'response',
      (_request, res) => void (res.status === 429 && scopes.push(res.headers.get('x-ratelimit-scope'))),
    );
    // Let the login's requests leave the rolling second the global limit counts.
    await discord.waitFor(
      () => discord.requests.every((r) => Date.now() - r.at >= 1000),
      3000,
      'a second without requests',
    );
    discord.rateLimit({ path: MESSAGES, retryAfter: 0.3, global: true });
    const posting = post(bot, discord);
    await discord.waitFor(() => scopes.length > 0); // the client has seen the 429
    expect(scopes).toEqual(['global']);
    await bot.client.rest.get(Routes.user()); // another route: held back too
    await posting;
    const limited = discord.requests.find((r) => r.status === 429)!;
    const me = discord.requests.filter((r) => r.path === '/users/@me').at(-1)!;
    expect(me.at - limited.at).toBeGreaterThanOrEqual(250);
    expect(statuses(discord, MESSAGES)).toEqual([429, 200]);
    await Promise.all(Array.from({ length: 5 }, (_, i) => post(bot, discord, { content: `burst ${i}` })));
    expect(discord.channelMessages()).toHaveLength(6);
    expect(statuses(discord, MESSAGES).filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
  });

  it('500 then 502: retried, one message', async () => {
    const { discord, bot } = await start();
    discord.inject(
      { method: 'POST', path: MESSAGES },
      { status: 500, body: { message: '500: Internal Server Error', code: 0 } },
    );
    discord.inject({ method: 'POST', path: MESSAGES }, { status: 502, body: { message: '502: Bad Gateway', code: 0 } });
    await post(bot, discord);
    expect(statuses(discord, MESSAGES)).toEqual([500, 502, 200]);
    expect(discord.channelMessages()).toHaveLength(1);
  });

  it("a slow interaction callback: the interaction counts as answered at once, the bot's reply() resolves when the answer arrives", async () => {
    const { discord, bot } = await start();
    discord.inject({ method: 'POST', path: /\/callback$/ }, { delayMs: 800 });
    expect((await discord.slash('/ping')).data.content).toBe('pong');
    await discord.waitFor(() => bot.replies.length === 1, 3000);
    expect(bot.replies[0]).toBeGreaterThanOrEqual(750);
    expect(discord.requests.find((r) => r.path.endsWith('/callback'))).toMatchObject({ status: 204, delayedMs: 800 });
    expect(discord.interactionStats()).toMatchObject({ sent: 1, answered: 1, late: 0, unanswered: 0 });
    expect(bot.errors).toEqual([]);
  });

  it("an answer slower than the client's timeout: the retry duplicates a plain POST, not one with enforce_nonce", async () => {
    const { discord, bot } = await start({}, { rest: { timeout: 300 } });
    discord.inject({ method: 'POST', path: MESSAGES }, { delayMs: 600 });
    await post(bot, discord, { content: 'plain' });
    discord.inject({ method: 'POST', path: MESSAGES }, { delayMs: 600 });
    await post(bot, discord, { content: 'nonced', nonce: 'n-1', enforce_nonce: true });
    expect(discord.channelMessages().map((m) => m.content)).toEqual(['plain', 'plain', 'nonced']);
  });

  it('dropped connections: a FIN is not retried (the call fails), a reset is; only idempotent or nonce-protected requests then create one', async () => {
    const { discord, bot } = await start();
    discord.inject({ method: 'POST', path: MESSAGES }, { drop: true }); // lost before Discord handled it
    await expect(post(bot, discord, { content: 'never' })).rejects.toThrow(/other side closed/);
    discord.inject({ method: 'POST', path: MESSAGES }, { drop: true, afterHandling: true }); // handled, answer lost
    await expect(post(bot, discord, { content: 'unknown fate' })).rejects.toThrow(/other side closed/);
    discord.inject({ method: 'POST', path: MESSAGES }, { drop: 'reset', afterHandling: true });
    await post(bot, discord, { content: 'plain' });
    discord.inject({ method: 'POST', path: MESSAGES }, { drop: 'reset', afterHandling: true });
    await post(bot, discord, { content: 'nonced', nonce: 'n-2', enforce_nonce: true });
    expect(discord.channelMessages().map((m) => m.content)).toEqual(['unknown fate', 'plain', 'plain', 'nonced']);
    expect(discord.requests.filter((r) => r.dropped).map((r) => r.dropped)).toEqual([
      'close',
      'close',
      'reset',
      'reset',
    ]);

    const before = discord.registeredCommands().map((c) => c.id);
    discord.inject({ method: 'PUT', path: /\/commands$/ }, { drop: 'reset', afterHandling: true });
    await bot.client.rest.put(Routes.applicationCommands(discord.applicationId), { body: commands });
    expect(discord.registeredCommands().map((c) => c.id)).toEqual(before); // PUT is idempotent
  });
});

describe('strict validation', () => {
  it('an embed title of 300 characters gets 400 / 50035 and a recorded violation; 256 passes', async () => {
    const { discord, bot } = await start();
    expect(discord.violations).toEqual([]); // the command registration was valid
    const r = await discord.slash('/embed title:300');
    expect(r.data.content).toBe('fallback');
    const error = bot.errors[0] as DiscordAPIError;
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error.code).toBe(50035);
    expect(error.rawError).toMatchObject({
      errors: { data: { embeds: { 0: { title: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } } },
    });
    expect(discord.violations).toHaveLength(1);
    expect(discord.violations[0]).toMatchObject({ method: 'POST', route: '/interactions/:id/:token/callback' });
    expect(discord.violations[0]!.failures).toEqual([
      'data.embeds.0.title: Must be 256 or fewer in length. (BASE_TYPE_MAX_LENGTH, got 300)',
    ]);

    discord.clearViolations();
    const ok = await discord.slash('/embed title:256');
    expect(ok.data.embeds?.[0]?.title).toHaveLength(256);
    expect(discord.violations).toEqual([]);
  });

  it('strict: false lets the same body through', async () => {
    const { discord } = await start({ strict: false });
    const r = await discord.slash('/embed title:300');
    expect(r.data.embeds?.[0]?.title).toHaveLength(300);
    expect(discord.violations).toEqual([]);
  });

  it('command registration is checked too: an upper-case name and an unknown locale are refused', async () => {
    const { discord, bot } = await start();
    const bad = { name: 'Ping', description: 'Ping', name_localizations: { xx: 'ping' } };
    await expect(
      bot.client.rest.put(Routes.applicationCommands(discord.applicationId), { body: [bad] }),
    ).rejects.toMatchObject({ code: 50035 });
    expect(discord.violations[0]!.failures).toEqual([
      '0.name: Command name is invalid (APPLICATION_COMMAND_INVALID_NAME, got "Ping")',
      '0.name_localizations.xx: Invalid locale: xx (LOCALE_INVALID)',
    ]);
    expect(discord.registeredCommands().map((c) => c.name)).toEqual(['ping', 'embed']);
  });
});
