// The shared REST proxy: one @discordjs/rest client, and so one rate-limit state (the global 50 requests a second
// and every route's bucket), in front of Discord for all the bot's processes. @discordjs/proxy does the forwarding;
// this adds what running it for one token needs: requests carrying another token are refused, a failed upstream
// request is never answered 200, and a retried request sends its body again.
import { proxyRequests } from '@discordjs/proxy';
import { DefaultRestOptions, REST, RESTEvents, type RESTOptions } from '@discordjs/rest';
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type { ProxyConfig } from '../config.js';
import type { Logger } from '../logger.js';

export interface RestProxy {
  /** What the bot processes set as DISCORD_API_URL, e.g. http://127.0.0.1:8090/api. */
  readonly apiUrl: string;
  readonly port: number;
  /** The one REST client every forwarded request goes through (its events show what it sent and waited for). */
  readonly rest: REST;
  close(): Promise<void>;
}

type MakeRequest = RESTOptions['makeRequest'];

/**
 * proxyRequests hands the caller's request stream to REST as the body. A retry (after a 429, a 5xx or a reset
 * connection) would read that stream again and send an empty body. Each stream is read once; every attempt sends
 * the same bytes.
 */
function replayableBodies(makeRequest: MakeRequest): MakeRequest {
  const read = new WeakMap<Readable, Promise<Buffer>>();
  return async (url, init) => {
    const { body } = init;
    if (!(body instanceof Readable)) return makeRequest(url, init);
    let bytes = read.get(body);
    if (!bytes) {
      bytes = buffer(body);
      read.set(body, bytes);
    }
    return makeRequest(url, { ...init, body: await bytes });
  };
}

/** Whether the request may go through: no Authorization (interaction callbacks, webhooks) or this bot's token. */
function authorized(req: IncomingMessage, expected: Buffer): boolean {
  const given = req.headers.authorization;
  if (given === undefined) return true;
  const bytes = Buffer.from(given);
  return bytes.length === expected.length && timingSafeEqual(bytes, expected);
}

/** Starts the proxy on config.PROXY_HOST:PROXY_PORT (port 0: any free port). */
export async function startRestProxy(config: ProxyConfig, log: Logger): Promise<RestProxy> {
  // No token of its own: proxyRequests sends each request with the caller's Authorization header, as it came.
  const rest = new REST({ api: config.DISCORD_API_URL, makeRequest: replayableBodies(DefaultRestOptions.makeRequest) });
  rest.on(RESTEvents.RateLimited, (limit) =>
    log.info(
      { route: limit.route, global: limit.global, scope: limit.scope, waitMs: limit.timeToReset },
      'rate limited: holding requests',
    ),
  );
  const forward = proxyRequests(rest);
  const expected = Buffer.from(`Bot ${config.DISCORD_TOKEN}`);

  const server = createServer((req, res) => {
    if (!authorized(req, expected)) {
      log.warn({ method: req.method, from: req.socket.remoteAddress }, 'refused a request with another token');
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: '401: Unauthorized (this proxy serves one bot token)', code: 0 }));
      return;
    }
    // proxyRequests sets the status of every answer and error it knows, and ends the response even when the
    // upstream request failed some other way (connection refused, say): that must not read as a 200.
    res.statusCode = 502;
    Promise.resolve(forward(req, res)).catch((error: unknown) =>
      log.error({ err: error, method: req.method }, 'could not forward a request to Discord'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PROXY_PORT, config.PROXY_HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.PROXY_HOST.includes(':') ? `[${config.PROXY_HOST}]` : config.PROXY_HOST;
  log.info({ host: config.PROXY_HOST, port, upstream: config.DISCORD_API_URL }, 'REST proxy listening');

  return {
    apiUrl: `http://${host}:${port}/api`,
    port,
    rest,
    async close() {
      const closed = new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
      server.closeAllConnections();
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
      await closed;
    },
  };
}
