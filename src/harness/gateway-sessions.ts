/**
 * Gateway sessions as Discord keeps them: a session outlives its WebSocket connection, numbers its dispatches, and
 * keeps the recent ones so a RESUME can replay what the client missed. Dispatches made while no connection is attached
 * are buffered (delivered on RESUME); once a session is invalid or expired, they are lost.
 */
import { randomBytes } from 'node:crypto';
import type { ShardKey } from './sharding.js';

/** Counters of the fake gateway, for tests to assert on. */
export interface GatewayStats {
  /** WebSocket connections accepted. */
  connections: number;
  /** Successful IDENTIFYs (READY sent): each starts a new session. */
  identifies: number;
  /** IDENTIFYs refused with op 9 because their rate-limit key identified less than 5 s before (identifyPacing). */
  identifiesTooSoon: number;
  /** Successful RESUMEs (missed dispatches replayed, then RESUMED). */
  resumes: number;
  /** RESUMEs refused with op 9 d:false (unknown, invalidated or expired session, or missed dispatches no longer buffered). */
  failedResumes: number;
  /** Dispatches (op 0, READY and GUILD_CREATE included) sent on an open connection when made. */
  dispatched: number;
  /** Dispatches made while their session had no open connection: buffered for a RESUME. */
  queued: number;
  /** Dispatches sent again on RESUME (those after the client's seq). */
  replayed: number;
  /** Dispatches dropped because no session could take them (never delivered, as on real Discord). */
  lost: number;
  /** Heartbeats (op 1) received. */
  heartbeats: number;
  /** Heartbeats left without an ACK (op 11) by dropHeartbeatAcks(). */
  acksDropped: number;
  /** Every connection close: its code, and who closed it ('fake': closeGateway(), refusals...; 'client': the bot). */
  closes: { code: number; by: 'fake' | 'client' }[];
}

export function emptyStats(): GatewayStats {
  return {
    connections: 0,
    identifies: 0,
    identifiesTooSoon: 0,
    resumes: 0,
    failedResumes: 0,
    dispatched: 0,
    queued: 0,
    replayed: 0,
    lost: 0,
    heartbeats: 0,
    acksDropped: 0,
    closes: [],
  };
}

export interface BufferedDispatch {
  s: number;
  t: string;
  d: unknown;
}

/** What a connection must offer to carry a session. */
export interface SessionCarrier {
  /** True while the socket is open. */
  readonly open: boolean;
}

export class GatewaySession<C extends SessionCarrier = SessionCarrier> {
  readonly id = randomBytes(16).toString('hex');
  seq = 0;
  readonly buffer: BufferedDispatch[] = [];
  carrier: C | undefined;
  /** When the last carrier went away. */
  detachedAt = 0;
  /** False after op 9 d:false, a close that ends the session (1000, 4004, ...), or a RESUME that could not be honoured. */
  valid = true;
  /** Increases at every attach: the most recently attached session gets the interactions. */
  attachOrder = 0;
  /** How many servers its READY listed. */
  readyGuilds = 0;

  constructor(
    readonly intents: number,
    /** The IDENTIFY's [shard_id, num_shards] ([0, 1] without one). */
    readonly shard: ShardKey,
    private readonly bufferSize: number,
  ) {}

  /** Numbers a dispatch and keeps it for a RESUME. */
  record(t: string, d: unknown): BufferedDispatch {
    const event = { s: ++this.seq, t, d };
    this.buffer.push(event);
    if (this.buffer.length > this.bufferSize) this.buffer.splice(0, this.buffer.length - this.bufferSize);
    return event;
  }

  /** The buffered dispatches after seq, or undefined when some of them are no longer buffered. */
  after(seq: number): BufferedDispatch[] | undefined {
    const missed = this.buffer.filter((e) => e.s > seq);
    const firstMissed = missed[0];
    if (seq < this.seq && (!firstMissed || firstMissed.s !== seq + 1)) return undefined;
    return missed;
  }

  get live(): boolean {
    return this.valid && this.carrier !== undefined && this.carrier.open;
  }

  resumable(now: number, windowMs: number): boolean {
    return this.valid && (this.carrier !== undefined || now - this.detachedAt <= windowMs);
  }
}

export class SessionStore<C extends SessionCarrier> {
  private readonly byId = new Map<string, GatewaySession<C>>();
  private attaches = 0;

  constructor(
    private readonly bufferSize: number,
    private readonly resumeWindowMs: number,
  ) {}

  create(intents: number, shard: ShardKey): GatewaySession<C> {
    const session = new GatewaySession<C>(intents, shard, this.bufferSize);
    this.byId.set(session.id, session);
    return session;
  }

  /** A session a RESUME may continue, or undefined (unknown, invalid, or expired). */
  resumable(id: string, now = Date.now()): GatewaySession<C> | undefined {
    const session = this.byId.get(id);
    return session?.resumable(now, this.resumeWindowMs) ? session : undefined;
  }

  attach(session: GatewaySession<C>, carrier: C): void {
    session.carrier = carrier;
    session.attachOrder = ++this.attaches;
  }

  detach(session: GatewaySession<C>, endSession: boolean): void {
    session.carrier = undefined;
    session.detachedAt = Date.now();
    if (endSession) this.invalidate(session);
  }

  invalidate(session: GatewaySession<C>): void {
    session.valid = false;
    session.buffer.length = 0;
  }

  /**
   * Where a dispatch goes, among the sessions `takes` accepts (those of the shard that owns it): the latest-attached
   * live one, else the latest-attached one that can still resume.
   */
  target(takes: (session: GatewaySession<C>) => boolean, now = Date.now()): GatewaySession<C> | undefined {
    const sessions = [...this.byId.values()].filter(takes).sort((a, b) => b.attachOrder - a.attachOrder);
    return sessions.find((s) => s.live) ?? sessions.find((s) => s.resumable(now, this.resumeWindowMs));
  }

  /** True when some session has an open connection. */
  get anyLive(): boolean {
    return [...this.byId.values()].some((s) => s.live);
  }

  /** Every session the store still keeps (live, or able to resume until pruned), oldest first. */
  all(): GatewaySession<C>[] {
    return [...this.byId.values()];
  }

  /** Forgets sessions that can no longer resume (keeps memory bounded over long runs). */
  prune(now = Date.now()): void {
    for (const [id, s] of this.byId) if (!s.resumable(now, this.resumeWindowMs)) this.byId.delete(id);
  }
}
