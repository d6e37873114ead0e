// What the bot may do in a channel, worked out as Discord does, from the channel's overwrites, the server's roles and
// the bot's own roles. The bot keeps no caches, so it asks: three GETs, made only when /daily set checks a channel or
// a post was refused and the history should say which permission to grant.
import { DiscordAPIError, type REST } from '@discordjs/rest';
import {
  ChannelType,
  OverwriteType,
  PermissionFlagsBits as P,
  Routes,
  type APIGuildMember,
  type APIOverwrite,
  type APIRole,
} from 'discord-api-types/v10';
import type { Delivery, PermissionName } from '../news/daily.js';

/** The channel as the daily post needs to know it. */
export interface ChannelFacts {
  id: string;
  type: ChannelType;
  tags: { id: string; name: string }[];
  /** A forum whose every post must carry a tag (channel flag REQUIRE_TAG). */
  requireTag: boolean;
  permissions: bigint;
}

export type ChannelAccess = { kind: 'ok'; channel: ChannelFacts } | { kind: 'missing' } | { kind: 'hidden' };

const allPermissions = Object.values(P).reduce((all, bit) => all | bit, 0n);
const requireTagFlag = 1 << 4;

/** Discord's order: @everyone and the member's roles; Administrator is everything; then @everyone's, the roles' and the member's overwrites. */
export function permissionsIn(
  guildId: string,
  roles: readonly APIRole[],
  member: { id: string; roles: readonly string[] },
  overwrites: readonly APIOverwrite[],
): bigint {
  let base = BigInt(roles.find((role) => role.id === guildId)?.permissions ?? '0');
  for (const role of roles) if (member.roles.includes(role.id)) base |= BigInt(role.permissions);
  if (base & P.Administrator) return allPermissions;
  const apply = (value: bigint, overwrite: APIOverwrite | undefined) =>
    overwrite ? (value & ~BigInt(overwrite.deny)) | BigInt(overwrite.allow) : value;
  let permissions = apply(
    base,
    overwrites.find((o) => o.id === guildId),
  );
  let allow = 0n;
  let deny = 0n;
  for (const o of overwrites) {
    if (o.type !== OverwriteType.Role || o.id === guildId || !member.roles.includes(o.id)) continue;
    allow |= BigInt(o.allow);
    deny |= BigInt(o.deny);
  }
  permissions = (permissions & ~deny) | allow;
  return apply(
    permissions,
    overwrites.find((o) => o.type === OverwriteType.Member && o.id === member.id),
  );
}

/** Reads the channel, the server's roles and the bot's membership, and works out the bot's permissions there. */
export async function channelAccess(
  rest: REST,
  guildId: string,
  channelId: string,
  botUserId: string,
): Promise<ChannelAccess> {
  let channel: {
    id: string;
    type: ChannelType;
    guild_id?: string;
    flags?: number;
    permission_overwrites?: APIOverwrite[];
    available_tags?: { id: string; name: string }[];
  };
  try {
    channel = (await rest.get(Routes.channel(channelId))) as typeof channel;
  } catch (error) {
    if (error instanceof DiscordAPIError && (error.status === 404 || error.code === 10003)) return { kind: 'missing' };
    if (error instanceof DiscordAPIError && error.status === 403) return { kind: 'hidden' };
    throw error;
  }
  if (channel.guild_id !== undefined && channel.guild_id !== guildId) return { kind: 'missing' };
  const [roles, member] = await Promise.all([
    rest.get(Routes.guildRoles(guildId)) as Promise<APIRole[]>,
    rest.get(Routes.guildMember(guildId, botUserId)) as Promise<APIGuildMember>,
  ]);
  const permissions = permissionsIn(
    guildId,
    roles,
    { id: botUserId, roles: member.roles },
    channel.permission_overwrites ?? [],
  );
  if (!(permissions & P.ViewChannel)) return { kind: 'hidden' };
  return {
    kind: 'ok',
    channel: {
      id: channel.id,
      type: channel.type,
      tags: (channel.available_tags ?? []).map(({ id, name }) => ({ id, name })),
      requireTag: ((channel.flags ?? 0) & requireTagFlag) !== 0,
      permissions,
    },
  };
}

/**
 * What each way of delivering needs. A forum post is Send Messages (which forums call Create Posts), and its first
 * message goes with it; a thread from a message needs Create Public Threads besides sending the message. The bot
 * writes nothing inside the threads, so it does not need Send Messages in Threads.
 */
export function neededFor(delivery: Delivery): PermissionName[] {
  const basics: PermissionName[] = ['ViewChannel', 'SendMessages', 'EmbedLinks'];
  return delivery === 'thread' ? [...basics, 'CreatePublicThreads'] : basics;
}

export function missingFrom(permissions: bigint, needed: readonly PermissionName[]): PermissionName[] {
  return needed.filter((name) => (permissions & P[name]) !== P[name]);
}

/** Whether the bot may ping a role that is not mentionable (Mention @everyone, @here and All Roles). */
export function mayMentionAnyRole(permissions: bigint): boolean {
  return (permissions & P.MentionEveryone) !== 0n;
}
