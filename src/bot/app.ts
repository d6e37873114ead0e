// Puts the bot together in three steps: build the services (facts, store, commands, posters), wire the gateway's
// interactions to the router, and log in. Used by `npm start`, the playground, the end-to-end tests and the
// benchmarks alike, so all of them run the same bot.
import { REST } from '@discordjs/rest';
import { Routes, type APIInteraction, type APIUser } from 'discord-api-types/v10';
import { createHash, randomBytes } from 'node:crypto';
import type { Config } from '../config.js';
import { loadFacts } from '../facts/load.js';
import { CountrySearch } from '../facts/search.js';
import { InteractionsEndpoint } from '../http/endpoint.js';
import { HttpResponder } from '../http/responder.js';
import { publicKeyFromHex } from '../http/signature.js';
import { createLogger, type Logger } from '../logger.js';
import { loadNews } from '../news/items.js';
import { MapRenderer, type MapMaker } from '../render/map/renderer.js';
import { mapCountries } from '../render/map/request.js';
import { dataDir as defaultDataDir } from '../paths.js';
import { DailyRepository } from '../store/daily-repository.js';
import { Store } from '../store/open-store.js';
import { QuizRepository } from '../store/quiz-repository.js';
import { ServerSettingsRepository } from '../store/server-settings-repository.js';
import type { Services } from './command.js';
import { DailyPoster } from './daily-poster.js';
import { registerCommands, resolveApplicationId, restFor } from './deploy.js';
import { FatalGatewayError, Gateway, restInteractionApi } from './gateway.js';
import type { InteractionApi } from './interaction.js';
import { QuizRunner, type LiveQuizzes } from './quiz-runner.js';
import { SharedQuizRunner } from './shared-quiz-runner.js';
import { loadCommands, type CommandRegistry } from './registry.js';
import { refuseWhileRestarting, routeInteraction } from './router.js';
import { Scheduler } from './scheduler.js';

export { FatalGatewayError };

export interface StartOptions {
  config: Config;
  log?: Logger;
  now?: () => Date;
  dataDir?: string;
  /**
   * Register the commands when their definitions changed since the last start (default true); 'always' registers
   * them whatever the store remembers (the playground: its fake Discord starts empty every time, its store does not).
   */
  syncCommands?: boolean | 'always';
  /** Run the daily-post and quiz clocks (default true). Tests may drive `scheduler.runDue()` and `quizzes.tick()`. */
  schedule?: boolean;
  /** Where the command files are (default: commands/). */
  commandsDir?: string;
  /** Seeds for generated quizzes (default: random). */
  quizSeed?: () => number;
  /** Daily posts started per second (default 48, under Discord's global limit); tests of many servers raise it. */
  dailyPostsPerSecond?: number;
  /** Draws the maps (default: a MapRenderer, whose worker thread starts with the first map); false: no maps. */
  maps?: MapMaker | false;
  /** Called when Discord ends the session for good after start-up (bad token, disallowed intents). */
  onFatal?: (error: FatalGatewayError) => void;
  /** HTTP mode: listen on this port instead of PORT (tests: 0, any free port). */
  port?: number;
  /** HTTP mode: listen on this address (default 0.0.0.0). */
  host?: string;
  /** HTTP mode: defer when a handler has not answered within this (default 2 s; Discord waits 3). */
  deferAfterMs?: number;
}

/** How long a replica holds a daily post before another may send it instead (it died before recording it). */
const dailyLeaseMs = 60_000;

/** How long stop() waits for interactions already being handled. */
const drainTimeoutMs = 10_000;

export interface RunningBot {
  services: Services;
  registry: CommandRegistry;
  scheduler: Scheduler;
  quizzes: LiveQuizzes;
  /** The gateway connection (INTERACTIONS_MODE=gateway); undefined in HTTP mode. */
  gateway: Gateway | undefined;
  /** HTTP mode: the endpoint, and the URL of its POST /interactions on loopback. */
  endpoint?: InteractionsEndpoint;
  interactionsUrl?: string;
  rest: REST;
  applicationId: string;
  /** Stops taking interactions, closes the gateway connection (or the HTTP endpoint) and the store. */
  stop(): Promise<void>;
}

