/** Discord's documented rules for application commands, beyond what the spec's schemas encode. */
import { ApplicationCommandOptionType as T, ApplicationCommandType, Locale } from 'discord-api-types/v10';
import { isObject } from './commands.js';
import { choiceIssues } from './strict-messages.js';
import { issue, lengthBetween, maxLength, type FormIssue, type FormPath } from './strict-errors.js';

/** Discord's regex for command and option names. */
export const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const LOCALES = new Set<string>(Object.values(Locale));
const MAX_PER_TYPE: Record<number, number> = {
  [ApplicationCommandType.ChatInput]: 100,
  [ApplicationCommandType.User]: 15,
  [ApplicationCommandType.Message]: 15,
};
const MAX_COMMAND_SIZE = 8000;

/** A bulk overwrite (PUT): each command, and how many of each type. */
export function bulkCommandIssues(body: unknown): FormIssue[] {
  if (!Array.isArray(body)) return [];
  const out = body.flatMap((c, i) => commandIssues(c, [i]));
  for (const [type, max] of Object.entries(MAX_PER_TYPE)) {
    const n = body.filter(
      (c) => isObject(c) && Number(c.type ?? ApplicationCommandType.ChatInput) === Number(type),
    ).length;
    if (n > max) out.push(issue([], 'APPLICATION_COMMANDS_TOO_MANY', `At most ${max} commands of type ${type}`, n));
  }
  return out;
}

/** One command: names, descriptions, localizations, options, and the 8000-character total. */
export function commandIssues(cmd: unknown, at: FormPath): FormIssue[] {
  if (!isObject(cmd)) return [];
  const chatInput = Number(cmd.type ?? ApplicationCommandType.ChatInput) === ApplicationCommandType.ChatInput;
  const out = [...nameIssues(cmd, at, chatInput)];
  if (chatInput) out.push(...descriptionIssues(cmd, at));
  if (chatInput && Array.isArray(cmd.options)) out.push(...optionIssues(cmd.options, [...at, 'options'], 'command'));
  const size = commandSize(cmd);
  if (size > MAX_COMMAND_SIZE)
    out.push(issue(at, 'APPLICATION_COMMAND_TOO_LARGE', `Command exceeds maximum size (${MAX_COMMAND_SIZE})`, size));
  return out;
}

function nameIssues(o: Record<string, unknown>, at: FormPath, lowercase: boolean): FormIssue[] {
  const out: FormIssue[] = [];
  const check = (value: unknown, path: FormPath) => {
    if (typeof value !== 'string') return out.push(issue(path, 'BASE_TYPE_REQUIRED', 'This field is required'));
    if (value.length < 1 || value.length > 32) return out.push(lengthBetween(path, 1, 32, value.length));
    if (!COMMAND_NAME.test(value) || (lowercase && value !== value.toLowerCase())) {
      out.push(issue(path, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid', JSON.stringify(value)));
    }
  };
  check(o.name, [...at, 'name']);
  localizations(o.name_localizations, [...at, 'name_localizations'], out, check);
  return out;
}

function descriptionIssues(o: Record<string, unknown>, at: FormPath): FormIssue[] {
  const out: FormIssue[] = [];
  const check = (value: unknown, path: FormPath) => {
    const n = typeof value === 'string' ? value.length : 0;
    if (n < 1 || n > 100) out.push(lengthBetween(path, 1, 100, n));
  };
  check(o.description, [...at, 'description']);
  localizations(o.description_localizations, [...at, 'description_localizations'], out, check);
  return out;
}

function localizations(
  map: unknown,
  at: FormPath,
  out: FormIssue[],
  check: (value: unknown, path: FormPath) => void,
): void {
  if (map === undefined || map === null) return;
  if (!isObject(map))
    return void out.push(issue(at, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType'));
  for (const [locale, value] of Object.entries(map)) {
    if (!LOCALES.has(locale)) out.push(issue([...at, locale], 'LOCALE_INVALID', `Invalid locale: ${locale}`));
    else check(value, [...at, locale]);
  }
}

type Level = 'command' | 'group' | 'subcommand';
const isSub = (o: Record<string, unknown>) => o.type === T.Subcommand || o.type === T.SubcommandGroup;

function optionIssues(options: unknown[], at: FormPath, level: Level): FormIssue[] {
  const out: FormIssue[] = [];
  if (options.length > 25) out.push(maxLength(at, 25, options.length));
  const opts = options.filter(isObject);
  const names = new Set<string>();
  let optionalSeen = false;
  opts.forEach((o, i) => {
    const p = [...at, i];
    out.push(...nameIssues(o, p, true), ...descriptionIssues(o, p));
    if (typeof o.name === 'string') {
      if (names.has(o.name))
        out.push(
          issue([...p, 'name'], 'APPLICATION_COMMAND_OPTION_NAME_NOT_UNIQUE', 'Option names must be unique', o.name),
        );
      names.add(o.name);
    }
    const allowedHere = level === 'command' ? true : level === 'group' ? o.type === T.Subcommand : !isSub(o);
    if (!allowedHere)
      out.push(
        issue(
          [...p, 'type'],
          'APPLICATION_COMMAND_OPTION_TYPE_INVALID',
          `Option type ${String(o.type)} is not allowed in a ${level}`,
        ),
      );
    if (!isSub(o)) {
      if (o.required === true && optionalSeen)
        out.push(
          issue(
            [...p, 'required'],
            'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
            'Required options must be placed before non-required options',
          ),
        );
      if (o.required !== true) optionalSeen = true;
    }
    if (Array.isArray(o.choices) && o.choices.length > 0 && o.autocomplete === true) {
      out.push(
        issue(
          [...p, 'autocomplete'],
          'APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_WITH_CHOICES',
          'Autocomplete cannot be enabled on an option with choices',
        ),
      );
    }
    out.push(...choiceIssues(o.choices, [...p, 'choices']));
    if (Array.isArray(o.options) && isSub(o))
      out.push(...optionIssues(o.options, [...p, 'options'], o.type === T.SubcommandGroup ? 'group' : 'subcommand'));
  });
  if (level === 'command' && opts.some(isSub) && !opts.every(isSub)) {
    out.push(
      issue(
        at,
        'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID',
        'Subcommands and groups cannot be mixed with other options',
      ),
    );
  }
  return out;
}

/** Name, description, choice names and values; for a localized field, its longest version counts. */
function commandSize(o: Record<string, unknown>): number {
  const longest = (value: unknown, map: unknown) =>
    Math.max(
      typeof value === 'string' ? value.length : 0,
      ...(isObject(map) ? Object.values(map).map((v) => (typeof v === 'string' ? v.length : 0)) : []),
    );
  let n = longest(o.name, o.name_localizations) + longest(o.description, o.description_localizations);
  if (Array.isArray(o.choices))
    for (const c of o.choices.filter(isObject))
      n += longest(c.name, c.name_localizations) + String(c.value ?? '').length;
  if (Array.isArray(o.options)) for (const child of o.options.filter(isObject)) n += commandSize(child);
  return n;
}
