// SHARD_COUNT and SHARD_IDS: what each accepts, what it refuses (one line, naming the variable), and the plan of
// shards a process runs.
import { describe, expect, it } from 'vitest';
import { planShards, shardOf } from '../../src/bot/gateway.js';
import { ConfigError, configFromEnv, type Config } from '../../src/config.js';
import { fakeBotToken } from '../../src/harness/index.js';

const token = fakeBotToken('123456789012345678');
const env = (extra: Record<string, string>) => configFromEnv({ DISCORD_TOKEN: token, ...extra });

/** Discord's recommendation of `shards`, counting how often it is asked. */
const recommending = (shards: number) => {
  const asked: string[] = [];
  const rest = async () => {
    asked.push('/gateway/bot');
    return shards;
  };
  return { rest, asked };
};

describe('SHARD_COUNT and SHARD_IDS', () => {
  it('default to auto and to every shard', () => {
    const config = env({});
    expect(config.SHARD_COUNT).toBe('auto');
    expect(config.SHARD_IDS).toBeUndefined();
  });

  it('take a count, and ids as a list and ranges, sorted and each once', () => {
    expect(env({ SHARD_COUNT: ' 8 ', SHARD_IDS: '6-7, 0,2-3,3' })).toMatchObject({
      SHARD_COUNT: 8,
      SHARD_IDS: [0, 2, 3, 6, 7],
    });
    expect(env({ SHARD_COUNT: 'AUTO' }).SHARD_COUNT).toBe('auto');
  });

  it.each([
    [{ SHARD_COUNT: '0' }, 'SHARD_COUNT'],
    [{ SHARD_COUNT: 'two' }, 'SHARD_COUNT'],
    [{ SHARD_COUNT: '1.5' }, 'SHARD_COUNT'],
    [{ SHARD_IDS: '3-1' }, 'SHARD_IDS'],
    [{ SHARD_IDS: 'all' }, 'SHARD_IDS'],
    [{ SHARD_IDS: '0,,1' }, 'SHARD_IDS'],
  ])('refuse %o, naming %s', (extra, name) => {
    expect(() => env(extra)).toThrow(ConfigError);
    expect(() => env(extra)).toThrow(name);
  });
});

describe('the plan of shards', () => {
  const config = (count: Config['SHARD_COUNT'], ids?: number[]) => ({ SHARD_COUNT: count, SHARD_IDS: ids });

  it('auto asks Discord for the count; without ids, runs them all', async () => {
    const { rest, asked } = recommending(3);
    expect(await planShards(config('auto'), rest)).toEqual({ count: 3, ids: [0, 1, 2] });
    expect(asked).toEqual(['/gateway/bot']);
  });

  it('a fixed count is not asked; the ids given are the ones run', async () => {
    const { rest, asked } = recommending(3);
    expect(await planShards(config(4, [2, 3]), rest)).toEqual({ count: 4, ids: [2, 3] });
    expect(asked).toEqual([]);
  });

  it('refuses ids not below the count, naming them', async () => {
    const { rest } = recommending(2);
    await expect(planShards(config('auto', [1, 2, 5]), rest)).rejects.toThrow(
      /SHARD_IDS 2, 5 not below the shard count 2/,
    );
  });

  it("a server's shard is Discord's (id >> 22) % count", () => {
    // Timestamps 1 ms and 4 ms after Discord's epoch, in the top bits; the low 22 bits do not count.
    expect(shardOf(String(1n << 22n), 4)).toBe(1);
    expect(shardOf(String((4n << 22n) + 12345n), 4)).toBe(0);
    expect(shardOf('41771983423143937', 1)).toBe(0);
  });
});
