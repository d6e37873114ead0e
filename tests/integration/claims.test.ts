// Claims, the store's one atomic primitive, against each backend this machine runs: of many processes racing for
// one claim, exactly one wins; an expired claim can be taken again; a group's claims are read back together.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { Store } from '../../src/store/open-store.js';
import { postgresUrl, redisUrl } from '../services.js';

const dir = mkdtempSync(join(tmpdir(), 'attache-claims-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = `${process.pid}-${Date.now()}`;

const { redis, postgres } = inject('services');
describe.each([
  ['sqlite', `sqlite://${join(dir, 'store.sqlite')}`, true, 3],
  ['memory', 'memory://', true, 1],
  ['redis', redisUrl, redis, 3],
  ['postgres', postgresUrl, postgres, 3],
])('claims on %s', (_name, url, available, processes) => {
  it.skipIf(!available)('one winner among concurrent claimants, each on its own connection', async () => {
    // memory:// is one process's store: its claimants share it.
    const shared = processes === 1 ? await Store.open(url) : undefined;
    const stores = shared ? [shared] : await Promise.all(Array.from({ length: processes }, () => Store.open(url)));
    try {
      const group = `race-${run}`;
      const attempts = Array.from({ length: 30 }, (_, i) =>
        stores[i % stores.length]!.claims().acquire(group, 'only', `holder-${i}`, 2_000, 1_000),
      );
      const won = await Promise.all(attempts);
      expect(won.filter(Boolean)).toHaveLength(1);
      const winner = `holder-${won.indexOf(true)}`;
      expect((await stores[0]!.claims().all(group)).get('only')).toEqual({ holder: winner, until: 2_000 });
    } finally {
      for (const store of stores) await store.close();
    }
  });

  it.skipIf(!available)('an expired claim is taken again; release frees only its own holder’s', async () => {
    const store = await Store.open(url);
    try {
      const claims = store.claims();
      const group = `lease-${run}`;
      expect(await claims.acquire(group, 'post', 'a', 60_000, 0)).toBe(true);
      expect(await claims.acquire(group, 'post', 'b', 120_000, 59_999)).toBe(false);
      expect(await claims.acquire(group, 'post', 'b', 120_000, 60_000)).toBe(true);
      await claims.release(group, 'post', 'a'); // no longer a's: nothing happens
      expect(await claims.acquire(group, 'post', 'c', 130_000, 61_000)).toBe(false);
      await claims.release(group, 'post', 'b');
      expect(await claims.acquire(group, 'post', 'c', 130_000, 61_000)).toBe(true);
      expect(await claims.acquire(group, 'other', 'x', 10, 0)).toBe(true);
      const all = await claims.all(group);
      expect(Object.fromEntries(all)).toEqual({
        post: { holder: 'c', until: 130_000 },
        other: { holder: 'x', until: 10 },
      });
      expect((await claims.all(`nothing-${run}`)).size).toBe(0);
    } finally {
      await store.close();
    }
  });
});
