/** Permission sets of the fake's actors and of the bot. */
import { PermissionFlagsBits as P } from 'discord-api-types/v10';
import type { ActorSpec } from './types.js';

/** What an ordinary member of a server has in an ordinary text channel (Discord's @everyone defaults). */
export const MEMBER_PERMISSIONS: bigint =
  P.CreateInstantInvite |
  P.AddReactions |
  P.Stream |
  P.ViewChannel |
  P.SendMessages |
  P.EmbedLinks |
  P.AttachFiles |
  P.ReadMessageHistory |
  P.MentionEveryone |
  P.UseExternalEmojis |
  P.Connect |
  P.Speak |
  P.UseVAD |
  P.ChangeNickname |
  P.UseApplicationCommands |
  P.RequestToSpeak |
  P.CreatePublicThreads |
  P.CreatePrivateThreads |
  P.UseExternalStickers |
  P.SendMessagesInThreads |
  P.UseEmbeddedActivities |
  P.SendVoiceMessages |
  P.SendPolls |
  P.UseExternalApps;

/** A server admin: ordinary member + ManageGuild + Administrator. */
export const ADMIN_PERMISSIONS: bigint = MEMBER_PERMISSIONS | P.ManageGuild | P.Administrator;

/** The bot's permissions in a channel it may post in. */
export const BOT_PERMISSIONS: bigint = MEMBER_PERMISSIONS;

/** An actor with ManageGuild | Administrator (other fields default). */
export const ADMIN_ACTOR: Readonly<ActorSpec> = Object.freeze({ permissions: ADMIN_PERMISSIONS });

/** ADMIN_ACTOR with overrides, e.g. adminActor({ userId: '42' }). */
export function adminActor(overrides: ActorSpec = {}): ActorSpec {
  return { ...overrides, permissions: ADMIN_PERMISSIONS };
}

/** The bot's permissions in a channel: without SendMessages* when it may not post there. */
export function botChannelPermissions(botCanPost: boolean): bigint {
  return botCanPost ? BOT_PERMISSIONS : BOT_PERMISSIONS & ~(P.SendMessages | P.SendMessagesInThreads);
}

export function permissionsToString(value: bigint | string | undefined, fallback: bigint): string {
  if (value === undefined) return fallback.toString();
  return typeof value === 'bigint' ? value.toString() : BigInt(value).toString();
}

/** Whether a member with these permissions sees a command (its default_member_permissions; Administrator sees all). */
export function canUseCommand(required: string | null | undefined, memberPermissions: string): boolean {
  if (required === null || required === undefined) return true;
  const have = BigInt(memberPermissions);
  if (have & P.Administrator) return true;
  const need = BigInt(required);
  return (have & need) === need;
}