/** Registers commands only when their definitions differ from what this store saw registered last. */
async function syncCommands(
  config: Config,
  registry: CommandRegistry,
  store: Store,
  rest: REST,
  applicationId: string,
  log: Logger,
  always: boolean,
) {
  const definitions = registry.definitions;
  const scope = config.DISCORD_GUILD_ID ?? 'global';
  const hash = createHash('sha256').update(JSON.stringify(definitions)).digest('hex');
  const key = `commands-hash:${applicationId}:${scope}`;
  const meta = await store.namespace<string>('meta');
  // Without the store we cannot tell whether they changed: registering again is harmless.
  if (!always && (await meta.get(key).catch(() => undefined)) === hash) return;
  const result = await registerCommands(rest, applicationId, config.DISCORD_GUILD_ID, definitions);
  await meta.set(key, hash).catch(() => undefined);
  log.info(result, 'slash commands registered');
}

interface Built {
  services: Services;
  store: Store;
  rest: REST;
  registry: CommandRegistry;
  scheduler: Scheduler;
  quizzes: LiveQuizzes;
  dataLoadMs: number;
  /** How long each step of start-up took, ms (logged in the ready line). */
  timings: Record<string, number>;
  /** When building began, ms since the process started (before it: loading the code). */
  started: number;
}

/** Step 1: everything the handlers use, without any connection to Discord yet. */
interface Identity {
  /** The bot's own user id (READY, or GET /users/@me): the daily poster recognises its posts by it. */
  botUserId(): string | undefined;
  /** Whether this process acts for a server: with shards, only for its own; HTTP replicas for all (claims decide). */
  owns(guildId: string): boolean;
}

async function buildServices(options: StartOptions, log: Logger, identity: Identity): Promise<Built> {
  const { config } = options;
  const started = performance.now();
  const dataDir = options.dataDir ?? defaultDataDir;
  const facts = loadFacts(dataDir);
  const news = loadNews(dataDir, facts);
  const search = new CountrySearch(facts.countries, facts.names);
  const dataLoadMs = performance.now() - started;
  if (!facts.country(config.DEFAULT_COUNTRY)) {
    throw new Error(`DEFAULT_COUNTRY ${config.DEFAULT_COUNTRY} is not a country in data/countries.json`);
  }
  const timed = async <T>(step: string, work: Promise<T>): Promise<T> => {
    const from = performance.now();
    const result = await work;
    timings[step] = Math.round(performance.now() - from);
    return result;
  };
  const timings: Record<string, number> = { data: Math.round(dataLoadMs) };
  // The store and the command modules load side by side: both mostly wait for files or the network.
  const opening = timed(
    'store',
    Store.open(config.STORE_URL, (error) =>
      log.warn({ err: error }, 'the store does not answer yet; facts work, settings and scores wait for it'),
    ),
  );
  const loading = timed('commands', loadCommands(options.commandsDir));
  const [opened, loaded] = await Promise.allSettled([opening, loading]);
  if (opened.status === 'rejected') throw opened.reason;
  const store = opened.value;
  if (loaded.status === 'rejected') {
    await store.close().catch(() => undefined);
    throw loaded.reason;
  }
  const registry = loaded.value;
  const rest = restFor(config);
  const now = options.now ?? (() => new Date());
  const environment = { now, log, facts };
  const repository = new DailyRepository(store);
  // Forum posts take no nonce: they go through a client that never repeats a request on its own (see DailyPoster).
  const once = new REST({ api: config.DISCORD_API_URL, retries: 0 }).setToken(config.DISCORD_TOKEN);
  const poster = new DailyPoster(environment, rest, repository, news, () => identity.botUserId(), once);
  const quizRepository = new QuizRepository(store);
  // HTTP replicas keep the live quizzes in the store: the next click may reach any of them.
  const quizzes =
    config.INTERACTIONS_MODE === 'http'
      ? new SharedQuizRunner(environment, rest, store, quizRepository, options.quizSeed)
      : new QuizRunner(environment, rest, quizRepository, options.quizSeed);
  // MAPS=off: answers without pictures (no worker thread, no rendering).
  const maps = options.maps ?? (config.MAPS === 'on' && new MapRenderer(mapCountries(facts.countries)));
  const services: Services = {
    config,
    facts,
    search,
    news,
    daily: { repository, poster },
    quiz: { repository: quizRepository, runner: quizzes },
    servers: new ServerSettingsRepository(store),
    ...(maps && { maps }),
    log,
    now,
    definitions: () => registry.definitions,
  };
  const owns = (guildId: string) => identity.owns(guildId);
  const replica = randomBytes(6).toString('hex');
  // HTTP replicas all run the schedule: a lease in the store picks the one that sends each post.
  const claimDaily =
    config.INTERACTIONS_MODE === 'http'
      ? (guildId: string, day: string) => {
          const at = now().getTime();
          return store.claims().acquire(`daily:${guildId}:${day}`, 'post', replica, at + dailyLeaseMs, at);
        }
      : undefined;
  const scheduler = new Scheduler(environment, repository, poster, owns, options.dailyPostsPerSecond, claimDaily);
  return { services, store, rest, registry, scheduler, quizzes, dataLoadMs, timings, started };
}

