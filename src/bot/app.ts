// Puts the bot together: facts → store → commands → client → login. Used by `npm start`, the playground,
// the end-to-end tests and the benchmarks alike, so all of them run the same bot.
import { Events, type Client } from 'discord.js';
import { createHash } from 'node:crypto';
import type { Config } from '../config.js';
import { loadFacts } from '../facts/load.js';
import { loadNews } from '../news/items.js';
import { DailyRepository } from '../store/daily-repository.js';
import { DailyPoster } from './daily-poster.js';
import { Scheduler } from './scheduler.js';
import { QuizRepository } from '../store/quiz-repository.js';
import { QuizRunner } from './quiz-runner.js';
import { CountrySearch } from '../facts/search.js';
import { createLogger, type Logger } from '../logger.js';
import { dataDir as defaultDataDir } from '../paths.js';
import { Store } from '../store/open-store.js';
import { createClient } from './client.js';
import type { BotContext } from './command.js';
import { registerCommands, resolveApplicationId, restFor } from './deploy.js';
import { loadCommands, type CommandRegistry } from './registry.js';
import { routeInteraction } from './router.js';
import { respond } from './respond.js';
import { languageOf, strings } from '../render/i18n.js';

export interface StartOptions {
  config: Config;
  log?: Logger;
  now?: () => Date;
  dataDir?: string;
  /** Register the commands when their definitions changed since the last start (default true). */
  syncCommands?: boolean;
  /** Run the daily-post and quiz clocks (default true). Tests may drive `scheduler.runDue()` and `quizzes.tick()`. */
  schedule?: boolean;
  /** Where the command files are (default: commands/). */
  commandsDir?: string;
  /** Seeds for generated quizzes (default: random). */
  quizSeed?: () => number;
  /** Called when Discord ends the session for good after start-up (bad token, disallowed intents). */
  onFatal?: (error: FatalGatewayError) => void;
}

/** How long stop() waits for interactions already being handled. */
const drainTimeoutMs = 10_000;

/** The gateway closed with a code that reconnecting cannot fix. */
export class FatalGatewayError extends Error {
  override name = 'FatalGatewayError';
  constructor(readonly code: number) {
    super(
      code === 4004
        ? 'Discord rejected the bot token (gateway close 4004). Check DISCORD_TOKEN; reset it in the developer portal if it leaked.'
        : code === 4014
          ? 'Discord refused the gateway intents (close 4014): enable them for the bot in the developer portal, or remove them.'
          : `Discord closed the gateway with code ${code}, which cannot be resumed.`,
    );
  }
}

export interface RunningBot {
  client: Client;
  ctx: BotContext;
  registry: CommandRegistry;
  scheduler: Scheduler;
  quizzes: QuizRunner;
  applicationId: string;
  /** Stops taking interactions, closes the gateway connection and the store. */
  stop(): Promise<void>;
}

/** Registers commands only when their definitions differ from what this store saw registered last. */
async function syncCommands(
  config: Config,
  registry: CommandRegistry,
  store: Store,
  applicationId: string,
  log: Logger,
) {
  const definitions = registry.definitions;
  const scope = config.DISCORD_GUILD_ID ?? 'global';
  const hash = createHash('sha256').update(JSON.stringify(definitions)).digest('hex');
  const key = `commands-hash:${applicationId}:${scope}`;
  const meta = await store.namespace<string>('meta');
  // Without the store we cannot tell whether they changed: registering again is harmless.
  if ((await meta.get(key).catch(() => undefined)) === hash) return;
  const result = await registerCommands(restFor(config), applicationId, config.DISCORD_GUILD_ID, definitions);
  await meta.set(key, hash).catch(() => undefined);
  log.info(result, 'slash commands registered');
}

