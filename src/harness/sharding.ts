/**
 * Discord's guild sharding, as the fake applies it: which shard owns a server, how many shards GET /gateway/bot
 * recommends, and which `shard` values an IDENTIFY may carry.
 */

/** Discord recommends about one shard per this many servers. */
export const GUILDS_PER_RECOMMENDED_SHARD = 1000;
/** A session may hold at most this many servers; more closes it with 4011 (Sharding required). */
export const MAX_GUILDS_PER_SHARD = 2500;

/** A session's shard: [shard_id, num_shards]. */
export type ShardKey = readonly [id: number, count: number];

/** The shard that owns a server: (guild_id >> 22) % num_shards, Discord's formula. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** What GET /gateway/bot answers in `shards`: max(1, ceil(servers / 1000)). */
export function recommendedShards(guildCount: number): number {
  return Math.max(1, Math.ceil(guildCount / GUILDS_PER_RECOMMENDED_SHARD));
}

/** Why an IDENTIFY's shard is refused, as a close code and reason; undefined when it is accepted. */
export function shardRefusal(
  shard: ShardKey,
  guildCount: number,
  maxGuildsPerShard: number,
): { code: number; reason: string } | undefined {
  const [id, count] = shard;
  if (!Number.isInteger(id) || !Number.isInteger(count) || count < 1 || id < 0 || id >= count)
    return { code: 4010, reason: 'Invalid shard.' };
  if (Math.ceil(guildCount / count) > maxGuildsPerShard) return { code: 4011, reason: 'Sharding required.' };
  return undefined;
}

/** The `shard` field of an IDENTIFY: absent is [0, 1]; anything but two numbers is refused as [-1, 0] (4010). */
export function identifyShard(value: unknown): ShardKey {
  if (value === undefined || value === null) return [0, 1];
  if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number'))
    return [value[0] as number, value[1] as number];
  return [-1, 0];
}
