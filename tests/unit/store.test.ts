// The store's promise: every operation either succeeds or throws StoreUnavailableError within a bounded time, never
// a silent "nothing stored". Checked on backends that misbehave on purpose, and on the in-memory store.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Keyv from 'keyv';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { noStats } from '../../src/quiz/stats.js';
import { DailyRepository } from '../../src/store/daily-repository.js';
import { Namespace, Store, StoreUnavailableError } from '../../src/store/open-store.js';
import { monthOf, QuizRepository, type Board } from '../../src/store/quiz-repository.js';

/** A keyv backend whose every call does what `behave` says (resolve a value, reject, or never answer). */
function backend(behave: (operation: string) => Promise<unknown>) {
  const call = (operation: string) => () => behave(operation);
  return {
    get: call('get'),
    set: call('set'),
    delete: call('delete'),
    clear: call('clear'),
    has: call('has'),
    on: () => undefined,
  };
}
function namespaceOn(behave: (operation: string) => Promise<unknown>) {
  const keyv = new Keyv<{ n: number }>({ store: backend(behave), namespace: 'things' });
  keyv.throwOnErrors = true;
  keyv.on('error', () => undefined);
  return new Namespace<{ n: number }>('things', keyv);
}
const never = () => new Promise<never>(() => undefined);

afterEach(() => {
  vi.useRealTimers();
});

