// The HTTP interactions endpoint, on Node's own http server: POST /interactions (signed by Discord, answered in the
// response) and GET /healthz. Everything is checked before anything runs: the size (1 MB), the Ed25519 signature
// over timestamp + body, the timestamp's age (5 minutes either way) and that this signature was not seen before, in
// the store, so a request replayed to another replica is refused too.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KeyObject } from 'node:crypto';
import { InteractionResponseType, InteractionType, type APIInteraction } from 'discord-api-types/v10';
import type { Logger } from '../logger.js';
import type { AnswerableInteraction } from '../bot/interaction.js';
import { checkSignature, timestampToleranceMs } from './signature.js';
import type { HttpAnswer, HttpResponder } from './responder.js';

/** Discord's interactions are a few kilobytes; anything near this is not one. */
export const maxBodyBytes = 1024 * 1024;
/** When the handler has not answered by then, the response is a deferral: Discord gives up at 3 s. */
export const defaultDeferAfterMs = 2_000;

export interface EndpointOptions {
  port: number;
  host?: string;
  publicKey: KeyObject;
  log: Logger;
  /** Records a signature as seen until it would be stale anyway; false when it was seen already (a replay). */
  firstSighting(signature: string, untilMs: number, nowMs: number): Promise<boolean>;
  /** Whether the store answers (GET /healthz). */
  healthy(): Promise<boolean>;
  /** Builds the responder of one interaction and starts handling it. */
  handle(raw: AnswerableInteraction): { responder: HttpResponder; done: Promise<void> };
  deferAfterMs?: number;
  /** The real clock (signature timestamps are Discord's real time); tests may move it. */
  realNow?: () => number;
}

class TooLarge extends Error {}

async function readLimited(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBodyBytes) throw new TooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new TooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}

async function sendAnswer(res: ServerResponse, answer: HttpAnswer): Promise<void> {
  if (!answer.files?.length) return sendJson(res, 200, answer.body);
  // Files go as multipart/form-data, as they would to the callback route: payload_json and files[n].
  const form = new FormData();
  form.set('payload_json', JSON.stringify(answer.body));
  answer.files.forEach((file, index) => {
    form.set(`files[${index}]`, new Blob([file.data], file.contentType ? { type: file.contentType } : {}), file.name);
  });
  const encoded = new Response(form);
  const bytes = Buffer.from(await encoded.arrayBuffer());
  res.writeHead(200, { 'content-type': encoded.headers.get('content-type')!, 'content-length': bytes.length });
  res.end(bytes);
}

const handledTypes = new Set<number>([
  InteractionType.ApplicationCommand,
  InteractionType.MessageComponent,
  InteractionType.ApplicationCommandAutocomplete,
  InteractionType.ModalSubmit,
]);

/** The smallest shape an interaction has; anything else is a malformed request, not a crash. */
function looksLikeInteraction(body: unknown): body is APIInteraction {
  if (typeof body !== 'object' || body === null) return false;
  const b = body as Record<string, unknown>;
  if (b.type === InteractionType.Ping) return true;
  return (
    typeof b.type === 'number' &&
    typeof b.id === 'string' &&
    typeof b.token === 'string' &&
    typeof b.application_id === 'string' &&
    handledTypes.has(b.type) &&
    typeof b.data === 'object' &&
    b.data !== null
  );
}

export class InteractionsEndpoint {
  private readonly server: Server;
  private readonly inFlight = new Set<Promise<void>>();
  /** Set when the replica begins to stop: /healthz then says 503, so a load balancer sends the next ones elsewhere. */
  private stopping = false;

  constructor(private readonly options: EndpointOptions) {
    this.server = createServer((req, res) => {
      this.route(req, res).catch((error: unknown) => {
        options.log.error({ err: error }, 'http endpoint failed on a request');
        if (!res.headersSent) sendJson(res, 500, { message: 'internal error' });
        else res.destroy();
      });
    });
    // Slow clients must not hold sockets for ever; Discord sends a whole request at once.
    this.server.requestTimeout = 10_000;
    this.server.headersTimeout = 10_000;
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host ?? '0.0.0.0', () => resolve());
    });
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/interactions`;
  }

  /** The replica is stopping: /healthz answers 503 from now on, while what is in flight finishes. */
  beginStopping(): void {
    this.stopping = true;
  }

  /** Stops listening (open connections are closed), then waits for the interactions being handled. */
  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeIdleConnections();
    });
    await Promise.allSettled([...this.inFlight]);
  }

  /** Closes every connection at once, as when the process dies (tests of a replica killed mid-work). */
  sever(): void {
    this.server.close();
    this.server.closeAllConnections();
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://endpoint').pathname;
    if (path === '/healthz') {
      if (req.method !== 'GET' && req.method !== 'HEAD') return this.notAllowed(req, res, 'GET, HEAD');
      if (this.stopping) return sendJson(res, 503, { state: 'stopping' });
      const healthy = await this.options.healthy();
      return sendJson(res, healthy ? 200 : 503, { store: healthy ? 'ok' : 'unavailable' });
    }
    if (path !== '/interactions') {
      req.resume();
      return sendJson(res, 404, { message: 'not found' });
    }
    if (req.method !== 'POST') return this.notAllowed(req, res, 'POST');
    return this.interaction(req, res);
  }

  private notAllowed(req: IncomingMessage, res: ServerResponse, allow: string): void {
    req.resume();
    sendJson(res, 405, { message: 'method not allowed' }, { allow });
  }

  private async interaction(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { log } = this.options;
    let raw: Buffer;
    try {
      raw = await readLimited(req);
    } catch (error) {
      if (!(error instanceof TooLarge)) throw error;
      log.warn({ length: req.headers['content-length'] }, 'interaction refused: body over 1 MB');
      res.setHeader('connection', 'close');
      sendJson(res, 413, { message: 'body too large' });
      req.destroy();
      return;
    }
    const now = (this.options.realNow ?? Date.now)();
    const header = (name: string) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const check = checkSignature(
      this.options.publicKey,
      { signature: header('x-signature-ed25519'), timestamp: header('x-signature-timestamp') },
      raw,
      now,
    );
    if (!check.ok) {
      log.warn({ why: check.why }, 'interaction refused: not signed by Discord, or stale');
      return sendJson(res, 401, { message: 'invalid request signature' });
    }
    if (!(await this.options.firstSighting(check.signature, check.timestampMs + timestampToleranceMs, now))) {
      log.warn('interaction refused: a replay of a request already handled');
      return sendJson(res, 401, { message: 'replayed request' });
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return sendJson(res, 400, { message: 'body is not JSON' });
    }
    if (!looksLikeInteraction(body)) return sendJson(res, 400, { message: 'not an interaction' });
    if (body.type === InteractionType.Ping) return sendJson(res, 200, { type: InteractionResponseType.Pong });

    const { responder, done } = this.options.handle(body);
    const tracked = done.catch(() => undefined);
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        responder.deferNow();
        resolve();
      }, this.options.deferAfterMs ?? defaultDeferAfterMs);
    });
    await Promise.race([responder.answered, deadline, tracked]).finally(() => clearTimeout(timer));
    const final = responder.answer;
    if (!final) {
      // A handler that finished without answering leaves Discord nothing to show: say so rather than hang.
      log.warn({ ref: body.id, type: body.type }, 'interaction not answered by its handler');
      return sendJson(res, 400, { message: 'interaction not handled' });
    }
    await sendAnswer(res, final);
  }
}
