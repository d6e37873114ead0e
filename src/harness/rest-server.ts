/** The REST request pipeline: record, injected faults, auth, global rate limit, strict body checks, routes. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { rateLimitHeaders, readBody, send, type ParsedBody } from './http-io.js';
import { Injections, dropConnection, sleep } from './rest-faults.js';
import { NOT_FOUND, error, type Route, type RouteAnswer, type Router } from './rest-router.js';
import { describeIssue, toDiscordErrors } from './strict-errors.js';
import { validateBody } from './strict.js';
import type { InjectedResponse, RecordedRequest, RequestMatch, Violation } from './types.js';

export { matches } from './rest-faults.js';

export const API_PREFIX = '/api/v10';

export interface RestApiOptions {
  router: Router;
  token: string;
  globalRateLimitPerSecond?: number;
  /** Check request bodies (default true). */
  strict?: boolean;
  /** Called after each request is recorded. */
  onRecorded(request: RecordedRequest): void;
  /** Called when strict mode refuses a body; params are the route's. */
  onViolation?(violation: Violation, params: Record<string, string>): void;
}

type Found = { route: Route; params: Record<string, string> } | undefined;

export class RestApi {
  readonly requests: RecordedRequest[] = [];
  /** Every request as it arrives, before it is answered (an answer may be delayed): method and path. */
  readonly arrivals: { method: string; path: string }[] = [];
  readonly violations: Violation[] = [];
  private readonly injections = new Injections();
  private recent: number[] = [];

  constructor(private readonly options: RestApiOptions) {}

  inject(match: RequestMatch, response: InjectedResponse, times = 1): void {
    this.injections.add(match, response, times);
  }

  clearInjections(): void {
    this.injections.clear();
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const versioned = url.pathname.startsWith(`${API_PREFIX}/`);
    const path = versioned ? url.pathname.slice(API_PREFIX.length) : url.pathname;
    this.arrivals.push({ method, path });
    const parsed = await readBody(req);
    const found = versioned ? this.options.router.match(method, path) : undefined;

    const injection = this.injections.take(method, path);
    let answer: RouteAnswer = { status: 0 };
    let violation = false;
    if (!injection || injection.handle)
      ({ answer, violation } = await this.answer(req, method, path, url, parsed, found));
    if (injection?.replace) answer = { ...injection.replace };
    if (injection?.delayMs) await sleep(injection.delayMs);

    const recorded: RecordedRequest = {
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      body: parsed.json,
      files: parsed.files.map((f) => ({
        field: f.field,
        name: f.name,
        size: f.data.length,
        contentType: f.contentType,
      })),
      status: answer.status,
      injected: injection !== undefined,
      at: Date.now(),
    };
    if (found) recorded.route = found.route.pattern;
    if (injection?.delayMs) recorded.delayedMs = injection.delayMs;
    if (violation) recorded.violation = true;
    if (injection?.drop) {
      recorded.dropped = dropConnection(req, injection.drop);
      recorded.status = 0;
    } else if (!req.socket.destroyed) {
      send(res, answer.status, answer.body, {
        ...rateLimitHeaders(method, found?.route.pattern ?? path),
        ...(answer.headers ?? {}),
      });
    }
    this.requests.push(recorded);
    this.options.onRecorded(recorded);
  }

  /**
   * An interaction callback that came as the bot's HTTP response (HTTP interactions): checked and handled as the
   * callback route would a REST request, and recorded with `inHttpResponse`.
   */
  async internal(method: string, path: string, parsed: ParsedBody, replica: number): Promise<RouteAnswer> {
    const url = new URL(`http://127.0.0.1${API_PREFIX}${path}`);
    this.arrivals.push({ method, path });
    const found = this.options.router.match(method, path);
    const { answer, violation } = await this.answer(undefined, method, path, url, parsed, found);
    const recorded: RecordedRequest = {
      method,
      path,
      query: {},
      body: parsed.json,
      files: parsed.files.map((f) => ({
        field: f.field,
        name: f.name,
        size: f.data.length,
        contentType: f.contentType,
      })),
      status: answer.status,
      injected: false,
      at: Date.now(),
      inHttpResponse: { replica },
    };
    if (found) recorded.route = found.route.pattern;
    if (violation) recorded.violation = true;
    this.requests.push(recorded);
    this.options.onRecorded(recorded);
    return answer;
  }

  private async answer(
    req: IncomingMessage | undefined,
    method: string,
    path: string,
    url: URL,
    parsed: ParsedBody,
    found: Found,
  ): Promise<{ answer: RouteAnswer; violation: boolean }> {
    const plain = (answer: RouteAnswer) => ({ answer, violation: false });
    if (parsed.error) return plain(error(400, 50109, parsed.error));
    if (req) {
      if ((found?.route.auth ?? true) && req.headers.authorization !== `Bot ${this.options.token}`)
        return plain(error(401, 0, '401: Unauthorized'));
      if ((found?.route.global ?? true) && this.overGlobalLimit()) return plain(this.globalLimited());
    }
    if (!found) return plain(NOT_FOUND);
    if (this.options.strict ?? true) {
      const issues = validateBody(method, found.route.pattern, parsed.json);
      if (issues.length > 0) {
        const errors = toDiscordErrors(issues);
        const v: Violation = {
          method,
          path,
          route: found.route.pattern,
          failures: issues.map(describeIssue),
          errors,
          body: parsed.json,
        };
        this.violations.push(v);
        this.options.onViolation?.(v, found.params);
        return { answer: error(400, 50035, 'Invalid Form Body', errors), violation: true };
      }
    }
    try {
      return plain(
        await found.route.handle({
          method,
          path,
          params: found.params,
          query: url.searchParams,
          body: parsed.json,
          files: parsed.files,
        }),
      );
    } catch (e) {
      console.error('[fake-discord] route handler failed:', e);
      return plain(error(500, 0, '500: Internal Server Error'));
    }
  }

  /** Counts this request in the rolling second; true when it is over the limit (and then not counted). */
  private overGlobalLimit(): boolean {
    const limit = this.options.globalRateLimitPerSecond;
    if (limit === undefined) return false;
    const now = Date.now();
    this.recent = this.recent.filter((t) => now - t < 1000);
    if (this.recent.length >= limit) return true;
    this.recent.push(now);
    return false;
  }

  private globalLimited(): RouteAnswer {
    const retryAfter = Math.max(0.001, (this.recent[0]! + 1000 - Date.now()) / 1000);
    return {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: Number(retryAfter.toFixed(3)), global: true },
      headers: { 'retry-after': retryAfter.toFixed(3), 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' },
    };
  }
}
