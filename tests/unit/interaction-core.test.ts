// The interaction core without Discord: options read from raw interactions, custom_id codecs, the context's answers,
// and the router's requirements and apologies. Handlers run on plain objects; a recorder stands in for REST.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  InteractionResponseType,
  InteractionType,
  type APIChatInputApplicationCommandInteraction,
  type APIInteraction,
  type APIInteractionResponse,
} from 'discord-api-types/v10';
import { beforeEach, describe, expect, it } from 'vitest';
import { defineCommand, type Command, type Services } from '../../src/bot/command.js';
import { InteractionContext, type InteractionApi } from '../../src/bot/interaction.js';
import { focusedOption, readInvocation } from '../../src/bot/options.js';
import { CommandRegistry, loadCommands } from '../../src/bot/registry.js';
import { refuseWhileRestarting, routeInteraction } from '../../src/bot/router.js';
import { loadFacts } from '../../src/facts/load.js';
import { CountrySearch } from '../../src/facts/search.js';
import { dataDir } from '../../src/paths.js';
import { commandOfCustomId, customIdCodec } from '../../src/render/custom-id.js';
import { strings } from '../../src/render/i18n.js';
import { Store, StoreUnavailableError } from '../../src/store/open-store.js';
import { ServerSettingsRepository } from '../../src/store/server-settings-repository.js';
import { recordingLog } from './recording-log.js';

interface Sent {
  call: 'callback' | 'editOriginal' | 'followUp';
  body: unknown;
}

function recorder(fail?: () => Error | undefined): InteractionApi & { sent: Sent[] } {
  const sent: Sent[] = [];
  return {
    sent,
    async callback(_id, _token, body) {
      const error = fail?.();
      if (error) throw error;
      sent.push({ call: 'callback', body });
    },
    async editOriginal(_app, _token, body) {
      sent.push({ call: 'editOriginal', body });
    },
    async followUp(_app, _token, body) {
      sent.push({ call: 'followUp', body });
      return { id: 'm1' } as never;
    },
  };
}

const manageGuild = String(1n << 5n);

/** A slash command interaction as Discord sends it. */
function slash(
  name: string,
  options: unknown[] = [],
  where: { guild?: boolean; permissions?: string; locale?: string } = {},
): APIChatInputApplicationCommandInteraction {
  const user = { id: '100000000000000001', username: 'alice', discriminator: '0', global_name: null, avatar: null };
  const inGuild = where.guild ?? true;
  const raw: unknown = {
    id: '300000000000000001',
    application_id: '200000000000000001',
    type: InteractionType.ApplicationCommand,
    token: 'tok',
    version: 1,
    locale: (where.locale ?? 'en-US') as never,
    app_permissions: '0',
    entitlements: [],
    authorizing_integration_owners: {},
    attachment_size_limit: 8_000_000,
    channel: { id: '400000000000000001', type: inGuild ? ChannelType.GuildText : ChannelType.DM } as never,
    channel_id: '400000000000000001',
    ...(inGuild
      ? {
          guild_id: '500000000000000001',
          member: {
            user,
            roles: [],
            permissions: where.permissions ?? '0',
            joined_at: '2025-01-01T00:00:00Z',
            deaf: false,
            mute: false,
            flags: 0,
          },
        }
      : { user }),
    data: { id: '600000000000000001', name, type: ApplicationCommandType.ChatInput, options },
  };
  return raw as APIChatInputApplicationCommandInteraction;
}

