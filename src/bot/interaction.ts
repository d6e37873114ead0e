// One interaction as a command handler sees it: the raw API interaction (discord-api-types), the reader's language
// and strings, who and where, and the ways to answer. Built once per interaction by the router; plain data in,
// plain API bodies out, so a handler can be tested with an object literal and a recorder.
import {
  InteractionResponseType,
  MessageFlags,
  PermissionFlagsBits,
  type APIAllowedMentions,
  type APIApplicationCommandOptionChoice,
  type APIInteraction,
  type APIPingInteraction,
  type APIInteractionResponse,
  type APIMessage,
  type APIModalInteractionResponseCallbackData,
  type APIUser,
  type RESTPatchAPIWebhookWithTokenMessageJSONBody,
  type RESTPostAPIWebhookWithTokenJSONBody,
} from 'discord-api-types/v10';
import { languageOf, strings, type Language, type Strings } from '../render/i18n.js';
import type { Reply, ReplyFile } from '../render/reply.js';

/** Nothing the bot sends pings anyone. */
export const noPings = (): APIAllowedMentions => ({ parse: [] });

/** Every interaction but Discord's PING (which only an HTTP endpoint receives, and answers with PONG). */
export type AnswerableInteraction = Exclude<APIInteraction, APIPingInteraction>;

/**
 * The three calls that answer an interaction. In gateway mode each is a REST request; an HTTP-interactions server
 * may send the first callback as its HTTP response instead.
 */
export interface InteractionApi {
  /** POST /interactions/{id}/{token}/callback; with files, as multipart (payload_json and files[n]). */
  callback(
    interactionId: string,
    token: string,
    body: APIInteractionResponse,
    files?: readonly ReplyFile[],
  ): Promise<void>;
  /** PATCH /webhooks/{application}/{token}/messages/@original */
  editOriginal(
    applicationId: string,
    token: string,
    body: RESTPatchAPIWebhookWithTokenMessageJSONBody,
    files?: readonly ReplyFile[],
  ): Promise<void>;
  /** POST /webhooks/{application}/{token}?wait=true */
  followUp(
    applicationId: string,
    token: string,
    body: RESTPostAPIWebhookWithTokenJSONBody,
    files?: readonly ReplyFile[],
  ): Promise<APIMessage>;
}

/** A rendered Reply as a message body: never pings, ephemeral by flag. */
export function messageBody(reply: Reply) {
  return {
    ...(reply.content !== undefined && { content: reply.content }),
    ...(reply.embeds && { embeds: reply.embeds }),
    ...(reply.components && { components: reply.components }),
    ...(reply.files?.length && {
      attachments: reply.files.map((file, index) => ({
        id: String(index),
        filename: file.name,
        ...(file.description && { description: file.description }),
      })),
    }),
    ...(reply.ephemeral && { flags: MessageFlags.Ephemeral }),
    allowed_mentions: noPings(),
  };
}

/** The body of an edit: an edit cannot change whether a message is ephemeral. */
function editBody(reply: Reply): RESTPatchAPIWebhookWithTokenMessageJSONBody {
  const { flags: _fixedAtFirstAnswer, ...body } = messageBody(reply);
  return body;
}

export class InteractionContext<I extends AnswerableInteraction = AnswerableInteraction> {
  language: Language;
  t: Strings;
  readonly user: APIUser;
  /** The server it came from; undefined in DMs and private channels. */
  readonly guildId: string | undefined;
  readonly channelId: string | undefined;
  private state: 'new' | 'deferred' | 'answered' = 'new';

  constructor(
    readonly raw: I,
    private readonly api: InteractionApi,
  ) {
    this.language = languageOf(raw.locale);
    this.t = strings[this.language];
    // In a server the user comes inside the member; elsewhere on its own.
    this.user = (raw.member?.user ?? raw.user)!;
    this.guildId = raw.guild_id;
    this.channelId = raw.channel?.id ?? raw.channel_id;
  }

  /** A server that fixed its language (/settings language) gets it, whatever each reader's Discord language. */
  useLanguage(language: Language): void {
    this.language = language;
    this.t = strings[language];
  }

  get id(): string {
    return this.raw.id;
  }

  get applicationId(): string {
    return this.raw.application_id;
  }

  get token(): string {
    return this.raw.token;
  }

  /** Whether the first answer (reply, defer, update or choices) has been sent. */
  get answered(): boolean {
    return this.state !== 'new';
  }

  /** Whether the member has that permission in this channel (Administrator has every one); none outside a server. */
  hasPermission(bit: bigint): boolean {
    const permissions = this.raw.member?.permissions;
    if (permissions === undefined) return false;
    const granted = BigInt(permissions);
    return (granted & bit) === bit || (granted & PermissionFlagsBits.Administrator) !== 0n;
  }

  /** The first answer, the edit of a deferred one, or a follow-up, as the interaction's state requires. */
  async reply(reply: Reply): Promise<void> {
    if (this.state === 'deferred') {
      await this.api.editOriginal(this.applicationId, this.token, editBody(reply), reply.files);
      this.state = 'answered';
    } else if (this.state === 'answered') {
      await this.followUp(reply);
    } else {
      await this.callback(
        { type: InteractionResponseType.ChannelMessageWithSource, data: messageBody(reply) },
        reply.files,
      );
    }
  }

  /** Replaces the first answer once sent (to add a picture that was not ready in time, say). */
  async editReply(reply: Reply): Promise<void> {
    if (this.state === 'new') throw new Error(`interaction ${this.id} has no answer to edit`);
    await this.api.editOriginal(this.applicationId, this.token, editBody(reply), reply.files);
  }

  /** "Thinking…": the answer follows with reply() within 15 minutes. */
  async defer(options: { ephemeral?: boolean } = {}): Promise<void> {
    await this.callback({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      ...(options.ephemeral && { data: { flags: MessageFlags.Ephemeral } }),
    });
    this.state = 'deferred';
  }

  /** Replaces the message a button or menu belongs to. */
  async update(reply: Reply): Promise<void> {
    const { flags: _unchanged, ...data } = messageBody(reply);
    await this.callback({
      type: InteractionResponseType.UpdateMessage,
      data: { ...data, content: data.content ?? '' },
    });
  }

  async followUp(reply: Reply): Promise<APIMessage> {
    const message = await this.api.followUp(this.applicationId, this.token, messageBody(reply), reply.files);
    this.state = 'answered';
    return message;
  }

  /** Autocomplete: at most 25 choices. */
  async choices(choices: APIApplicationCommandOptionChoice[]): Promise<void> {
    await this.callback({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } });
  }

  async modal(data: APIModalInteractionResponseCallbackData): Promise<void> {
    await this.callback({ type: InteractionResponseType.Modal, data });
  }

  private async callback(body: APIInteractionResponse, files?: readonly ReplyFile[]): Promise<void> {
    if (this.state !== 'new') throw new Error(`interaction ${this.id} was already answered`);
    // Marked before sending: a second answer must not race the first.
    this.state = 'answered';
    try {
      await this.api.callback(this.id, this.token, body, files);
    } catch (error) {
      this.state = 'new';
      throw error;
    }
  }
}
