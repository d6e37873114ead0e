/** INTERACTION_CREATE payloads (slash command, autocomplete, button) and the actors who send them. */
import { randomBytes } from 'node:crypto';
import {
  ApplicationCommandType,
  ChannelType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
  type APIApplicationCommand,
  type APIApplicationCommandAutocompleteInteraction,
  type APIAuthorizingIntegrationOwnersMap,
  type APIDMChannel,
  type ChannelFlags,
  type APIApplicationCommandInteractionDataOption,
  type APIChatInputApplicationCommandInteraction,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIMessageComponentButtonInteraction,
  type APIMessageComponentSelectMenuInteraction,
  type APIUser,
} from 'discord-api-types/v10';
import type { ParseContext, ParsedCommand } from './command-line.js';
import { MEMBER_PERMISSIONS, botChannelPermissions, permissionsToString } from './permissions.js';
import type { ActorSpec, FakeChannel, FakeGuild } from './types.js';
import type { World } from './world.js';

interface ActorBase {
  user: APIUser;
  locale: Locale;
  /** Member permissions, decimal string. */
  permissions: string;
}

/** A member acting in a server's channel. */
export interface GuildActor extends ActorBase {
  dm: false;
  guild: FakeGuild;
  channel: FakeChannel;
}

/** A user acting in their DM with the bot: no server, no member. */
export interface DmActor extends ActorBase {
  dm: true;
  /** The bot's DM channel with the user. */
  channelId: string;
}

/** An ActorSpec with every default filled in and checked against the world. */
export type Actor = GuildActor | DmActor;

export function resolveActor(world: World, spec: ActorSpec = {}): Actor {
  const locale = (spec.locale ?? Locale.EnglishUS) as Locale;
  const permissions = permissionsToString(spec.permissions, MEMBER_PERMISSIONS);
  const dmUserId = spec.channelId === undefined ? undefined : world.dmUserId(spec.channelId);
  if (spec.dm || dmUserId !== undefined) {
    if (spec.guildId !== undefined) throw new Error(`A DM has no guild (got guildId ${spec.guildId})`);
    if (spec.channelId !== undefined && dmUserId === undefined)
      throw new Error(`Channel ${spec.channelId} is not a DM channel with the bot`);
    const userId = spec.userId ?? dmUserId ?? world.defaultUser.id;
    if (dmUserId !== undefined && dmUserId !== userId)
      throw new Error(`User ${userId} cannot act in the DM channel ${spec.channelId} of user ${dmUserId}`);
    const user = world.userFor(userId, spec.username, spec.globalName);
    return { dm: true, user, channelId: world.dmChannelId(user.id), locale, permissions };
  }
  const guild =
    spec.guildId === undefined
      ? spec.channelId === undefined
        ? world.defaultGuild
        : world.guild(world.channel(spec.channelId)?.guildId ?? '')
      : world.guild(spec.guildId);
  if (!guild) {
    const known = Array.from({ length: Math.min(world.guildCount, 10) }, (_, i) => world.guildAt(i).id);
    throw new Error(
      `Unknown guild ${spec.guildId ?? `of channel ${spec.channelId}`}; known: ${known.join(', ')}${world.guildCount > 10 ? ` and ${world.guildCount - 10} more` : ''}`,
    );
  }
  const channel =
    spec.channelId === undefined ? guild.channels[0] : guild.channels.find((c) => c.id === spec.channelId);
  if (!channel)
    throw new Error(
      `Unknown channel ${spec.channelId ?? '(none)'} in guild ${guild.id}; known: ${guild.channels.map((c) => c.id).join(', ')}`,
    );
  const userId = spec.userId ?? world.defaultUser.id;
  const user = world.userFor(userId, spec.username, spec.globalName);
  return { dm: false, user, guild, channel, locale, permissions };
}

/** Whether Discord offers a command in the bot's DMs: a global one whose contexts (or dm_permission) allow it. */
export function offeredInDm(command: APIApplicationCommand): boolean {
  if (command.guild_id !== undefined) return false;
  return command.contexts ? command.contexts.includes(InteractionContextType.BotDM) : command.dm_permission !== false;
}

