/** FakeDiscord: REST API + gateway on one loopback port, driven by tests, the playground and benchmarks. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ComponentType,
  GatewayDispatchEvents,
  type APIApplicationCommand,
  type APIApplicationCommandOptionChoice,
  type APIAttachment,
  type APIInteraction,
  type APIMessage,
  type APIUser,
} from 'discord-api-types/v10';
import { parseCommandLine, parseCommandSpec, type ParsedCommand } from './command-line.js';
import { Gateway, type GatewaySessionInfo } from './gateway.js';
import type { GatewayStats } from './gateway-sessions.js';
import {
  InteractionTracker,
  type InteractionKind,
  type InteractionStats,
  type TrackedInteraction,
} from './interaction-tracker.js';
import {
  actorParseContext,
  autocompleteInteraction,
  buttonInteraction,
  stringSelectInteraction,
  commandInteraction,
  offeredInDm,
  resolveActor,
  type Actor,
} from './interactions.js';
import { HttpDelivery, type SignedHeaders } from './http-delivery.js';
import { parseBody } from './http-io.js';
import { attachmentBytes, findComponents, findSelectMenu } from './messages.js';
import { canUseCommand } from './permissions.js';
import { addInteractionRoutes } from './rest-interactions.js';
import { Router } from './rest-router.js';
import { addCoreRoutes } from './rest-routes.js';
import { addThreadRoutes } from './rest-threads.js';
import { rateLimitResponse } from './rest-faults.js';
import { RestApi, matches } from './rest-server.js';
import { recommendedShards } from './sharding.js';
import { ChangeSignal, type Check } from './signal.js';
import type {
  ActorSpec,
  FakeDiscordOptions,
  FakeGuild,
  InjectedResponse,
  InteractionCallOptions,
  InteractionResult,
  RateLimitSpec,
  RecordedRequest,
  RequestMatch,
  SlashCommandSpec,
  Violation,
} from './types.js';
import { World } from './world.js';

export class FakeDiscord {
  /** e.g. http://127.0.0.1:PORT/api — pass as `rest: { api }` to discord.js. */
  readonly apiUrl: string;
  /** ws://127.0.0.1:PORT/gateway */
  readonly gatewayUrl: string;
  readonly port: number;

  private readonly signal = new ChangeSignal();
  private readonly tracker: InteractionTracker;
  private readonly gateway: Gateway;
  private readonly rest: RestApi;
  private readonly http = new HttpDelivery();
  private closed = false;
  private connectionsOpened = 0;
  /** HTTP interactions: the last request as POSTed (body and signature headers), for tests of replays. */
  lastSignedRequest: { body: string; headers: SignedHeaders } | undefined;

  private constructor(
    private readonly world: World,
    private readonly server: Server,
    private readonly options: FakeDiscordOptions,
    parts: { tracker: InteractionTracker; gateway: Gateway; rest: RestApi },
  ) {
    this.port = (server.address() as AddressInfo).port;
    this.apiUrl = `http://127.0.0.1:${this.port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${this.port}/gateway`;
    this.tracker = parts.tracker;
    this.gateway = parts.gateway;
    this.rest = parts.rest;
    server.on('connection', () => this.connectionsOpened++);
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const world = new World(options);
    const server = createServer();
    const ref: { self?: FakeDiscord } = {};
    const gatewayUrl = () => ref.self!.gatewayUrl;
    const onChange = () => ref.self?.signal.notify();
    const tracker = new InteractionTracker(options.deferredTimeoutMs ?? 15_000);
    const { heartbeatIntervalMs, resumeWindowMs, resumeBufferSize, maxGuildsPerShard, maxConcurrency, identifyPacing } =
      options;
    const gateway = new Gateway({
      world,
      gatewayUrl,
      onChange,
      heartbeatIntervalMs,
      resumeWindowMs,
      resumeBufferSize,
      maxGuildsPerShard,
      maxConcurrency,
      identifyPacing,
    });
    const router = new Router();
    addCoreRoutes(router, { world, gatewayUrl, sessionStartLimit: () => gateway.sessionStartLimit() });
    addThreadRoutes(router, world);
    addInteractionRoutes(router, world, tracker);
    const onViolation = (v: Violation, params: Record<string, string>) => {
      const rec = params.token === undefined ? undefined : tracker.getByToken(params.token);
      rec?.problems.push(`400 50035 Invalid Form Body (strict fake: ${v.failures.join('; ')})`);
    };
    const restOptions: ConstructorParameters<typeof RestApi>[0] = {
      router,
      token: world.token,
      strict: options.strict ?? true,
      onRecorded: onChange,
      onViolation,
    };
    if (options.globalRateLimitPerSecond !== undefined)
      restOptions.globalRateLimitPerSecond = options.globalRateLimitPerSecond;
    const rest = new RestApi(restOptions);
    server.on('request', (req, res) => {
      rest.handle(req, res).catch((e: unknown) => {
        console.error('[fake-discord] request failed:', e);
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    server.on('upgrade', (req, socket, head) => gateway.handleUpgrade(req, socket, head));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      // A burst of 1,000 answers opens hundreds of connections at once. With Node's default backlog (511) the kernel
      // drops the overflow and each dropped client tries again a second later: a tail Discord would not add.
      server.listen({ port: options.port ?? 0, host: '127.0.0.1', backlog: 4096 }, () => resolve());
    });
    ref.self = new FakeDiscord(world, server, options, { tracker, gateway, rest });
    return ref.self;
  }

  get token(): string {
    return this.world.token;
  }
  get applicationId(): string {
    return this.world.applicationId;
  }
  get botUser(): APIUser {
    return this.world.botUser;
  }
  /** The user of the default actor. */
  get defaultUser(): APIUser {
    return this.world.defaultUser;
  }
  /** Every server, in order. With bulk servers this builds each one: prefer guildCount, guildIds() or guild(). */
  get guilds(): readonly FakeGuild[] {
    return this.world.guilds;
  }
  /** How many servers the bot is in. */
  get guildCount(): number {
    return this.world.guildCount;
  }
  /** A server by id. */
  guild(id: string): FakeGuild | undefined {
    return this.world.guild(id);
  }
  /** Ids of the servers a shard [shard_id, num_shards] owns, in order; all of them by default ([0, 1]). */
  guildIds(shard: [number, number] = [0, 1]): string[] {
    const [id, count] = shard;
    if (!Number.isInteger(count) || count < 1 || !Number.isInteger(id) || id < 0 || id >= count)
      throw new Error(`guildIds([${id}, ${count}]): not a shard`);
    return [...this.world.guildIds(shard)];
  }
  /**
   * The bot joins `count` more servers (made in bulk, as FakeDiscordOptions.guilds: number does) and returns their
   * ids. Each server's GUILD_CREATE goes to the session of the shard that owns it, if it asked for the Guilds intent.
   */
  addGuilds(count: number): string[] {
    const ids = this.world.addGuilds(count);
    this.gateway.guildsJoined(ids);
    return ids;
  }
  /** GET /gateway/bot's `shards`: about one shard per 1,000 servers, max(1, ceil(servers / 1000)). */
  get recommendedShards(): number {
    return recommendedShards(this.world.guildCount);
  }
  /**
   * The gateway sessions the fake keeps (live ones, and those that may still resume), oldest first, each with its
   * shard and how many servers its READY listed.
   */
  gatewaySessions(): GatewaySessionInfo[] {
    return this.gateway.sessionList();
  }
  get defaultGuildId(): string {
    return this.world.defaultGuild.id;
  }
  get defaultChannelId(): string {
    return this.world.defaultChannel.id;
  }
  /** Intents of the last IDENTIFY, undefined before any. */
  get identifiedIntents(): number | undefined {
    return this.gateway.identifiedIntents;
  }
  /** True while a bot connection is identified (or resumed) and open. */
  get botConnected(): boolean {
    return this.gateway.connected;
  }

  /** Every REST request so far (a copy), oldest first. */
  get requests(): RecordedRequest[] {
    return this.rest.requests.slice();
  }
  clearRequests(): void {
    this.rest.requests.length = 0;
  }
  /** Requests no route of the fake knows (answered 404 code 0); tests can assert there are none. */
  unhandledRequests(): RecordedRequest[] {
    return this.rest.requests.filter((r) => r.route === undefined && !r.injected);
  }

  /** Commands of the last PUT (or POSTs): global, or of that guild. */
  registeredCommands(guildId?: string): APIApplicationCommand[] {
    return this.world.commands.list(guildId);
  }

  /** Messages the bot posted in a channel with POST /channels/:id/messages, in order, as currently edited. */
  channelMessages(channelId: string = this.defaultChannelId): APIMessage[] {
    return [...(this.world.channelPosts.get(channelId) ?? [])];
  }

  /** Any message the bot created (channel post, reply, follow-up), by id. */
  message(id: string): APIMessage | undefined {
    return this.world.messages.get(id);
  }

  private readonly everyoneMayUse = new Set<string>();

  /**
   * Lets every member of a server use a command whatever its default_member_permissions, as a server admin can in
   * Server Settings → Integrations. The bot must still check permissions when the command runs.
   */
  allowCommandForEveryone(name: string, guildId: string = this.defaultGuildId): void {
    this.everyoneMayUse.add(`${guildId}:${name}`);
  }

  /** Changes what the bot may do in a channel, as a server admin would: botDenied replaces what it is denied. */
  setChannel(channelId: string, change: { botCanPost?: boolean; botDenied?: bigint }): void {
    const channel = this.world.channel(channelId);
    if (!channel) throw new Error(`no channel ${channelId}`);
    if (change.botCanPost !== undefined) channel.botCanPost = change.botCanPost;
    if (change.botDenied !== undefined) channel.botDenied = change.botDenied;
  }

  /** Threads the bot opened (forum posts, threads from its messages), oldest first; of one channel when given. */
  threads(parentId?: string): { id: string; parentId: string; name: string; appliedTags: string[]; type: number }[] {
    return this.world.threads.list(parentId).map(({ id, parentId: parent, name, appliedTags, type }) => ({
      id,
      parentId: parent,
      name,
      appliedTags: [...appliedTags],
      type,
    }));
  }

  /** Forgets every message nonce, as Discord does after a few minutes: a resent nonce then makes a new message. */
  forgetNonces(): void {
    this.world.forgetNonces();
  }

  /** Deletes a channel: the bot's posts to it then fail with 404 Unknown Channel. */
  deleteChannel(channelId: string): void {
    this.world.deleteChannel(channelId);
  }

  /** The next `times` matching requests get this answer instead (before auth and routes), or a slow (delayMs) or dropped (drop) one. */
  inject(match: RequestMatch, response: InjectedResponse, times = 1): void {
    this.rest.inject(match, response, times);
  }
  clearInjections(): void {
    this.rest.clearInjections();
  }
  /** The next `times` matching requests get Discord's 429 (body, retry-after, x-ratelimit-scope; per route or global). */
  rateLimit(spec: RateLimitSpec): void {
    this.rest.inject(
      { path: spec.path, ...(spec.method && { method: spec.method }) },
      rateLimitResponse(spec),
      spec.times ?? 1,
    );
  }

  /** Bodies the strict fake refused with 400 / 50035, oldest first (a copy); tests expect it to be []. */
  get violations(): Violation[] {
    return this.rest.violations.slice();
  }
  clearViolations(): void {
    this.rest.violations.length = 0;
  }
  /** Counts over every interaction so far: sent = answered + pending + unanswered; late, queued, lost. */
  interactionStats(): InteractionStats {
    return this.tracker.stats();
  }

  /** TCP connections made to the fake so far, REST and gateway alike. */
  get connections(): { opened: number } {
    return { opened: this.connectionsOpened };
  }

  /** Gateway counters: connections, identifies, resumes, dispatched / queued / replayed / lost, heartbeats, closes (a copy). */
  get gatewayStats(): GatewayStats {
    return structuredClone(this.gateway.stats);
  }
  /** Closes the bot's gateway connections with that code, as Discord would; 1006 drops them without a close frame. Returns how many. */
  closeGateway(code: number, reason?: string): number {
    return this.gateway.closeAll(code, reason);
  }
  /** Sends op 7 RECONNECT: the client should reconnect and RESUME. Returns how many connections got it. */
  sendReconnect(): number {
    return this.gateway.sendReconnect();
  }
  /** Sends op 9 INVALID_SESSION: resumable keeps the session for a RESUME, false ends it (the client must IDENTIFY). */
  sendInvalidSession(resumable: boolean): number {
    return this.gateway.sendInvalidSession(resumable);
  }
  /** Leaves the next `count` heartbeats (or all, until set to 0) without an op 11 ACK: a zombie connection. */
  dropHeartbeatAcks(count: number | 'all'): void {
    this.gateway.acks.set(count);
  }

  /** Resolves once a bot IDENTIFYed (or resumed) and got READY on an open connection. */
  async waitForReady(timeoutMs = 5000): Promise<void> {
    await this.signal.waitFor(() => this.gateway.connected, timeoutMs, 'a bot to IDENTIFY and get READY');
  }

  /** Resolves with the first truthy value of check(), re-evaluated after every request and gateway event (and every 20 ms). */
  waitFor<T>(check: Check<T>, timeoutMs = 3000, what = 'condition'): Promise<T> {
    return this.signal.waitFor(check, timeoutMs, what);
  }

  /** The first recorded request (already recorded or to come) that matches. */
  waitForRequest(match: RequestMatch | ((r: RecordedRequest) => boolean), timeoutMs = 3000): Promise<RecordedRequest> {
    const test = typeof match === 'function' ? match : (r: RecordedRequest) => matches(match, r.method, r.path);
    const what = typeof match === 'function' ? 'a matching request' : `${match.method ?? 'any'} ${String(match.path)}`;
    return this.signal.waitFor(() => this.rest.requests.find(test), timeoutMs, what);
  }

  /** Waits until a matching request has reached the fake, answered or not yet (as while an injected delay runs). */
  async waitForArrival(match: RequestMatch, timeoutMs = 3000): Promise<void> {
    const what = `${match.method ?? 'any'} ${String(match.path)} to arrive`;
    await this.signal.waitFor(() => this.rest.arrivals.some((r) => matches(match, r.method, r.path)), timeoutMs, what);
  }

  /** Parses a command line against the registered commands, as the actor would type it (for the playground). */
  parse(line: string | SlashCommandSpec, actor: ActorSpec = {}, focused?: string): ParsedCommand {
    const who = resolveActor(this.world, actor);
    const commands = who.dm
      ? this.world.commands.visible().filter(offeredInDm)
      : this.world.commands.visible(who.guild.id);
    const ctx = actorParseContext(this.world, who);
    const mode = focused === undefined ? {} : { focused };
    const parsed =
      typeof line === 'string'
        ? parseCommandLine(line, commands, ctx, mode)
        : parseCommandSpec(line, commands, ctx, mode);
    if (who.dm) return parsed; // default_member_permissions restrict members of a server, not DMs
    const overridden = this.everyoneMayUse.has(`${who.guild.id}:${parsed.command.name}`);
    if (!overridden && !canUseCommand(parsed.command.default_member_permissions, who.permissions)) {
      throw new Error(
        `${label(line)}: the actor's permissions (${who.permissions}) lack the command's default_member_permissions (${parsed.command.default_member_permissions}); Discord would not offer it (use ADMIN_ACTOR?)`,
      );
    }
    return parsed;
  }

  /** Runs a slash command; resolves at the bot's first visible response. */
  async slash(
    line: string | SlashCommandSpec,
    actor: ActorSpec = {},
    options: InteractionCallOptions = {},
  ): Promise<InteractionResult> {
    const who = resolveActor(this.world, actor);
    const parsed = this.parse(line, actor);
    return this.dispatch(commandInteraction(this.world, who, parsed), 'command', label(line), who, options);
  }

  /** Types into an option with autocomplete; resolves with the choices the bot answered. */
  async autocomplete(
    line: string | SlashCommandSpec,
    focused: string,
    actor: ActorSpec = {},
    options: InteractionCallOptions = {},
  ): Promise<APIApplicationCommandOptionChoice[]> {
    const who = resolveActor(this.world, actor);
    const parsed = this.parse(line, actor, focused);
    const result = await this.dispatch(
      autocompleteInteraction(this.world, who, parsed),
      'autocomplete',
      `autocomplete of '${focused}' in ${label(line)}`,
      who,
      options,
    );
    return result.choices ?? [];
  }

  /** Clicks a button of a message the bot sent (by default as the default user, in that message's channel). */
  async click(
    target: { id: string } | InteractionResult,
    customId: string,
    actor: ActorSpec = {},
    options: InteractionCallOptions = {},
  ): Promise<InteractionResult> {
    const message = this.sentMessage(target, `click('${customId}')`);
    const components = findComponents(message.components);
    const button = components.find((c) => c.customId === customId);
    // With `stale`, a member whose client still shows the old buttons clicks one that is gone or disabled now:
    // Discord delivers it. Otherwise the click must be one the client would offer.
    if (!(options.stale && (!button || button.disabled))) {
      if (!button)
        throw new Error(
          `click('${customId}'): message ${message.id} has no component with that custom_id; it has: ${components.map((c) => c.customId).join(', ') || 'none'}`,
        );
      if (button.type !== ComponentType.Button)
        throw new Error(`click('${customId}'): component type ${button.type} is not a button`);
      if (button.disabled) throw new Error(`click('${customId}'): the button is disabled`);
    }
    const who = resolveActor(this.world, { channelId: message.channel_id, ...actor });
    return this.dispatch(
      buttonInteraction(this.world, who, message, customId),
      'component',
      `click('${customId}')`,
      who,
      options,
      message,
    );
  }

  /** The message a click or a pick is on: one the bot sent through the fake. */
  private sentMessage(target: { id: string } | InteractionResult, what: string): APIMessage {
    const id = 'followups' in target ? target.message.id : target.id;
    const message = this.world.messages.get(id);
    if (!message) throw new Error(`${what}: message ${id} is not a message the bot sent through the fake`);
    return message;
  }

  /**
   * A member picks `values` in a string select menu of a message the bot sent. Refused as Discord's client would
   * not allow it: a component that is not a string select, a disabled one, values that are not its options, or
   * fewer or more than its min_values / max_values.
   */
  async select(
    target: { id: string } | InteractionResult,
    customId: string,
    values: string[],
    actor: ActorSpec = {},
    options: InteractionCallOptions = {},
  ): Promise<InteractionResult> {
    const message = this.sentMessage(target, `select('${customId}')`);
    const menu = findSelectMenu(message.components, customId);
    if (!menu) throw new Error(`select('${customId}'): message ${message.id} has no string select with that custom_id`);
    if (menu.disabled) throw new Error(`select('${customId}'): the menu is disabled`);
    const allowed = new Set(menu.options.map((option) => option.value));
    const unknown = values.filter((value) => !allowed.has(value));
    if (unknown.length) throw new Error(`select('${customId}'): ${unknown.join(', ')} not among its options`);
    const min = menu.min_values ?? 1;
    const max = menu.max_values ?? 1;
    if (values.length < min || values.length > max)
      throw new Error(`select('${customId}'): ${values.length} value(s) given; the menu takes ${min} to ${max}`);
    const who = resolveActor(this.world, { channelId: message.channel_id, ...actor });
    return this.dispatch(
      stringSelectInteraction(this.world, who, message, customId, values),
      'component',
      `select('${customId}')`,
      who,
      options,
      message,
    );
  }

  /** The bytes the bot uploaded for an attachment of one of its messages (undefined for any other attachment). */
  attachmentData(attachment: APIAttachment): Buffer | undefined {
    return attachmentBytes.get(attachment);
  }

  /** The application's public key (hex), for the bot's DISCORD_PUBLIC_KEY in HTTP mode. */
  get publicKey(): string {
    return this.http.publicKey;
  }

  /**
   * HTTP interactions: from now on every interaction is signed and POSTed to these URLs, round-robin (one URL per
   * replica), instead of sent on the gateway. Checked first as the developer portal does (a signed PING must get
   * PONG, a forged one 401). An empty list goes back to the gateway.
   */
  async setInteractionsEndpoint(urls: string | string[]): Promise<void> {
    const list = typeof urls === 'string' ? [urls] : urls;
    if (list.length === 0) return this.http.clear();
    await this.http.setEndpoints(list);
  }

  /** The endpoint URLs interactions are POSTed to (empty: the gateway). */
  get interactionsEndpoints(): readonly string[] {
    return this.http.endpoints;
  }

  /** Discord's signature headers for a body (now, or at `timestamp` in Unix seconds): to send requests by hand. */
  signInteraction(body: string | Buffer, timestamp?: number): SignedHeaders {
    return this.http.sign(body, timestamp);
  }

  /** Closes gateway connections and the server; pending waits reject. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.tracker.close();
    this.signal.dispose();
    await this.gateway.close();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** POSTs a signed interaction to the next endpoint; its HTTP response is handled as the interaction's callback. */
  private async deliverOverHttp(payload: APIInteraction, record: TrackedInteraction, what: string): Promise<void> {
    const { url, replica } = this.http.next();
    record.replica = replica;
    const failed = (why: string) =>
      this.tracker.fail(record, new Error(`${what}: ${why}; Discord shows "This interaction failed"`));
    const body = JSON.stringify(payload);
    const headers = this.http.sign(body);
    this.lastSignedRequest = { body, headers };
    let response;
    try {
      response = await this.http.post(url, body, headers);
    } catch (error) {
      return failed(`the endpoint ${url} gave no answer (${error instanceof Error ? error.message : String(error)})`);
    }
    if (this.closed) return;
    if (response.status !== 200)
      return failed(
        `the endpoint ${url} answered HTTP ${response.status} ${response.raw.toString('utf8').slice(0, 200)}`,
      );
    const parsed = await parseBody(response.raw, response.contentType);
    if (parsed.error) return failed(`the endpoint's response could not be read: ${parsed.error}`);
    const answer = await this.rest.internal(
      'POST',
      `/interactions/${payload.id}/${payload.token}/callback`,
      parsed,
      replica,
    );
    if (answer.status >= 300 && !record.settled)
      failed(`Discord refused the endpoint's response: ${record.problems.at(-1) ?? JSON.stringify(answer.body)}`);
  }

  private dispatch(
    payload: APIInteraction,
    kind: InteractionKind,
    what: string,
    who: Actor,
    options: InteractionCallOptions,
    sourceMessage?: APIMessage,
  ): Promise<InteractionResult> {
    if (this.closed) throw new Error(`${what}: FakeDiscord is closed`);
    const overHttp = this.http.endpoints.length > 0;
    if (!overHttp && this.gateway.stats.identifies === 0)
      throw new Error(`${what}: no bot is connected to the fake gateway (log in, then await discord.waitForReady())`);
    const timeoutMs = options.timeoutMs ?? this.options.responseTimeoutMs ?? 3000;
    const init = {
      id: payload.id,
      token: payload.token,
      kind,
      label: what,
      guildId: who.dm ? undefined : who.guild.id,
      channelId: who.dm ? who.channelId : who.channel.id,
      user: who.user,
    };
    const { record, done } = this.tracker.track(sourceMessage ? { ...init, sourceMessage } : init, timeoutMs);
    if (overHttp) {
      record.delivery = 'delivered';
      void this.deliverOverHttp(payload, record, what);
      return done;
    }
    // To the session of the shard owning the server (shard 0 for a DM). No open connection: buffered for the
    // session's RESUME, or lost when no session of that shard can resume (as on Discord).
    const sent = this.gateway.dispatch(GatewayDispatchEvents.InteractionCreate, payload, init.guildId);
    record.delivery = sent.delivery;
    if (sent.session) {
      record.sessionId = sent.session.id;
      record.shard = [...sent.session.shard];
    }
    if (record.delivery === 'lost')
      this.tracker.fail(
        record,
        new Error(
          `${what}: lost: the bot has no gateway session ${init.guildId === undefined ? 'of shard 0 (DMs)' : `of the shard owning server ${init.guildId}`} that can resume, so Discord never delivers it (interactionStats().lost)`,
        ),
      );
    return done;
  }
}

function label(line: string | SlashCommandSpec): string {
  if (typeof line === 'string') return line.trim();
  const opts = Object.entries(line.options ?? {}).map(([k, v]) => `${k}:${String(v)}`);
  return ['/' + line.name, line.group, line.subcommand, ...opts].filter(Boolean).join(' ');
}