export async function startBot(options: StartOptions): Promise<RunningBot> {
  const { config } = options;
  const log = options.log ?? createLogger(config.LOG_LEVEL, [config.DISCORD_TOKEN]);
  const started = performance.now();
  const dataDir = options.dataDir ?? defaultDataDir;
  const facts = loadFacts(dataDir);
  const news = loadNews(dataDir, facts);
  const search = new CountrySearch(facts.countries, facts.names);
  const factsMs = performance.now() - started;
  if (!facts.country(config.DEFAULT_COUNTRY)) {
    throw new Error(`DEFAULT_COUNTRY ${config.DEFAULT_COUNTRY} is not a country in data/countries.json`);
  }
  const store = await Store.open(config.STORE_URL, (error) =>
    log.warn({ err: error }, 'the store does not answer yet; facts work, settings and scores wait for it'),
  );
  const registry = await loadCommands(options.commandsDir);
  const client = createClient(config);
  const now = options.now ?? (() => new Date());
  const repository = new DailyRepository(store);
  const poster = new DailyPoster({ now, log, facts }, client.rest, repository, news, () => client.user?.id);
  const scheduler = new Scheduler({ now, log }, repository, poster);
  const quizRepository = new QuizRepository(store);
  const quizRunner = new QuizRunner({ now, log, facts }, client.rest, quizRepository, options.quizSeed);
  const ctx: BotContext = {
    config,
    facts,
    search,
    news,
    daily: { repository, poster },
    quiz: { repository: quizRepository, runner: quizRunner },
    log,
    now,
    definitions: () => registry.definitions,
  };

  // Interactions being handled now, so a shutdown can let them finish.
  const inFlight = new Set<Promise<void>>();
  let accepting = true;
  client.on(Events.InteractionCreate, (interaction) => {
    if (!accepting) {
      if (interaction.isRepliable()) {
        void respond(interaction, {
          ephemeral: true,
          content: strings[languageOf(interaction.locale)].restarting,
        }).catch(() => undefined);
      }
      return;
    }
    const handling = routeInteraction(interaction, registry, ctx).finally(() => inFlight.delete(handling));
    inFlight.add(handling);
  });
  client.on(Events.Error, (error) => log.error({ err: error }, 'discord client error'));
  if (log.isLevelEnabled('trace')) client.on(Events.Debug, (message) => log.trace({ discord: message }, 'discord.js'));

  let rejectStart: (error: Error) => void = () => undefined;
  let startedUp = false;
  client.on(Events.ShardDisconnect, ({ code }) => {
    const error = new FatalGatewayError(code);
    log.fatal({ code }, error.message);
    if (!startedUp) rejectStart(error);
    else (options.onFatal ?? (() => undefined))(error);
  });
  const ready = new Promise<void>((resolve, reject) => {
    rejectStart = reject;
    client.once(Events.ClientReady, () => resolve());
  });
  try {
    await client.login(config.DISCORD_TOKEN);
    await ready;
    startedUp = true;
  } catch (error) {
    await client.destroy();
    await store.close();
    throw error;
  }
  const applicationId = client.application?.id ?? (await resolveApplicationId(config, restFor(config)));
  if (options.syncCommands ?? true) await syncCommands(config, registry, store, applicationId, log);
  const interrupted = await quizRunner.closeInterrupted().catch((error: unknown) => {
    log.warn({ err: error }, 'could not look for quizzes cut short by a restart (store unavailable)');
    return 0;
  });
  if (interrupted) log.info({ interrupted }, 'closed quizzes cut short by a restart');
  if (options.schedule ?? true) {
    scheduler.start();
    quizRunner.start();
  }
  log.info(
    {
      applicationId,
      commands: registry.all.length,
      countries: facts.countries.length,
      dataLoadMs: Math.round(factsMs),
    },
    'attache is ready',
  );

  return {
    client,
    ctx,
    registry,
    scheduler,
    quizzes: quizRunner,
    applicationId,
    async stop() {
      accepting = false;
      let timer: NodeJS.Timeout | undefined;
      const drained = Promise.allSettled([...inFlight]);
      const timeout = new Promise((resolve) => (timer = setTimeout(resolve, drainTimeoutMs)));
      await Promise.race([drained, timeout]).finally(() => clearTimeout(timer));
      await scheduler.stop();
      await quizRunner.stop();
      await client.destroy();
      await store.close();
    },
  };
}
