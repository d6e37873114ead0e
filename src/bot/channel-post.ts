// The body of a message the bot posts in a channel or through a webhook (daily posts, quiz rounds), and the two
// webhook calls a quiz makes after the interaction that started it.
import type { REST } from '@discordjs/rest';
import { Routes, type APIMessage } from 'discord-api-types/v10';
import type { Reply } from '../render/reply.js';
import { noPings } from './interaction.js';

/** Where a message sent through an interaction's webhook lives: the application, the token, the message. */
export interface WebhookMessage {
  applicationId: string;
  token: string;
  messageId: string;
}

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

/** Edits a message sent through an interaction's webhook (a quiz's question becomes its reveal). */
export async function editWebhookMessage(rest: REST, message: WebhookMessage, reply: Reply): Promise<void> {
  await rest.patch(Routes.webhookMessage(message.applicationId, message.token, message.messageId), {
    body: channelMessageBody(reply),
    auth: false,
  });
}

/** Sends a new message through an interaction's webhook and returns it. */
export async function webhookFollowUp(
  rest: REST,
  webhook: Pick<WebhookMessage, 'applicationId' | 'token'>,
  reply: Reply,
): Promise<APIMessage> {
  return (await rest.post(Routes.webhook(webhook.applicationId, webhook.token), {
    body: channelMessageBody(reply),
    query: new URLSearchParams({ wait: 'true' }),
    auth: false,
  })) as APIMessage;
}
