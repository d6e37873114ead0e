// The one place that knows which database backs the store: STORE_URL picks SQLite (default), Redis or PostgreSQL.
// Each kind of record lives in its own keyv namespace, so it can be listed without an index. Every operation
// either succeeds or throws StoreUnavailableError within a few seconds: never a silent undefined that a caller
// could mistake for "nothing stored" and then overwrite real data with.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Keyv, { type KeyvStoreAdapter } from 'keyv';
import { MemoryClaims, RedisClaims, SqlClaims, type Claim, type ClaimBackend } from './claims.js';

/** How long one store operation may take before it counts as unavailable. */
const operationTimeoutMs = 2_000;

export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
  constructor(operation: string, cause: unknown) {
    super(`store unavailable during ${operation}: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
}

/**
 * One Redis connection for the whole store, connected once (at Store.open). Each namespace used to open its own on
 * first use; calls made together while it was being set up found it open but not ready and, without an offline
 * queue, failed ("The client is offline"): on a fresh process, the first burst of daily posts did.
 */
async function connectRedis(url: string) {
  const { createClient } = await import('@keyv/redis');
  // No offline queue: while Redis is down, calls fail at once instead of waiting to run later.
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 5_000) },
  });
  client.on('error', () => undefined); // errors reach callers as StoreUnavailableError instead
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise((resolve) => (timer = setTimeout(resolve, operationTimeoutMs)));
  // A Redis that is down is not an error here: the client keeps reconnecting, and calls say it is unavailable.
  await Promise.race([client.connect().catch(() => undefined), waited]).finally(() => clearTimeout(timer));
  return client;
}

type RedisClient = Awaited<ReturnType<typeof connectRedis>>;

async function adapterFor(url: string, redis: () => Promise<RedisClient>): Promise<KeyvStoreAdapter | undefined> {
  const scheme = url.slice(0, url.indexOf(':'));
  switch (scheme) {
    case 'memory':
      return undefined;
    case 'sqlite': {
      const file = url.replace(/^sqlite:\/\//, '');
      if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
      const { default: KeyvSqlite } = await import('@keyv/sqlite');
      return new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: 5000 });
    }
    case 'redis':
    case 'rediss': {
      const { default: KeyvRedis } = await import('@keyv/redis');
      return new KeyvRedis(await redis(), {
        throwOnConnectError: false,
        throwOnErrors: true,
        connectionTimeout: operationTimeoutMs,
      });
    }
    case 'postgres':
    case 'postgresql': {
      const { default: KeyvPostgres } = await import('@keyv/postgres');
      return new KeyvPostgres({ uri: url });
    }
    default:
      throw new Error(`Unsupported STORE_URL scheme "${scheme}"`);
  }
}

function withTimeout<T>(operation: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${operationTimeoutMs} ms`)), operationTimeoutMs);
  });
  return Promise.race([work, timeout])
    .catch((error: unknown) => {
      throw error instanceof StoreUnavailableError ? error : new StoreUnavailableError(operation, error);
    })
    .finally(() => clearTimeout(timer));
}

/** The records of one kind: get, set, delete and list, each bounded in time. */
export class Namespace<T> {
  constructor(
    readonly name: string,
    private readonly keyv: Keyv<T>,
  ) {}

  get(key: string): Promise<T | undefined> {
    return withTimeout(`${this.name} get`, this.keyv.get(key));
  }

  /** `ttlMs`: the record is forgotten that long after this write (default: kept). */
  async set(key: string, value: T, ttlMs?: number): Promise<void> {
    const ok = await withTimeout(`${this.name} set`, this.keyv.set(key, value, ttlMs));
    if (ok === false) throw new StoreUnavailableError(`${this.name} set`, 'the write was not accepted');
  }

  delete(key: string): Promise<boolean> {
    return withTimeout(`${this.name} delete`, this.keyv.delete(key));
  }

  clear(): Promise<void> {
    return withTimeout(`${this.name} clear`, this.keyv.clear());
  }

  disconnect(): Promise<void> {
    return this.keyv.disconnect().catch(() => undefined);
  }

