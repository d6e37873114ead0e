// The fake Discord (src/harness) against the real, unmodified discord.js client.
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  PermissionFlagsBits,
  Routes,
  SlashCommandBuilder,
  type Interaction,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACTOR, FakeDiscord, parseCommandLine } from '../../src/harness/index.js';

const commands = [
  new SlashCommandBuilder().setName('ping').setDescription('Ping'),
  new SlashCommandBuilder()
    .setName('relations')
    .setDescription('Relations between two countries')
    .addStringOption((o) => o.setName('country').setDescription('Country').setRequired(true).setAutocomplete(true))
    .addStringOption((o) => o.setName('with').setDescription('Other country'))
    .addIntegerOption((o) => o.setName('days').setDescription('Days'))
    .addBooleanOption((o) => o.setName('brief').setDescription('Brief')),
  new SlashCommandBuilder().setName('menu').setDescription('Buttons'),
  new SlashCommandBuilder()
    .setName('post')
    .setDescription('Post in a channel')
    .addChannelOption((o) => o.setName('channel').setDescription('Where').setRequired(true)),
  new SlashCommandBuilder()
    .setName('settings')
    .setDescription('Settings')
    .addSubcommand((s) => s.setName('show').setDescription('Show'))
    .addSubcommandGroup((g) =>
      g
        .setName('alert')
        .setDescription('Alerts')
        .addSubcommand((s) =>
          s
            .setName('add')
            .setDescription('Add')
            .addUserOption((o) => o.setName('who').setDescription('Who')),
        ),
    ),
  new SlashCommandBuilder().setName('twice').setDescription('Replies twice'),
  new SlashCommandBuilder().setName('late').setDescription('Replies too late'),
  new SlashCommandBuilder().setName('followup').setDescription('Defers, then follows up'),
  new SlashCommandBuilder().setName('file').setDescription('Replies with a file, with_response'),
  new SlashCommandBuilder()
    .setName('admin')
    .setDescription('Admins only')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild),
].map((c) => c.toJSON());

const COUNTRIES = ['Syria', 'Sweden', 'Switzerland', 'North Korea'];
const botErrors: unknown[] = [];

async function handle(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) {
    const typed = interaction.options.getFocused().toLowerCase();
    await interaction.respond(
      COUNTRIES.filter((c) => c.toLowerCase().startsWith(typed.slice(0, 2))).map((c) => ({ name: c, value: c })),
    );
    return;
  }
  if (interaction.isButton()) {
    if (interaction.customId === 'more') await interaction.update({ content: 'more!', components: [] });
    else await interaction.reply({ content: `clicked ${interaction.customId} by ${interaction.user.id}` });
    return;
  }
  if (!interaction.isChatInputCommand()) return;
  switch (interaction.commandName) {
    case 'admin':
    case 'ping':
      await interaction.reply({ content: 'pong', flags: MessageFlags.Ephemeral });
      return;
    case 'relations': {
      await interaction.deferReply();
      const country = interaction.options.getString('country', true);
      const other = interaction.options.getString('with');
      const days = interaction.options.getInteger('days');
      await interaction.editReply({
        content: `${country}|${other}|${days}|${typeof days}|${interaction.options.getBoolean('brief')}|admin=${interaction.memberPermissions?.has('ManageGuild')}`,
      });
      return;
    }
    case 'menu': {
      const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId('more').setLabel('More').setStyle(ButtonStyle.Primary),
        new ButtonBuilder().setCustomId('again').setLabel('Again').setStyle(ButtonStyle.Secondary),
      );
      await interaction.reply({ content: 'menu', components: [row] });
      return;
    }
    case 'post': {
      const channel = interaction.options.getChannel('channel', true);
      try {
        await interaction.client.rest.post(Routes.channelMessages(channel.id), {
          body: { content: `hello ${channel.name}` },
        });
        await interaction.reply('posted');
      } catch (e) {
        await interaction.reply(`failed ${(e as DiscordAPIError).code}`);
      }
      return;
    }
    case 'settings':
      await interaction.reply(
        `${interaction.options.getSubcommandGroup(false)}/${interaction.options.getSubcommand()}/${interaction.options.getUser('who')?.username}`,
      );
      return;
    case 'twice':
      await interaction.reply('one');
      await interaction.reply('two').catch(() => undefined);
      try {
        await interaction.client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
          body: { type: 4, data: { content: 'two' } },
          auth: false,
        });
      } catch (e) {
        botErrors.push(e);
      }
      return;
    case 'late':
      await new Promise((r) => setTimeout(r, 3200));
      await interaction.reply('too late').catch((e: unknown) => botErrors.push(e));
      return;
    case 'followup':
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await interaction.followUp('part 1');
      await interaction.followUp('part 2');
      return;
    case 'file': {
      const res = await interaction.reply({
        content: 'file',
        files: [{ attachment: Buffer.from('hello'), name: 'a.txt' }],
        withResponse: true,
      });
      await interaction.followUp(`resource ${res.resource?.message?.id}`);
      return;
    }
  }
}

