// The body of a message the bot posts in a channel or through a webhook (daily posts, quiz rounds).
import type { Reply } from '../render/reply.js';
import { noPings } from './interaction.js';

/** Never pings, and carries a nonce when Discord should dedupe it. */
export function channelMessageBody(reply: Reply, nonce?: string) {
  return {
    ...(reply.content !== undefined && { content: reply.content }),
    ...(reply.embeds && { embeds: reply.embeds }),
    ...(reply.components && { components: reply.components }),
    allowed_mentions: noPings(),
    ...(nonce && { nonce, enforce_nonce: true }),
  };
}