describe('options read from the raw interaction', () => {
  it('a subcommand and its options, with users and channels resolved', () => {
    const data = slash('daily', [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'set',
        options: [
          { type: ApplicationCommandOptionType.Channel, name: 'channel', value: '700' },
          { type: ApplicationCommandOptionType.String, name: 'time', value: '09:30' },
          { type: ApplicationCommandOptionType.User, name: 'who', value: '800' },
        ],
      },
    ]).data;
    data.resolved = {
      channels: { '700': { id: '700', type: ChannelType.GuildText, name: 'news', permissions: '0' } as never },
      users: { '800': { id: '800', username: 'bob' } as never },
    };
    expect(readInvocation(data)).toEqual({
      subcommand: 'set',
      options: {
        channel: { id: '700', type: ChannelType.GuildText, name: 'news', permissions: '0' },
        time: '09:30',
        who: { id: '800', user: { id: '800', username: 'bob' } },
      },
    });
  });

  it('no subcommand: the top-level options; none given: empty', () => {
    const given = slash('relations', [{ type: ApplicationCommandOptionType.String, name: 'country', value: 'SY' }]);
    expect(readInvocation(given.data)).toEqual({ subcommand: undefined, options: { country: 'SY' } });
    expect(readInvocation(slash('help').data)).toEqual({ subcommand: undefined, options: {} });
  });

  it('the focused option of an autocomplete, inside a subcommand', () => {
    const data = {
      options: [
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: 'set',
          options: [
            { type: ApplicationCommandOptionType.String, name: 'time', value: '09:00' },
            { type: ApplicationCommandOptionType.String, name: 'timezone', value: 'Seo', focused: true },
          ],
        },
      ],
    };
    expect(focusedOption(data as never)).toEqual({ name: 'timezone', value: 'Seo' });
    expect(focusedOption({ options: [] } as never)).toBeUndefined();
  });
});

describe('custom_id codecs', () => {
  const answer = customIdCodec('quiz', 'answer', { quizId: 'id', round: 'int', choice: 'int' });

  it('reads back what it wrote', () => {
    const id = answer.encode({ quizId: 'ab12', round: 3, choice: 1 });
    expect(id).toBe('quiz:answer:ab12:3:1');
    expect(answer.decode(id)).toEqual({ quizId: 'ab12', round: 3, choice: 1 });
  });

  it('refuses another kind, a wrong number of fields and bad numbers', () => {
    expect(answer.decode('quiz:board:2')).toBeUndefined();
    expect(answer.decode('quiz:answer:ab12:3')).toBeUndefined();
    expect(answer.decode('quiz:answer:ab12:3:1:9')).toBeUndefined();
    expect(answer.decode('quiz:answer:ab12:x:1')).toBeUndefined();
    expect(answer.decode('quiz:answer:ab12:-1:1')).toBeUndefined();
    expect(answer.decode('quiz:answer:a:b:3:1')).toBeUndefined();
  });

  it('will not write a field that would break the id, nor one over 100 characters', () => {
    expect(() => answer.encode({ quizId: 'a:b', round: 1, choice: 1 })).toThrow(/quizId/);
    expect(() => answer.encode({ quizId: 'ab', round: 1.5, choice: 1 })).toThrow(/round/);
    const long = customIdCodec('quiz', 'x'.repeat(60), { a: 'id' });
    expect(() => long.encode({ a: 'y'.repeat(40) })).toThrow(/100/);
  });
});

describe('answering through the context', () => {
  it('reply: one callback, no pings, ephemeral by flag', async () => {
    const api = recorder();
    await new InteractionContext(slash('help'), api).reply({ content: 'hi', ephemeral: true });
    expect(api.sent).toEqual([
      {
        call: 'callback',
        body: {
          type: InteractionResponseType.ChannelMessageWithSource,
          data: { content: 'hi', flags: 64, allowed_mentions: { parse: [] } },
        },
      },
    ]);
  });

  it('after a deferral the reply edits the original; after that, replies follow up', async () => {
    const api = recorder();
    const interaction = new InteractionContext(slash('help'), api);
    await interaction.defer({ ephemeral: true });
    await interaction.reply({ content: 'one', ephemeral: true });
    await interaction.reply({ content: 'two' });
    expect(api.sent.map((s) => s.call)).toEqual(['callback', 'editOriginal', 'followUp']);
    expect((api.sent[0]!.body as APIInteractionResponse).type).toBe(
      InteractionResponseType.DeferredChannelMessageWithSource,
    );
    expect(api.sent[1]!.body).toEqual({ content: 'one', allowed_mentions: { parse: [] } }); // no flags on an edit
  });

  it('a second first answer is refused; a failed callback can be tried again', async () => {
    let failures = 1;
    const api = recorder(() => (failures-- > 0 ? new Error('network') : undefined));
    const interaction = new InteractionContext(slash('help'), api);
    await expect(interaction.reply({ content: 'a' })).rejects.toThrow('network');
    expect(interaction.answered).toBe(false);
    await interaction.choices([]).catch(() => undefined);
    await expect(interaction.update({ content: 'b' })).rejects.toThrow(/already answered/);
  });

  it('language and who: from the locale, the member in a server, the user in a DM', () => {
    const inServer = new InteractionContext(slash('help', [], { locale: 'ko' }), recorder());
    expect(inServer.language).toBe('ko');
    expect(inServer.user.id).toBe('100000000000000001');
    expect(inServer.guildId).toBe('500000000000000001');
    const inDm = new InteractionContext(slash('help', [], { guild: false }), recorder());
    expect(inDm.language).toBe('en');
    expect(inDm.user.id).toBe('100000000000000001');
    expect(inDm.guildId).toBeUndefined();
    expect(inDm.hasPermission(1n << 5n)).toBe(false);
  });
});

