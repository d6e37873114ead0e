// One latency run of one bot: fresh fake Discord and child process; ready time, idle RSS, then the three loads.
import { FakeDiscord } from '../src/harness/index.js';
import { launch, type BotName } from './bots.js';
import { cpuMs, ForeignCpu } from './cpu.js';
import { autocompleteCalls, concurrent, relationsCalls, sequential, type LoadResult } from './load.js';
import { RssSampler, sleep, steadyRssMb } from './proc.js';
import { round } from './stats.js';

export interface LatencyInputs {
  sequential: string[];
  concurrent: string[];
  autocomplete: string[];
  /** Diagnostic: alpha-2 codes, which attache resolves without its country search. Empty to skip. */
  codes: string[];
  warmup: { relations: string[]; autocomplete: string[] };
}

/** A load's result, with the bot's peak RSS and the CPU time the bot process spent per call. */
export type MeasuredLoad = LoadResult & { rssPeakMb: number; botCpuMsPerCall: number };

export interface LatencyRun {
  bot: BotName;
  run: number;
  readyMs: number;
  /** RSS 1 s after ready, before any interaction, MB. */
  rssIdleMb: number;
  sequential: MeasuredLoad;
  concurrent: MeasuredLoad;
  autocomplete: MeasuredLoad;
  /** Diagnostic: the same loads with alpha-2 codes (no country search in attache). */
  sequentialCodes?: MeasuredLoad;
  concurrentCodes?: MeasuredLoad;
  /** RSS 1 s after the loads, MB. */
  rssAfterMb: number;
  /** Cores' worth of CPU that other processes on the machine used during the three loads (noise). */
  foreignCpuCores?: number;
}

export async function latencyRun(
  bot: BotName,
  run: number,
  inputs: LatencyInputs,
  profileDir?: string,
): Promise<LatencyRun> {
  const discord = await FakeDiscord.start({ responseTimeoutMs: 10_000, strict: false });
  const child = await launch(bot, discord, { label: `${bot}-latency-run${run}`, ...(profileDir && { profileDir }) });
  try {
    await sleep(1000);
    const rssIdleMb = await steadyRssMb(child.pid, 500);
    // Warm-up (not measured): lets both processes' JIT settle and the HTTP connections open.
    await sequential(relationsCalls(discord, inputs.warmup.relations));
    await sequential(autocompleteCalls(discord, inputs.warmup.autocomplete));
    const measured = async (load: () => Promise<LoadResult>): Promise<MeasuredLoad> => {
      const sampler = new RssSampler(child.pid);
      const cpuBefore = cpuMs(child.pid);
      const result = await load();
      const botCpuMs = cpuMs(child.pid) - cpuBefore;
      const { peakMb } = sampler.stop();
      await sleep(200);
      return { ...result, rssPeakMb: round(peakMb, 1), botCpuMsPerCall: round(botCpuMs / result.sent, 3) };
    };
    const foreign = new ForeignCpu([process.pid, child.pid]);
    const seq = await measured(() => sequential(relationsCalls(discord, inputs.sequential)));
    const conc = await measured(() => concurrent(relationsCalls(discord, inputs.concurrent)));
    const auto = await measured(() => concurrent(autocompleteCalls(discord, inputs.autocomplete)));
    const foreignCpuCores = foreign.stop();
    const codes = inputs.codes.length
      ? {
          sequentialCodes: await measured(() => sequential(relationsCalls(discord, inputs.codes))),
          concurrentCodes: await measured(() => concurrent(relationsCalls(discord, inputs.codes))),
        }
      : {};
    await sleep(1000);
    const rssAfterMb = await steadyRssMb(child.pid, 500);
    return {
      bot,
      run,
      readyMs: round(child.readyMs, 1),
      rssIdleMb: round(rssIdleMb, 1),
      sequential: seq,
      concurrent: conc,
      autocomplete: auto,
      ...codes,
      rssAfterMb: round(rssAfterMb, 1),
      ...(foreignCpuCores !== undefined && { foreignCpuCores }),
    };
  } finally {
    await child.close();
    await discord.close();
  }
}
