/**
 * The fake gateway: JSON encoding (v10), optional zlib-stream or identify compression, several connections over time,
 * sessions that survive their connection (RESUME replays missed dispatches), and injectable faults.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { createDeflate } from 'node:zlib';
import {
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayOpcodes,
  type APIGatewaySessionStartLimit,
  type ApplicationFlags,
  type GatewayReadyDispatchData,
} from 'discord-api-types/v10';
import { WebSocketServer, type RawData } from 'ws';
import { Connection, type Payload } from './gateway-connection.js';
import { AckDropper, closeEndsSession, closeSocket } from './gateway-faults.js';
import { SessionStore, emptyStats, type GatewaySession, type GatewayStats } from './gateway-sessions.js';
import { MAX_GUILDS_PER_SHARD, identifyShard, shardOf, shardRefusal, type ShardKey } from './sharding.js';
import type { World } from './world.js';

export const HEARTBEAT_INTERVAL_MS = 41_250;
/** How long a session whose connection went away can still be resumed, by default. */
export const RESUME_WINDOW_MS = 120_000;
/** How many recent dispatches a session keeps for RESUME, by default. */
export const RESUME_BUFFER_SIZE = 1000;
/** IDENTIFYs a bot may send per day (session_start_limit.total), as for any bot under 150,000 servers. */
export const SESSION_START_LIMIT = 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface GatewayEnv {
  world: World;
  gatewayUrl(): string;
  /** Called when a session becomes ready or a connection closes. */
  onChange(): void;
  heartbeatIntervalMs?: number;
  resumeWindowMs?: number;
  resumeBufferSize?: number;
  /** More servers than this per shard closes an IDENTIFY with 4011. Default 2500, as on Discord. */
  maxGuildsPerShard?: number;
  /** session_start_limit.max_concurrency: IDENTIFYs allowed per 5 s. Default 1, as for most bots. */
  maxConcurrency?: number;
  /** Refuse an IDENTIFY sooner than 5 s after the last one of its rate-limit key (op 9). Default false. */
  identifyPacing?: boolean;
}

/** Discord lets each rate-limit key (shard id % max_concurrency) identify once per this long. */
const IDENTIFY_WINDOW_MS = 5000;

/** Where a dispatch went: sent now, buffered for a RESUME, or dropped. */
export type Delivery = 'delivered' | 'queued' | 'lost';

/** A gateway session as tests see it. */
export interface GatewaySessionInfo {
  /** Its session_id (sent in READY). */
  id: string;
  /** [shard_id, num_shards] of its IDENTIFY ([0, 1] when it sent none); READY echoed it. */
  shard: [number, number];
  /** How many servers its READY listed: those its shard owns. */
  readyGuilds: number;
  /** It has an open connection now. */
  live: boolean;
  /** Not ended (op 9 d:false, a close that ends sessions, a failed RESUME); it may still resume. */
  valid: boolean;
}

export class Gateway {
  /** Intents of the last IDENTIFY. */
  identifiedIntents: number | undefined;
  /** How many READY the fake has sent. */
  readyCount = 0;
  readonly stats: GatewayStats = emptyStats();
  readonly acks = new AckDropper();
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly connections = new Set<Connection>();
  private readonly sessions: SessionStore<Connection>;
  /** The session start limit's day: it starts with the fake, and again a day later. */
  private limitWindow = { startedAt: Date.now(), identifies: 0 };
  /** When each rate-limit key last identified (identifyPacing only). */
  private readonly lastIdentify = new Map<number, number>();

