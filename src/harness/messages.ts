/** Message objects: creation from a request body, edits, and Discord's basic body checks. */
import {
  ComponentType,
  MessageFlags,
  MessageType,
  type APIStringSelectComponent,
  type APIAttachment,
  type APIEmbed,
  type APIMessage,
  type APIMessageInteractionMetadata,
  type APIMessageTopLevelComponent,
  type APIUser,
} from 'discord-api-types/v10';
import { isObject } from './commands.js';
import type { SnowflakeGenerator } from './snowflake.js';

export interface UploadedFile {
  field: string;
  name: string;
  contentType: string;
  data: Buffer;
}

/** The bytes of every attachment the bot uploaded, kept as long as its message is (see FakeDiscord.attachmentData). */
export const attachmentBytes = new WeakMap<APIAttachment, Buffer>();

export interface NewMessage {
  id: string;
  channelId: string;
  author: APIUser;
  body: Record<string, unknown>;
  files?: UploadedFile[];
  type?: MessageType;
  /** Extra flags that the body cannot set (e.g. Loading for a deferred reply). */
  extraFlags?: number;
  webhookId?: string;
  applicationId?: string;
  interactionMetadata?: APIMessageInteractionMetadata;
}

/** Flags a bot may set when sending. */
const SETTABLE_FLAGS =
  MessageFlags.SuppressEmbeds |
  MessageFlags.Ephemeral |
  MessageFlags.SuppressNotifications |
  MessageFlags.IsComponentsV2;

export function createMessage(ids: SnowflakeGenerator, m: NewMessage): APIMessage {
  const { body } = m;
  const message: APIMessage = {
    id: m.id,
    channel_id: m.channelId,
    author: m.author,
    content: typeof body.content === 'string' ? body.content : '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: body.tts === true,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: attachmentsFrom(ids, m.channelId, body.attachments, m.files ?? [], []),
    embeds: Array.isArray(body.embeds) ? (body.embeds as APIEmbed[]) : [],
    components: Array.isArray(body.components) ? (body.components as APIMessageTopLevelComponent[]) : [],
    pinned: false,
    type: m.type ?? MessageType.Default,
    flags: ((typeof body.flags === 'number' ? body.flags : 0) & SETTABLE_FLAGS) | (m.extraFlags ?? 0),
  };
  if (m.webhookId) message.webhook_id = m.webhookId;
  if (m.applicationId) message.application_id = m.applicationId;
  if (m.interactionMetadata) message.interaction_metadata = m.interactionMetadata;
  return message;
}

/** Applies a PATCH body to a message in place (fields absent from the body are kept). */
export function editMessage(
  ids: SnowflakeGenerator,
  message: APIMessage,
  body: Record<string, unknown>,
  files: UploadedFile[] = [],
): APIMessage {
  if ('content' in body) message.content = typeof body.content === 'string' ? body.content : '';
  if ('embeds' in body) message.embeds = Array.isArray(body.embeds) ? (body.embeds as APIEmbed[]) : [];
  if ('components' in body)
    message.components = Array.isArray(body.components) ? (body.components as APIMessageTopLevelComponent[]) : [];
  if ('attachments' in body || files.length > 0) {
    message.attachments = attachmentsFrom(ids, message.channel_id, body.attachments, files, message.attachments);
  }
  const keep = (message.flags ?? 0) & (MessageFlags.Ephemeral | MessageFlags.IsComponentsV2);
  const set =
    typeof body.flags === 'number'
      ? body.flags & (MessageFlags.SuppressEmbeds | MessageFlags.IsComponentsV2)
      : (message.flags ?? 0) & MessageFlags.SuppressEmbeds;
  message.flags = keep | set; // an edit also ends the Loading state
  message.edited_timestamp = new Date().toISOString();
  return message;
}

