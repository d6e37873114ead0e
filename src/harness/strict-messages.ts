/** Discord's documented limits on message bodies, beyond (and regardless of) what the spec's schemas encode. */
import { ButtonStyle, ComponentType, MessageFlags } from 'discord-api-types/v10';
import { isObject } from './commands.js';
import { issue, lengthBetween, maxLength, type FormIssue, type FormPath } from './strict-errors.js';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const SELECTS: number[] = [
  ComponentType.StringSelect,
  ComponentType.UserSelect,
  ComponentType.RoleSelect,
  ComponentType.MentionableSelect,
  ComponentType.ChannelSelect,
];
const SNOWFLAKE = /^\d{1,20}$/;

/** Limits of a message body (content, embeds, components, allowed_mentions); `at` prefixes the paths (e.g. ['data']). */
export function messageLimitIssues(body: Record<string, unknown>, at: FormPath = []): FormIssue[] {
  const out: FormIssue[] = [];
  const content = body.content;
  if (typeof content === 'string' && content.length > 2000)
    out.push(maxLength([...at, 'content'], 2000, content.length));
  if (Array.isArray(body.embeds)) out.push(...embedIssues(body.embeds, [...at, 'embeds']));
  const flags = typeof body.flags === 'number' ? body.flags : 0;
  if (Array.isArray(body.components))
    out.push(...componentIssues(body.components, (flags & MessageFlags.IsComponentsV2) !== 0, [...at, 'components']));
  if (body.allowed_mentions !== undefined && body.allowed_mentions !== null)
    out.push(...allowedMentionIssues(body.allowed_mentions, [...at, 'allowed_mentions']));
  return out;
}

function embedIssues(embeds: unknown[], at: FormPath): FormIssue[] {
  const out: FormIssue[] = [];
  if (embeds.length > 10) out.push(maxLength(at, 10, embeds.length));
  let total = 0;
  embeds.forEach((e, i) => {
    if (!isObject(e)) return;
    const p = [...at, i];
    const limit = (path: FormPath, value: unknown, max: number) => {
      const s = str(value);
      total += s.length;
      if (s.length > max) out.push(maxLength(path, max, s.length));
    };
    limit([...p, 'title'], e.title, 256);
    limit([...p, 'description'], e.description, 4096);
    if (isObject(e.footer)) limit([...p, 'footer', 'text'], e.footer.text, 2048);
    if (isObject(e.author)) limit([...p, 'author', 'name'], e.author.name, 256);
    if (!Array.isArray(e.fields)) return;
    if (e.fields.length > 25) out.push(maxLength([...p, 'fields'], 25, e.fields.length));
    e.fields.forEach((f, j) => {
      if (!isObject(f)) return;
      const fp = [...p, 'fields', j];
      limit([...fp, 'name'], f.name, 256);
      limit([...fp, 'value'], f.value, 1024);
      // Discord trims field names and values, and refuses them empty.
      if (!str(f.name).trim()) out.push(issue([...fp, 'name'], 'BASE_TYPE_REQUIRED', 'This field is required'));
      if (!str(f.value).trim()) out.push(issue([...fp, 'value'], 'BASE_TYPE_REQUIRED', 'This field is required'));
    });
  });
  if (total > 6000) out.push(issue(at, 'MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000', total));
  return out;
}

function componentIssues(components: unknown[], v2: boolean, at: FormPath): FormIssue[] {
  const out: FormIssue[] = [];
  const ids = new Map<string, FormPath>();
  let count = 0;
  const walk = (node: unknown, path: FormPath, depth: number): void => {
    if (!isObject(node)) return;
    count++;
    const type = Number(node.type);
    if (!v2 && depth === 0 && type !== ComponentType.ActionRow) {
      out.push(
        issue(
          [...path, 'type'],
          'COMPONENT_TYPE_INVALID',
          'Top-level components must be action rows unless the message has the IS_COMPONENTS_V2 flag',
          type,
        ),
      );
    }
    if (typeof node.custom_id === 'string') {
      if (node.custom_id.length < 1 || node.custom_id.length > 100)
        out.push(lengthBetween([...path, 'custom_id'], 1, 100, node.custom_id.length));
      if (ids.has(node.custom_id))
        out.push(
          issue(
            [...path, 'custom_id'],
            'COMPONENT_CUSTOM_ID_DUPLICATED',
            'Component custom id cannot be duplicated',
            node.custom_id,
          ),
        );
      ids.set(node.custom_id, path);
    }
    if (type === ComponentType.Button) out.push(...buttonIssues(node, path));
    if (type === ComponentType.ActionRow && Array.isArray(node.components)) {
      const children = node.components.filter(isObject);
      if (children.length < 1 || children.length > 5)
        out.push(lengthBetween([...path, 'components'], 1, 5, children.length));
      if (children.length > 1 && children.some((c) => SELECTS.includes(Number(c.type)))) {
        out.push(
          issue(
            [...path, 'components'],
            'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
            'A select menu must be alone in its action row',
            children.length,
          ),
        );
      }
    }
    if (Array.isArray(node.components))
      node.components.forEach((c, i) => walk(c, [...path, 'components', i], depth + 1));
    if (isObject(node.accessory)) walk(node.accessory, [...path, 'accessory'], depth + 1);
  };
  components.forEach((c, i) => walk(c, [...at, i], 0));
  if (!v2 && components.length > 5) out.push(maxLength(at, 5, components.length));
  if (v2 && count > 40)
    out.push(issue(at, 'BASE_TYPE_MAX_LENGTH', 'A message can have at most 40 components in total', count));
  return out;
}

