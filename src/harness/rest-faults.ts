/** REST faults: injected answers (replaced, slow or dropped) and Discord-shaped 429s. */
import type { IncomingMessage } from 'node:http';
import type { InjectedResponse, RateLimitSpec, RequestMatch } from './types.js';

export function matches(match: RequestMatch, method: string, path: string): boolean {
  if (match.method && match.method.toUpperCase() !== method.toUpperCase()) return false;
  return typeof match.path === 'string' ? match.path === path : match.path.test(path);
}

interface Injection {
  match: RequestMatch;
  response: InjectedResponse;
  remaining: number;
}

/** An injected rule, resolved for one request. */
export interface AppliedInjection {
  /** Run the route first (its side effects happen). */
  handle: boolean;
  /** The answer replacing the route's, if any. */
  replace?: { status: number; body?: unknown; headers?: Record<string, string> };
  delayMs: number;
  drop?: true | 'reset';
}

export class Injections {
  private list: Injection[] = [];

  add(match: RequestMatch, response: InjectedResponse, times = 1): void {
    if (response.status === undefined && response.delayMs === undefined && response.drop === undefined) {
      throw new Error('inject(): give a status, a delayMs or drop');
    }
    if (response.afterHandling === false && response.status === undefined && response.drop === undefined) {
      throw new Error('inject(): with afterHandling: false, give a status or drop (there is no answer otherwise)');
    }
    this.list.push({ match, response, remaining: times });
  }

  clear(): void {
    this.list = [];
  }

  /** The first rule matching this request (used up once applied `times` times). */
  take(method: string, path: string): AppliedInjection | undefined {
    const i = this.list.findIndex((inj) => matches(inj.match, method, path));
    const inj = this.list[i];
    if (!inj) return undefined;
    if (--inj.remaining <= 0) this.list.splice(i, 1);
    const { status, body, headers, afterHandling, delayMs, drop } = inj.response;
    const applied: AppliedInjection = {
      handle: afterHandling ?? (status === undefined && drop === undefined),
      delayMs: delayMs ?? 0,
    };
    if (status !== undefined) {
      applied.replace = { status, body };
      if (headers) applied.replace.headers = headers;
    }
    if (drop) applied.drop = drop;
    return applied;
  }
}

/** Discord's 429: body { message, retry_after, global } and the rate-limit headers, per route or global. */
export function rateLimitResponse(spec: Omit<RateLimitSpec, 'method' | 'path' | 'times'>): InjectedResponse {
  const retryAfter = spec.retryAfter ?? 0.1;
  const global = spec.global ?? false;
  const seconds = String(retryAfter);
  const headers: Record<string, string> = global
    ? { 'retry-after': seconds, 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' }
    : {
        'retry-after': seconds,
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': ((Date.now() + retryAfter * 1000) / 1000).toFixed(3),
        'x-ratelimit-reset-after': retryAfter.toFixed(3),
        'x-ratelimit-scope': spec.scope ?? 'user',
      };
  return { status: 429, body: { message: 'You are being rate limited.', retry_after: retryAfter, global }, headers };
}

/** Ends the request without an answer: a FIN ('close': "other side closed") or a TCP reset (ECONNRESET). */
export function dropConnection(req: IncomingMessage, how: true | 'reset'): 'close' | 'reset' {
  if (how === 'reset') {
    req.socket.resetAndDestroy();
    return 'reset';
  }
  req.socket.destroy();
  return 'close';
}

export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
