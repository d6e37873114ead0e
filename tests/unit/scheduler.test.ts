// The scheduler: what is due goes to the poster once, runs never overlap, a paused server is not retried, and a
// store that does not answer only delays the posts. The poster is a fake that records what it was asked to send.
import { DiscordAPIError, type REST } from '@discordjs/rest';
import type { Logger } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DailyPoster, type PostOutcome } from '../../src/bot/daily-poster.js';
import { Scheduler } from '../../src/bot/scheduler.js';
import { loadFacts } from '../../src/facts/load.js';
import type { DailySettings } from '../../src/news/daily.js';
import { NewsDesk } from '../../src/news/items.js';
import { dataDir } from '../../src/paths.js';
import { DailyRepository } from '../../src/store/daily-repository.js';
import { Store, StoreUnavailableError } from '../../src/store/open-store.js';
import { recordingLog } from './recording-log.js';

afterEach(() => {
  vi.useRealTimers();
});

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined } as unknown as Logger;
const seoul: DailySettings = { channelId: 'c1', time: '09:00', timezone: 'Asia/Seoul', from: '2026-11-27' };
const dueAt = new Date('2026-11-27T00:00:05Z'); // 09:00:05 on 27 November in Seoul

/** A promise the test settles when it wants. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** A poster that records each call, then does what `outcome` says for that server (default: posts and records it). */
function fakePoster(
  repository: DailyRepository,
  outcome: (guildId: string) => Promise<PostOutcome> = async () => 'posted',
) {
  const calls: { guildId: string; day: string; channelId: string }[] = [];
  const poster = {
    async post(guildId: string, settings: DailySettings, day: string): Promise<PostOutcome> {
      calls.push({ guildId, day, channelId: settings.channelId });
      const result = await outcome(guildId);
      if (result === 'posted')
        await repository.saveRecord(guildId, { ...(await repository.recordOf(guildId)), lastPostedDay: day });
      return result;
    },
  } as unknown as DailyPoster;
  return { poster, calls };
}

async function setup(now = dueAt) {
  const clock = { now };
  const repository = new DailyRepository(await Store.open('memory://'));
  return { clock, repository };
}

