/** Interaction callbacks (POST /interactions/:id/:token/callback) and interaction webhooks (/webhooks/:app/:token...). */
import {
  InteractionResponseType as R,
  InteractionType,
  MessageFlags,
  MessageType,
  type APIApplicationCommandOptionChoice,
  type APIMessage,
  type APIModalInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import { isObject } from './commands.js';
import {
  CALLBACK_WINDOW_MS,
  TOKEN_LIFETIME_MS,
  type InteractionTracker,
  type TrackedInteraction,
} from './interaction-tracker.js';
import { checkMessageBody, createMessage, editMessage, type UploadedFile } from './messages.js';
import { error, json, type RouteAnswer, type RouteContext, type Router } from './rest-router.js';
import type { World } from './world.js';

const TYPE_OF_KIND = {
  command: InteractionType.ApplicationCommand,
  autocomplete: InteractionType.ApplicationCommandAutocomplete,
  component: InteractionType.MessageComponent,
} as const;

export function addInteractionRoutes(router: Router, world: World, tracker: InteractionTracker): void {
  const open = { auth: false, global: false };
  router.add('POST', '/interactions/:id/:token/callback', (ctx) => callback(world, tracker, ctx), open);

  const hook = '/webhooks/:app/:token';
  router.add('POST', hook, (ctx) => withToken(world, tracker, ctx, (rec) => followUp(world, tracker, rec, ctx)), open);
  router.add(
    'GET',
    `${hook}/messages/:message`,
    (ctx) =>
      withToken(world, tracker, ctx, (rec) => {
        const m = find(rec, ctx.params.message!);
        return m ? json(200, m) : error(404, 10008, 'Unknown Message');
      }),
    open,
  );
  router.add(
    'PATCH',
    `${hook}/messages/:message`,
    (ctx) =>
      withToken(world, tracker, ctx, (rec) => {
        const m = find(rec, ctx.params.message!);
        if (!m) return error(404, 10008, 'Unknown Message');
        const body = isObject(ctx.body) ? ctx.body : {};
        const problem = checkMessageBody(body, ctx.files, false);
        if (problem) return refuse(rec, problem.status, problem.code, problem.message, problem.errors);
        editMessage(world.ids, m, body, ctx.files);
        if (m === rec.original) firstVisible(tracker, rec, body);
        return json(200, m);
      }),
    open,
  );
  router.add(
    'DELETE',
    `${hook}/messages/:message`,
    (ctx) =>
      withToken(world, tracker, ctx, (rec) => {
        const m = find(rec, ctx.params.message!);
        if (!m || !world.deleteMessage(m.id)) return error(404, 10008, 'Unknown Message');
        // A deleted "thinking…" message is gone: the next follow-up is a message of its own, as on Discord.
        if (m === rec.original) delete rec.original;
        return json(204);
      }),
    open,
  );
}

function callback(world: World, tracker: InteractionTracker, ctx: RouteContext): RouteAnswer {
  const rec = tracker.get(ctx.params.id!);
  if (!rec || rec.token !== ctx.params.token) return error(404, 10062, 'Unknown interaction');
  if (rec.callbackType !== undefined) return refuse(rec, 400, 40060, 'Interaction has already been acknowledged.');
  const late = Date.now() - rec.dispatchedAt;
  if (late > CALLBACK_WINDOW_MS) {
    rec.lateAt ??= Date.now();
    return refuse(rec, 404, 10062, 'Unknown interaction', undefined, `callback came ${late} ms after the dispatch`);
  }
  const body = isObject(ctx.body) ? ctx.body : {};
  const type = body.type;
  const data = isObject(body.data) ? body.data : {};
  const allowed: Record<string, number[]> = {
    command: [R.ChannelMessageWithSource, R.DeferredChannelMessageWithSource, R.Modal],
    autocomplete: [R.ApplicationCommandAutocompleteResult],
    component: [
      R.ChannelMessageWithSource,
      R.DeferredChannelMessageWithSource,
      R.DeferredMessageUpdate,
      R.UpdateMessage,
      R.Modal,
    ],
  };
  if (typeof type !== 'number' || !allowed[rec.kind]!.includes(type)) {
    return refuse(
      rec,
      400,
      50035,
      'Invalid Form Body',
      {
        type: {
          _errors: [
            { code: 'BASE_TYPE_CHOICES', message: `Value must be one of ${JSON.stringify(allowed[rec.kind])}.` },
          ],
        },
      },
      `callback type ${String(type)} is not valid for a ${rec.kind} interaction`,
    );
  }
  switch (type) {
    case R.ChannelMessageWithSource: {
      const problem = checkMessageBody(data, ctx.files, true);
      if (problem) return refuse(rec, problem.status, problem.code, problem.message, problem.errors);
      rec.original = world.storeMessage(reply(world, rec, data, ctx.files, 0));
      rec.ephemeral = hasEphemeral(data);
      rec.callbackType = type;
      rec.data = data;
      tracker.visible(rec);
      break;
    }
    case R.DeferredChannelMessageWithSource:
      rec.ephemeral = hasEphemeral(data);
      rec.original = world.storeMessage(
        reply(world, rec, { flags: rec.ephemeral ? MessageFlags.Ephemeral : 0 }, [], MessageFlags.Loading),
      );
      rec.callbackType = type;
      rec.deferred = true;
      tracker.deferred(rec);
      break;
    case R.DeferredMessageUpdate:
      rec.original = rec.sourceMessage!;
      rec.ephemeral = hasEphemeral(rec.sourceMessage ?? {});
      rec.callbackType = type;
      rec.deferred = true;
      tracker.deferred(rec);
      break;
    case R.UpdateMessage: {
      const problem = checkMessageBody(data, ctx.files, false);
      if (problem) return refuse(rec, problem.status, problem.code, problem.message, problem.errors);
      rec.original = editMessage(world.ids, rec.sourceMessage!, data, ctx.files);
      rec.ephemeral = hasEphemeral(rec.original);
      rec.callbackType = type;
      rec.data = data;
      tracker.visible(rec);
      break;
    }
    case R.ApplicationCommandAutocompleteResult: {
      const choices = Array.isArray(data.choices) ? (data.choices as APIApplicationCommandOptionChoice[]) : [];
      if (choices.length > 25)
        return refuse(rec, 400, 50035, 'Invalid Form Body', {
          data: { choices: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' }] } },
        });
      rec.choices = choices;
      rec.callbackType = type;
      tracker.visible(rec);
      break;
    }
    case R.Modal:
      rec.modal = data as unknown as APIModalInteractionResponseCallbackData;
      rec.callbackType = type;
      tracker.visible(rec);
      break;
  }
  rec.answeredAt = Date.now();
  if (ctx.query.get('with_response') !== 'true') return json(204);
  const withMessage =
    type === R.ChannelMessageWithSource || type === R.DeferredChannelMessageWithSource || type === R.UpdateMessage;
  return json(200, {
    interaction: {
      id: rec.id,
      type: TYPE_OF_KIND[rec.kind],
      response_message_id: rec.original?.id,
      response_message_loading: type === R.DeferredChannelMessageWithSource,
      response_message_ephemeral: rec.ephemeral,
    },
    resource: withMessage ? { type, message: rec.original } : { type },
  });
}

function followUp(world: World, tracker: InteractionTracker, rec: TrackedInteraction, ctx: RouteContext): RouteAnswer {
  if (rec.callbackType === undefined)
    return refuse(rec, 404, 10015, 'Unknown Webhook', undefined, 'follow-up before any callback');
  const body = isObject(ctx.body) ? ctx.body : {};
  const problem = checkMessageBody(body, ctx.files, true);
  if (problem) return refuse(rec, problem.status, problem.code, problem.message, problem.errors);
  let message: APIMessage;
  const original = rec.original;
  if (
    rec.callbackType === R.DeferredChannelMessageWithSource &&
    original &&
    ((original.flags ?? 0) & MessageFlags.Loading) !== 0
  ) {
    // Like Discord: the first follow-up after a deferred reply fills in the "thinking…" message.
    const { flags: _ignored, ...rest } = body;
    message = editMessage(world.ids, original, rest, ctx.files);
    message.edited_timestamp = null;
  } else {
    message = world.storeMessage(reply(world, rec, body, ctx.files, 0));
  }
  rec.followups.push(message);
  firstVisible(tracker, rec, body);
  return json(200, message);
}

function withToken(
  world: World,
  tracker: InteractionTracker,
  ctx: RouteContext,
  fn: (rec: TrackedInteraction) => RouteAnswer,
): RouteAnswer {
  const rec = tracker.getByToken(ctx.params.token!);
  if (ctx.params.app !== world.applicationId || !rec) return error(404, 10015, 'Unknown Webhook');
  if (Date.now() - rec.dispatchedAt > TOKEN_LIFETIME_MS) return refuse(rec, 401, 50027, 'Invalid Webhook Token');
  return fn(rec);
}

/** A deferred interaction becomes visible with its first edit or follow-up; that body is its `data`. */
function firstVisible(tracker: InteractionTracker, rec: TrackedInteraction, body: Record<string, unknown>): void {
  if (rec.settled || !rec.deferred) return;
  rec.data = body;
  tracker.visible(rec);
}

function find(rec: TrackedInteraction, ref: string): APIMessage | undefined {
  if (ref === '@original') return rec.original;
  return [rec.original, ...rec.followups].find((m) => m?.id === ref);
}

function reply(
  world: World,
  rec: TrackedInteraction,
  body: Record<string, unknown>,
  files: UploadedFile[],
  extraFlags: number,
): APIMessage {
  return createMessage(world.ids, {
    id: world.ids.next(),
    channelId: rec.channelId,
    author: world.botUser,
    body,
    files,
    extraFlags,
    type: rec.kind === 'command' ? MessageType.ChatInputCommand : MessageType.Default,
    webhookId: world.applicationId,
    applicationId: world.applicationId,
    interactionMetadata:
      rec.kind === 'component'
        ? {
            id: rec.id,
            type: InteractionType.MessageComponent,
            user: rec.user,
            authorizing_integration_owners: { '0': rec.guildId ?? '0' },
            interacted_message_id: rec.sourceMessage?.id ?? '0',
          }
        : {
            id: rec.id,
            type: InteractionType.ApplicationCommand,
            user: rec.user,
            authorizing_integration_owners: { '0': rec.guildId ?? '0' },
          },
  });
}

function hasEphemeral(x: { flags?: unknown }): boolean {
  return typeof x.flags === 'number' && (x.flags & MessageFlags.Ephemeral) !== 0;
}

function refuse(
  rec: TrackedInteraction,
  status: number,
  code: number,
  message: string,
  errors?: Record<string, unknown>,
  why?: string,
): RouteAnswer {
  rec.problems.push(`${status} ${code} ${message}${why ? ` (${why})` : errors ? ` ${JSON.stringify(errors)}` : ''}`);
  return error(status, code, message, errors);
}
