/**
 * Turns '/name [group] [subcommand] opt:value opt2:value with spaces' (or a SlashCommandSpec) into
 * interaction data, using the command definitions the bot registered.
 */
import {
  ApplicationCommandOptionType as T,
  ApplicationCommandType,
  type APIApplicationCommand,
  type APIApplicationCommandOption,
  type APIInteractionDataResolved,
  type APIInteractionDataResolvedChannel,
  type APIInteractionDataResolvedGuildMember,
  type APIRole,
  type APIUser,
} from 'discord-api-types/v10';
import type { OptionValue, SlashCommandSpec } from './types.js';

/** One entry of interaction `data.options` (nested for subcommands and groups). */
export interface DataOption {
  name: string;
  type: T;
  value?: OptionValue;
  focused?: boolean;
  options?: DataOption[];
}

export interface ParsedCommand {
  command: APIApplicationCommand;
  group?: string;
  subcommand?: string;
  /** The leaf options, as typed values. */
  values: Record<string, OptionValue>;
  /** `data.options` as Discord nests them. */
  options: DataOption[];
  resolved?: APIInteractionDataResolved;
}

/** Looks up mentioned entities so `resolved` can be filled; each returns undefined for an unknown id. */
export interface ParseContext {
  channel?(ref: string): APIInteractionDataResolvedChannel | undefined;
  user?(id: string): { user: APIUser; member?: APIInteractionDataResolvedGuildMember } | undefined;
  role?(id: string): APIRole | undefined;
}

export interface ParseMode {
  /** Autocomplete: this option is focused (added with '' when absent); values are not checked. */
  focused?: string;
}

type Raw = { name: string; raw: OptionValue };

export function parseCommandLine(
  line: string,
  commands: readonly APIApplicationCommand[],
  ctx: ParseContext = {},
  mode: ParseMode = {},
): ParsedCommand {
  const trimmed = line.trim();
  const head = /^\/(\S+)\s*/.exec(trimmed);
  if (!head) throw new Error(`A command line starts with '/': ${JSON.stringify(line)}`);
  const command = findCommand(head[1]!, commands);
  let rest = trimmed.slice(head[0].length);
  const path: string[] = [];
  let level = command.options ?? [];
  while (level.some(isSubLevel)) {
    const word = /^(\S+)\s*/.exec(rest);
    const names = level.filter(isSubLevel).map((o) => o.name);
    if (!word || !names.includes(word[1]!)) {
      throw new Error(`/${command.name} needs one of: ${names.join(', ')}${word ? ` (got '${word[1]}')` : ''}`);
    }
    path.push(word[1]!);
    rest = rest.slice(word[0].length);
    level = subOptions(level, word[1]!);
  }
  const entries = splitOptions(
    rest,
    level.map((o) => o.name),
    `/${command.name}${path.map((p) => ` ${p}`).join('')}`,
  );
  return build(command, path, entries, ctx, mode);
}

export function parseCommandSpec(
  spec: SlashCommandSpec,
  commands: readonly APIApplicationCommand[],
  ctx: ParseContext = {},
  mode: ParseMode = {},
): ParsedCommand {
  const command = findCommand(spec.name, commands);
  const path = [spec.group, spec.subcommand].filter((p): p is string => p !== undefined);
  const entries = Object.entries(spec.options ?? {}).map(([name, raw]) => ({ name, raw }));
  return build(command, path, entries, ctx, mode);
}

/** Splits 'a:1 b:two words' at the known option names. */
export function splitOptions(text: string, known: readonly string[], where = 'the command'): Raw[] {
  if (!text.trim()) return [];
  if (known.length === 0) throw new Error(`${where} takes no options (got ${JSON.stringify(text)})`);
  const alternatives = [...known]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  const marks = [...text.matchAll(new RegExp(`(^|\\s)(${alternatives}):`, 'gu'))];
  const first = marks[0];
  const lead = text.slice(0, first ? first.index : text.length).trim();
  if (lead)
    throw new Error(`Unexpected text ${JSON.stringify(lead)} in ${where}; its options are: ${known.join(', ')}`);
  return marks.map((m, i) => {
    const start = m.index + m[0].length;
    const end = marks[i + 1]?.index ?? text.length;
    return { name: m[2]!, raw: text.slice(start, end).trim() };
  });
}

