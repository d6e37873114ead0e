/**
 * The strict fake: the bodies the bot sends are checked against discord-api-spec's zod schemas and Discord's
 * documented limits, by route, before the route runs. A failing body is answered 400 / 50035 like Discord does.
 */
import * as spec from 'discord-api-spec/zod';
import type { SpecSchema } from 'discord-api-spec/zod';
import { InteractionResponseType as R } from 'discord-api-types/v10';
import { isObject } from './commands.js';
import { bulkCommandIssues, commandIssues } from './strict-commands.js';
import { dedupe, issue, schemaIssues, type FormIssue } from './strict-errors.js';
import { choiceIssues, messageLimitIssues } from './strict-messages.js';

type Check = (body: unknown) => FormIssue[];

const CALLBACK_SCHEMAS: Record<number, SpecSchema> = {
  [R.Pong]: spec.PongInteractionCallbackRequestSchema,
  [R.ChannelMessageWithSource]: spec.CreateMessageInteractionCallbackRequestSchema,
  [R.DeferredChannelMessageWithSource]: spec.CreateMessageInteractionCallbackRequestSchema,
  [R.DeferredMessageUpdate]: spec.UpdateMessageInteractionCallbackRequestSchema,
  [R.UpdateMessage]: spec.UpdateMessageInteractionCallbackRequestSchema,
  [R.ApplicationCommandAutocompleteResult]: spec.ApplicationCommandAutocompleteCallbackRequestSchema,
  [R.Modal]: spec.ModalInteractionCallbackRequestSchema,
};

/** A message body: the schema, then the limits. */
const message =
  (schema: SpecSchema): Check =>
  (body) => {
    if (body === undefined) return []; // files only, no payload_json
    return isObject(body) ? [...schemaIssues(schema, body), ...messageLimitIssues(body)] : [notADict()];
  };

const callback: Check = (body) => {
  if (!isObject(body)) return [notADict()];
  const schema = typeof body.type === 'number' ? CALLBACK_SCHEMAS[body.type] : undefined;
  if (!schema) return []; // an unknown type: the route answers it (BASE_TYPE_CHOICES)
  const out = schemaIssues(schema, body);
  const data = isObject(body.data) ? body.data : undefined;
  if (data && body.type === R.ApplicationCommandAutocompleteResult)
    out.push(...choiceIssues(data.choices, ['data', 'choices']));
  else if (data && body.type !== R.Modal) out.push(...messageLimitIssues(data, ['data']));
  return out;
};

/** discord.js sends permission bitfields as strings, as Discord documents them; the spec's schema says number. */
function specCommand(c: unknown): unknown {
  if (!isObject(c) || typeof c.default_member_permissions !== 'string' || !/^\d+$/.test(c.default_member_permissions))
    return c;
  return { ...c, default_member_permissions: Number(c.default_member_permissions) };
}

const createCommand: Check = (body) => [
  ...schemaIssues(spec.ApplicationCommandCreateRequestSchema, specCommand(body)),
  ...commandIssues(body, []),
];
const bulkCommands: Check = (body) => {
  if (!Array.isArray(body)) return [issue([], 'ARRAY_TYPE_CONVERT', 'Must be an array.')];
  return [
    ...body.flatMap((c, i) => schemaIssues(spec.ApplicationCommandCreateRequestSchema, specCommand(c), [i])),
    ...bulkCommandIssues(body),
  ];
};
/** A PATCH may leave out the name and description: the rules apply to what it sends. */
const patchCommand: Check = (body) => [
  ...schemaIssues(spec.ApplicationCommandPatchRequestPartialSchema, specCommand(body)),
  ...commandIssues(isObject(body) ? { name: 'x', description: 'x', ...body } : body, []),
];

/** POST /channels/:id/threads: a forum post carries its first message; a thread of a text channel has none. */
const startThread: Check = (body) => {
  if (!isObject(body)) return [notADict()];
  if (body.message === undefined) return schemaIssues(spec.CreateTextThreadWithoutMessageRequestSchema, body);
  const out = schemaIssues(spec.CreateForumThreadRequestSchema, body);
  if (isObject(body.message)) out.push(...messageLimitIssues(body.message, ['message']));
  return out;
};

const CHECKS: Record<string, Check> = {
  'POST /interactions/:id/:token/callback': callback,
  'POST /webhooks/:app/:token': message(spec.IncomingWebhookRequestPartialSchema),
  'PATCH /webhooks/:app/:token/messages/:message': message(spec.IncomingWebhookUpdateRequestPartialSchema),
  'POST /channels/:channel/messages': message(spec.MessageCreateRequestSchema),
  'PATCH /channels/:channel/messages/:message': message(spec.MessageEditRequestPartialSchema),
  'POST /channels/:channel/threads': startThread,
  'POST /channels/:channel/messages/:message/threads': (body) =>
    isObject(body) ? schemaIssues(spec.CreateTextThreadWithMessageRequestSchema, body) : [notADict()],
  'PUT /applications/:app/commands': bulkCommands,
  'PUT /applications/:app/guilds/:guild/commands': bulkCommands,
  'POST /applications/:app/commands': createCommand,
  'POST /applications/:app/guilds/:guild/commands': createCommand,
  'PATCH /applications/:app/commands/:command': patchCommand,
  'PATCH /applications/:app/guilds/:guild/commands/:command': patchCommand,
};

/** What Discord would refuse in this body, for the route (pattern) it went to; [] when it is fine or not checked. */
export function validateBody(method: string, route: string, body: unknown): FormIssue[] {
  const check = CHECKS[`${method.toUpperCase()} ${route}`];
  return check ? dedupe(check(body)) : [];
}

function notADict(): FormIssue {
  return issue([], 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
}