describe('the router', () => {
  let ran: unknown[];
  let services: Services;
  const admin = defineCommand({
    data: {
      name: 'admin',
      description: 'x',
      name_localizations: { ko: '관리' },
      description_localizations: { ko: 'x' },
      options: [{ type: ApplicationCommandOptionType.Integer, name: 'n', description: 'n', required: true }],
    },
    requires: { manageServer: true },
    async execute(interaction) {
      ran.push(interaction.invocation.options.n);
      if (interaction.invocation.options.n < 0) throw new Error('negative');
      await interaction.reply({ content: `n=${interaction.invocation.options.n}` });
    },
  });
  const registry = new CommandRegistry([admin]);
  const n = (value: number) => [{ type: ApplicationCommandOptionType.Integer, name: 'n', value }];
  const dataOf = (api: { sent: Sent[] }) => (api.sent[0]?.body as { data?: { content?: string; flags?: number } }).data;

  beforeEach(() => {
    ran = [];
    services = { log: recordingLog().log } as unknown as Services;
    (services.log as unknown as { isLevelEnabled: () => boolean }).isLevelEnabled = () => false;
    (services.log as unknown as { child: () => unknown }).child = () => services.log;
  });

  it('runs a command whose requirements are met, with its typed options', async () => {
    const api = recorder();
    await routeInteraction(slash('admin', n(7), { permissions: manageGuild }), registry, services, api);
    expect(ran).toEqual([7]);
    expect(dataOf(api)?.content).toBe('n=7');
  });

  it('refuses it outside a server, and to a member without Manage Server, naming the command as the reader sees it', async () => {
    const inDm = recorder();
    await routeInteraction(slash('admin', n(1), { guild: false }), registry, services, inDm);
    expect(dataOf(inDm)).toEqual({
      content: "/admin works only in a server: use it in one of your server's channels.",
      flags: 64,
      allowed_mentions: { parse: [] },
    });
    const member = recorder();
    await routeInteraction(slash('admin', n(1), { locale: 'ko' }), registry, services, member);
    expect(dataOf(member)?.content).toBe('/관리 명령어는 서버 관리 권한이 있는 멤버만 쓸 수 있습니다.');
    expect(ran).toEqual([]);
  });

  it('a handler that throws: a private apology with a reference, never the error', async () => {
    const api = recorder();
    await routeInteraction(slash('admin', n(-1), { permissions: manageGuild }), registry, services, api);
    expect(dataOf(api)?.flags).toBe(64);
    expect(dataOf(api)?.content).toContain('300000000000000001');
    expect(dataOf(api)?.content).not.toContain('negative');
  });

  it('an unknown command gets a private note; an autocomplete for it, no choices', async () => {
    const api = recorder();
    await routeInteraction(slash('gone'), registry, services, api);
    expect(dataOf(api)?.content).toMatch(/don't know that command/);
    const complete = recorder();
    const raw = { ...slash('gone'), type: InteractionType.ApplicationCommandAutocomplete } as APIInteraction;
    await routeInteraction(raw, registry, services, complete);
    expect(complete.sent[0]!.body).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [] },
    });
  });
});

describe('a real command on plain objects', () => {
  it('/relations answers Syria with South Korea by default, from the facts alone', async () => {
    const facts = loadFacts(dataDir);
    const services = {
      config: { DEFAULT_COUNTRY: 'KR' },
      facts,
      search: new CountrySearch(facts.countries, facts.names),
      now: () => new Date('2026-12-01T00:00:00Z'),
      log: { isLevelEnabled: () => false },
      servers: new ServerSettingsRepository(await Store.open('memory://')),
    } as unknown as Services;
    const registry = new CommandRegistry((await loadCommands()).all satisfies Command[]);
    const api = recorder();
    const raw = slash('relations', [{ type: ApplicationCommandOptionType.String, name: 'country', value: 'Syria' }]);
    await routeInteraction(raw, registry, services, api);
    const embed = (api.sent[0]!.body as { data: { embeds: { title: string; description: string }[] } }).data.embeds[0]!;
    expect(embed.title).toContain('Syria');
    expect(embed.title).toContain('South Korea');
    expect(embed.description).toContain('10 April 2025');
  });
});

