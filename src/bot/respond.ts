// Sends a rendered Reply through whichever interaction call fits its state. Nothing sent ever pings anyone.
import {
  MessageFlags,
  type InteractionReplyOptions,
  type MessageComponentInteraction,
  type RepliableInteraction,
} from 'discord.js';
import type { Reply } from '../render/reply.js';

export const noPings = { parse: [] } as const;

export function replyOptions(reply: Reply): InteractionReplyOptions & { flags?: MessageFlags.Ephemeral } {
  return {
    ...(reply.content !== undefined && { content: reply.content }),
    ...(reply.embeds && { embeds: reply.embeds }),
    ...(reply.components && { components: reply.components }),
    ...(reply.ephemeral && { flags: MessageFlags.Ephemeral }),
    allowedMentions: noPings,
  };
}

/** First answer, edit of a deferred answer, or a follow-up, as the interaction's state requires. */
export async function respond(interaction: RepliableInteraction, reply: Reply): Promise<void> {
  const options = replyOptions(reply);
  if (interaction.deferred && !interaction.replied) {
    const { flags: _ephemeralIsFixedAtDefer, ...edit } = options;
    await interaction.editReply(edit);
  } else if (interaction.replied) {
    await interaction.followUp(options);
  } else {
    await interaction.reply(options);
  }
}

/** Replaces the message a button belongs to. */
export async function updateMessage(interaction: MessageComponentInteraction, reply: Reply): Promise<void> {
  const { flags: _unused, ...options } = replyOptions(reply);
  await interaction.update({ ...options, content: options.content ?? null });
}

/** The message body of a channel post: never pings, and carries a nonce when Discord should dedupe it. */
export function channelMessageBody(reply: Reply, nonce?: string) {
  return {
    ...(reply.content !== undefined && { content: reply.content }),
    ...(reply.embeds && { embeds: reply.embeds }),
    ...(reply.components && { components: reply.components }),
    allowed_mentions: noPings,
    ...(nonce && { nonce, enforce_nonce: true }),
  };
}
