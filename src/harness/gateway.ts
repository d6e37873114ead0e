/** The fake gateway: JSON encoding (v10), optional zlib-stream or identify compression, several connections over time. */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { constants as zc, createDeflate, deflateSync, type Deflate } from 'node:zlib';
import { GatewayDispatchEvents, GatewayIntentBits, GatewayOpcodes, type ApplicationFlags, type GatewayReadyDispatchData } from 'discord-api-types/v10';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { World } from './world.js';

export const HEARTBEAT_INTERVAL_MS = 41_250;

export interface GatewayEnv {
  world: World;
  gatewayUrl(): string;
  /** Called when a session becomes ready or a connection closes. */
  onChange(): void;
}

interface Session {
  ws: WebSocket;
  seq: number;
  /** Set once IDENTIFY or RESUME succeeded. */
  sessionId?: string;
  intents: number;
  compression: 'none' | 'zlib-stream' | 'identify';
  deflate?: Deflate;
  /** Serialises compressed sends. */
  queue: Promise<void>;
}

interface Payload {
  op: number;
  d?: unknown;
  s?: number | null;
  t?: string | null;
}

export class Gateway {
  /** Intents of the last IDENTIFY. */
  identifiedIntents: number | undefined;
  /** How many READY the fake has sent. */
  readyCount = 0;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Set<Session>();
  private readonly knownSessionIds = new Set<string>();

