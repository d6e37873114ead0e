// /help: one line per command (and per subcommand), in the reader's language, from the definitions themselves.
import {
  ApplicationCommandOptionType,
  type APIApplicationCommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { strings, type Language } from './i18n.js';
import type { Reply } from './reply.js';

type Described = { description: string; description_localizations?: Partial<Record<string, string | null>> | null };

function describe(item: Described, language: Language): string {
  return (language === 'ko' && item.description_localizations?.ko) || item.description;
}

function usage(options: readonly APIApplicationCommandOption[] | undefined): string {
  return (options ?? [])
    .map((option) => ('required' in option && option.required ? `${option.name}:` : `[${option.name}:]`))
    .join(' ');
}

export function helpReply(definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[], language: Language): Reply {
  const t = strings[language];
  const lines: string[] = [];
  for (const command of [...definitions].sort((a, b) => a.name.localeCompare(b.name))) {
    const subcommands = (command.options ?? []).filter((option) => option.type === ApplicationCommandOptionType.Subcommand);
    if (subcommands.length === 0) {
      lines.push(`**/${command.name}** ${usage(command.options)}`.trim() + ` : ${describe(command, language)}`);
      continue;
    }
    for (const sub of subcommands) {
      const options = 'options' in sub ? sub.options : undefined;
      lines.push(`**/${command.name} ${sub.name}** ${usage(options)}`.trim() + ` : ${describe(sub, language)}`);
    }
  }
  return { ephemeral: true, embeds: [{ title: t.helpTitle, description: lines.join('\n'), footer: { text: t.helpFooter } }] };
}
