// The fake's forum posts, threads, roles and mentions, through @discordjs/rest as the bot uses them: what Discord
// checks (channel type, permissions, tags, one thread per message) and what a strict Discord refuses.
import { DiscordAPIError, REST } from '@discordjs/rest';
import { ChannelType, PermissionFlagsBits as P, Routes, type APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../../src/harness/index.js';

const ids = { guild: '930000000000000001', text: '931000000000000001', forum: '931000000000000002' };
const strictForum = '931000000000000003';
const noThreads = '931000000000000004';
const role = '932000000000000001';
const quietRole = '932000000000000002';
let discord: FakeDiscord;
let rest: REST;

beforeAll(async () => {
  discord = await FakeDiscord.start({
    guilds: [
      {
        id: ids.guild,
        roles: [
          { id: role, name: 'Diplomacy' },
          { id: quietRole, name: 'Quiet', mentionable: false },
        ],
        channels: [
          { id: ids.text, name: 'general' },
          { id: ids.forum, name: 'briefings', type: ChannelType.GuildForum, tags: [{ id: '933', name: 'News' }] },
          { id: strictForum, name: 'strict', type: ChannelType.GuildForum, requireTag: true },
          { id: noThreads, name: 'no-threads', botDenied: P.CreatePublicThreads },
        ],
      },
    ],
  });
  rest = new REST({ api: discord.apiUrl, retries: 0 }).setToken(discord.token);
});
afterAll(() => discord?.close());

const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DiscordAPIError) return { status: error.status, code: error.code };
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('forum channels', () => {
  it('lists type 15 with its tags and flags', async () => {
    const forum = (await rest.get(Routes.channel(ids.forum))) as { type: number; available_tags: { name: string }[] };
    expect(forum.type).toBe(ChannelType.GuildForum);
    expect(forum.available_tags.map((tag) => tag.name)).toEqual(['News']);
    const strict = (await rest.get(Routes.channel(strictForum))) as { flags: number };
    expect(strict.flags & (1 << 4)).toBe(1 << 4);
  });

  it('opens a post with its first message and tags; the message lives in the thread', async () => {
    const post = (await rest.post(Routes.threads(ids.forum), {
      body: { name: 'A post', applied_tags: ['933'], message: { content: 'hello', allowed_mentions: { parse: [] } } },
    })) as { id: string; parent_id: string; applied_tags: string[]; message: APIMessage };
    expect(post).toMatchObject({ parent_id: ids.forum, applied_tags: ['933'] });
    expect(post.message.id).toBe(post.id);
    expect(post.message.channel_id).toBe(post.id);
    expect(discord.threads(ids.forum).map((t) => t.name)).toEqual(['A post']);
    expect(discord.channelMessages(post.id).map((m) => m.content)).toEqual(['hello']);
  });

  it('refuses a plain message, an unknown tag, a post without a tag where one is required, and a long name', async () => {
    expect(await refusal(rest.post(Routes.channelMessages(ids.forum), { body: { content: 'x' } }))).toEqual({
      status: 400,
      code: 50008,
    });
    const post = (body: object, channel = ids.forum) => rest.post(Routes.threads(channel), { body });
    expect(await refusal(post({ name: 'x', applied_tags: ['999'], message: { content: 'x' } }))).toMatchObject({
      status: 400,
    });
    expect(await refusal(post({ name: 'x', message: { content: 'x' } }, strictForum))).toEqual({
      status: 400,
      code: 40067,
    });
    expect(await refusal(post({ name: 'x'.repeat(101), message: { content: 'x' } }))).toEqual({
      status: 400,
      code: 50035,
    });
    discord.clearViolations();
  });

  it('answers 403 without Send Messages (Create Posts), and 404 for a deleted forum', async () => {
    discord.setChannel(ids.forum, { botCanPost: false });
    const body = { name: 'x', message: { content: 'x' } };
    expect(await refusal(rest.post(Routes.threads(ids.forum), { body }))).toEqual({ status: 403, code: 50013 });
    discord.setChannel(ids.forum, { botCanPost: true });
    expect(await refusal(rest.post(Routes.threads('931000000000000099'), { body }))).toEqual({
      status: 404,
      code: 10003,
    });
  });
});

describe('threads from messages', () => {
  it('opens one thread per message, with the message id, and refuses a second', async () => {
    const message = (await rest.post(Routes.channelMessages(ids.text), { body: { content: 'start' } })) as APIMessage;
    const thread = (await rest.post(Routes.threads(ids.text, message.id), { body: { name: 'Talk' } })) as {
      id: string;
      type: number;
    };
    expect(thread).toMatchObject({ id: message.id, type: ChannelType.PublicThread });
    expect(await refusal(rest.post(Routes.threads(ids.text, message.id), { body: { name: 'Again' } }))).toEqual({
      status: 400,
      code: 160004,
    });
    await rest.post(Routes.channelMessages(thread.id), { body: { content: 'in the thread' } });
    expect(discord.channelMessages(thread.id).map((m) => m.content)).toEqual(['in the thread']);
  });

  it('answers 403 without Create Public Threads, and 404 for an unknown message', async () => {
    const message = (await rest.post(Routes.channelMessages(noThreads), { body: { content: 'x' } })) as APIMessage;
    expect(await refusal(rest.post(Routes.threads(noThreads, message.id), { body: { name: 'x' } }))).toEqual({
      status: 403,
      code: 50013,
    });
    expect(await refusal(rest.post(Routes.threads(ids.text, '1'), { body: { name: 'x' } }))).toEqual({
      status: 404,
      code: 10008,
    });
    const channel = (await rest.get(Routes.channel(noThreads))) as { permission_overwrites: { deny: string }[] };
    expect(BigInt(channel.permission_overwrites[0]!.deny) & P.CreatePublicThreads).toBe(P.CreatePublicThreads);
  });
});

describe('roles and mentions', () => {
  it('lists roles and the bot as a member', async () => {
    const roles = (await rest.get(Routes.guildRoles(ids.guild))) as { id: string; name: string }[];
    expect(roles.map((r) => r.name)).toEqual(['@everyone', 'Diplomacy', 'Quiet']);
    const member = (await rest.get(Routes.guildMember(ids.guild, discord.applicationId))) as { roles: string[] };
    expect(member.roles).toEqual([]);
  });

  it('pings a role only when allowed_mentions allows it, and a role that is not mentionable not at all', async () => {
    const send = async (content: string, allowed_mentions?: object) =>
      (await rest.post(Routes.channelMessages(ids.text), {
        body: { content, ...(allowed_mentions && { allowed_mentions }) },
      })) as APIMessage;
    expect((await send(`<@&${role}>`, { parse: [] })).mention_roles).toEqual([]);
    expect((await send(`<@&${role}>`, { parse: [], roles: [role] })).mention_roles).toEqual([role]);
    const both = `<@&${role}> <@&${quietRole}>`;
    // Discord's default @everyone permissions include Mention @everyone, @here and All Roles; without it only
    // mentionable roles ping.
    expect((await send(both, { parse: ['roles'] })).mention_roles).toEqual([role, quietRole]);
    discord.setChannel(ids.text, { botDenied: P.MentionEveryone });
    expect((await send(both, { parse: ['roles'] })).mention_roles).toEqual([role]);
    discord.setChannel(ids.text, { botDenied: 0n });
    expect((await send('@everyone', { parse: [] })).mention_everyone).toBe(false);
    expect((await send('@everyone', { parse: ['everyone'] })).mention_everyone).toBe(true);
  });
});
