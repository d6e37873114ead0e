// Memory and time to ready as the number of servers grows. The baseline asks for the Guilds intent, so the fake
// sends it one GUILD_CREATE per server before discord.js says ready; attache asks for no intent and gets only the
// READY (where every server is listed as an unavailable id).
import { FakeDiscord, type FakeGuildSpec } from '../src/harness/index.js';
import { World } from '../src/harness/world.js';
import { launch, type BotName } from './bots.js';
import { RssSampler, sleep, steadyRssMb } from './proc.js';
import { round } from './stats.js';

/** Text channels per generated server (the fake has no option for roles: each server has only @everyone). */
export const CHANNELS_PER_GUILD = 20;

/** Roles besides @everyone: the "small guild" (10 roles, 20 channels). */
const ROLES_PER_GUILD = 10;

export function guildSpecs(count: number): FakeGuildSpec[] {
  return Array.from({ length: count }, () => ({
    channels: Array.from({ length: CHANNELS_PER_GUILD }, () => ({})),
    roles: ROLES_PER_GUILD,
  }));
}

/** What one GUILD_CREATE of these servers holds, as the fake builds it. */
export interface GuildCreateShape {
  bytes: number;
  channels: number;
  roles: number;
  members: number;
}

export function guildCreateShape(): GuildCreateShape {
  const world = new World({ guilds: guildSpecs(1) });
  const payload = world.apiGuild(world.defaultGuild);
  return {
    bytes: JSON.stringify(payload).length,
    channels: payload.channels.length,
    roles: payload.roles.length,
    members: payload.members.length,
  };
}

export interface GuildScaleRun {
  bot: BotName;
  guilds: number;
  run: number;
  readyMs: number;
  /** RSS 2 s after ready, MB. */
  rssMb: number;
  /** Highest RSS from spawn to 2 s after ready, MB. */
  rssPeakMb: number;
  /** Servers in discord.js's guild cache at ready (baseline only: it prints it). */
  cachedGuilds?: number;
}

export async function guildScaleRun(
  bot: BotName,
  guilds: number,
  run: number,
  profileDir?: string,
): Promise<GuildScaleRun> {
  // Both bots shard as the fake recommends (one per 1,000 servers); max_concurrency 16, as Discord grants large bots,
  // so that neither spends the run waiting 5 s between IDENTIFYs.
  const discord = await FakeDiscord.start({ guilds: guildSpecs(guilds), strict: false, maxConcurrency: 16 });
  const child = await launch(bot, discord, {
    label: `${bot}-guilds-${guilds}-run${run}`,
    readyTimeoutMs: 180_000,
    ...(profileDir && { profileDir }),
  });
  const sampler = new RssSampler(child.pid, 100);
  try {
    await sleep(1500);
    const rssMb = await steadyRssMb(child.pid, 1000);
    const { peakMb } = sampler.stop();
    const out: GuildScaleRun = {
      bot,
      guilds,
      run,
      readyMs: round(child.readyMs, 1),
      rssMb: round(rssMb, 1),
      rssPeakMb: round(Math.max(peakMb, child.startupPeakMb), 1),
    };
    if (typeof child.readyLine.guilds === 'number') out.cachedGuilds = child.readyLine.guilds;
    return out;
  } finally {
    sampler.stop();
    await child.close();
    await discord.close();
  }
}