function attachmentsFrom(
  ids: SnowflakeGenerator,
  channelId: string,
  listed: unknown,
  files: UploadedFile[],
  existing: APIAttachment[],
): APIAttachment[] {
  const make = (file: UploadedFile, meta: Record<string, unknown> = {}): APIAttachment => {
    const id = ids.next();
    const filename = typeof meta.filename === 'string' ? meta.filename : file.name;
    const url = `https://cdn.discordapp.com/attachments/${channelId}/${id}/${encodeURIComponent(filename)}`;
    const att: APIAttachment = {
      id,
      filename,
      size: file.data.length,
      url,
      proxy_url: url.replace('cdn.discordapp.com', 'media.discordapp.net'),
      content_type: file.contentType,
    };
    if (typeof meta.description === 'string') att.description = meta.description;
    attachmentBytes.set(att, file.data);
    return att;
  };
  if (!Array.isArray(listed)) return [...(listed === undefined ? existing : []), ...files.map((f) => make(f))];
  const out: APIAttachment[] = [];
  for (const entry of listed) {
    if (!isObject(entry)) continue;
    const id = String(entry.id);
    const file = files.find((f) => f.field === `files[${id}]`);
    if (file) out.push(make(file, entry));
    else {
      const old = existing.find((a) => a.id === id);
      if (old) out.push(old);
    }
  }
  return out;
}

export interface BodyProblem {
  status: number;
  code: number;
  message: string;
  errors?: Record<string, unknown>;
}

const formError = (path: string, code: string, message: string): BodyProblem => ({
  status: 400,
  code: 50035,
  message: 'Invalid Form Body',
  errors: { [path]: { _errors: [{ code, message }] } },
});

/** What Discord would say about a message body, or undefined when it is fine. */
export function checkMessageBody(
  body: Record<string, unknown>,
  files: UploadedFile[],
  creating: boolean,
): BodyProblem | undefined {
  const content = typeof body.content === 'string' ? body.content : '';
  const embeds = Array.isArray(body.embeds) ? body.embeds : [];
  const components = Array.isArray(body.components) ? body.components : [];
  const flags = typeof body.flags === 'number' ? body.flags : 0;
  if (content.length > 2000) return formError('content', 'BASE_TYPE_MAX_LENGTH', 'Must be 2000 or fewer in length.');
  if (embeds.length > 10) return formError('embeds', 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
  const embedChars = embeds.reduce<number>((n, e) => n + embedLength(e), 0);
  if (embedChars > 6000)
    return formError('embeds', 'MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000');
  if (flags & MessageFlags.IsComponentsV2 && (content || embeds.length > 0)) {
    return formError(
      'content',
      'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2',
      "The 'content' field cannot be used when using MessageFlags.IS_COMPONENTS_V2",
    );
  }
  const hasAttachments = files.length > 0 || (Array.isArray(body.attachments) && body.attachments.length > 0);
  if (
    creating &&
    !content.trim() &&
    embeds.length === 0 &&
    components.length === 0 &&
    !hasAttachments &&
    !body.poll &&
    !body.sticker_ids
  ) {
    return { status: 400, code: 50006, message: 'Cannot send an empty message' };
  }
  return undefined;
}

function embedLength(e: unknown): number {
  if (!isObject(e)) return 0;
  const str = (v: unknown) => (typeof v === 'string' ? v.length : 0);
  let n = str(e.title) + str(e.description);
  if (isObject(e.footer)) n += str(e.footer.text);
  if (isObject(e.author)) n += str(e.author.name);
  if (Array.isArray(e.fields)) for (const f of e.fields) if (isObject(f)) n += str(f.name) + str(f.value);
  return n;
}

/** Every custom_id in a component tree (action rows, v2 containers/sections), with whether it is disabled. */
export function findComponents(components: unknown): { customId: string; type: number; disabled: boolean }[] {
  const out: { customId: string; type: number; disabled: boolean }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isObject(node)) return;
    if (typeof node.custom_id === 'string')
      out.push({ customId: node.custom_id, type: Number(node.type), disabled: node.disabled === true });
    walk(node.components);
    walk(node.accessory);
  };
  walk(components);
  return out;
}

/** A string select menu with that custom_id among a message's components. */
export function findSelectMenu(components: unknown, customId: string): APIStringSelectComponent | undefined {
  let found: APIStringSelectComponent | undefined;
  const walk = (node: unknown): void => {
    if (found) return;
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isObject(node)) return;
    if (node.custom_id === customId && node.type === ComponentType.StringSelect) {
      found = node as unknown as APIStringSelectComponent;
      return;
    }
    walk(node.components);
  };
  walk(components);
  return found;
}