describe('a store operation that gets no answer', () => {
  it.each(['get', 'set', 'delete', 'clear'] as const)(
    '%s: fails as unavailable after the time limit, not "nothing stored"',
    async (operation) => {
      vi.useFakeTimers();
      const things = namespaceOn(never);
      const outcome = (
        operation === 'set' ? things.set('a', { n: 1 }) : operation === 'get' ? things.get('a') : things[operation]('a')
      ).then(
        () => 'answered',
        (error: unknown) => error,
      );
      await vi.advanceTimersByTimeAsync(2_000);
      const error = await outcome;
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toBe(`store unavailable during things ${operation}: no answer within 2000 ms`);
    },
  );

  it('listing fails the same way', async () => {
    vi.useFakeTimers();
    const keyv = new Keyv<{ n: number }>({ namespace: 'things' });
    keyv.iterator = async function* () {
      await never();
      yield ['a', { n: 1 }];
    } as never;
    const listing = new Namespace<{ n: number }>('things', keyv).entries().catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await listing).toBeInstanceOf(StoreUnavailableError);
    expect(((await listing) as Error).message).toBe('store unavailable during things list: no answer within 2000 ms');
  });

  it('an answer in time leaves no timer behind', async () => {
    vi.useFakeTimers();
    const things = namespaceOn(async (operation) => (operation === 'get' ? undefined : true));
    await things.set('a', { n: 1 });
    await things.get('a');
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('a backend that refuses or fails', () => {
  it('a write the backend did not accept is an error, not a success', async () => {
    const things = namespaceOn(async () => false);
    await expect(things.set('a', { n: 1 })).rejects.toThrow(
      new StoreUnavailableError('things set', 'the write was not accepted'),
    );
  });

  it.each(['get', 'set', 'delete', 'clear'] as const)(
    '%s: a backend error becomes StoreUnavailableError naming the operation, with the cause',
    async (operation) => {
      const cause = new Error('connection reset');
      const things = namespaceOn(() => Promise.reject(cause));
      const call =
        operation === 'set'
          ? things.set('a', { n: 1 })
          : operation === 'get'
            ? things.get('a')
            : things[operation]('a');
      const error = await call.catch((failure: unknown) => failure);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(error).toMatchObject({
        name: 'StoreUnavailableError',
        message: `store unavailable during things ${operation}: connection reset`,
        cause,
      });
    },
  );

  it('a cause that is not an Error is still named', () => {
    expect(new StoreUnavailableError('x get', 'refused').message).toBe('store unavailable during x get: refused');
  });

  it('an error that already says the store is unavailable is passed on as it is', async () => {
    const inner = new StoreUnavailableError('inner', 'down');
    const things = namespaceOn(() => Promise.reject(inner));
    await expect(things.get('a')).rejects.toBe(inner);
  });

  it('a listing leaves out entries without a value (expired ones)', async () => {
    const keyv = new Keyv<{ n: number }>({ namespace: 'things' });
    keyv.iterator = async function* () {
      yield ['a', { n: 1 }];
      yield ['gone', undefined];
    } as never;
    expect(await new Namespace('things', keyv).entries()).toEqual([['a', { n: 1 }]]);
  });

  it('a store that cannot list says so', async () => {
    const keyv = new Keyv<{ n: number }>({ namespace: 'things' });
    keyv.iterator = undefined as never;
    await expect(new Namespace('things', keyv).entries()).rejects.toThrow('this store cannot list things');
  });

  it('disconnecting never throws', async () => {
    const keyv = new Keyv({ namespace: 'things' });
    keyv.disconnect = () => Promise.reject(new Error('already gone'));
    await expect(new Namespace('things', keyv).disconnect()).resolves.toBeUndefined();
  });
});

describe('opening a store', () => {
  it('refuses an unknown kind of store, even when told to tolerate an unavailable one', async () => {
    await expect(Store.open('mysql://localhost/x', () => undefined)).rejects.toThrow(
      'Unsupported STORE_URL scheme "mysql"',
    );
  });

  it('a store that does not answer is reported and opened anyway when the caller tolerates it, else an error', async () => {
    // Nothing listens on port 1.
    const url = 'postgres://postgres@127.0.0.1:1/none';
    const reported: Error[] = [];
    const store = await Store.open(url, (error) => reported.push(error));
    expect(reported).toHaveLength(1);
    expect(reported[0]).toBeInstanceOf(StoreUnavailableError);
    expect(reported[0]!.message).toContain('127.0.0.1:1');
    await store.close();
    await expect(Store.open(url)).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it.each([
    ['postgresql://postgres@127.0.0.1:1/none', 'ECONNREFUSED'],
    // The Redis client keeps reconnecting in the background and meanwhile refuses calls at once (no offline queue).
    ['redis://127.0.0.1:1', 'The client is offline'],
    ['rediss://127.0.0.1:1', 'The client is offline'],
  ])('%s is a kind it knows', async (url, why) => {
    const reported: Error[] = [];
    const store = await Store.open(url, (error) => reported.push(error));
    expect(reported.map((error) => error.name)).toEqual(['StoreUnavailableError']);
    expect(reported[0]!.message).toContain(why);
    await store.close();
  });

  it('sqlite: creates the file’s folder, keeps namespaces apart in one file, and closes every namespace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'attache-unit-store-'));
    try {
      const url = `sqlite://${join(dir, 'nested', 'store.sqlite')}`;
      const store = await Store.open(url);
      expect(existsSync(join(dir, 'nested', 'store.sqlite'))).toBe(true);
      const a = await store.namespace<{ n: number }>('a');
      const b = await store.namespace<{ n: number }>('b');
      await a.set('x', { n: 1 });
      await b.set('x', { n: 2 });
      expect(await a.entries()).toEqual([['x', { n: 1 }]]);
      expect(await b.entries()).toEqual([['x', { n: 2 }]]);
      const disconnects = [vi.spyOn(a, 'disconnect'), vi.spyOn(b, 'disconnect')];
      await store.close();
      for (const disconnect of disconnects) expect(disconnect).toHaveBeenCalledOnce();
      const again = await Store.open(url);
      expect(await (await again.namespace('b')).get('x')).toEqual({ n: 2 });
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('memory: keeps values per namespace, lists them, and forgets deleted ones', async () => {
    const store = await Store.open('memory://');
    const a = await store.namespace<{ n: number }>('a');
    expect(await store.namespace('a')).toBe(a);
    const b = await store.namespace<{ n: number }>('b');
    await a.set('x', { n: 1 });
    await a.set('y', { n: 2 });
    await b.set('x', { n: 3 });
    expect(await a.get('x')).toEqual({ n: 1 });
    expect((await a.entries()).sort()).toEqual([
      ['x', { n: 1 }],
      ['y', { n: 2 }],
    ]);
    expect(await a.delete('x')).toBe(true);
    expect(await a.delete('x')).toBe(false);
    expect(await a.get('x')).toBeUndefined();
    await a.clear();
    expect(await a.entries()).toEqual([]);
    expect(await b.get('x')).toEqual({ n: 3 });
    await store.close();
    expect(await store.namespace('a')).not.toBe(a); // closed: a later use opens it anew
  });
});

describe('daily settings, records and claims', () => {
  const settings = { channelId: 'c1', time: '09:00', timezone: 'UTC', from: '2026-11-26' };

  it('keeps each kind apart, per server; a server with no record has an empty one', async () => {
    const daily = new DailyRepository(await Store.open('memory://'));
    expect(await daily.settingsOf('g1')).toBeUndefined();
    expect(await daily.recordOf('g1')).toEqual({ sentNews: [] });
    await daily.saveSettings('g1', settings);
    await daily.saveRecord('g1', { sentNews: ['n1'], lastPostedDay: '2026-11-26' });
    await daily.saveClaim('g1', { day: '2026-11-27', startedAt: '2026-11-27T09:00:00.000Z' });
    expect(await daily.settingsOf('g1')).toEqual(settings);
    expect(await daily.settingsOf('g2')).toBeUndefined();
    expect(await daily.recordOf('g1')).toEqual({ sentNews: ['n1'], lastPostedDay: '2026-11-26' });
    expect(await daily.claimOf('g1')).toEqual({ day: '2026-11-27', startedAt: '2026-11-27T09:00:00.000Z' });
    expect(await daily.allSettings()).toEqual([['g1', settings]]);
    await daily.clearClaim('g1');
    expect(await daily.claimOf('g1')).toBeUndefined();
    expect(await daily.removeSettings('g1')).toBe(true);
    expect(await daily.allSettings()).toEqual([]);
  });

  it('each kind lives in the namespace earlier versions wrote it to, so stored data survives an upgrade', async () => {
    const store = await Store.open('memory://');
    const daily = new DailyRepository(store);
    const quiz = new QuizRepository(store);
    await daily.saveSettings('g1', settings);
    await daily.saveRecord('g1', { sentNews: [] });
    await daily.saveClaim('g1', { day: '2026-11-27', startedAt: 'then' });
    await quiz.recordRound('g1', [{ userId: 'u', choice: 0, at: 0, right: true, points: 1 }]);
    const active = {
      quizId: 'q',
      guildId: 'g1',
      channelId: 'c1',
      applicationId: 'a',
      token: 't',
      messageId: 'm',
      language: 'en' as const,
      startedAt: 'now',
    };
    await quiz.markActive(active);
    const stored = async (namespace: string, key: string) => (await store.namespace(namespace)).get(key);
    expect(await stored('daily-settings', 'g1')).toEqual(settings);
    expect(await stored('daily-records', 'g1')).toEqual({ sentNews: [] });
    expect(await stored('daily-claims', 'g1')).toEqual({ day: '2026-11-27', startedAt: 'then' });
    expect(await stored('quiz-boards', 'g1')).toMatchObject({ u: { points: 1 } });
    expect(await stored('quiz-active', 'c1')).toEqual(active);
  });
});

describe('quiz scores', () => {
  const answer = (userId: string, right: boolean, points = right ? 800 : 0) => ({
    userId,
    choice: 0,
    at: 0,
    right,
    points,
  });

  async function scores() {
    const store = await Store.open('memory://');
    return { store, quiz: new QuizRepository(store), boards: await store.namespace<Board>('quiz-boards') };
  }

  it('a round adds to each player’s record on the server’s board; other servers are apart', async () => {
    const { quiz } = await scores();
    await quiz.recordRound('g1', [answer('alice', true), answer('bob', false)]);
    await quiz.recordRound('g1', [answer('alice', false)]);
    expect(await quiz.statsOf('g1', 'alice')).toEqual({
      answered: 2,
      right: 1,
      points: 800,
      currentStreak: 0,
      bestStreak: 1,
    });
    expect(await quiz.statsOf('g1', 'bob')).toEqual({
      answered: 1,
      right: 0,
      points: 0,
      currentStreak: 0,
      bestStreak: 0,
    });
    expect(await quiz.statsOf('g2', 'alice')).toEqual(noStats());
    expect(Object.keys(await quiz.board('g1')).sort()).toEqual(['alice', 'bob']);
    expect(await quiz.board('g2')).toEqual({});
  });

  it('rounds recorded at the same moment are all applied, none twice', async () => {
    const { quiz } = await scores();
    await Promise.all(Array.from({ length: 5 }, (_, i) => quiz.recordRound('g1', [answer('alice', true, 100 + i)])));
    expect(await quiz.statsOf('g1', 'alice')).toMatchObject({ answered: 5, right: 5, points: 510, currentStreak: 5 });
  });

  it('rounds that arrive before the last write starts go in with it, in one write', async () => {
    const { quiz, boards } = await scores();
    const set = vi.spyOn(boards, 'set');
    await Promise.all([
      quiz.recordRound('g1', [answer('alice', true, 100)]),
      quiz.recordRound('g1', [answer('bob', true, 200)]),
    ]);
    expect(set).toHaveBeenCalledOnce();
    expect(Object.keys(await quiz.board('g1')).sort()).toEqual(['alice', 'bob']);
  });

  it('a round that arrives while a write is in flight goes in with the next write, not lost', async () => {
    const { quiz, boards } = await scores();
    const set = boards.set.bind(boards);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let writing!: () => void;
    const started = new Promise<void>((resolve) => (writing = resolve));
    vi.spyOn(boards, 'set').mockImplementationOnce(async (key, value) => {
      writing();
      await held;
      await set(key, value);
    });
    const first = quiz.recordRound('g1', [answer('alice', true, 100)]);
    await started;
    const second = quiz.recordRound('g1', [answer('bob', true, 200)]);
    release();
    await Promise.all([first, second]);
    expect(await quiz.board('g1')).toEqual({
      alice: expect.objectContaining({ answered: 1, points: 100 }),
      bob: expect.objectContaining({ answered: 1, points: 200 }),
    });
    await quiz.recordRound('g1', [answer('carol', true, 300)]);
    expect(await quiz.statsOf('g1', 'bob')).toMatchObject({ answered: 1 });
  });

  it('a round with no answers writes nothing', async () => {
    const { quiz, boards } = await scores();
    const set = vi.spyOn(boards, 'set');
    await quiz.recordRound('g1', []);
    expect(set).not.toHaveBeenCalled();
    expect(await boards.get('g1')).toBeUndefined();
  });

  it('while the store is down a round waits in memory, and goes in with the next round that gets through', async () => {
    const { quiz, boards } = await scores();
    const down = new StoreUnavailableError('quiz-boards set', 'down');
    vi.spyOn(boards, 'set').mockRejectedValueOnce(down).mockRejectedValueOnce(down);
    await expect(quiz.recordRound('g1', [answer('alice', true, 900)])).rejects.toBe(down);
    await expect(quiz.recordRound('g1', [answer('bob', true, 700)])).rejects.toBe(down);
    expect(await quiz.board('g1')).toEqual({});
    await quiz.recordRound('g1', [answer('alice', true, 600)]);
    expect(await quiz.statsOf('g1', 'alice')).toMatchObject({ answered: 2, right: 2, points: 1500, currentStreak: 2 });
    expect(await quiz.statsOf('g1', 'bob')).toMatchObject({ answered: 1, points: 700 });
    // Written once: the next round does not apply them again.
    await quiz.recordRound('g1', [answer('carol', false)]);
    expect(await quiz.statsOf('g1', 'alice')).toMatchObject({ answered: 2, points: 1500 });
  });

  it('rounds waiting for the store also go in when the store comes back with an empty round', async () => {
    const { quiz, boards } = await scores();
    vi.spyOn(boards, 'get').mockRejectedValueOnce(new StoreUnavailableError('quiz-boards get', 'down'));
    await expect(quiz.recordRound('g1', [answer('alice', true, 900)])).rejects.toThrow('down');
    await quiz.recordRound('g1', []);
    expect(await quiz.statsOf('g1', 'alice')).toMatchObject({ answered: 1, points: 900 });
  });

  it('scores waiting for one server do not go to another', async () => {
    const { quiz, boards } = await scores();
    vi.spyOn(boards, 'set').mockRejectedValueOnce(new StoreUnavailableError('quiz-boards set', 'down'));
    await expect(quiz.recordRound('g1', [answer('alice', true, 900)])).rejects.toThrow('down');
    await quiz.recordRound('g2', [answer('bob', true, 500)]);
    expect(await quiz.board('g2')).toEqual({ bob: expect.objectContaining({ points: 500 }) });
    await quiz.recordRound('g1', [answer('bob', true, 500)]);
    expect(Object.keys(await quiz.board('g1')).sort()).toEqual(['alice', 'bob']);
  });

  it('seasons: a round goes on the all-time board and its month’s; boards stored before the seasons count for all time', async () => {
    const { quiz, boards, store } = await scores();
    // A board as it was stored before there were months.
    await boards.set('g1', { old: { answered: 3, right: 3, points: 2400, currentStreak: 3, bestStreak: 3 } });
    await quiz.recordRound('g1', [answer('alice', true, 700)], '2026-11');
    await quiz.recordRound('g1', [answer('alice', true, 600), answer('bob', true, 500)], '2026-12');
    await quiz.recordRound('g1', [answer('carol', true, 100)]); // no month: all time only
    expect(Object.keys(await quiz.board('g1')).sort()).toEqual(['alice', 'bob', 'carol', 'old']);
    expect(await quiz.statsOf('g1', 'alice')).toMatchObject({ answered: 2, points: 1300 });
    expect(await quiz.monthBoard('g1', '2026-11')).toEqual({ alice: expect.objectContaining({ points: 700 }) });
    expect(Object.keys(await quiz.monthBoard('g1', '2026-12')).sort()).toEqual(['alice', 'bob']);
    expect(await quiz.monthBoard('g1', '2027-01')).toEqual({});
    expect(await quiz.monthBoard('g2', '2026-11')).toEqual({});
    // Kept per server and month, past months too.
    const months = await store.namespace<Board>('quiz-months');
    expect((await months.entries()).map(([key]) => key).sort()).toEqual(['g1:2026-11', 'g1:2026-12']);
  });

  it('a month is its UTC month', () => {
    expect(monthOf(new Date('2026-11-30T23:59:59.999Z'))).toBe('2026-11');
    expect(monthOf(new Date('2026-12-01T00:00:00Z'))).toBe('2026-12');
    expect(monthOf(new Date('2026-12-01T08:30:00+09:00'))).toBe('2026-11');
  });

  it('answers held while the store is down go on the board of the month they were played in', async () => {
    const { quiz, store } = await scores();
    const months = await store.namespace<Board>('quiz-months');
    vi.spyOn(months, 'set').mockRejectedValueOnce(new Error('down'));
    await expect(quiz.recordRound('g1', [answer('alice', true, 700)], '2026-11')).rejects.toThrow('down');
    await quiz.recordRound('g1', [answer('bob', true, 500)], '2026-12');
    expect(Object.keys(await quiz.monthBoard('g1', '2026-11'))).toEqual(['alice']);
    expect(Object.keys(await quiz.monthBoard('g1', '2026-12'))).toEqual(['bob']);
  });

  it('an answer already on its month’s board is not added again when the all-time write failed', async () => {
    const { quiz, boards } = await scores();
    vi.spyOn(boards, 'set').mockRejectedValueOnce(new Error('down'));
    await expect(quiz.recordRound('g1', [answer('alice', true, 700)], '2026-11')).rejects.toThrow('down');
    await quiz.recordRound('g1', [answer('bob', true, 500)], '2026-11');
    expect(await quiz.monthBoard('g1', '2026-11')).toEqual(await quiz.board('g1'));
    expect(await quiz.statsOf('g1', 'alice')).toMatchObject({ answered: 1, points: 700 });
    expect((await quiz.monthBoard('g1', '2026-11')).alice).toMatchObject({ answered: 1, points: 700 });
  });

  it('a failed round does not hold up the next one (the lock is released)', async () => {
    const { quiz, boards } = await scores();
    vi.spyOn(boards, 'get').mockRejectedValueOnce(new Error('boom'));
    const failed = quiz.recordRound('g1', [answer('alice', true, 100)]);
    const next = quiz.recordRound('g1', [answer('bob', true, 200)]);
    await expect(failed).rejects.toThrow('boom');
    await next;
    expect(Object.keys(await quiz.board('g1')).sort()).toEqual(['alice', 'bob']);
  });

  it('remembers running quizzes per channel until cleared', async () => {
    const { quiz } = await scores();
    const active = {
      quizId: 'q',
      guildId: 'g1',
      channelId: 'c1',
      applicationId: 'a',
      token: 't',
      messageId: 'm',
      language: 'en' as const,
      startedAt: 'now',
    };
    await quiz.markActive(active);
    await quiz.markActive({ ...active, channelId: 'c2', quizId: 'q2' });
    expect((await quiz.allActive()).map((q) => q.quizId).sort()).toEqual(['q', 'q2']);
    await quiz.clearActive('c1');
    expect(await quiz.allActive()).toEqual([{ ...active, channelId: 'c2', quizId: 'q2' }]);
  });
});