  constructor(private readonly env: GatewayEnv) {
    this.sessions = new SessionStore(
      env.resumeBufferSize ?? RESUME_BUFFER_SIZE,
      env.resumeWindowMs ?? RESUME_WINDOW_MS,
    );
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const refuse = (status: number, text: string) => {
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (url.pathname !== '/gateway' && url.pathname !== '/gateway/') return refuse(404, 'Not Found');
    const encoding = url.searchParams.get('encoding') ?? 'json';
    const compress = url.searchParams.get('compress');
    if (encoding !== 'json') return refuse(400, 'Bad Request'); // the fake speaks JSON only (discord.js' default)
    if (compress !== null && compress !== 'zlib-stream') return refuse(400, 'Bad Request');
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const v = url.searchParams.get('v');
      const conn = new Connection(
        ws,
        compress ? 'zlib-stream' : 'none',
        compress ? createDeflate({ chunkSize: 65535 }) : undefined,
      );
      this.connections.add(conn);
      this.stats.connections++;
      ws.on('message', (data, isBinary) => this.onMessage(conn, data, isBinary));
      ws.on('close', (code) => this.onClose(conn, code));
      ws.on('error', () => ws.terminate());
      if (v !== null && v !== '10') return this.closeBy(conn, 4012, 'Invalid API version');
      const interval = this.env.heartbeatIntervalMs ?? HEARTBEAT_INTERVAL_MS;
      conn.send({
        op: GatewayOpcodes.Hello,
        d: { heartbeat_interval: interval, _trace: ['["fake-gateway",{"micros":0}]'] },
      });
    });
  }

  /** True while some session has an open connection. */
  get connected(): boolean {
    return this.sessions.anyLive;
  }

  /**
   * Sends a dispatch (op 0) to the current session of the shard that owns the server (shard 0 without one, as
   * Discord sends DMs): now if it has an open connection, else on its RESUME.
   */
  dispatch(t: string, d: unknown, guildId?: string): { delivery: Delivery; session?: GatewaySession<Connection> } {
    const session = this.sessions.target((s) => owns(s.shard, guildId));
    if (!session) {
      this.stats.lost++;
      return { delivery: 'lost' };
    }
    return { delivery: this.sendDispatch(session, t, d), session };
  }

  /** The bot joined these servers: GUILD_CREATE to the owning shard's session, if it asked for the Guilds intent. */
  guildsJoined(guildIds: readonly string[]): void {
    const { world } = this.env;
    for (const id of guildIds) {
      const session = this.sessions.target((s) => owns(s.shard, id));
      if (session && session.intents & GatewayIntentBits.Guilds)
        this.sendDispatch(session, GatewayDispatchEvents.GuildCreate, world.apiGuild(world.guild(id)!));
    }
  }

  /** The sessions the fake keeps (live ones, and those that may still resume), oldest first. */
  sessionList(): GatewaySessionInfo[] {
    const now = Date.now();
    return this.sessions
      .all()
      .filter((s) => s.live || s.resumable(now, this.env.resumeWindowMs ?? RESUME_WINDOW_MS))
      .map((s) => ({ id: s.id, shard: [...s.shard], readyGuilds: s.readyGuilds, live: s.live, valid: s.valid }));
  }

  /** GET /gateway/bot's session_start_limit: `remaining` goes down with every accepted IDENTIFY (not enforced). */
  sessionStartLimit(now = Date.now()): APIGatewaySessionStartLimit {
    if (now - this.limitWindow.startedAt >= DAY_MS) this.limitWindow = { startedAt: now, identifies: 0 };
    return {
      total: SESSION_START_LIMIT,
      remaining: Math.max(0, SESSION_START_LIMIT - this.limitWindow.identifies),
      reset_after: this.limitWindow.startedAt + DAY_MS - now,
      max_concurrency: this.env.maxConcurrency ?? 1,
    };
  }

  /** Closes every open connection with that code (1006: terminates the socket without a close frame). */
  closeAll(code: number, reason?: string): number {
    const open = [...this.connections].filter((c) => c.open);
    for (const conn of open) this.closeBy(conn, code, reason);
    return open.length;
  }

  /** Sends op 7 RECONNECT on every connection that carries a session. */
  sendReconnect(): number {
    const live = [...this.connections].filter((c) => c.open && c.session);
    for (const conn of live) conn.send({ op: GatewayOpcodes.Reconnect, d: null });
    return live.length;
  }

  /** Sends op 9 INVALID_SESSION on every connection that carries a session; d:false ends the session. */
  sendInvalidSession(resumable: boolean): number {
    const live = [...this.connections].filter((c) => c.open && c.session);
    for (const conn of live) {
      this.sessions.detach(conn.session!, !resumable);
      conn.session = undefined;
      conn.send({ op: GatewayOpcodes.InvalidSession, d: resumable });
    }
    this.env.onChange();
    return live.length;
  }

  /** Closes every connection (1001, then terminate), and the server. */
  async close(): Promise<void> {
    await Promise.all(
      [...this.connections].map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.ws.readyState === c.ws.CLOSED) return resolve();
            const timer = setTimeout(() => c.ws.terminate(), 500);
            c.ws.once('close', () => {
              clearTimeout(timer);
              resolve();
            });
            this.closeBy(c, 1001, 'Fake Discord shutting down');
          }),
      ),
    );
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private closeBy(conn: Connection, code: number, reason?: string): void {
    closeSocket(conn.ws, code, reason); // throws for a code no close frame can carry, before anything changes
    conn.closedByFake ??= code;
  }

  private onClose(conn: Connection, code: number): void {
    this.connections.delete(conn);
    conn.deflate?.close();
    const by = conn.closedByFake !== undefined ? 'fake' : 'client';
    const effective = conn.closedByFake ?? code;
    this.stats.closes.push({ code: effective, by });
    const session = conn.session;
    if (session && session.carrier === conn) this.sessions.detach(session, closeEndsSession(effective));
    conn.session = undefined;
    this.env.onChange();
  }

  private onMessage(conn: Connection, data: RawData, isBinary: boolean): void {
    let payload: Payload;
    try {
      if (isBinary) throw new Error('binary frames are not accepted with JSON encoding');
      payload = JSON.parse(data.toString()) as Payload;
      if (typeof payload !== 'object' || payload === null || typeof payload.op !== 'number') throw new Error('no op');
    } catch {
      return this.closeBy(conn, 4002, 'Error while decoding payload.');
    }
    const d = (payload.d ?? {}) as Record<string, unknown>;
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        this.stats.heartbeats++;
        if (this.acks.take()) this.stats.acksDropped++;
        else conn.send({ op: GatewayOpcodes.HeartbeatAck });
        return;
      case GatewayOpcodes.Identify:
        return this.identify(conn, d);
      case GatewayOpcodes.Resume:
        return this.resume(conn, d);
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
        if (!conn.session) this.closeBy(conn, 4003, 'Not authenticated.');
        return;
      case GatewayOpcodes.RequestGuildMembers:
        if (!conn.session) this.closeBy(conn, 4003, 'Not authenticated.');
        else this.memberChunk(conn.session, d);
        return;
      default:
        this.closeBy(conn, 4001, 'Unknown opcode.');
    }
  }

  private identify(conn: Connection, d: Record<string, unknown>): void {
    if (conn.session) return this.closeBy(conn, 4005, 'Already authenticated.');
    if (d.token !== this.env.world.token) return this.closeBy(conn, 4004, 'Authentication failed.');
    if (typeof d.intents !== 'number') return this.closeBy(conn, 4013, 'Invalid intent(s).');
    const { world } = this.env;
    const shard = identifyShard(d.shard);
    const refused = shardRefusal(shard, world.guildCount, this.env.maxGuildsPerShard ?? MAX_GUILDS_PER_SHARD);
    if (refused) return this.closeBy(conn, refused.code, refused.reason);
    if (this.env.identifyPacing) {
      const key = shard[0] % (this.env.maxConcurrency ?? 1);
      const now = Date.now();
      const last = this.lastIdentify.get(key);
      if (last !== undefined && now - last < IDENTIFY_WINDOW_MS) {
        this.stats.identifiesTooSoon++;
        conn.send({ op: GatewayOpcodes.InvalidSession, d: false });
        return;
      }
      this.lastIdentify.set(key, now);
    }
    this.sessions.prune();
    const session = this.sessions.create(d.intents, shard);
    this.sessions.attach(session, conn);
    conn.session = session;
    if (d.compress === true && conn.compression === 'none') conn.compression = 'identify';
    this.identifiedIntents = d.intents;
    this.stats.identifies++;
    this.sessionStartLimit(); // starts a new day if one has passed
    this.limitWindow.identifies++;
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: world.botUser,
      guilds: Array.from(world.guildIds(shard), (id) => ({ id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.env.gatewayUrl(),
      shard: [shard[0], shard[1]],
      application: { id: world.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
    };
    this.sendDispatch(session, GatewayDispatchEvents.Ready, {
      ...ready,
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: ['us-east'],
      _trace: ['["fake-gateway",{"micros":0}]'],
    });
    session.readyGuilds = ready.guilds.length;
    this.readyCount++;
    if (session.intents & GatewayIntentBits.Guilds) {
      for (const id of world.guildIds(shard))
        this.sendDispatch(session, GatewayDispatchEvents.GuildCreate, world.apiGuild(world.guild(id)!));
    }
    this.env.onChange();
  }

  /** RESUME: replays the dispatches after the client's seq, then RESUMED; op 9 d:false when the session cannot resume. */
  private resume(conn: Connection, d: Record<string, unknown>): void {
    if (conn.session) return this.closeBy(conn, 4005, 'Already authenticated.');
    if (d.token !== this.env.world.token) return this.closeBy(conn, 4004, 'Authentication failed.');
    const session = this.sessions.resumable(typeof d.session_id === 'string' ? d.session_id : '');
    const seq = typeof d.seq === 'number' ? d.seq : 0;
    if (session && seq > session.seq) {
      this.sessions.invalidate(session);
      return this.closeBy(conn, 4007, 'Invalid seq.');
    }
    const missed = session?.after(seq);
    if (!session || !missed) {
      if (session) this.sessions.invalidate(session);
      this.stats.failedResumes++;
      conn.send({ op: GatewayOpcodes.InvalidSession, d: false });
      return;
    }
    const previous = session.carrier;
    if (previous && previous !== conn) {
      previous.session = undefined; // a zombie connection the client gave up on
      previous.ws.terminate();
    }
    this.sessions.attach(session, conn);
    conn.session = session;
    this.stats.resumes++;
    for (const event of missed) {
      conn.send({ op: GatewayOpcodes.Dispatch, ...event });
      this.stats.replayed++;
    }
    this.sendDispatch(session, GatewayDispatchEvents.Resumed, null);
    this.env.onChange();
  }

  private memberChunk(session: GatewaySession<Connection>, d: Record<string, unknown>): void {
    const { world } = this.env;
    const ids = Array.isArray(d.guild_id) ? d.guild_id : [d.guild_id];
    for (const id of ids) {
      const guild = world.guild(String(id));
      if (!guild || !owns(session.shard, guild.id)) continue;
      const members = [world.botUser, ...world.users.values()].map((u) => world.member(u));
      this.sendDispatch(session, GatewayDispatchEvents.GuildMembersChunk, {
        guild_id: guild.id,
        members,
        chunk_index: 0,
        chunk_count: 1,
        not_found: [],
        nonce: d.nonce,
      });
    }
  }

  private sendDispatch(session: GatewaySession<Connection>, t: string, d: unknown): Delivery {
    const event = session.record(t, d);
    const conn = session.carrier;
    if (!conn || !conn.open) {
      this.stats.queued++;
      return 'queued';
    }
    conn.send({ op: GatewayOpcodes.Dispatch, ...event });
    this.stats.dispatched++;
    return 'delivered';
  }
}

/** Whether a session of that shard gets the dispatches of that server (those without a server go to shard 0). */
function owns([id, count]: ShardKey, guildId: string | undefined): boolean {
  return guildId === undefined ? id === 0 : count === 1 || shardOf(guildId, count) === id;
}
