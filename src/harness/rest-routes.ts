/** REST routes of the fake: gateway discovery, users, application, commands, channels, guilds. */
import {
  ChannelType,
  MessageType,
  PermissionFlagsBits as P,
  type APIApplication,
  type APIGatewaySessionStartLimit,
  type ApplicationFlags,
  type RESTGetAPIGatewayBotResult,
} from 'discord-api-types/v10';
import { InvalidFormBody, isObject } from './commands.js';
import { applyMentions } from './mentions.js';
import { checkMessageBody, createMessage, editMessage } from './messages.js';
import { botMay } from './rest-threads.js';
import { error, json, type RouteAnswer, type RouteContext, type Router } from './rest-router.js';
import { recommendedShards } from './sharding.js';
import type { World } from './world.js';

export interface CoreEnv {
  world: World;
  gatewayUrl: () => string;
  sessionStartLimit: () => APIGatewaySessionStartLimit;
}

export function addCoreRoutes(router: Router, { world, gatewayUrl, sessionStartLimit }: CoreEnv): void {
  const gateway = (): RouteAnswer => {
    const result: RESTGetAPIGatewayBotResult = {
      url: gatewayUrl(),
      shards: recommendedShards(world.guildCount),
      session_start_limit: sessionStartLimit(),
    };
    return json(200, result);
  };
  router.add('GET', '/gateway/bot', gateway);
  router.add('GET', '/gateway', () => json(200, { url: gatewayUrl() }), { auth: false });

  router.add('GET', '/users/@me', () => json(200, world.botUser));
  router.add('GET', '/applications/@me', () => json(200, application(world)));
  router.add('GET', '/oauth2/applications/@me', () => json(200, application(world)));

  // Application commands: global (':guild' absent) and per guild.
  const scope = (ctx: RouteContext): { guildId?: string; fail?: RouteAnswer } => {
    if (ctx.params.app !== world.applicationId) return { fail: error(404, 10002, 'Unknown Application') };
    const guildId = ctx.params.guild;
    if (guildId !== undefined && !world.guild(guildId)) return { fail: error(403, 50001, 'Missing Access') };
    return guildId === undefined ? {} : { guildId };
  };
  const withScope =
    (fn: (ctx: RouteContext, guildId: string | undefined) => RouteAnswer) =>
    (ctx: RouteContext): RouteAnswer => {
      const s = scope(ctx);
      if (s.fail) return s.fail;
      try {
        return fn(ctx, s.guildId);
      } catch (e) {
        if (e instanceof InvalidFormBody) return error(400, 50035, 'Invalid Form Body', e.errors);
        throw e;
      }
    };
  const unknownCommand = error(404, 10063, 'Unknown application command');
  for (const base of ['/applications/:app/commands', '/applications/:app/guilds/:guild/commands']) {
    router.add(
      'GET',
      base,
      withScope((_ctx, g) => json(200, world.commands.list(g))),
    );
    router.add(
      'PUT',
      base,
      withScope((ctx, g) => json(200, world.commands.replace(ctx.body, g))),
    );
    router.add(
      'POST',
      base,
      withScope((ctx, g) => {
        const { command, created } = world.commands.upsert(ctx.body, g);
        return json(created ? 201 : 200, command);
      }),
    );
    router.add(
      'GET',
      `${base}/:command`,
      withScope((ctx, g) => found(world.commands.get(ctx.params.command!, g), unknownCommand)),
    );
    router.add(
      'PATCH',
      `${base}/:command`,
      withScope((ctx, g) => found(world.commands.edit(ctx.params.command!, ctx.body, g), unknownCommand)),
    );
    router.add(
      'DELETE',
      `${base}/:command`,
      withScope((ctx, g) => (world.commands.delete(ctx.params.command!, g) ? json(204) : unknownCommand)),
    );
  }

  // Channels and the bot's messages in them.
  const unknownChannel = error(404, 10003, 'Unknown Channel');
  const unknownMessage = error(404, 10008, 'Unknown Message');
  router.add('GET', '/channels/:channel', (ctx) => {
    const ch = world.channel(ctx.params.channel!);
    if (ch) return json(200, world.apiChannel(ch));
    const thread = world.threads.get(ctx.params.channel!);
    return thread && world.channel(thread.parentId) ? json(200, world.apiThread(thread)) : unknownChannel;
  });
  router.add('GET', '/channels/:channel/messages', (ctx) => {
    if (!world.channel(ctx.params.channel!) && !world.threads.get(ctx.params.channel!)) return unknownChannel;
    const limit = Math.min(100, Number(ctx.query.get('limit') ?? 50) || 50);
    return json(200, [...(world.channelPosts.get(ctx.params.channel!) ?? [])].reverse().slice(0, limit));
  });
  router.add('POST', '/channels/:channel/messages', (ctx) => {
    // A thread the bot opened is a channel of its own, with its parent's permissions.
    const thread = world.threads.get(ctx.params.channel!);
    const ch = world.channel(thread ? thread.parentId : ctx.params.channel!);
    if (!ch) return unknownChannel;
    if (!botMay(world, ch, P.ViewChannel)) return error(403, 50001, 'Missing Access');
    if (!thread && ch.type === ChannelType.GuildForum)
      return error(400, 50008, 'Cannot send messages in a non-text channel');
    if (!botMay(world, ch, thread ? P.SendMessagesInThreads : P.SendMessages))
      return error(403, 50013, 'Missing Permissions');
    const target = thread?.id ?? ch.id;
    const body = isObject(ctx.body) ? ctx.body : {};
    const problem = checkMessageBody(body, ctx.files, true);
    if (problem) return error(problem.status, problem.code, problem.message, problem.errors);
    // Like Discord: with enforce_nonce, a nonce seen in the last few minutes returns the first message again.
    const nonce =
      body.enforce_nonce === true && (typeof body.nonce === 'string' || typeof body.nonce === 'number')
        ? String(body.nonce)
        : undefined;
    const earlier = nonce ? world.messageByNonce(target, nonce) : undefined;
    if (earlier) return json(200, earlier);
    const message = createMessage(world.ids, {
      id: world.ids.next(),
      channelId: target,
      author: world.botUser,
      body,
      files: ctx.files,
      type: isObject(body.message_reference) ? MessageType.Reply : MessageType.Default,
    });
    if (isObject(body.message_reference))
      message.message_reference = { ...(body.message_reference as object), channel_id: target, guild_id: ch.guildId };
    const guild = world.guild(ch.guildId);
    if (guild) applyMentions(world, guild, world.botPermissionsIn(ch), body, message);
    if (nonce) world.rememberNonce(target, nonce, message);
    return json(200, world.storeMessage(message, true));
  });
  const channelMessage = (ctx: RouteContext) => {
    const m = world.messages.get(ctx.params.message!);
    return m && m.channel_id === ctx.params.channel ? m : undefined;
  };
  router.add('GET', '/channels/:channel/messages/:message', (ctx) => found(channelMessage(ctx), unknownMessage));
  router.add('PATCH', '/channels/:channel/messages/:message', (ctx) => {
    const m = channelMessage(ctx);
    if (!m) return world.channel(ctx.params.channel!) ? unknownMessage : unknownChannel;
    const body = isObject(ctx.body) ? ctx.body : {};
    const problem = checkMessageBody(body, ctx.files, false);
    if (problem) return error(problem.status, problem.code, problem.message, problem.errors);
    return json(200, editMessage(world.ids, m, body, ctx.files));
  });
  router.add('DELETE', '/channels/:channel/messages/:message', (ctx) => {
    const m = channelMessage(ctx);
    return m && world.deleteMessage(m.id) ? json(204) : unknownMessage;
  });

  // Guilds (read-only).
  router.add('GET', '/guilds/:guild', (ctx) => {
    const g = world.guild(ctx.params.guild!);
    if (!g) return error(404, 10004, 'Unknown Guild');
    const {
      channels: _c,
      members: _m,
      voice_states: _v,
      threads: _t,
      presences: _p,
      joined_at: _j,
      large: _l,
      member_count: _mc,
      unavailable: _u,
      stage_instances: _s,
      guild_scheduled_events: _e,
      soundboard_sounds: _ss,
      ...guild
    } = world.apiGuild(g);
    return json(200, guild);
  });
  router.add('GET', '/guilds/:guild/channels', (ctx) => {
    const g = world.guild(ctx.params.guild!);
    return g
      ? json(
          200,
          g.channels.map((c) => world.apiChannel(c)),
        )
      : error(404, 10004, 'Unknown Guild');
  });
}

function found(value: object | undefined, otherwise: RouteAnswer): RouteAnswer {
  return value ? json(200, value) : otherwise;
}

function application(world: World): APIApplication {
  return {
    id: world.applicationId,
    name: world.botUser.username,
    icon: null,
    description: 'Fake application of the attache test harness',
    bot_public: true,
    bot_require_code_grant: false,
    bot: world.botUser,
    summary: '',
    verify_key: '0'.repeat(64),
    team: null,
    flags: 0 as ApplicationFlags,
    flags_new: '0',
    owner: world.defaultUser,
    approximate_guild_count: world.guildCount,
    interactions_endpoint_url: null,
  };
}