/**
 * Step 2: interactions from the gateway go to the router, one context each; during shutdown they are refused
 * politely. Returns what stop() needs: the switch and the interactions in flight.
 */
function wireInteractions(built: Built, defaultApi: InteractionApi) {
  const inFlight = new Set<Promise<void>>();
  let accepting = true;
  /** Handles one interaction, answered through `api` (HTTP mode: its own responder). */
  const onInteraction = (raw: APIInteraction, api: InteractionApi = defaultApi): Promise<void> => {
    if (!accepting) return refuseWhileRestarting(raw, api).catch(() => undefined);
    const handling = routeInteraction(raw, built.registry, built.services, api)
      .catch((error: unknown) =>
        built.services.log.error({ err: error, ref: raw.id }, 'interaction could not be routed'),
      )
      .finally(() => inFlight.delete(handling));
    inFlight.add(handling);
    return handling;
  };
  return {
    onInteraction,
    /** Stops accepting, then waits (up to a limit) for what is being handled. */
    async drain() {
      accepting = false;
      let timer: NodeJS.Timeout | undefined;
      const drained = Promise.allSettled([...inFlight]);
      const timeout = new Promise((resolve) => (timer = setTimeout(resolve, drainTimeoutMs)));
      await Promise.race([drained, timeout]).finally(() => clearTimeout(timer));
    },
  };
}

export async function startBot(options: StartOptions): Promise<RunningBot> {
  const { config } = options;
  const log = options.log ?? createLogger(config.LOG_LEVEL, [config.DISCORD_TOKEN]);
  if (config.INTERACTIONS_MODE === 'http') return startHttpBot(options, log);
  let gateway: Gateway | undefined;
  const built = await buildServices(options, log, {
    botUserId: () => gateway?.botUserId,
    // Which servers are this process's is known once the gateway has its shards (step 3).
    owns: (guildId) => gateway?.ownsGuild(guildId) ?? false,
  });
  const { services, store, rest, registry, scheduler, quizzes } = built;
  const interactions = wireInteractions(built, restInteractionApi(rest));

  // Step 3: log in, on the shards this process runs.
  const { timings } = built;
  try {
    gateway = new Gateway({
      token: config.DISCORD_TOKEN,
      rest,
      shards: config,
      log,
      onInteraction: (raw) => void interactions.onInteraction(raw),
      onFatal: options.onFatal ?? (() => undefined),
    });
    const from = performance.now();
    await gateway.connect();
    timings.gateway = Math.round(performance.now() - from);
  } catch (error) {
    await gateway?.destroy().catch(() => undefined);
    await services.maps?.close();
    await store.close();
    throw error;
  }
  const applicationId = gateway.applicationId ?? (await resolveApplicationId(config, rest));
  const sync = options.syncCommands ?? true;
  const syncing = performance.now();
  if (sync) await syncCommands(config, registry, store, rest, applicationId, log, sync === 'always');
  timings.sync = Math.round(performance.now() - syncing);
  const running = gateway;
  const interrupted = await quizzes
    .closeInterrupted((guildId) => running.ownsGuild(guildId))
    .catch((error: unknown) => {
      log.warn({ err: error }, 'could not look for quizzes cut short by a restart (store unavailable)');
      return 0;
    });
  if (interrupted) log.info({ interrupted }, 'closed quizzes cut short by a restart');
  if (options.schedule ?? true) {
    scheduler.start();
    quizzes.start();
  }
  log.info(
    {
      applicationId,
      commands: registry.all.length,
      countries: services.facts.countries.length,
      shards: gateway.shards,
      dataLoadMs: Math.round(built.dataLoadMs),
      // From the process's start: loading the code, then each step (ms).
      startMs: { code: Math.round(built.started), ...timings, total: Math.round(performance.now()) },
    },
    'attache is ready',
  );

  return {
    services,
    registry,
    scheduler,
    quizzes,
    gateway: running,
    rest,
    applicationId,
    async stop() {
      await interactions.drain();
      await scheduler.stop();
      await quizzes.stop();
      await running.destroy();
      await services.maps?.close();
      await store.close();
    },
  };
}

