/** One WebSocket connection of the fake gateway: its compression, and the session it carries, if any. */
import { constants as zc, deflateSync, type Deflate } from 'node:zlib';
import type { WebSocket } from 'ws';
import type { GatewaySession } from './gateway-sessions.js';

export interface Payload {
  op: number;
  d?: unknown;
  s?: number | null;
  t?: string | null;
}

export class Connection {
  session: GatewaySession<Connection> | undefined;
  /** The code the fake closed this connection with, if it did. */
  closedByFake: number | undefined;
  /** Serialises compressed sends. */
  queue: Promise<void> = Promise.resolve();

  constructor(
    readonly ws: WebSocket,
    public compression: 'none' | 'zlib-stream' | 'identify',
    readonly deflate: Deflate | undefined,
  ) {}

  get open(): boolean {
    return this.ws.readyState === this.ws.OPEN;
  }

  /** Sends a payload (s and t default to null), compressed as the connection asked. */
  send(payload: Payload): void {
    const text = JSON.stringify({ s: null, t: null, ...payload });
    const { ws } = this;
    if (ws.readyState !== ws.OPEN) return;
    if (this.compression === 'none') return ws.send(text);
    if (this.compression === 'identify') return ws.send(deflateSync(text));
    const deflate = this.deflate!;
    this.queue = this.queue.then(
      () =>
        new Promise<void>((resolve) => {
          deflate.write(text);
          deflate.flush(zc.Z_SYNC_FLUSH, () => {
            const chunks: Buffer[] = [];
            for (let c = deflate.read() as Buffer | null; c; c = deflate.read() as Buffer | null) chunks.push(c);
            if (ws.readyState === ws.OPEN) ws.send(Buffer.concat(chunks));
            resolve();
          });
        }),
    );
  }
}