function startClient(discord: FakeDiscord): Client {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiUrl } });
  client.on(Events.InteractionCreate, (i) => void handle(i).catch((e: unknown) => botErrors.push(e)));
  return client;
}

describe('FakeDiscord with discord.js', () => {
  let discord: FakeDiscord;
  let client: Client;
  let readonlyId: string;

  beforeAll(async () => {
    discord = await FakeDiscord.start({
      guilds: [{ name: 'Test', channels: [{ name: 'general' }, { name: 'readonly', botCanPost: false }] }],
    });
    readonlyId = discord.guilds[0]!.channels[1]!.id;
    client = startClient(discord);
    const ready = new Promise((r) => client.once(Events.ClientReady, r));
    await client.login(discord.token);
    await discord.waitForReady();
    await ready;
    await client.rest.put(Routes.applicationCommands(discord.applicationId), { body: commands });
  });

  afterAll(async () => {
    await client?.destroy();
    await discord?.close();
  });

  it('saw the login: gateway discovery, IDENTIFY intents, cached guild, registered commands', () => {
    expect(discord.identifiedIntents).toBe(GatewayIntentBits.Guilds);
    expect(discord.requests.some((r) => r.path === '/gateway/bot' && r.status === 200)).toBe(true);
    expect(client.user?.id).toBe(discord.applicationId);
    expect(client.guilds.cache.get(discord.defaultGuildId)?.channels.cache.size).toBe(2);
    const registered = discord.registeredCommands();
    expect(registered.map((c) => c.name)).toContain('relations');
    expect(registered[0]).toMatchObject({ application_id: discord.applicationId, type: 1 });
  });

  it('ephemeral reply', async () => {
    const r = await discord.slash('/ping');
    expect(r).toMatchObject({ type: 4, ephemeral: true, deferred: false, data: { content: 'pong' } });
    expect(r.message.content).toBe('pong');
  });

  it('deferReply + editReply, typed options, values with spaces, admin actor', async () => {
    const r = await discord.slash('/relations country:Syria with:North Korea days:7 brief:true');
    expect(r.deferred).toBe(true);
    expect(r.type).toBe(5);
    expect(r.data.content).toBe('Syria|North Korea|7|number|true|admin=false');
    expect(r.message.content).toBe(r.data.content);
    const admin = await discord.slash({ name: 'relations', options: { country: 'Sweden' } }, ADMIN_ACTOR);
    expect(admin.data.content).toBe('Sweden|null|null|object|null|admin=true');
  });

  it('autocomplete', async () => {
    const choices = await discord.autocomplete('/relations country:sy', 'country');
    expect(choices.map((c) => c.value)).toEqual(['Syria']);
    const empty = await discord.autocomplete('/relations with:x', 'country');
    expect(empty.length).toBe(4);
  });

  it('buttons: update (7) keeps the message id, reply (4) creates one', async () => {
    const menu = await discord.slash('/menu');
    expect(menu.message.components?.length).toBe(1);
    const updated = await discord.click(menu, 'more');
    expect(updated.type).toBe(7);
    expect(updated.message.id).toBe(menu.message.id);
    expect(menu.message.content).toBe('more!'); // kept up to date
    const menu2 = await discord.slash('/menu');
    const again = await discord.click(menu2, 'again', { userId: '42' });
    expect(again.data.content).toBe('clicked again by 42');
    await expect(discord.click(menu, 'more')).rejects.toThrow(/no component/);
  });

  it('channel posts: 200, and 403 where the bot may not post', async () => {
    const ok = await discord.slash(`/post channel:<#${discord.defaultChannelId}>`);
    expect(ok.data.content).toBe('posted');
    expect(discord.channelMessages(discord.defaultChannelId).map((m) => m.content)).toEqual(['hello general']);
    const denied = await discord.slash('/post channel:#readonly');
    expect(denied.data.content).toBe('failed 50013');
    expect(discord.channelMessages(readonlyId)).toEqual([]);
  });

  it('subcommands, groups and users', async () => {
    expect((await discord.slash('/settings show')).data.content).toBe('null/show/undefined');
    const r = await discord.slash(`/settings alert add who:<@${discord.defaultUser.id}>`);
    expect(r.data.content).toBe('alert/add/tester');
  });

  it('a second callback gets 40060', async () => {
    botErrors.length = 0;
    const r = await discord.slash('/twice');
    expect(r.data.content).toBe('one');
    await discord.waitFor(() => botErrors.length > 0, 2000);
    expect((botErrors[0] as DiscordAPIError).code).toBe(40060);
  });

  it('deferred reply then follow-ups; multipart files and with_response', async () => {
    const r = await discord.slash('/followup');
    expect(r.ephemeral).toBe(true);
    expect(r.message.content).toBe('part 1');
    await discord.waitFor(() => r.followups.length === 2);
    expect(r.followups.map((m) => m.content)).toEqual(['part 1', 'part 2']);
    const f = await discord.slash('/file');
    expect(f.message.attachments[0]).toMatchObject({ filename: 'a.txt', size: 5 });
    const cb = discord.requests.find((q) => q.path === `/interactions/${f.id}/${f.token}/callback`);
    expect(cb).toMatchObject({ query: { with_response: 'true' }, status: 200, files: [{ name: 'a.txt', size: 5 }] });
    await discord.waitFor(() => f.followups[0]);
    expect(f.followups[0]!.content).toBe(`resource ${f.message.id}`);
  });

  it('injected 500 and 429 answers are retried by @discordjs/rest', async () => {
    discord.inject(
      { method: 'GET', path: '/users/@me' },
      { status: 500, body: { message: '500: Internal Server Error', code: 0 } },
    );
    discord.inject(
      { method: 'GET', path: /^\/users\/@me$/ },
      {
        status: 429,
        body: { message: 'You are being rate limited.', retry_after: 0.05, global: false },
        headers: { 'retry-after': '0.05' },
      },
    );
    const me = (await client.rest.get(Routes.user())) as { id: string };
    expect(me.id).toBe(discord.applicationId);
    expect(discord.requests.filter((r) => r.path === '/users/@me').map((r) => r.status)).toEqual([500, 429, 200]);
  });

  it('errors name the command line', async () => {
    await expect(discord.slash('/nope')).rejects.toThrow(/known commands: .*\/ping/);
    await expect(discord.slash('/relations colour:red')).rejects.toThrow(/options are: country, with, days, brief/);
    await expect(discord.slash('/relations with:x')).rejects.toThrow(/missing required option\(s\): country/);
    await expect(discord.slash('/relations country:x days:seven')).rejects.toThrow(/not a number/);
    await expect(discord.slash('/admin')).rejects.toThrow(/default_member_permissions/);
    expect((await discord.slash('/admin', ADMIN_ACTOR)).data.content).toBe('pong');
  });

  it('a callback after 3 s gets 10062 and slash() rejects', async () => {
    botErrors.length = 0;
    await expect(discord.slash('/late', {}, { timeoutMs: 3500 })).rejects.toThrow(
      /\/late: no visible response within 3500 ms.*10062/,
    );
    expect((botErrors[0] as DiscordAPIError).code).toBe(10062);
  }, 10_000);

  it('a restarted bot reconnects to the same fake', async () => {
    await client.destroy();
    client = startClient(discord);
    await client.login(discord.token);
    await discord.waitForReady();
    expect((await discord.slash('/ping')).data.content).toBe('pong');
  });

  it('raw REST: auth, 404s, global rate limit', async () => {
    const bad = await fetch(`${discord.apiUrl}/v10/users/@me`, { headers: { authorization: 'Bot nope' } });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ message: '401: Unauthorized', code: 0 });
    const unknown = await fetch(`${discord.apiUrl}/v10/nowhere`, {
      headers: { authorization: `Bot ${discord.token}` },
    });
    expect(unknown.status).toBe(404);
    expect(discord.unhandledRequests().map((r) => r.path)).toEqual(['/nowhere']);
    const limited = await FakeDiscord.start({ globalRateLimitPerSecond: 2 });
    try {
      const get = () =>
        fetch(`${limited.apiUrl}/v10/users/@me`, { headers: { authorization: `Bot ${limited.token}` } });
      const statuses = [(await get()).status, (await get()).status];
      const third = await get();
      expect([...statuses, third.status]).toEqual([200, 200, 429]);
      expect(third.headers.get('x-ratelimit-global')).toBe('true');
      expect(await third.json()).toMatchObject({ global: true, message: 'You are being rate limited.' });
    } finally {
      await limited.close();
    }
  });

  it('parseCommandLine works on its own', () => {
    const parsed = parseCommandLine('/relations country:Syria with:North Korea days:3', discord.registeredCommands());
    expect(parsed.values).toEqual({ country: 'Syria', with: 'North Korea', days: 3 });
  });
});
