// 100,000 servers on 40 shards in one attache process: time to ready, memory, and an answer in a server on the last
// shard. attache only: the baseline bot would cache a Guild per server and is not what this measures.
import { FakeDiscord } from '../src/harness/index.js';
import { launch } from './bots.js';
import { RssSampler, sleep, steadyRssMb } from './proc.js';
import { round } from './stats.js';

export interface ShardScaleRun {
  servers: number;
  shards: number;
  readyMs: number;
  /** RSS 2 s after ready, MB. */
  rssMb: number;
  rssPeakMb: number;
  /** /relations in a server of the last shard: answered, and by that shard. */
  answeredOnLastShard: boolean;
}

export async function shardScaleRun(servers: number, shards: number): Promise<ShardScaleRun> {
  // max_concurrency 16, as Discord grants bots of this size: 16 IDENTIFYs per 5 s instead of one.
  const discord = await FakeDiscord.start({ guilds: servers, strict: false, maxConcurrency: 16 });
  const child = await launch('attache', discord, {
    label: `attache-${servers}-servers-${shards}-shards`,
    readyTimeoutMs: 180_000,
    env: { SHARD_COUNT: String(shards) },
  });
  const sampler = new RssSampler(child.pid, 100);
  try {
    const guildId = discord.guildIds([shards - 1, shards])[0]!;
    const channelId = discord.guild(guildId)!.channels[0]!.id;
    const reply = await discord.slash('/relations country:Syria', { guildId, channelId }, { timeoutMs: 10_000 });
    await sleep(1500);
    const rssMb = await steadyRssMb(child.pid, 1000);
    const { peakMb } = sampler.stop();
    return {
      servers,
      shards,
      readyMs: round(child.readyMs, 1),
      rssMb: round(rssMb, 1),
      rssPeakMb: round(Math.max(peakMb, child.startupPeakMb), 1),
      answeredOnLastShard: (reply.data.embeds?.[0]?.title ?? '').includes('Syria') && reply.shard?.[0] === shards - 1,
    };
  } finally {
    sampler.stop();
    await child.close();
    await discord.close();
  }
}