  constructor(private readonly env: GatewayEnv) {}

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
      const session: Session = { ws, seq: 0, intents: 0, compression: compress ? 'zlib-stream' : 'none', queue: Promise.resolve() };
      if (compress) session.deflate = createDeflate({ chunkSize: 65535 });
      this.sessions.add(session);
      ws.on('message', (data, isBinary) => this.onMessage(session, data, isBinary));
      ws.on('close', () => {
        this.sessions.delete(session);
        session.deflate?.close();
        this.env.onChange();
      });
      ws.on('error', () => ws.terminate());
      if (v !== null && v !== '10') {
        ws.close(4012, 'Invalid API version');
        return;
      }
      this.send(session, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: HEARTBEAT_INTERVAL_MS, _trace: ['["fake-gateway",{"micros":0}]'] } });
    });
  }

  /** The most recent ready connection, if any. */
  get connected(): boolean {
    return this.current() !== undefined;
  }

  /** Sends a dispatch (op 0) to the most recent ready connection; false when none is ready. */
  dispatch(t: string, d: unknown): boolean {
    const session = this.current();
    if (!session) return false;
    this.sendDispatch(session, t, d);
    return true;
  }

  /** Closes every connection (1001, then terminate), and the server. */
  async close(): Promise<void> {
    await Promise.all([...this.sessions].map((s) => new Promise<void>((resolve) => {
      if (s.ws.readyState === s.ws.CLOSED) return resolve();
      const timer = setTimeout(() => s.ws.terminate(), 500);
      s.ws.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      s.ws.close(1001, 'Fake Discord shutting down');
    })));
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private current(): Session | undefined {
    return [...this.sessions].reverse().find((s) => s.sessionId !== undefined && s.ws.readyState === s.ws.OPEN);
  }

  private onMessage(session: Session, data: RawData, isBinary: boolean): void {
    let payload: Payload;
    try {
      if (isBinary) throw new Error('binary frames are not accepted with JSON encoding');
      payload = JSON.parse(data.toString()) as Payload;
      if (typeof payload !== 'object' || payload === null || typeof payload.op !== 'number') throw new Error('no op');
    } catch {
      session.ws.close(4002, 'Error while decoding payload.');
      return;
    }
    const d = (payload.d ?? {}) as Record<string, unknown>;
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        this.send(session, { op: GatewayOpcodes.HeartbeatAck });
        return;
      case GatewayOpcodes.Identify:
        return this.identify(session, d);
      case GatewayOpcodes.Resume:
        return this.resume(session, d);
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
        if (session.sessionId === undefined) session.ws.close(4003, 'Not authenticated.');
        return;
      case GatewayOpcodes.RequestGuildMembers:
        if (session.sessionId === undefined) session.ws.close(4003, 'Not authenticated.');
        else this.memberChunk(session, d);
        return;
      default:
        session.ws.close(4001, 'Unknown opcode.');
    }
  }

  private identify(session: Session, d: Record<string, unknown>): void {
    if (session.sessionId !== undefined) return session.ws.close(4005, 'Already authenticated.');
    if (d.token !== this.env.world.token) return session.ws.close(4004, 'Authentication failed.');
    if (typeof d.intents !== 'number') return session.ws.close(4013, 'Invalid intent(s).');
    const { world } = this.env;
    session.intents = d.intents;
    session.sessionId = randomBytes(16).toString('hex');
    if (d.compress === true && session.compression === 'none') session.compression = 'identify';
    this.knownSessionIds.add(session.sessionId);
    this.identifiedIntents = d.intents;
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: world.botUser,
      guilds: world.guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.sessionId,
      resume_gateway_url: this.env.gatewayUrl(),
      shard: [0, 1],
      application: { id: world.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
    };
    this.sendDispatch(session, GatewayDispatchEvents.Ready, { ...ready, private_channels: [], presences: [], relationships: [], guild_join_requests: [], geo_ordered_rtc_regions: ['us-east'], _trace: ['["fake-gateway",{"micros":0}]'] });
    this.readyCount++;
    if (session.intents & GatewayIntentBits.Guilds) {
      for (const g of world.guilds) this.sendDispatch(session, GatewayDispatchEvents.GuildCreate, world.apiGuild(g));
    }
    this.env.onChange();
  }

  /** RESUME: nothing is replayed; the session just goes on. */
  private resume(session: Session, d: Record<string, unknown>): void {
    const sessionId = typeof d.session_id === 'string' ? d.session_id : '';
    if (d.token !== this.env.world.token) return session.ws.close(4004, 'Authentication failed.');
    if (!this.knownSessionIds.has(sessionId)) {
      this.send(session, { op: GatewayOpcodes.InvalidSession, d: false });
      return;
    }
    session.sessionId = sessionId;
    session.seq = typeof d.seq === 'number' ? d.seq : 0;
    this.sendDispatch(session, GatewayDispatchEvents.Resumed, null);
    this.env.onChange();
  }

  private memberChunk(session: Session, d: Record<string, unknown>): void {
    const { world } = this.env;
    const ids = Array.isArray(d.guild_id) ? d.guild_id : [d.guild_id];
    for (const id of ids) {
      const guild = world.guild(String(id));
      if (!guild) continue;
      const members = [world.botUser, ...world.users.values()].map((u) => world.member(u));
      this.sendDispatch(session, GatewayDispatchEvents.GuildMembersChunk, { guild_id: guild.id, members, chunk_index: 0, chunk_count: 1, not_found: [], nonce: d.nonce });
    }
  }

  private sendDispatch(session: Session, t: string, d: unknown): void {
    session.seq += 1;
    this.send(session, { op: GatewayOpcodes.Dispatch, t, s: session.seq, d });
  }

  private send(session: Session, payload: Payload): void {
    const text = JSON.stringify({ s: null, t: null, ...payload });
    const { ws } = session;
    if (ws.readyState !== ws.OPEN) return;
    if (session.compression === 'none') return ws.send(text);
    if (session.compression === 'identify') return ws.send(deflateSync(text));
    const deflate = session.deflate!;
    session.queue = session.queue.then(() => new Promise<void>((resolve) => {
      deflate.write(text);
      deflate.flush(zc.Z_SYNC_FLUSH, () => {
        const chunks: Buffer[] = [];
        for (let c = deflate.read() as Buffer | null; c; c = deflate.read() as Buffer | null) chunks.push(c);
        if (ws.readyState === ws.OPEN) ws.send(Buffer.concat(chunks));
        resolve();
      });
    }));
  }
}