/** Signatures seen by this process, for when the store cannot say: replays to this replica are still refused. */
class LocalSightings {
  private readonly seen = new Map<string, number>();

  first(signature: string, until: number, now: number): boolean {
    if (this.seen.size > 10_000) for (const [key, end] of this.seen) if (end <= now) this.seen.delete(key);
    const held = this.seen.get(signature);
    if (held !== undefined && held > now) return false;
    this.seen.set(signature, until);
    return true;
  }
}

/**
 * INTERACTIONS_MODE=http: no gateway. Discord POSTs each interaction to the endpoint; any replica may get any of
 * them, so what spans interactions lives in the store, and timers act once through the store's claims.
 */
async function startHttpBot(options: StartOptions, log: Logger): Promise<RunningBot> {
  const { config } = options;
  let botUserId: string | undefined;
  const built = await buildServices(options, log, { botUserId: () => botUserId, owns: () => true });
  const { services, store, rest, registry, scheduler, quizzes } = built;
  const interactions = wireInteractions(built, restInteractionApi(rest));
  const local = new LocalSightings();
  const endpoint = new InteractionsEndpoint({
    port: options.port ?? config.PORT,
    ...(options.host !== undefined && { host: options.host }),
    publicKey: publicKeyFromHex(config.DISCORD_PUBLIC_KEY!),
    log,
    ...(options.deferAfterMs !== undefined && { deferAfterMs: options.deferAfterMs }),
    firstSighting: async (signature, until, now) => {
      const here = local.first(signature, until, now);
      try {
        // Shared by every replica: a request replayed to another one is refused there too.
        return (await store.claims().acquire(`replay:${signature}`, 'seen', 'seen', until, now)) && here;
      } catch (error) {
        log.warn({ err: error }, 'store unavailable: replays checked by this replica only');
        return here;
      }
    },
    healthy: () => store.answers(),
    handle: (raw) => {
      const responder = new HttpResponder(raw, rest);
      return { responder, done: interactions.onInteraction(raw, responder) };
    },
  });
  let interactionsUrl: string;
  let applicationId: string;
  try {
    applicationId = await resolveApplicationId(config, rest);
    botUserId = ((await rest.get(Routes.user())) as APIUser).id;
    const sync = options.syncCommands ?? true;
    if (sync) await syncCommands(config, registry, store, rest, applicationId, log, sync === 'always');
    interactionsUrl = await endpoint.listen();
  } catch (error) {
    await services.maps?.close();
    await store.close();
    throw error;
  }
  if (options.schedule ?? true) {
    scheduler.start();
    quizzes.start();
  }
  log.info(
    {
      applicationId,
      commands: registry.all.length,
      countries: services.facts.countries.length,
      mode: 'http',
      port: new URL(interactionsUrl).port,
      dataLoadMs: Math.round(built.dataLoadMs),
    },
    'attache is ready',
  );
  let stopping: Promise<void> | undefined;
  return {
    services,
    registry,
    scheduler,
    quizzes,
    gateway: undefined,
    endpoint,
    interactionsUrl,
    rest,
    applicationId,
    stop() {
      // Once: a second call waits for the first.
      stopping ??= (async () => {
        endpoint.beginStopping();
        await interactions.drain();
        await endpoint.close();
        await scheduler.stop();
        await quizzes.stop();
        await services.maps?.close();
        await store.close();
      })();
      return stopping;
    },
  };
}