/** '/name sub opt:<type> [opt2:<type>]' lines for the registered chat-input commands. */
export function commandUsage(command: APIApplicationCommand): string[] {
  const leaf = (prefix: string, opts: readonly APIApplicationCommandOption[]) =>
    [
      prefix,
      ...opts.map((o) => (o.required ? `${o.name}:<${typeName(o.type)}>` : `[${o.name}:<${typeName(o.type)}>]`)),
    ].join(' ');
  const walk = (prefix: string, opts: readonly APIApplicationCommandOption[]): string[] =>
    opts.some(isSubLevel)
      ? opts.filter(isSubLevel).flatMap((o) => walk(`${prefix} ${o.name}`, subOptions(opts, o.name)))
      : [leaf(prefix, opts)];
  return walk(`/${command.name}`, command.options ?? []);
}

function findCommand(name: string, commands: readonly APIApplicationCommand[]): APIApplicationCommand {
  const chat = commands.filter((c) => c.type === ApplicationCommandType.ChatInput);
  const found = chat.find((c) => c.name === name);
  if (found) return found;
  if (chat.length === 0) throw new Error(`Unknown command /${name}: the bot has registered no slash commands yet`);
  throw new Error(`Unknown command /${name}; known commands: ${chat.map((c) => `/${c.name}`).join(', ')}`);
}

function build(
  command: APIApplicationCommand,
  path: string[],
  entries: Raw[],
  ctx: ParseContext,
  mode: ParseMode,
): ParsedCommand {
  let level = command.options ?? [];
  const where = [`/${command.name}`];
  for (const step of path) {
    const names = level.filter(isSubLevel).map((o) => o.name);
    if (!names.includes(step))
      throw new Error(`${where.join(' ')} has no subcommand or group '${step}'; known: ${names.join(', ') || 'none'}`);
    where.push(step);
    level = subOptions(level, step);
  }
  if (level.some(isSubLevel))
    throw new Error(
      `${where.join(' ')} needs one of: ${level
        .filter(isSubLevel)
        .map((o) => o.name)
        .join(', ')}`,
    );
  const label = where.join(' ');
  const strict = mode.focused === undefined;
  if (!strict && !entries.some((e) => e.name === mode.focused))
    entries = [...entries, { name: mode.focused!, raw: '' }];

  const resolved: APIInteractionDataResolved = {};
  const values: Record<string, OptionValue> = {};
  const leaves: DataOption[] = [];
  for (const { name, raw } of entries) {
    const def = level.find((o) => o.name === name);
    if (!def)
      throw new Error(
        `${label} has no option '${name}'; its options are: ${level.map((o) => o.name).join(', ') || 'none'}`,
      );
    if (name in values) throw new Error(`${label}: option '${name}' given twice`);
    if (name === mode.focused) {
      if (!('autocomplete' in def) || !def.autocomplete)
        throw new Error(`${label}: option '${name}' has no autocomplete`);
      values[name] = String(raw);
      leaves.push({ name, type: def.type, value: String(raw), focused: true });
      continue;
    }
    let value: OptionValue;
    try {
      value = convert(def, raw, ctx, resolved, strict);
    } catch (e) {
      if (strict) throw new Error(`${label}: option '${name}': ${(e as Error).message}`);
      value = String(raw);
    }
    values[name] = value;
    leaves.push({ name, type: def.type, value });
  }
  if (strict) {
    const missing = level.filter((o) => 'required' in o && o.required && !(o.name in values)).map((o) => o.name);
    if (missing.length) throw new Error(`${label}: missing required option(s): ${missing.join(', ')}`);
  }
  let options = leaves;
  for (let i = path.length - 1; i >= 0; i--) {
    options = [{ name: path[i]!, type: i === path.length - 1 ? T.Subcommand : T.SubcommandGroup, options }];
  }
  const out: ParsedCommand = { command, values, options };
  if (path.length === 2) out.group = path[0]!;
  if (path.length > 0) out.subcommand = path[path.length - 1]!;
  if (Object.keys(resolved).length > 0) out.resolved = resolved;
  return out;
}

