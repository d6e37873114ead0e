/** The REST request pipeline: record, injected answers, auth, global rate limit, routes. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { rateLimitHeaders, readBody, send } from './http-io.js';
import { NOT_FOUND, error, type RouteAnswer, type Router } from './rest-router.js';
import type { InjectedResponse, RecordedRequest, RequestMatch } from './types.js';

export const API_PREFIX = '/api/v10';

interface Injection {
  match: RequestMatch;
  response: InjectedResponse;
  remaining: number;
}

export interface RestApiOptions {
  router: Router;
  token: string;
  globalRateLimitPerSecond?: number;
  /** Called after each request is recorded. */
  onRecorded(request: RecordedRequest): void;
}

export function matches(match: RequestMatch, method: string, path: string): boolean {
  if (match.method && match.method.toUpperCase() !== method.toUpperCase()) return false;
  return typeof match.path === 'string' ? match.path === path : match.path.test(path);
}

export class RestApi {
  readonly requests: RecordedRequest[] = [];
  private injections: Injection[] = [];
  private recent: number[] = [];

  constructor(private readonly options: RestApiOptions) {}

  inject(match: RequestMatch, response: InjectedResponse, times = 1): void {
    this.injections.push({ match, response, remaining: times });
  }

  clearInjections(): void {
    this.injections = [];
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const versioned = url.pathname.startsWith(`${API_PREFIX}/`);
    const path = versioned ? url.pathname.slice(API_PREFIX.length) : url.pathname;
    const parsed = await readBody(req);
    const found = versioned ? this.options.router.match(method, path) : undefined;

    let answer: RouteAnswer;
    const injection = this.takeInjection(method, path);
    const injected = injection && !injection.afterHandling ? injection.answer : undefined;
    if (injected) answer = injected;
    else if (parsed.error) answer = error(400, 50109, parsed.error);
    else if ((found?.route.auth ?? true) && req.headers.authorization !== `Bot ${this.options.token}`) answer = error(401, 0, '401: Unauthorized');
    else if ((found?.route.global ?? true) && this.overGlobalLimit()) answer = this.globalLimited();
    else if (!found) answer = NOT_FOUND;
    else {
      try {
        answer = await found.route.handle({ method, path, params: found.params, query: url.searchParams, body: parsed.json, files: parsed.files });
      } catch (e) {
        console.error('[fake-discord] route handler failed:', e);
        answer = error(500, 0, '500: Internal Server Error');
      }
    }

    if (injection?.afterHandling) answer = injection.answer;
    const headers = { ...rateLimitHeaders(method, found?.route.pattern ?? path), ...(answer.headers ?? {}) };
    send(res, answer.status, answer.body, headers);
    const recorded: RecordedRequest = {
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      body: parsed.json,
      files: parsed.files.map((f) => ({ field: f.field, name: f.name, size: f.data.length, contentType: f.contentType })),
      status: answer.status,
      injected: injection !== undefined,
      at: Date.now(),
    };
    if (found) recorded.route = found.route.pattern;
    this.requests.push(recorded);
    this.options.onRecorded(recorded);
  }

  private takeInjection(method: string, path: string): { answer: RouteAnswer; afterHandling: boolean } | undefined {
    const i = this.injections.findIndex((inj) => matches(inj.match, method, path));
    const inj = this.injections[i];
    if (!inj) return undefined;
    if (--inj.remaining <= 0) this.injections.splice(i, 1);
    const { status, body, headers, afterHandling } = inj.response;
    const answer: RouteAnswer = { status, body };
    if (headers) answer.headers = headers;
    return { answer, afterHandling: afterHandling ?? false };
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
