// What a file in commands/ exports, and what its handlers get to work with.
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageComponentInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Config } from '../config.js';
import type { Facts } from '../facts/facts.js';
import type { CountrySearch } from '../facts/search.js';
import type { Logger } from '../logger.js';
import type { NewsDesk } from '../news/items.js';
import type { DailyRepository } from '../store/daily-repository.js';
import type { QuizRepository } from '../store/quiz-repository.js';
import type { DailyPoster } from './daily-poster.js';
import type { QuizRunner } from './quiz-runner.js';

export interface BotContext {
  config: Config;
  facts: Facts;
  search: CountrySearch;
  news: NewsDesk;
  daily: { repository: DailyRepository; poster: DailyPoster };
  quiz: { repository: QuizRepository; runner: QuizRunner };
  log: Logger;
  /** The clock: injectable so tests and the scheduler agree on "now". */
  now: () => Date;
  /** Every loaded command's definition (for /help). */
  definitions: () => readonly RESTPostAPIChatInputApplicationCommandsJSONBody[];
}

export interface Command {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
  /** Buttons and menus whose custom_id starts with `<command name>:`. */
  component?(interaction: MessageComponentInteraction, ctx: BotContext): Promise<void>;
}

/** A description in English with its Korean localization, for command and option definitions. */
export function described(en: string, ko: string) {
  return { description: en, description_localizations: { ko } };
}
