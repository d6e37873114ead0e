// A server's settings as the router reads them on every interaction: from memory when fresh, never waiting long
// for a store that does not answer, and not asking again at once after a failure.
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/open-store.js';
import { ServerSettingsRepository } from '../../src/store/server-settings-repository.js';

/** A store whose reads answer as told, counting them. */
function storeThat(read: () => Promise<unknown>) {
  const data = new Map<string, unknown>();
  const calls = { get: 0, set: 0 };
  const store = {
    namespace: async () => ({
      get: (key: string) => {
        calls.get++;
        return data.has(key) ? Promise.resolve(data.get(key)) : read();
      },
      set: async (key: string, value: unknown) => {
        calls.set++;
        data.set(key, value);
      },
    }),
  } as unknown as Store;
  return { store, calls };
}

describe('server settings', () => {
  it('update merges, removes what is set to undefined, and is read back from memory', async () => {
    const clock = { now: 0 };
    const { store, calls } = storeThat(async () => undefined);
    const repository = new ServerSettingsRepository(store, () => clock.now);
    await repository.update('g1', { defaultCountry: 'JP' });
    expect(await repository.update('g1', { language: 'ko' })).toEqual({ defaultCountry: 'JP', language: 'ko' });
    expect(await repository.update('g1', { defaultCountry: undefined })).toEqual({ language: 'ko' });
    const reads = calls.get;
    expect(await repository.of('g1')).toEqual({ language: 'ko' });
    expect(calls.get).toBe(reads); // from memory
    clock.now += 59_999;
    await repository.of('g1');
    expect(calls.get).toBe(reads); // still within the minute
    clock.now += 1;
    expect(Object.keys(await repository.of('g1'))).toEqual(['language']); // a removed setting is gone, not undefined
    expect(calls.get).toBe(reads + 1); // a minute on, read again
    await repository.quickly('g1', 10);
    expect(calls.get).toBe(reads + 1); // quickly uses what is in memory too
  });

  it('quickly: a store that does not answer gives no settings, and is not asked again for a few seconds', async () => {
    const clock = { now: 0 };
    // Each read hangs until the test ends it with a failure (the store's own time limit, in real life).
    const hanging: ((error: Error) => void)[] = [];
    const { store, calls } = storeThat(() => new Promise((_, reject) => hanging.push(reject)));
    const repository = new ServerSettingsRepository(store, () => clock.now);
    expect(await repository.quickly('g1', 10)).toEqual({});
    expect(await repository.quickly('g1', 10)).toEqual({});
    expect(calls.get).toBe(1);
    hanging[0]!(new Error('no answer within 2000 ms'));
    await new Promise((resolve) => setImmediate(resolve)); // the failed read settles
    clock.now += 4_999;
    await repository.quickly('g1', 10);
    expect(calls.get).toBe(1);
    clock.now += 1;
    expect(await repository.quickly('g1', 10)).toEqual({});
    expect(calls.get).toBe(2);
    hanging[1]!(new Error('no answer within 2000 ms'));
  });

  it('quickly: a store that fails gives no settings; one that answers in time gives its settings', async () => {
    const { store } = storeThat(() => Promise.reject(new Error('down')));
    expect(await new ServerSettingsRepository(store).quickly('g1', 1000)).toEqual({});
    const answering = storeThat(async () => ({ language: 'ko' }));
    expect(await new ServerSettingsRepository(answering.store).quickly('g1', 1000)).toEqual({ language: 'ko' });
  });
});

describe('server settings under a burst', () => {
  it('interactions arriving together for one server share one read of the store', async () => {
    let release: (value: unknown) => void = () => undefined;
    const { store, calls } = storeThat(() => new Promise((resolve) => (release = resolve)));
    const repository = new ServerSettingsRepository(store);
    const all = Promise.all(Array.from({ length: 50 }, () => repository.quickly('g1', 1000)));
    await new Promise((resolve) => setImmediate(resolve));
    release({ language: 'ko' });
    expect(await all).toEqual(Array.from({ length: 50 }, () => ({ language: 'ko' })));
    expect(calls.get).toBe(1);
  });
});