describe('the context, in detail', () => {
  it('answers with its own id, token and application id', async () => {
    const calls: string[] = [];
    const api: InteractionApi = {
      async callback(id, token) {
        calls.push(`callback ${id} ${token}`);
      },
      async editOriginal(app, token) {
        calls.push(`edit ${app} ${token}`);
      },
      async followUp(app, token) {
        calls.push(`followUp ${app} ${token}`);
        return { id: 'm' } as never;
      },
    };
    const interaction = new InteractionContext(slash('help'), api);
    expect(interaction.answered).toBe(false);
    await interaction.defer();
    expect(interaction.answered).toBe(true);
    await interaction.reply({ content: 'a' });
    await interaction.followUp({ content: 'b' });
    expect(calls).toEqual([
      'callback 300000000000000001 tok',
      'edit 200000000000000001 tok',
      'followUp 200000000000000001 tok',
    ]);
  });

  it('defer: private only when asked; update: the message replaced, never with flags; modal: type 9', async () => {
    const api = recorder();
    await new InteractionContext(slash('help'), api).defer();
    await new InteractionContext(slash('help'), api).defer({ ephemeral: true });
    const row = { type: 1, components: [] } as never;
    await new InteractionContext(slash('help'), api).update({ ephemeral: true, components: [row] });
    await new InteractionContext(slash('help'), api).update({ content: 'x', embeds: [] });
    await new InteractionContext(slash('help'), api).modal({ custom_id: 'm', title: 't', components: [] });
    expect(api.sent.map((s) => s.body)).toEqual([
      { type: InteractionResponseType.DeferredChannelMessageWithSource },
      { type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: 64 } },
      {
        type: InteractionResponseType.UpdateMessage,
        data: { components: [row], allowed_mentions: { parse: [] }, content: '' },
      },
      {
        type: InteractionResponseType.UpdateMessage,
        data: { content: 'x', embeds: [], allowed_mentions: { parse: [] } },
      },
      { type: InteractionResponseType.Modal, data: { custom_id: 'm', title: 't', components: [] } },
    ]);
  });

  it('a reply without content sends none; the channel comes from channel_id when the channel object is absent', async () => {
    const api = recorder();
    const raw = slash('help');
    delete (raw as { channel?: unknown }).channel;
    const interaction = new InteractionContext(raw, api);
    expect(interaction.channelId).toBe('400000000000000001');
    await interaction.reply({ embeds: [{ title: 't' }] });
    expect(api.sent[0]!.body).toEqual({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { embeds: [{ title: 't' }], allowed_mentions: { parse: [] } },
    });
  });

  it('useLanguage switches the language and the strings', () => {
    const interaction = new InteractionContext(slash('help'), recorder());
    interaction.useLanguage('ko');
    expect(interaction.language).toBe('ko');
    expect(interaction.t.restarting).toContain('다시 시작');
  });
});

