/**
 * REST routes of the fake for threads and what a bot reads to work out its permissions: forum posts (POST
 * /channels/:forum/threads), threads started from a message, active threads, a server's roles and members. Each
 * checks what Discord checks: the channel and message exist, the channel type fits, the bot has the permission.
 */
import { ChannelType, MessageType, PermissionFlagsBits as P } from 'discord-api-types/v10';
import { isObject } from './commands.js';
import { applyMentions } from './mentions.js';
import { checkMessageBody, createMessage } from './messages.js';
import { error, json, type RouteAnswer, type Router } from './rest-router.js';
import type { FakeChannel } from './types.js';
import type { FakeThread, World } from './world.js';

const unknownChannel = error(404, 10003, 'Unknown Channel');
const unknownMessage = error(404, 10008, 'Unknown Message');
const missingPermissions = error(403, 50013, 'Missing Permissions');
const missingAccess = error(403, 50001, 'Missing Access');
const wrongChannelType = error(400, 50024, 'Cannot execute action on this channel type');

/** Whether the bot has every one of these permissions in the channel (Administrator is never granted to it here). */
export function botMay(world: World, ch: FakeChannel, bits: bigint): boolean {
  return (world.botPermissionsIn(ch) & bits) === bits;
}

export function addThreadRoutes(router: Router, world: World): void {
  const name = (body: Record<string, unknown>): RouteAnswer | string => {
    const value = typeof body.name === 'string' ? body.name.trim() : '';
    if (value.length < 1 || value.length > 100)
      return error(400, 50035, 'Invalid Form Body', {
        name: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' }] },
      });
    return value;
  };
  const archive = (body: Record<string, unknown>) =>
    typeof body.auto_archive_duration === 'number' ? body.auto_archive_duration : 4320;

  // Start Thread in Forum Channel (a forum post with its first message), or Start Thread without Message.
  router.add('POST', '/channels/:channel/threads', (ctx) => {
    const ch = world.channel(ctx.params.channel!);
    if (!ch) return unknownChannel;
    if (!botMay(world, ch, P.ViewChannel)) return missingAccess;
    const body = isObject(ctx.body) ? ctx.body : {};
    const threadName = name(body);
    if (typeof threadName !== 'string') return threadName;
    if (ch.type !== ChannelType.GuildForum) {
      // Without a message: a thread of its own in a text channel. The fake opens public ones only.
      const type = body.type ?? ChannelType.PrivateThread;
      if (type !== ChannelType.PublicThread) return error(400, 0, 'The fake opens only public threads here');
      if (!botMay(world, ch, P.CreatePublicThreads)) return missingPermissions;
      const thread = world.threads.add(newThread(world, ch, world.ids.next(), threadName, [], archive(body)));
      return json(201, world.apiThread(thread));
    }
    // "Create Posts" in a forum is the Send Messages permission.
    if (!botMay(world, ch, P.SendMessages)) return missingPermissions;
    if (!isObject(body.message))
      return error(400, 50035, 'Invalid Form Body', {
        message: { _errors: [{ code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }] },
      });
    const tags = Array.isArray(body.applied_tags) ? body.applied_tags.map(String) : [];
    const unknownTag = tags.find((id) => !ch.tags.some((tag) => tag.id === id));
    if (unknownTag !== undefined)
      return error(400, 50035, 'Invalid Form Body', {
        applied_tags: { _errors: [{ code: 'BASE_TYPE_CHOICES', message: `Unknown tag ${unknownTag}` }] },
      });
    if (ch.requireTag && tags.length === 0)
      return error(400, 40067, 'A tag is required to create a forum post in this channel');
    const problem = checkMessageBody(body.message, ctx.files, true);
    if (problem) return error(problem.status, problem.code, problem.message, problem.errors);
    // The post and its first message share one id.
    const id = world.ids.next();
    const thread = world.threads.add(newThread(world, ch, id, threadName, tags, archive(body)));
    const message = threadMessage(world, ch, thread.id, id, body.message);
    return json(201, { ...world.apiThread(thread), message });
  });

  // Start Thread from Message: the thread takes the message's id, so a message has at most one.
  router.add('POST', '/channels/:channel/messages/:message/threads', (ctx) => {
    const ch = world.channel(ctx.params.channel!);
    if (!ch) return unknownChannel;
    if (!botMay(world, ch, P.ViewChannel)) return missingAccess;
    if (ch.type === ChannelType.GuildForum) return wrongChannelType;
    const message = world.messages.get(ctx.params.message!);
    if (!message || message.channel_id !== ch.id) return unknownMessage;
    if (!botMay(world, ch, P.CreatePublicThreads)) return missingPermissions;
    if (world.threads.get(message.id)) return error(400, 160004, 'A thread has already been created for this message');
    const body = isObject(ctx.body) ? ctx.body : {};
    const threadName = name(body);
    if (typeof threadName !== 'string') return threadName;
    const thread = world.threads.add(newThread(world, ch, message.id, threadName, [], archive(body)));
    return json(201, world.apiThread(thread));
  });

  router.add('GET', '/guilds/:guild/threads/active', (ctx) => {
    const guild = world.guild(ctx.params.guild!);
    if (!guild) return error(404, 10004, 'Unknown Guild');
    const threads = world.threads.list().filter((t) => t.guildId === guild.id);
    return json(200, { threads: threads.map((t) => world.apiThread(t)), members: [] });
  });

  router.add('GET', '/guilds/:guild/roles', (ctx) => {
    const guild = world.guild(ctx.params.guild!);
    return guild ? json(200, world.roles(guild)) : error(404, 10004, 'Unknown Guild');
  });

  router.add('GET', '/guilds/:guild/members/:user', (ctx) => {
    const guild = world.guild(ctx.params.guild!);
    if (!guild) return error(404, 10004, 'Unknown Guild');
    const id = ctx.params.user!;
    const known = id === world.botUser.id ? world.botUser : world.users.get(id);
    return known ? json(200, world.member(known)) : error(404, 10007, 'Unknown Member');
  });
}

function newThread(
  world: World,
  parent: FakeChannel,
  id: string,
  name: string,
  appliedTags: string[],
  autoArchiveDuration: number,
): FakeThread {
  return {
    id,
    parentId: parent.id,
    guildId: parent.guildId,
    name,
    type: parent.type === ChannelType.GuildAnnouncement ? ChannelType.AnnouncementThread : ChannelType.PublicThread,
    ownerId: world.botUser.id,
    appliedTags,
    autoArchiveDuration,
    createdAt: new Date().toISOString(),
  };
}

/** A message of the bot in a thread, kept with the thread's posts (channelMessages(threadId)). */
export function threadMessage(
  world: World,
  parent: FakeChannel,
  threadId: string,
  id: string,
  body: Record<string, unknown>,
) {
  const message = createMessage(world.ids, {
    id,
    channelId: threadId,
    author: world.botUser,
    body,
    type: MessageType.Default,
  });
  const guild = world.guild(parent.guildId);
  if (guild) applyMentions(world, guild, world.botPermissionsIn(parent), body, message);
  return world.storeMessage(message, true);
}