function convert(
  def: APIApplicationCommandOption,
  raw: OptionValue,
  ctx: ParseContext,
  resolved: APIInteractionDataResolved,
  strict: boolean,
): OptionValue {
  const text = String(raw).trim();
  let value: OptionValue;
  switch (def.type) {
    case T.String:
      value = String(raw);
      if (strict && def.min_length !== undefined && value.length < def.min_length)
        throw new Error(`must be at least ${def.min_length} characters`);
      if (strict && def.max_length !== undefined && value.length > def.max_length)
        throw new Error(`must be at most ${def.max_length} characters`);
      break;
    case T.Integer:
    case T.Number: {
      value = typeof raw === 'number' ? raw : Number(text);
      if (text === '' || !Number.isFinite(value)) throw new Error(`${JSON.stringify(raw)} is not a number`);
      if (def.type === T.Integer && !Number.isSafeInteger(value))
        throw new Error(`${JSON.stringify(raw)} is not an integer`);
      if (strict && def.min_value !== undefined && value < def.min_value)
        throw new Error(`must be >= ${def.min_value}`);
      if (strict && def.max_value !== undefined && value > def.max_value)
        throw new Error(`must be <= ${def.max_value}`);
      break;
    }
    case T.Boolean:
      if (typeof raw === 'boolean') value = raw;
      else if (/^(true|yes)$/i.test(text)) value = true;
      else if (/^(false|no)$/i.test(text)) value = false;
      else throw new Error(`${JSON.stringify(raw)} is not true/false`);
      break;
    case T.Channel: {
      const ref = /^<#(\d+)>$/.exec(text)?.[1] ?? text;
      const channel = ctx.channel ? ctx.channel(ref) : undefined;
      if (ctx.channel && !channel) throw new Error(`unknown channel ${JSON.stringify(text)}`);
      value = channel?.id ?? ref;
      if (channel) (resolved.channels ??= {})[channel.id] = channel;
      break;
    }
    case T.User:
    case T.Mentionable:
    case T.Role: {
      const role = /^<@&(\d+)>$/.exec(text)?.[1];
      const userId = /^<@!?(\d+)>$/.exec(text)?.[1];
      const id = role ?? userId ?? text;
      if (!/^\d{1,20}$/.test(id)) throw new Error(`${JSON.stringify(raw)} is not a mention or an id`);
      const asRole = def.type === T.Role || (def.type === T.Mentionable && role !== undefined);
      if (asRole) {
        const r = ctx.role?.(id);
        if (ctx.role && !r) throw new Error(`unknown role ${id}`);
        if (r) (resolved.roles ??= {})[id] = r;
      } else {
        const u = ctx.user?.(id);
        if (ctx.user && !u) throw new Error(`unknown user ${id}`);
        if (u) {
          (resolved.users ??= {})[id] = u.user;
          if (u.member) (resolved.members ??= {})[id] = u.member;
        }
      }
      value = id;
      break;
    }
    default:
      throw new Error(`options of type ${typeName(def.type)} are not supported by the fake`);
  }
  if (strict && 'choices' in def && def.choices?.length) {
    const choice = def.choices.find((c) => c.value === value || c.name === value);
    if (!choice)
      throw new Error(
        `${JSON.stringify(raw)} is not one of the choices: ${def.choices.map((c) => c.value).join(', ')}`,
      );
    value = choice.value;
  }
  return value;
}

function isSubLevel(o: APIApplicationCommandOption): boolean {
  return o.type === T.Subcommand || o.type === T.SubcommandGroup;
}

function subOptions(level: readonly APIApplicationCommandOption[], name: string): APIApplicationCommandOption[] {
  const o = level.find((x) => x.name === name);
  return o && (o.type === T.Subcommand || o.type === T.SubcommandGroup) ? (o.options ?? []) : [];
}

function typeName(t: T): string {
  return (T[t] ?? String(t)).toLowerCase();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
