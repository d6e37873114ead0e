// What a file in commands/ exports: its definition (plain API JSON), what it requires (a server, Manage Server),
// and its handlers. The router builds one InteractionContext per interaction, checks the requirements, and calls
// the handler with typed options read from the definition itself.
import type {
  APIApplicationCommandAutocompleteInteraction,
  APIChatInputApplicationCommandInteraction,
  APIMessageComponentInteraction,
} from 'discord-api-types/v10';
import type { Config } from '../config.js';
import type { Facts } from '../facts/facts.js';
import type { CountrySearch } from '../facts/search.js';
import type { Logger } from '../logger.js';
import type { NewsDesk } from '../news/items.js';
import type { MapMaker } from '../render/map/renderer.js';
import type { DailyRepository } from '../store/daily-repository.js';
import type { QuizRepository } from '../store/quiz-repository.js';
import type { ServerSettingsRepository } from '../store/server-settings-repository.js';
import type { DailyPoster } from './daily-poster.js';
import type { InteractionContext } from './interaction.js';
import type { CommandDefinition, InvocationOf } from './options.js';
import type { LiveQuizzes } from './quiz-runner.js';

/** What every handler may use. Built once at start-up (see app.ts). */
export interface Services {
  config: Config;
  facts: Facts;
  search: CountrySearch;
  news: NewsDesk;
  daily: { repository: DailyRepository; poster: DailyPoster };
  quiz: { repository: QuizRepository; runner: LiveQuizzes };
  /** Each server's own settings (/settings). */
  servers: ServerSettingsRepository;
  /** Draws the maps of /country and /relations; without it, answers have no map. */
  maps?: MapMaker;
  log: Logger;
  /** The clock: injectable so tests and the scheduler agree on "now". */
  now: () => Date;
  /** Every loaded command's definition (for /help). */
  definitions: () => readonly CommandDefinition[];
}

/** A slash command as its handler sees it: the context plus what it was called with. */
export type SlashContext<D = CommandDefinition> = InteractionContext<APIChatInputApplicationCommandInteraction> & {
  invocation: InvocationOf<D>;
};

/** An autocomplete request: the option being typed and its text so far. */
export type AutocompleteContext = InteractionContext<APIApplicationCommandAutocompleteInteraction> & {
  focused: { name: string; value: string };
};

/** A click on a button or a choice in a menu whose custom_id starts with `<command name>:`. */
export type ComponentContext = InteractionContext<APIMessageComponentInteraction> & {
  customId: string;
  /** For a select menu: the chosen values. */
  values: string[];
};

export interface Requirements {
  /** Only in a server (not in DMs or private channels). */
  guild?: boolean;
  /** Only for members with Manage Server. Implies guild. Discord also hides the command from others by default. */
  manageServer?: boolean;
}

export interface Command<D extends CommandDefinition = CommandDefinition> {
  data: D;
  requires?: Requirements;
  execute(interaction: SlashContext<D>, services: Services): Promise<void>;
  autocomplete?(interaction: AutocompleteContext, services: Services): Promise<void>;
  component?(interaction: ComponentContext, services: Services): Promise<void>;
}

/**
 * Declares a command. The definition's literal types are kept (`const`), so `interaction.invocation` knows each
 * subcommand's name and each option's name, type and whether it is required.
 */
export function defineCommand<const D extends CommandDefinition>(command: Command<D>): Command {
  return command;
}

/** A command's definition declared on its own, its literal types kept, for handlers typed with SlashContext<typeof data>. */
export function commandData<const D extends CommandDefinition>(data: D): D {
  return data;
}

/** A description in English with its Korean localization, for command and option definitions. */
export function described(en: string, ko: string) {
  return { description: en, description_localizations: { ko } };
}
