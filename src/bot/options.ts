// A command's options, typed from its own definition and read from the raw interaction: a command declares
// `{ name: 'rounds', type: Integer, required: false }` and its handler reads `options.rounds` as `number | undefined`.
import {
  ApplicationCommandOptionType,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataOption,
  type APIAttachment,
  type APIAutocompleteApplicationCommandInteractionData,
  type InteractionType,
  type APIChatInputApplicationCommandInteractionData,
  type APIInteractionDataResolvedChannel,
  type APIInteractionDataResolvedGuildMember,
  type APIRole,
  type APIUser,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';

/** A user option: the user, and their membership when the command ran in a server. */
export interface UserOption {
  id: string;
  user: APIUser;
  member?: APIInteractionDataResolvedGuildMember;
}

/** The shape of an option definition that the types below read (a subset of Discord's). */
interface OptionDefinition {
  type: ApplicationCommandOptionType;
  name: string;
  required?: boolean;
  choices?: readonly { value: string | number }[];
  options?: readonly OptionDefinition[];
}

type ValueOf<O extends OptionDefinition> = O extends { choices: readonly { value: infer V }[] }
  ? V
  : O['type'] extends ApplicationCommandOptionType.String
    ? string
    : O['type'] extends ApplicationCommandOptionType.Integer | ApplicationCommandOptionType.Number
      ? number
      : O['type'] extends ApplicationCommandOptionType.Boolean
        ? boolean
        : O['type'] extends ApplicationCommandOptionType.User
          ? UserOption
          : O['type'] extends ApplicationCommandOptionType.Channel
            ? APIInteractionDataResolvedChannel
            : O['type'] extends ApplicationCommandOptionType.Role
              ? APIRole
              : O['type'] extends ApplicationCommandOptionType.Attachment
                ? APIAttachment
                : string; // Mentionable: the id

/** The options of one level (a command without subcommands, or one subcommand), by name. */
export type OptionsOf<Os> = Os extends readonly OptionDefinition[]
  ? { [O in Os[number] as O['name']]: O extends { required: true } ? ValueOf<O> : ValueOf<O> | undefined }
  : Record<never, never>;

type SubcommandOf<O> = O extends { type: ApplicationCommandOptionType.Subcommand; name: infer N }
  ? { subcommand: N; options: OptionsOf<O extends { options: infer Os } ? Os : undefined> }
  : never;

/**
 * What a chat-input command was called with. With subcommands, a union: switching on `subcommand` narrows
 * `options` to that subcommand's own.
 */
export type InvocationOf<D> = D extends { options: readonly (infer O)[] }
  ? [SubcommandOf<O>] extends [never]
    ? { subcommand: undefined; options: OptionsOf<D['options']> }
    : SubcommandOf<O>
  : { subcommand: undefined; options: Record<never, never> };

export type CommandDefinition = RESTPostAPIChatInputApplicationCommandsJSONBody;

function valueOf(
  option: APIApplicationCommandInteractionDataBasicOption,
  resolved: APIChatInputApplicationCommandInteractionData['resolved'],
): unknown {
  switch (option.type) {
    case ApplicationCommandOptionType.User: {
      const user = resolved?.users?.[option.value];
      const member = resolved?.members?.[option.value];
      // Discord always resolves a user option; a bare id is kept rather than dropped if it ever does not.
      return { id: option.value, user: user ?? { id: option.value }, ...(member && { member }) };
    }
    case ApplicationCommandOptionType.Channel:
      return resolved?.channels?.[option.value] ?? { id: option.value };
    case ApplicationCommandOptionType.Role:
      return resolved?.roles?.[option.value] ?? { id: option.value };
    case ApplicationCommandOptionType.Attachment:
      return resolved?.attachments?.[option.value] ?? { id: option.value };
    default:
      return option.value;
  }
}

/** Reads what a chat-input interaction was called with: its subcommand (if any) and options by name. */
export function readInvocation(data: APIChatInputApplicationCommandInteractionData): {
  subcommand: string | undefined;
  options: Record<string, unknown>;
} {
  let level: readonly APIApplicationCommandInteractionDataOption[] = data.options ?? [];
  let subcommand: string | undefined;
  const group = level[0];
  if (group?.type === ApplicationCommandOptionType.SubcommandGroup) level = group.options;
  const sub = level[0];
  if (sub?.type === ApplicationCommandOptionType.Subcommand) {
    subcommand = group?.type === ApplicationCommandOptionType.SubcommandGroup ? `${group.name} ${sub.name}` : sub.name;
    level = sub.options ?? [];
  }
  const options: Record<string, unknown> = {};
  for (const option of level) {
    if (option.type === ApplicationCommandOptionType.Subcommand) continue;
    if (option.type === ApplicationCommandOptionType.SubcommandGroup) continue;
    options[option.name] = valueOf(option, data.resolved);
  }
  return { subcommand, options };
}

/** The option being typed in an autocomplete interaction, as text. */
export function focusedOption(
  data: APIAutocompleteApplicationCommandInteractionData,
): { name: string; value: string } | undefined {
  let level: readonly APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommandAutocomplete>[] =
    data.options ?? [];
  for (;;) {
    const nested = level.find(
      (option) =>
        option.type === ApplicationCommandOptionType.Subcommand ||
        option.type === ApplicationCommandOptionType.SubcommandGroup,
    );
    if (!nested || !('options' in nested)) break;
    level = nested.options ?? [];
  }
  const focused = level.find((option) => 'focused' in option && option.focused);
  if (!focused || !('value' in focused)) return undefined;
  return { name: focused.name, value: String(focused.value) };
}