describe('options, in detail', () => {
  it('a user with their membership; ids alone when Discord resolved nothing', () => {
    const data = slash('x', [
      { type: ApplicationCommandOptionType.User, name: 'who', value: '800' },
      { type: ApplicationCommandOptionType.User, name: 'other', value: '801' },
      { type: ApplicationCommandOptionType.Role, name: 'role', value: '900' },
      { type: ApplicationCommandOptionType.Attachment, name: 'file', value: '950' },
      { type: ApplicationCommandOptionType.Channel, name: 'where', value: '700' },
    ]).data;
    data.resolved = {
      users: { '800': { id: '800', username: 'bob' } as never },
      members: { '800': { nick: 'Bobby' } as never },
    };
    expect(readInvocation(data).options).toEqual({
      who: { id: '800', user: { id: '800', username: 'bob' }, member: { nick: 'Bobby' } },
      other: { id: '801', user: { id: '801' } },
      role: { id: '900' },
      file: { id: '950' },
      where: { id: '700' },
    });
    const bare = slash('x', [{ type: ApplicationCommandOptionType.Role, name: 'role', value: '900' }]).data;
    bare.resolved = { roles: { '900': { id: '900', name: 'mods' } as never } };
    expect(readInvocation(bare).options).toEqual({ role: { id: '900', name: 'mods' } });
  });

  it('a subcommand in a group is named "group sub", with its own options', () => {
    const data = slash('x', [
      {
        type: ApplicationCommandOptionType.SubcommandGroup,
        name: 'admin',
        options: [
          {
            type: ApplicationCommandOptionType.Subcommand,
            name: 'set',
            options: [{ type: ApplicationCommandOptionType.Integer, name: 'n', value: 3 }],
          },
        ],
      },
    ]).data;
    expect(readInvocation(data)).toEqual({ subcommand: 'admin set', options: { n: 3 } });
    const focused = {
      options: [
        {
          type: ApplicationCommandOptionType.SubcommandGroup,
          name: 'admin',
          options: [
            {
              type: ApplicationCommandOptionType.Subcommand,
              name: 'set',
              options: [
                { type: ApplicationCommandOptionType.String, name: 'a', value: 'x', focused: false },
                { type: ApplicationCommandOptionType.String, name: 'b', value: 'y', focused: true },
              ],
            },
          ],
        },
      ],
    };
    expect(focusedOption(focused as never)).toEqual({ name: 'b', value: 'y' });
    expect(focusedOption({} as never)).toBeUndefined();
  });
});

describe('custom_id codecs, at the edges', () => {
  it('an int field refuses letters, an id field refuses spaces; exactly 100 characters is allowed', () => {
    const page = customIdCodec('c', 'p', { page: 'int' });
    expect(() => page.encode({ page: 'x' as never })).toThrow(/page/);
    const id = customIdCodec('c', 'k', { a: 'id' });
    expect(() => id.encode({ a: 'a b' })).toThrow(/field a/);
    expect(id.decode('c:k:a b')).toBeUndefined();
    expect(id.decode('d:k:a')).toBeUndefined();
    const full = customIdCodec('c', 'k'.repeat(34), { a: 'id' }); // "c:" + 34 + ":" + 63 = 100
    expect(full.encode({ a: 'y'.repeat(63) })).toHaveLength(100);
    expect(commandOfCustomId('quiz:answer:1:2:3')).toBe('quiz');
  });
});

