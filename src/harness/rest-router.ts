/** A tiny route table for the fake REST API. */
import type { UploadedFile } from './messages.js';

export interface RouteContext {
  method: string;
  /** Path after /api/v10. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: UploadedFile[];
}

export interface RouteAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteOptions {
  /** Needs `Authorization: Bot <token>`. Default true (interaction callbacks and webhook-token routes: false). */
  auth?: boolean;
  /** Counts towards the global rate limit. Default true. */
  global?: boolean;
}

export interface Route extends Required<RouteOptions> {
  method: string;
  /** e.g. '/channels/:channel/messages' (also the rate-limit bucket key). */
  pattern: string;
  handle(ctx: RouteContext): RouteAnswer | Promise<RouteAnswer>;
}

interface Compiled {
  route: Route;
  regex: RegExp;
  keys: string[];
}

export class Router {
  private readonly compiled: Compiled[] = [];

  add(method: string, pattern: string, handle: Route['handle'], options: RouteOptions = {}): this {
    const keys: string[] = [];
    const source = pattern
      .split('/')
      .map((part) => {
        if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        keys.push(part.slice(1));
        return '([^/]+)';
      })
      .join('/');
    const route: Route = {
      method: method.toUpperCase(),
      pattern,
      handle,
      auth: options.auth ?? true,
      global: options.global ?? true,
    };
    this.compiled.push({ route, regex: new RegExp(`^${source}/?$`), keys });
    return this;
  }

  match(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
    for (const { route, regex, keys } of this.compiled) {
      if (route.method !== method.toUpperCase()) continue;
      const m = regex.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1]!)));
      return { route, params };
    }
    return undefined;
  }
}

export const json = (status: number, body?: unknown): RouteAnswer =>
  body === undefined ? { status } : { status, body };
export const error = (status: number, code: number, message: string, errors?: Record<string, unknown>): RouteAnswer =>
  json(status, errors ? { message, code, errors } : { message, code });
export const NOT_FOUND: RouteAnswer = error(404, 0, '404: Not Found');
