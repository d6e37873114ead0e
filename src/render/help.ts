// /help: one line per command (and per subcommand), in the reader's language, from the definitions themselves.
// Korean readers see the Korean command and option names, as their Discord client shows them.
import {
  ApplicationCommandOptionType,
  type APIApplicationCommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { strings, type Language } from './i18n.js';
import type { Reply } from './reply.js';

type Localized = {
  name: string;
  description: string;
  name_localizations?: Partial<Record<string, string | null>> | null;
  description_localizations?: Partial<Record<string, string | null>> | null;
};

const nameOf = (item: Localized, language: Language) => (language === 'ko' && item.name_localizations?.ko) || item.name;
const describe = (item: Localized, language: Language) =>
  (language === 'ko' && item.description_localizations?.ko) || item.description;

/** Options as `country` `[with]`: brackets mark the optional ones. */
function usage(options: readonly APIApplicationCommandOption[] | undefined, language: Language): string {
  return (options ?? [])
    .map(
      (option) =>
        `\`${'required' in option && option.required ? nameOf(option, language) : `[${nameOf(option, language)}]`}\``,
    )
    .join(' ');
}

function line(
  path: string,
  options: readonly APIApplicationCommandOption[] | undefined,
  description: string,
  language: Language,
): string {
  return [`**/${path}**`, usage(options, language), `— ${description}`].filter(Boolean).join(' ');
}

export function helpReply(
  definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
  language: Language,
): Reply {
  const t = strings[language];
  const lines: string[] = [];
  for (const command of [...definitions].sort((a, b) => a.name.localeCompare(b.name))) {
    const subcommands = (command.options ?? []).filter(
      (option) => option.type === ApplicationCommandOptionType.Subcommand,
    );
    if (subcommands.length === 0) {
      lines.push(line(nameOf(command, language), command.options, describe(command, language), language));
      continue;
    }
    for (const sub of subcommands) {
      const options = 'options' in sub ? sub.options : undefined;
      lines.push(
        line(`${nameOf(command, language)} ${nameOf(sub, language)}`, options, describe(sub, language), language),
      );
    }
  }
  return {
    ephemeral: true,
    embeds: [{ title: t.helpTitle, description: lines.join('\n'), footer: { text: t.helpFooter } }],
  };
}