describe('the router, in detail', () => {
  let services: Services;
  let seen: unknown[];
  const serverOnly = defineCommand({
    data: {
      name: 'game',
      description: 'x',
      name_localizations: { ko: '게임' },
      description_localizations: { ko: 'x' },
      options: [{ type: ApplicationCommandOptionType.String, name: 'q', description: 'q', autocomplete: true }],
    },
    requires: { guild: true },
    async execute(interaction) {
      await interaction.reply({ content: interaction.t.restarting });
    },
    async autocomplete(interaction) {
      seen.push(interaction.focused);
      if (interaction.focused.value === 'boom') throw new Error('boom');
      await interaction.choices([{ name: 'a', value: 'a' }]);
    },
    async component(interaction) {
      seen.push([interaction.customId, interaction.values]);
      await interaction.update({ content: 'clicked' });
    },
  });
  const plain = defineCommand({
    data: { name: 'plain', description: 'x', name_localizations: { ko: 'x' }, description_localizations: { ko: 'x' } },
    async execute() {
      throw new StoreUnavailableError('x get', 'down');
    },
  });
  const registry = new CommandRegistry([serverOnly, plain]);
  const complete = (value: string, name = 'game'): APIInteraction =>
    ({
      ...slash(name, [{ type: ApplicationCommandOptionType.String, name: 'q', value, focused: true }]),
      type: InteractionType.ApplicationCommandAutocomplete,
    }) as APIInteraction;
  const clickOn = (customId: string, where: { guild?: boolean } = {}, values?: string[]): APIInteraction =>
    ({
      ...slash('x', [], where),
      type: InteractionType.MessageComponent,
      message: { id: 'm' },
      data: { custom_id: customId, component_type: values ? 3 : 2, ...(values && { values }) },
    }) as unknown as APIInteraction;

  beforeEach(() => {
    seen = [];
    const { log } = recordingLog();
    Object.assign(log, { isLevelEnabled: () => false, child: () => log });
    services = { log } as unknown as Services;
  });

  it('a click without a custom_id is answered like an unknown command, never thrown', async () => {
    const api = recorder();
    const raw = clickOn('game:x');
    delete (raw.data as { custom_id?: string }).custom_id;
    await expect(routeInteraction(raw, registry, services, api)).resolves.toBeUndefined();
    expect(contentOf(api)).toMatch(/don't know that command/);
    expect(seen).toEqual([]);
  });

  it('a server-only command: refused in a DM, run in a server without any permission', async () => {
    const dm = recorder();
    await routeInteraction(slash('game', [], { guild: false }), registry, services, dm);
    expect(contentOf(dm)).toBe("/game works only in a server: use it in one of your server's channels.");
    const inServer = recorder();
    await routeInteraction(slash('game'), registry, services, inServer);
    expect(contentOf(inServer)).toBe(strings.en.restarting);
  });

  it('the server’s fixed language wins over the reader’s', async () => {
    const api = recorder();
    services.servers = { quickly: async () => ({ language: 'ko' }) } as never;
    await routeInteraction(slash('game', [], { locale: 'en-US' }), registry, services, api);
    expect(contentOf(api)).toBe(strings.ko.restarting);
  });

  it('autocomplete: the focused option to the handler; none for a command without one; none after a failure', async () => {
    const api = recorder();
    await routeInteraction(complete('sy'), registry, services, api);
    expect(seen).toEqual([{ name: 'q', value: 'sy' }]);
    await routeInteraction(complete('sy', 'plain'), registry, services, api);
    await routeInteraction(complete('boom'), registry, services, api);
    expect(api.sent.map((s) => s.body)).toEqual([
      {
        type: InteractionResponseType.ApplicationCommandAutocompleteResult,
        data: { choices: [{ name: 'a', value: 'a' }] },
      },
      { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } },
      { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } },
    ]);
  });

  it('a click goes to the command its custom_id names, with the menu values; refused where the command is not allowed', async () => {
    const api = recorder();
    await routeInteraction(clickOn('game:pick:1', {}, ['a', 'b']), registry, services, api);
    await routeInteraction(clickOn('game:go:1'), registry, services, api);
    expect(seen).toEqual([
      ['game:pick:1', ['a', 'b']],
      ['game:go:1', []],
    ]);
    const dm = recorder();
    await routeInteraction(clickOn('game:go:1', { guild: false }), registry, services, dm);
    expect(contentOf(dm)).toContain('works only in a server');
    const orphan = recorder();
    await routeInteraction(clickOn('plain:x'), registry, services, orphan);
    expect(contentOf(orphan)).toBe(strings.en.unknownCommand);
    expect(seen).toHaveLength(2);
  });

  it('the store down: the reply says so, not "something went wrong"', async () => {
    const api = recorder();
    await routeInteraction(slash('plain'), registry, services, api);
    expect(contentOf(api)).toBe(strings.en.storeUnavailable);
  });

  it('a context-menu command of the same name is not run as the slash command', async () => {
    const api = recorder();
    const raw = slash('game');
    (raw.data as { type: number }).type = ApplicationCommandType.User;
    await routeInteraction(raw, registry, services, api);
    expect(contentOf(api)).toBe(strings.en.unknownCommand);
  });

  it('PING gets nothing from the router; while restarting, commands are told so and autocompletes get no choices', async () => {
    const api = recorder();
    await routeInteraction({ ...slash('game'), type: InteractionType.Ping } as never, registry, services, api);
    await refuseWhileRestarting({ ...slash('game'), type: InteractionType.Ping } as never, api);
    expect(api.sent).toEqual([]);
    await refuseWhileRestarting(slash('game'), api);
    await refuseWhileRestarting(complete('x'), api);
    expect(api.sent.map((s) => s.body)).toEqual([
      {
        type: InteractionResponseType.ChannelMessageWithSource,
        data: { content: strings.en.restarting, flags: 64, allowed_mentions: { parse: [] } },
      },
      { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } },
    ]);
  });
});

function contentOf(api: { sent: Sent[] }): string | undefined {
  return (api.sent[0]?.body as { data?: { content?: string } }).data?.content;
}
