// Answers one HTTP interaction. Discord lets the endpoint send the first callback as the body of its HTTP response,
// saving a REST round trip; but it must come within 3 seconds. When the handler has not answered by `deferAfterMs`,
// the response becomes a deferral (type 5 for a command, 6 for a click) and whatever the handler sends afterwards is
// carried over REST as the deferral allows: a message becomes the edit of the "thinking…" one (or, if it was to be
// private, a private follow-up after deleting the public placeholder), an update becomes an edit of the clicked
// message, a new message after a click becomes a follow-up.
import type { REST } from '@discordjs/rest';
import {
  InteractionResponseType as R,
  InteractionType,
  MessageFlags,
  Routes,
  type APIInteractionResponse,
  type APIMessage,
  type RESTPatchAPIWebhookWithTokenMessageJSONBody,
  type RESTPostAPIWebhookWithTokenJSONBody,
} from 'discord-api-types/v10';
import type { AnswerableInteraction, InteractionApi } from '../bot/interaction.js';
import type { ReplyFile } from '../render/reply.js';
import { restInteractionApi } from '../bot/gateway.js';

/** The first answer, as the HTTP response: a JSON body, or multipart when files come with it. */
export interface HttpAnswer {
  body: APIInteractionResponse;
  files?: readonly ReplyFile[];
}

/** What the HTTP response became when the handler was too slow for it. */
function deferralFor(raw: AnswerableInteraction): APIInteractionResponse {
  switch (raw.type) {
    case InteractionType.MessageComponent:
      return { type: R.DeferredMessageUpdate };
    case InteractionType.ApplicationCommandAutocomplete:
      // Autocomplete cannot be deferred: no choices this time is better than "loading failed".
      return { type: R.ApplicationCommandAutocompleteResult, data: { choices: [] } };
    default:
      return { type: R.DeferredChannelMessageWithSource };
  }
}

const isEphemeral = (flags: unknown) => typeof flags === 'number' && (flags & MessageFlags.Ephemeral) !== 0;

export class HttpResponder implements InteractionApi {
  /** The HTTP response's body: set once, by the first callback or by the deferral. */
  private sent: HttpAnswer | undefined;
  private deferral: APIInteractionResponse | undefined;
  /** After the deferral: the handler's own deferral, whose later edit must go where it meant it to. */
  private handlerDeferred: { ephemeral: boolean } | undefined;
  private readonly rest: InteractionApi;
  readonly answered: Promise<HttpAnswer>;
  private resolveAnswer!: (answer: HttpAnswer) => void;

  constructor(
    private readonly raw: AnswerableInteraction,
    private readonly restClient: REST,
  ) {
    this.rest = restInteractionApi(restClient);
    this.answered = new Promise((resolve) => (this.resolveAnswer = resolve));
  }

  /** The HTTP response's body, once decided. */
  get answer(): HttpAnswer | undefined {
    return this.sent;
  }

  /** The deadline came first: answer the HTTP request with a deferral. Returns it, or undefined if already answered. */
  deferNow(): HttpAnswer | undefined {
    if (this.sent) return undefined;
    this.deferral = deferralFor(this.raw);
    return this.settle({ body: this.deferral });
  }

  private settle(answer: HttpAnswer): HttpAnswer {
    this.sent = answer;
    this.resolveAnswer(answer);
    return answer;
  }

  async callback(
    _id: string,
    _token: string,
    body: APIInteractionResponse,
    files?: readonly ReplyFile[],
  ): Promise<void> {
    if (!this.sent) {
      this.settle(files?.length ? { body, files } : { body });
      return;
    }
    if (!this.deferral) throw new Error(`interaction ${this.raw.id} was already answered`);
    await this.afterDeferral(body, files);
  }

  private async afterDeferral(body: APIInteractionResponse, files?: readonly ReplyFile[]): Promise<void> {
    const { application_id: app, token } = this.raw;
    const data = 'data' in body ? (body.data as Record<string, unknown> | undefined) : undefined;
    switch (body.type) {
      case R.ChannelMessageWithSource: {
        const message = (data ?? {}) as RESTPostAPIWebhookWithTokenJSONBody & { flags?: number };
        if (this.deferral!.type === R.DeferredMessageUpdate) {
          await this.rest.followUp(app, token, message, files);
          return;
        }
        await this.replaceThinking(message, files);
        return;
      }
      case R.DeferredChannelMessageWithSource:
        this.handlerDeferred = { ephemeral: isEphemeral(data?.flags) };
        return;
      case R.DeferredMessageUpdate:
        return;
      case R.UpdateMessage:
        await this.rest.editOriginal(app, token, data ?? {}, files);
        return;
      default:
        // Choices and modals cannot follow a deferral; the user already saw the deferral's answer.
        return;
    }
  }

  /** The "thinking…" message of a deferred command becomes the answer; a private answer cannot, so it follows. */
  private async replaceThinking(
    message: RESTPostAPIWebhookWithTokenJSONBody & { flags?: number },
    files?: readonly ReplyFile[],
  ): Promise<void> {
    const { application_id: app, token } = this.raw;
    if (isEphemeral(message.flags)) {
      await this.restClient.delete(Routes.webhookMessage(app, token), { auth: false });
      await this.rest.followUp(app, token, message, files);
      return;
    }
    const { flags: _fixed, ...edit } = message;
    await this.rest.editOriginal(app, token, edit, files);
  }

  async editOriginal(
    app: string,
    token: string,
    body: RESTPatchAPIWebhookWithTokenMessageJSONBody,
    files?: readonly ReplyFile[],
  ): Promise<void> {
    const meant = this.handlerDeferred;
    if (meant && this.deferral) {
      // The handler deferred after our deferral: its edit is its answer, sent where it meant it to appear.
      this.handlerDeferred = undefined;
      const message = {
        ...(body as RESTPostAPIWebhookWithTokenJSONBody),
        ...(meant.ephemeral && { flags: MessageFlags.Ephemeral }),
      };
      if (this.deferral.type === R.DeferredMessageUpdate) await this.rest.followUp(app, token, message, files);
      else await this.replaceThinking(message, files);
      return;
    }
    await this.rest.editOriginal(app, token, body, files);
  }

  followUp(
    app: string,
    token: string,
    body: RESTPostAPIWebhookWithTokenJSONBody,
    files?: readonly ReplyFile[],
  ): Promise<APIMessage> {
    return this.rest.followUp(app, token, body, files);
  }
}