function buttonIssues(b: Record<string, unknown>, path: FormPath): FormIssue[] {
  const out: FormIssue[] = [];
  if (typeof b.label === 'string' && b.label.length > 80) out.push(maxLength([...path, 'label'], 80, b.label.length));
  const style = Number(b.style);
  if (style === ButtonStyle.Link) {
    if (typeof b.url !== 'string') out.push(issue([...path, 'url'], 'BASE_TYPE_REQUIRED', 'This field is required'));
    if (b.custom_id !== undefined && b.custom_id !== null)
      out.push(
        issue([...path, 'custom_id'], 'BUTTON_COMPONENT_CUSTOM_ID_WITH_URL', 'A link button cannot have a custom id'),
      );
  } else if (style !== ButtonStyle.Premium) {
    if (typeof b.custom_id !== 'string')
      out.push(issue([...path, 'custom_id'], 'BASE_TYPE_REQUIRED', 'This field is required'));
    if (b.url !== undefined && b.url !== null)
      out.push(issue([...path, 'url'], 'BUTTON_COMPONENT_URL_WITHOUT_LINK_STYLE', 'Only link buttons can have a url'));
  }
  if (style !== ButtonStyle.Premium && typeof b.label !== 'string' && !isObject(b.emoji)) {
    out.push(
      issue([...path, 'label'], 'BUTTON_COMPONENT_LABEL_OR_EMOJI_REQUIRED', 'A button needs a label or an emoji'),
    );
  }
  return out;
}

function allowedMentionIssues(am: unknown, at: FormPath): FormIssue[] {
  if (!isObject(am)) return [issue(at, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType')];
  const out: FormIssue[] = [];
  const parse = am.parse ?? [];
  if (!Array.isArray(parse))
    out.push(issue([...at, 'parse'], 'LIST_TYPE_CONVERT', 'Only iterables may be used in a ListType'));
  else {
    parse.forEach((p, i) => {
      if (p !== 'users' && p !== 'roles' && p !== 'everyone')
        out.push(
          issue(
            [...at, 'parse', i],
            'BASE_TYPE_CHOICES',
            "Value must be one of ('users', 'roles', 'everyone').",
            JSON.stringify(p),
          ),
        );
    });
  }
  for (const kind of ['users', 'roles'] as const) {
    const list = am[kind];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) {
      out.push(issue([...at, kind], 'LIST_TYPE_CONVERT', 'Only iterables may be used in a ListType'));
      continue;
    }
    if (list.length > 100) out.push(maxLength([...at, kind], 100, list.length));
    list.forEach((id, i) => {
      if (typeof id !== 'string' || !SNOWFLAKE.test(id))
        out.push(issue([...at, kind, i], 'NUMBER_TYPE_COERCE', `Value "${String(id)}" is not snowflake.`));
    });
    if (list.length > 0 && Array.isArray(parse) && parse.includes(kind)) {
      out.push(
        issue(
          [...at, kind],
          'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
          `parse:["${kind}"] and ${kind}: [ids] are mutually exclusive.`,
        ),
      );
    }
  }
  if (am.replied_user !== undefined && am.replied_user !== null && typeof am.replied_user !== 'boolean') {
    out.push(issue([...at, 'replied_user'], 'BOOLEAN_TYPE_CONVERT', 'Must be a boolean.'));
  }
  return out;
}

/** An autocomplete answer: at most 25 choices, names 1–100 characters, string values at most 100. */
export function choiceIssues(choices: unknown, at: FormPath): FormIssue[] {
  if (choices === undefined || choices === null) return [];
  if (!Array.isArray(choices)) return [issue(at, 'LIST_TYPE_CONVERT', 'Only iterables may be used in a ListType')];
  const out: FormIssue[] = [];
  if (choices.length > 25) out.push(maxLength(at, 25, choices.length));
  choices.forEach((c, i) => {
    if (!isObject(c)) return;
    const name = str(c.name);
    if (name.length < 1 || name.length > 100) out.push(lengthBetween([...at, i, 'name'], 1, 100, name.length));
    if (isObject(c.name_localizations)) {
      for (const [locale, v] of Object.entries(c.name_localizations)) {
        if (typeof v === 'string' && (v.length < 1 || v.length > 100))
          out.push(lengthBetween([...at, i, 'name_localizations', locale], 1, 100, v.length));
      }
    }
    if (typeof c.value === 'string' && c.value.length > 100)
      out.push(maxLength([...at, i, 'value'], 100, c.value.length));
    if (typeof c.value !== 'string' && (typeof c.value !== 'number' || !Number.isFinite(c.value))) {
      out.push(
        issue(
          [...at, i, 'value'],
          'BASE_TYPE_REQUIRED',
          'A choice value is a string or a number',
          JSON.stringify(c.value),
        ),
      );
    }
  });
  return out;
}
