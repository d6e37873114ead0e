// The one place that knows which database backs the store: STORE_URL picks SQLite (default), Redis or PostgreSQL.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Keyv, { type KeyvStoreAdapter } from 'keyv';

export type Store = Keyv<unknown>;

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
      return new KeyvRedis(url) as unknown as KeyvStoreAdapter;
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

/** Opens the store and checks it answers, so a wrong STORE_URL fails at start-up rather than on first use. */
export async function openStore(url: string, namespace = 'attache'): Promise<Store> {
  const adapter = await adapterFor(url);
  const store = new Keyv<unknown>(adapter ? { store: adapter, namespace } : { namespace });
  await store.get('__ping__');
  return store;
}