describe('a scheduler run', () => {
  it('sends each due post once, to the poster, with the server’s settings and local day', async () => {
    const { clock, repository } = await setup();
    await repository.saveSettings('g1', seoul);
    await repository.saveSettings('g2', { ...seoul, channelId: 'c2', time: '10:00' }); // not due until 10:00
    const { poster, calls } = fakePoster(repository);
    const scheduler = new Scheduler({ now: () => clock.now, log: silent }, repository, poster);
    expect(await scheduler.runDue()).toEqual({ posted: 1, skipped: 0, paused: 0, failed: 0 });
    expect(calls).toEqual([{ guildId: 'g1', day: '2026-11-27', channelId: 'c1' }]);
    expect(await scheduler.runDue()).toEqual({ posted: 0, skipped: 0, paused: 0, failed: 0 });
    expect(calls).toHaveLength(1);
  });

  it('counts what the poster reports: already posted counts as posted; a crash counts as failed', async () => {
    const { clock, repository } = await setup();
    const outcomes: Record<string, () => Promise<PostOutcome>> = {
      a: async () => 'already-posted',
      b: async () => 'paused',
      c: async () => 'failed',
      d: () => Promise.reject(new Error('crash')),
      e: async () => 'posted',
    };
    for (const guildId of Object.keys(outcomes)) await repository.saveSettings(guildId, seoul);
    const { poster, calls } = fakePoster(repository, (guildId) => outcomes[guildId]!());
    const { log, lines } = recordingLog();
    const scheduler = new Scheduler({ now: () => clock.now, log }, repository, poster);
    expect(await scheduler.runDue()).toEqual({ posted: 2, skipped: 0, paused: 1, failed: 2 });
    expect(calls.map((call) => call.guildId).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(lines.filter((line) => line.level === 'error')).toEqual([
      { level: 'error', msg: 'daily post crashed', fields: { guildId: 'd', err: new Error('crash') } },
    ]);
    expect(lines.at(-1)).toEqual({
      level: 'info',
      msg: 'daily posts done',
      fields: { posted: 2, skipped: 0, paused: 1, failed: 2 },
    });
  });

  it('a post more than six hours late is skipped and recorded as such, not sent', async () => {
    const { clock, repository } = await setup(new Date('2026-11-27T07:00:00Z')); // 16:00 in Seoul
    await repository.saveRecord('g1', { sentNews: ['n1'], lastPostedDay: '2026-11-26' }); // yesterday was sent
    await repository.saveSettings('g1', seoul);
    const { poster, calls } = fakePoster(repository);
    const { log, lines } = recordingLog();
    const scheduler = new Scheduler({ now: () => clock.now, log }, repository, poster);
    expect(await scheduler.runDue()).toEqual({ posted: 0, skipped: 1, paused: 0, failed: 0 });
    expect(calls).toEqual([]);
    // Nothing was sent, so no "done" line; the skip says why.
    expect(lines).toEqual([
      {
        level: 'info',
        msg: 'daily post skipped: too late',
        fields: { guildId: 'g1', day: '2026-11-27', lateMinutes: 420 },
      },
    ]);
    expect(await repository.recordOf('g1')).toEqual({
      sentNews: ['n1'],
      lastPostedDay: '2026-11-26',
      skipped: { day: '2026-11-27', lateMinutes: 420 },
    });
    expect(await scheduler.runDue()).toEqual({ posted: 0, skipped: 0, paused: 0, failed: 0 });
  });

  it('a store that does not answer only delays the posts to a later run', async () => {
    const { clock, repository } = await setup();
    await repository.saveSettings('g1', seoul);
    const { poster, calls } = fakePoster(repository);
    const { log, messages } = recordingLog();
    const scheduler = new Scheduler({ now: () => clock.now, log }, repository, poster);
    const allSettings = repository.allSettings.bind(repository);
    repository.allSettings = () => Promise.reject(new StoreUnavailableError('daily-settings list', 'down'));
    expect(await scheduler.runDue()).toEqual({ posted: 0, skipped: 0, paused: 0, failed: 0 });
    expect(messages('warn')).toEqual(['store unavailable; daily posts wait for the next minute']);
    repository.allSettings = allSettings;
    expect(await scheduler.runDue()).toMatchObject({ posted: 1 });
    expect(calls).toHaveLength(1);
  });
});

describe('runs that would overlap', () => {
  it('a second run waits for the first: a slow post is not sent twice', async () => {
    const { clock, repository } = await setup();
    await repository.saveSettings('g1', seoul);
    const slow = gate();
    const { poster, calls } = fakePoster(repository, async () => {
      await slow.opened;
      return 'posted';
    });
    const scheduler = new Scheduler({ now: () => clock.now, log: silent }, repository, poster);
    const first = scheduler.runDue();
    const second = scheduler.runDue();
    const third = scheduler.runDue();
    slow.open();
    expect(await first).toMatchObject({ posted: 1 });
    expect(await second).toMatchObject({ posted: 0 });
    expect(await third).toMatchObject({ posted: 0 });
    expect(calls).toHaveLength(1);
  });

  it('a run that failed does not stop the next', async () => {
    const { clock, repository } = await setup();
    await repository.saveSettings('g1', seoul);
    const { poster, calls } = fakePoster(repository);
    const scheduler = new Scheduler({ now: () => clock.now, log: silent }, repository, poster);
    const recordOf = repository.recordOf.bind(repository);
    repository.recordOf = () => Promise.reject(new Error('boom'));
    await expect(scheduler.runDue()).rejects.toThrow('boom');
    repository.recordOf = recordOf;
    expect(await scheduler.runDue()).toMatchObject({ posted: 1 });
    expect(calls).toHaveLength(1);
  });

  it('start runs at once; stop waits for the posts in flight, and nothing runs after it', async () => {
    const { clock, repository } = await setup();
    await repository.saveSettings('g1', seoul);
    const slow = gate();
    const entered = gate();
    let finished = 0;
    const { poster, calls } = fakePoster(repository, async () => {
      entered.open();
      await slow.opened;
      finished++;
      return 'posted';
    });
    const scheduler = new Scheduler({ now: () => clock.now, log: silent }, repository, poster);
    scheduler.start();
    await entered.opened;
    const stopping = scheduler.stop();
    slow.open();
    await stopping;
    expect(finished).toBe(1);
    expect(calls).toHaveLength(1);
    clock.now = new Date('2026-11-28T00:00:05Z');
    expect(await scheduler.runDue()).toEqual({ posted: 0, skipped: 0, paused: 0, failed: 0 });
    expect(calls).toHaveLength(1);
  });
});

describe('a server Discord refuses for good', () => {
  it('a 403 pauses it once; later runs do not retry it, other servers still post', async () => {
    const facts = loadFacts(dataDir);
    const { clock, repository } = await setup();
    await repository.saveSettings('g1', seoul);
    await repository.saveSettings('g2', { ...seoul, channelId: 'c2' });
    const sent: string[] = [];
    const rest = {
      post: async (path: string) => {
        sent.push(path);
        if (path.includes('/c1/'))
          throw new DiscordAPIError({ code: 50013, message: 'Missing Permissions' }, 50013, 403, 'POST', path, {
            body: undefined,
          });
        return { id: `m${sent.length}` };
      },
      get: async () => [],
    } as unknown as REST;
    const poster = new DailyPoster(
      { now: () => clock.now, log: silent, facts },
      rest,
      repository,
      new NewsDesk([], facts),
      () => 'bot',
    );
    const scheduler = new Scheduler({ now: () => clock.now, log: silent }, repository, poster);
    expect(await scheduler.runDue()).toEqual({ posted: 1, skipped: 0, paused: 1, failed: 0 });
    for (const later of ['2026-11-27T00:01:05Z', '2026-11-28T00:00:05Z']) {
      clock.now = new Date(later);
      await scheduler.runDue();
    }
    expect(sent.filter((path) => path.includes('/c1/'))).toHaveLength(1);
    expect(sent.filter((path) => path.includes('/c2/'))).toHaveLength(2);
    expect((await repository.settingsOf('g1'))?.paused?.reason).toBe('missing-permissions');
  });
});

describe('the pace and the clock', () => {
  it('posts due at once start at an even 48 a second, not in a burst', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const { clock, repository } = await setup();
    for (const guildId of ['g1', 'g2', 'g3']) await repository.saveSettings(guildId, seoul);
    const { poster, calls } = fakePoster(repository);
    const scheduler = new Scheduler({ now: () => clock.now, log: silent }, repository, poster);
    const run = scheduler.runDue();
    // The gap is 1000 / 48 ≈ 21 ms: the second starts about 21 ms in, the third about 42 ms in.
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(10);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(20); // 30 ms
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(5); // 35 ms
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(15); // 50 ms
    expect(calls).toHaveLength(3);
    expect(await run).toMatchObject({ posted: 3 });
  });

  it('runs at start, then just after the start of every minute', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date('2026-11-27T00:00:30Z'));
    const { repository } = await setup();
    await repository.saveSettings('g1', { ...seoul, time: '09:01' });
    await repository.saveSettings('g2', { ...seoul, channelId: 'c2', time: '09:02' });
    const { poster, calls } = fakePoster(repository);
    const scheduler = new Scheduler({ now: () => new Date(), log: silent }, repository, poster);
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual([]); // 09:00:30: nothing due yet
    await vi.advanceTimersByTimeAsync(29_999);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(100); // 09:01:00.05
    expect(calls.map((call) => call.guildId)).toEqual(['g1']);
    await vi.advanceTimersByTimeAsync(60_000); // 09:02:00.05
    expect(calls.map((call) => call.guildId)).toEqual(['g1', 'g2']);
    await scheduler.stop();
  });

  it('stop before any run is fine', async () => {
    const { repository } = await setup();
    const scheduler = new Scheduler({ now: () => dueAt, log: silent }, repository, fakePoster(repository).poster);
    await expect(scheduler.stop()).resolves.toBeUndefined();
  });
});
