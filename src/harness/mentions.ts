/** Which mentions of a new message ping, as Discord decides from its content, allowed_mentions and permissions. */
import { PermissionFlagsBits as P, type APIMessage } from 'discord-api-types/v10';
import { isObject } from './commands.js';
import type { FakeGuild } from './types.js';
import type { World } from './world.js';

/**
 * Sets mention_roles and mention_everyone on a message the bot posted in a server. A role mention pings when
 * allowed_mentions allows it (`parse: ['roles']` or the role's id in `roles`; with no allowed_mentions, everything
 * is allowed) and the role is mentionable or the bot has Mention @everyone, @here and All Roles. @everyone and @here
 * ping only with `parse: ['everyone']` and that permission.
 */
export function applyMentions(
  world: World,
  guild: FakeGuild,
  botPermissions: bigint,
  body: Record<string, unknown>,
  message: APIMessage,
): void {
  const content = typeof body.content === 'string' ? body.content : '';
  const allowed = isObject(body.allowed_mentions) ? body.allowed_mentions : undefined;
  const parse = allowed ? (Array.isArray(allowed.parse) ? allowed.parse : []) : ['users', 'roles', 'everyone'];
  const listedRoles = allowed && Array.isArray(allowed.roles) ? allowed.roles.map(String) : [];
  const mayMentionAll = (botPermissions & P.MentionEveryone) !== 0n;
  const roles = world.roles(guild);
  const mentioned = [...content.matchAll(/<@&(\d{1,20})>/g)].map((m) => m[1]!);
  message.mention_roles = [...new Set(mentioned)].filter((id) => {
    const role = roles.find((r) => r.id === id && r.id !== guild.id);
    if (!role) return false;
    const allowedHere = parse.includes('roles') || listedRoles.includes(id);
    return allowedHere && (role.mentionable || mayMentionAll);
  });
  message.mention_everyone = /@(everyone|here)\b/.test(content) && parse.includes('everyone') && mayMentionAll;
}
