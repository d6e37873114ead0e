/** INTERACTION_CREATE payloads (slash command, autocomplete, button) and the actors who send them. */
import { randomBytes } from 'node:crypto';
import {
  ApplicationCommandType,
  ChannelType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataOption,
  type APIChatInputApplicationCommandInteraction,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIMessageComponentButtonInteraction,
  type APIUser,
} from 'discord-api-types/v10';
import type { ParseContext, ParsedCommand } from './command-line.js';
import { MEMBER_PERMISSIONS, botChannelPermissions, permissionsToString } from './permissions.js';
import type { ActorSpec, FakeChannel, FakeGuild } from './types.js';
import type { World } from './world.js';

/** An ActorSpec with every default filled in and checked against the world. */
export interface Actor {
  user: APIUser;
  guild: FakeGuild;
  channel: FakeChannel;
  locale: Locale;
  /** Member permissions, decimal string. */
  permissions: string;
}

export function resolveActor(world: World, spec: ActorSpec = {}): Actor {
  const guild =
    spec.guildId === undefined
      ? spec.channelId === undefined
        ? world.defaultGuild
        : world.guild(world.channel(spec.channelId)?.guildId ?? '')
      : world.guild(spec.guildId);
  if (!guild)
    throw new Error(
      `Unknown guild ${spec.guildId ?? `of channel ${spec.channelId}`}; known: ${world.guilds.map((g) => g.id).join(', ')}`,
    );
  const channel =
    spec.channelId === undefined ? guild.channels[0] : guild.channels.find((c) => c.id === spec.channelId);
  if (!channel)
    throw new Error(
      `Unknown channel ${spec.channelId ?? '(none)'} in guild ${guild.id}; known: ${guild.channels.map((c) => c.id).join(', ')}`,
    );
  const userId = spec.userId ?? world.defaultUser.id;
  const user = world.userFor(userId, spec.username, spec.globalName);
  return {
    user,
    guild,
    channel,
    locale: (spec.locale ?? Locale.EnglishUS) as Locale,
    permissions: permissionsToString(spec.permissions, MEMBER_PERMISSIONS),
  };
}

/** Resolves mentions in command lines against the world, as seen by the actor. */
export function actorParseContext(world: World, actor: Actor): ParseContext {
  return {
    channel(ref) {
      const byName = ref.replace(/^#/, '');
      const ch = world.channel(ref) ?? world.channelByName(actor.guild.id, byName);
      if (!ch) return undefined;
      return { id: ch.id, name: ch.name, type: ChannelType.GuildText, permissions: actor.permissions };
    },
    user(id) {
      const user = id === world.botUser.id ? world.botUser : world.userFor(id);
      const { user: _u, ...member } = world.member(user);
      const permissions = id === actor.user.id ? actor.permissions : MEMBER_PERMISSIONS.toString();
      return { user, member: { ...member, permissions } };
    },
    role(id) {
      return id === actor.guild.id
        ? world.everyoneRole(actor.guild)
        : { ...world.everyoneRole(actor.guild), id, name: `role-${id.slice(-4)}`, position: 1, permissions: '0' };
    },
  };
}

export function interactionToken(id: string): string {
  return Buffer.from(`interaction:${id}:${randomBytes(48).toString('base64url')}`).toString('base64url');
}

function base(world: World, actor: Actor, id: string) {
  const member: APIInteractionGuildMember = { ...world.member(actor.user), permissions: actor.permissions };
  return {
    id,
    application_id: world.applicationId,
    token: interactionToken(id),
    version: 1 as const,
    guild_id: actor.guild.id,
    guild: { id: actor.guild.id, locale: Locale.EnglishUS, features: [] },
    channel_id: actor.channel.id,
    channel: world.apiChannel(actor.channel),
    member,
    locale: actor.locale,
    guild_locale: Locale.EnglishUS,
    app_permissions: botChannelPermissions(actor.channel.botCanPost).toString(),
    entitlements: [],
    authorizing_integration_owners: { '0': actor.guild.id },
    context: InteractionContextType.Guild,
    attachment_size_limit: 10 * 1024 * 1024,
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
