// The store behind STORE_URL, against each backend this machine runs (SQLite file, Redis, PostgreSQL).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { Store } from '../../src/store/open-store.js';
import { postgresUrl, redisUrl } from '../services.js';

const dir = mkdtempSync(join(tmpdir(), 'attache-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = `${process.pid}-${Date.now()}`;

// Redis and PostgreSQL only where they run (tests/services.ts says which, once per run).
const { redis, postgres } = inject('services');
describe.each([
  ['sqlite', `sqlite://${join(dir, 'store.sqlite')}`, true],
  ['memory', 'memory://', true],
  ['redis', redisUrl, redis],
  ['postgres', postgresUrl, postgres],
])('%s store', (_name, url, available) => {
  it.skipIf(!available)('keeps values per namespace and lists a namespace without an index', async () => {
    const store = await Store.open(url);
    try {
      const settings = await store.namespace<{ n: number }>(`settings-${run}`);
      const other = await store.namespace<{ n: number }>(`other-${run}`);
      await settings.set('a', { n: 1 });
      await settings.set('b', { n: 2 });
      await other.set('a', { n: 99 });
      expect(await settings.get('a')).toEqual({ n: 1 });
      const listed = await settings.entries();
      expect(listed.sort()).toEqual([
        ['a', { n: 1 }],
        ['b', { n: 2 }],
      ]);
      await settings.clear();
      await other.clear();
    } finally {
      await store.close();
    }
  });
});