/** Resolves mentions in command lines against the world, as seen by the actor. */
export function actorParseContext(world: World, actor: Actor): ParseContext {
  return {
    channel(ref) {
      const byName = ref.replace(/^#/, '');
      const ch = world.channel(ref) ?? (actor.dm ? undefined : world.channelByName(actor.guild.id, byName));
      if (!ch) return undefined;
      return { id: ch.id, name: ch.name, type: ch.type, permissions: actor.permissions };
    },
    user(id) {
      const user = id === world.botUser.id ? world.botUser : world.userFor(id);
      if (actor.dm) return { user }; // no members outside a server
      const { user: _u, ...member } = world.member(user);
      const permissions = id === actor.user.id ? actor.permissions : MEMBER_PERMISSIONS.toString();
      return { user, member: { ...member, permissions } };
    },
    role(id) {
      if (actor.dm) return undefined; // no roles outside a server
      const known = world.roles(actor.guild).find((role) => role.id === id);
      return (
        known ?? { ...world.everyoneRole(actor.guild), id, name: `role-${id.slice(-4)}`, position: 1, permissions: '0' }
      );
    },
  };
}

export function interactionToken(id: string): string {
  return Buffer.from(`interaction:${id}:${randomBytes(48).toString('base64url')}`).toString('base64url');
}

function base(world: World, actor: Actor, id: string) {
  const common = {
    id,
    application_id: world.applicationId,
    token: interactionToken(id),
    version: 1 as const,
    locale: actor.locale,
    entitlements: [],
    attachment_size_limit: 10 * 1024 * 1024,
  };
  if (actor.dm) {
    const channel: APIDMChannel = {
      id: actor.channelId,
      type: ChannelType.DM,
      name: null,
      last_message_id: null,
      flags: 0 as ChannelFlags,
      recipients: [actor.user],
    };
    return {
      ...common,
      channel_id: actor.channelId,
      channel,
      user: actor.user,
      app_permissions: botChannelPermissions(true).toString(),
      // A guild-installed app in its bot DM: the owner is "0" (no server).
      authorizing_integration_owners: { '0': '0' } as APIAuthorizingIntegrationOwnersMap,
      context: InteractionContextType.BotDM,
    };
  }
  const member: APIInteractionGuildMember = { ...world.member(actor.user), permissions: actor.permissions };
  return {
    ...common,
    guild_id: actor.guild.id,
    guild: { id: actor.guild.id, locale: Locale.EnglishUS, features: [] },
    channel_id: actor.channel.id,
    channel: world.apiChannel(actor.channel),
    member,
    guild_locale: Locale.EnglishUS,
    app_permissions: world.botPermissionsIn(actor.channel).toString(),
    authorizing_integration_owners: { '0': actor.guild.id } as APIAuthorizingIntegrationOwnersMap,
    context: InteractionContextType.Guild,
  };
}

export function commandInteraction(
  world: World,
  actor: Actor,
  parsed: ParsedCommand,
): APIChatInputApplicationCommandInteraction {
  const payload: APIChatInputApplicationCommandInteraction = {
    ...base(world, actor, world.ids.next()),
    type: InteractionType.ApplicationCommand,
    data: {
      id: parsed.command.id,
      name: parsed.command.name,
      type: ApplicationCommandType.ChatInput,
      options: parsed.options as unknown as APIApplicationCommandInteractionDataOption[],
    },
  };
  if (parsed.command.guild_id) payload.data.guild_id = parsed.command.guild_id;
  if (parsed.resolved) payload.data.resolved = parsed.resolved;
  return payload;
}

export function autocompleteInteraction(
  world: World,
  actor: Actor,
  parsed: ParsedCommand,
): APIApplicationCommandAutocompleteInteraction {
  const payload: APIApplicationCommandAutocompleteInteraction = {
    ...base(world, actor, world.ids.next()),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      id: parsed.command.id,
      name: parsed.command.name,
      type: ApplicationCommandType.ChatInput,
      options:
        parsed.options as unknown as APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommandAutocomplete>[],
    },
  };
  if (parsed.command.guild_id) payload.data.guild_id = parsed.command.guild_id;
  return payload;
}

export function buttonInteraction(
  world: World,
  actor: Actor,
  message: APIMessage,
  customId: string,
): APIMessageComponentButtonInteraction {
  return {
    ...base(world, actor, world.ids.next()),
    type: InteractionType.MessageComponent,
    message: structuredClone(message),
    data: { custom_id: customId, component_type: ComponentType.Button },
  };
}

export function stringSelectInteraction(
  world: World,
  actor: Actor,
  message: APIMessage,
  customId: string,
  values: string[],
): APIMessageComponentSelectMenuInteraction {
  return {
    ...base(world, actor, world.ids.next()),
    type: InteractionType.MessageComponent,
    message: structuredClone(message),
    data: { custom_id: customId, component_type: ComponentType.StringSelect, values },
  };
}
