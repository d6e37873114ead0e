// The body of a message the bot posts in a channel or through a webhook (daily posts, quiz rounds).
import type { Reply } from '../render/reply.js';
import { noPings } from './interaction.js';

/**
 * Never pings, and carries a nonce when Discord should dedupe it. `roleId`: the one role a daily post may ping; the
 * mention goes first in the content and allowed_mentions allows that role alone (never @everyone, @here or users).
 */
export function channelMessageBody(reply: Reply, nonce?: string, roleId?: string) {
  const content = roleId ? [`<@&${roleId}>`, reply.content].filter(Boolean).join('\n') : reply.content;
  return {
    ...(content !== undefined && { content }),
    ...(reply.embeds && { embeds: reply.embeds }),
    ...(reply.components && { components: reply.components }),
    allowed_mentions: roleId ? { parse: [], roles: [roleId] } : noPings(),
    ...(nonce && { nonce, enforce_nonce: true }),
  };
}