  /** Every [key, value] (keys without the namespace prefix). */
  async entries(): Promise<[string, T][]> {
    const iterator = this.keyv.iterator;
    if (!iterator) throw new Error(`this store cannot list ${this.name}`);
    const all: [string, T][] = [];
    const collect = async () => {
      for await (const [key, value] of iterator.call(this.keyv, this.keyv.namespace) as AsyncGenerator<
        [string, T | undefined]
      >) {
        if (value !== undefined) all.push([key, value]);
      }
    };
    await withTimeout(`${this.name} list`, collect());
    return all;
  }
}

/** Claims (see claims.ts), each call bounded in time like every other store operation. */
export class Claims {
  constructor(private readonly backend: Promise<ClaimBackend>) {}

  async acquire(group: string, field: string, holder: string, until: number, now: number): Promise<boolean> {
    return withTimeout(
      'claim',
      this.backend.then((b) => b.acquire(group, field, holder, until, now)),
    );
  }

  async all(group: string): Promise<Map<string, Claim>> {
    return withTimeout(
      'claims list',
      this.backend.then((b) => b.all(group)),
    );
  }

  async release(group: string, field: string, holder: string): Promise<void> {
    await withTimeout(
      'claim release',
      this.backend.then((b) => b.release(group, field, holder)),
    );
  }

  async close(): Promise<void> {
    await (await this.backend.catch(() => undefined))?.close();
  }
}

async function claimBackendFor(url: string, redis: () => Promise<RedisClient>): Promise<ClaimBackend> {
  const scheme = url.slice(0, url.indexOf(':'));
  switch (scheme) {
    case 'redis':
    case 'rediss':
      return new RedisClaims(redis);
    case 'sqlite':
    case 'postgres':
    case 'postgresql': {
      const adapter = (await adapterFor(url, redis)) as unknown as {
        query: (sql: string, parameters: unknown) => Promise<unknown[]>;
        disconnect: () => Promise<void>;
      };
      const numbered = scheme === 'sqlite' ? (n: number) => `?${n}` : (n: number) => `$${n}`;
      return new SqlClaims(
        (sql, parameters) => adapter.query(sql, parameters),
        numbered,
        () => adapter.disconnect().catch(() => undefined),
      );
    }
    default:
      return new MemoryClaims();
  }
}

export class Store {
  private readonly namespaces = new Map<string, Promise<Namespace<unknown>>>();
  private redis: Promise<RedisClient> | undefined;
  private claimsOf: Claims | undefined;

  private constructor(readonly url: string) {}

  /** Opens the store. A store that does not answer yet is not fatal: stateful commands say so until it does. */
  static async open(url: string, onUnavailable?: (error: Error) => void): Promise<Store> {
    const store = new Store(url);
    try {
      await (await store.namespace('meta')).get('__ping__');
    } catch (error) {
      if (!(error instanceof StoreUnavailableError) || !onUnavailable) throw error;
      onUnavailable(error);
    }
    return store;
  }

  namespace<T>(name: string): Promise<Namespace<T>> {
    let namespace = this.namespaces.get(name);
    if (!namespace) {
      namespace = adapterFor(this.url, () => (this.redis ??= connectRedis(this.url))).then((adapter) => {
        const keyv = adapter
          ? new Keyv<unknown>({ store: adapter, namespace: name })
          : new Keyv<unknown>({ namespace: name });
        keyv.throwOnErrors = true;
        keyv.on('error', () => undefined); // errors reach callers as StoreUnavailableError instead
        return new Namespace<unknown>(name, keyv);
      });
      this.namespaces.set(name, namespace);
    }
    return namespace as Promise<Namespace<T>>;
  }

  /** The store's atomic claims: what several processes must do only once. */
  claims(): Claims {
    this.claimsOf ??= new Claims(claimBackendFor(this.url, () => (this.redis ??= connectRedis(this.url))));
    return this.claimsOf;
  }

  /** Whether the store answers now (GET /healthz). */
  async answers(): Promise<boolean> {
    try {
      await (await this.namespace('meta')).get('__ping__');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.claimsOf?.close();
    this.claimsOf = undefined;
    const all = await Promise.all(this.namespaces.values());
    await Promise.all(all.map((namespace) => namespace.disconnect()));
    this.namespaces.clear();
    const redis = await this.redis;
    if (redis?.isOpen) await redis.close().catch(() => undefined);
    this.redis = undefined;
  }
}
