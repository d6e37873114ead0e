// The one place that knows which database backs the store: STORE_URL picks SQLite (default), Redis or PostgreSQL.
// Each kind of record lives in its own keyv namespace, so it can be listed without an index.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Keyv, { type KeyvStoreAdapter } from 'keyv';

async function adapterFor(url: string): Promise<KeyvStoreAdapter | undefined> {
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
      return new KeyvRedis(url, { throwOnConnectError: true }) as unknown as KeyvStoreAdapter;
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

export class Store {
  private readonly namespaces = new Map<string, Keyv<unknown>>();
  private constructor(private readonly url: string) {}

  /** Opens the store and checks it answers, so a wrong STORE_URL fails at start-up rather than on first use. */
  static async open(url: string): Promise<Store> {
    const store = new Store(url);
    await (await store.namespace('meta')).get('__ping__');
    return store;
  }

  /** The records of one kind, e.g. 'daily-settings'. */
  async namespace<T>(name: string): Promise<Keyv<T>> {
    let keyv = this.namespaces.get(name);
    if (!keyv) {
      const adapter = await adapterFor(this.url);
      keyv = adapter ? new Keyv<unknown>({ store: adapter, namespace: name }) : new Keyv<unknown>({ namespace: name });
      keyv.on('error', () => undefined); // failures surface as rejected calls, where the caller decides
      this.namespaces.set(name, keyv);
    }
    return keyv as Keyv<T>;
  }

  /** Every [key, value] of a namespace (keys without the namespace prefix). */
  async *entries<T>(name: string): AsyncGenerator<[string, T]> {
    const keyv = await this.namespace<T>(name);
    if (!keyv.iterator) throw new Error(`this store cannot list ${name}`);
    for await (const [key, value] of keyv.iterator(keyv.namespace) as AsyncGenerator<[string, T | undefined]>) {
      if (value !== undefined) yield [key, value];
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.namespaces.values()].map((keyv) => keyv.disconnect().catch(() => undefined)));
    this.namespaces.clear();
  }
}
