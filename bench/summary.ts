// Turns the raw runs into per-bot medians, attache/baseline ratios, and the targets with pass/miss.
import type { MapsResult } from './maps.js';
import type { HttpModeRun } from './http-mode.js';
import type { ShardScaleRun } from './shard-scale.js';
import type { BotName } from './bots.js';
import type { FanoutResult } from './fanout.js';
import type { GuildScaleRun } from './guild-scale.js';
import type { DataLoadResult, SearchResult } from './in-process.js';
import type { LatencyRun } from './latency.js';
import type { StartupRun } from './startup.js';
import { median, round } from './stats.js';

export interface RawResults {
  startup: StartupRun[];
  latency: LatencyRun[];
  /** Latency attempts set aside because other processes were busy meanwhile (a quieter attempt replaced them). */
  latencyNoisy: LatencyRun[];
  guilds: GuildScaleRun[];
  dataLoad?: DataLoadResult;
  search?: SearchResult;
  fanout?: FanoutResult;
  shardScale?: ShardScaleRun;
  maps?: MapsResult;
  /** attache on the gateway and as 1 and 3 HTTP replicas, one Redis, the same loads. */
  http?: HttpModeRun[];
}

export interface LoadSummary {
  sent: number;
  p50: number;
  p95: number;
  p99: number;
  throughput: number;
  /** The worst run's count of answers within 3 s. */
  answeredIn3sMin: number;
  /** CPU time of the bot process per call, ms: its own cost, little disturbed by other processes. */
  botCpuMsPerCall: number;
}

export interface BotSummary {
  startToReadyMs?: number;
  rssIdleMb?: number;
  sequential?: LoadSummary;
  concurrent?: LoadSummary;
  autocomplete?: LoadSummary;
  sequentialCodes?: LoadSummary;
  concurrentCodes?: LoadSummary;
  /** Highest RSS while under the three loads (median over runs), MB. */
  rssUnderLoadMb?: number;
  /** The most CPU other processes used during one of this bot's latency runs, in cores (noise). */
  foreignCpuCoresMax?: number;
  /** RSS by number of servers, MB, and time to ready, ms (medians over runs). */
  guilds: Record<string, { rssMb: number; rssPeakMb: number; readyMs: number }>;
}

export interface Target {
  id: string;
  goal: string;
  value: string;
  pass: boolean | undefined;
}

const med = (values: number[]): number | undefined => (values.length ? round(median(values), 3) : undefined);

export const LOADS = ['sequential', 'concurrent', 'autocomplete', 'sequentialCodes', 'concurrentCodes'] as const;
export type LoadKey = (typeof LOADS)[number];

function loadSummary(runs: LatencyRun[], key: LoadKey): LoadSummary | undefined {
  const loads = runs.map((r) => r[key]).filter((l) => l !== undefined);
  if (!loads.length) return undefined;
  return {
    sent: loads[0]!.sent,
    p50: med(loads.map((l) => l.latency.p50))!,
    p95: med(loads.map((l) => l.latency.p95))!,
    p99: med(loads.map((l) => l.latency.p99))!,
    throughput: med(loads.map((l) => l.throughput))!,
    answeredIn3sMin: Math.min(...loads.map((l) => l.answeredIn3s)),
    botCpuMsPerCall: med(loads.map((l) => l.botCpuMsPerCall))!,
  };
}

export function summarizeBot(raw: RawResults, bot: BotName): BotSummary {
  const startup = raw.startup.filter((r) => r.bot === bot);
  const latency = raw.latency.filter((r) => r.bot === bot);
  const guilds: BotSummary['guilds'] = {};
  const scale = raw.guilds.filter((r) => r.bot === bot);
  for (const count of new Set(scale.map((r) => r.guilds))) {
    const runs = scale.filter((r) => r.guilds === count);
    guilds[count] = {
      rssMb: med(runs.map((r) => r.rssMb))!,
      rssPeakMb: med(runs.map((r) => r.rssPeakMb))!,
      readyMs: med(runs.map((r) => r.readyMs))!,
    };
  }
  const out: BotSummary = { guilds };
  const startMs = med(startup.map((r) => r.readyMs));
  if (startMs !== undefined) out.startToReadyMs = startMs;
  const idle = med(startup.length ? startup.map((r) => r.rssIdleMb) : latency.map((r) => r.rssIdleMb));
  if (idle !== undefined) out.rssIdleMb = idle;
  for (const key of LOADS) {
    const s = loadSummary(latency, key);
    if (s) out[key] = s;
  }
  const underLoad = med(
    latency.map((r) => Math.max(r.sequential.rssPeakMb, r.concurrent.rssPeakMb, r.autocomplete.rssPeakMb)),
  );
  if (underLoad !== undefined) out.rssUnderLoadMb = underLoad;
  const foreign = latency.map((r) => r.foreignCpuCores).filter((v): v is number => v !== undefined);
  if (foreign.length) out.foreignCpuCoresMax = Math.max(...foreign);
  return out;
}

/** attache / baseline for each figure both have; lower is better for all but throughput. */
export function ratios(baseline: BotSummary, attache: BotSummary): Record<string, number> {
  const out: Record<string, number> = {};
  const put = (name: string, a: number | undefined, b: number | undefined) => {
    if (a !== undefined && b !== undefined && b > 0) out[name] = round(a / b, 2);
  };
  for (const key of LOADS) {
    const name = key.replace('Codes', '_codes');
    const figures = {
      p50: 'p50',
      p95: 'p95',
      p99: 'p99',
      throughput: 'throughput',
      botCpuMsPerCall: 'cpu_per_call',
    } as const;
    for (const [p, suffix] of Object.entries(figures) as [keyof typeof figures, string][])
      put(`${name}_${suffix}`, attache[key]?.[p], baseline[key]?.[p]);
  }
  put('rss_idle', attache.rssIdleMb, baseline.rssIdleMb);
  put('rss_under_load', attache.rssUnderLoadMb, baseline.rssUnderLoadMb);
  const counts = Object.keys(attache.guilds)
    .map(Number)
    .filter((n) => baseline.guilds[n]);
  for (const n of counts) {
    const label = n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n);
    put(`rss_${label}_guilds`, attache.guilds[n]!.rssMb, baseline.guilds[n]!.rssMb);
    put(`ready_${label}_guilds`, attache.guilds[n]!.readyMs, baseline.guilds[n]!.readyMs);
  }
  put('start_to_ready', attache.startToReadyMs, baseline.startToReadyMs);
  return out;
}

export function targets(raw: RawResults, attache: BotSummary, ratio: Record<string, number>): Target[] {
  const list: Target[] = [];
  const add = (
    id: string,
    goal: string,
    value: number | undefined,
    pass: (v: number) => boolean,
    show: (v: number) => string,
  ) =>
    list.push({
      id,
      goal,
      value: value === undefined ? 'not measured' : show(value),
      pass: value === undefined ? undefined : pass(value),
    });
  const times = (v: number) => `${v.toFixed(2)}×`;
  // The goals (issue #11): at or below the baseline on latency and CPU, autocomplete within 1.1×, start no slower.
  const goals: [string, number][] = [
    ...['sequential', 'concurrent'].flatMap((load) =>
      ['p50', 'p99', 'cpu_per_call'].map((figure): [string, number] => [`${load}_${figure}`, 1.0]),
    ),
    ['autocomplete_p50', 1.1],
    ['autocomplete_p99', 1.1],
    ['start_to_ready', 1.0],
  ];
  for (const [id, limit] of goals)
    add(id, `attache ${id} ≤ ${limit.toFixed(1)}× baseline`, ratio[id], (v) => v <= limit, times);
  // The bar: no ratio where lower is better above 1.3× (throughput is higher-is-better; memory has its own goals).
  const lowerIsBetter = Object.entries(ratio).filter(
    ([id]) => !id.endsWith('_throughput') && !id.startsWith('rss_') && !id.startsWith('ready_'),
  );
  const worst = lowerIsBetter.reduce<[string, number] | undefined>(
    (max, entry) => (max === undefined || entry[1] > max[1] ? entry : max),
    undefined,
  );
  add(
    'every_ratio',
    'every latency and CPU ratio ≤ 1.3× baseline',
    worst?.[1],
    (v) => v <= 1.3,
    (v) => `worst ${worst![0]} ${times(v)}`,
  );
  for (const key of ['concurrent', 'autocomplete'] as const) {
    const s = attache[key];
    add(
      `${key}_answered_3s`,
      `all ${s?.sent ?? 1000} ${key === 'concurrent' ? 'concurrent /relations' : 'concurrent autocompletes'} answered within 3 s (every run)`,
      s ? s.answeredIn3sMin : undefined,
      (v) => v === s!.sent,
      (v) => `${v}/${s!.sent} in the worst run`,
    );
  }
  add(
    'search_p99',
    'autocomplete search in-process p99 < 1 ms',
    raw.search?.all.p99,
    (v) => v < 1,
    (v) => `${v.toFixed(3)} ms`,
  );
  add(
    'start_to_ready',
    'attache start → ready < 1.5 s (compiled)',
    attache.startToReadyMs,
    (v) => v < 1500,
    (v) => `${Math.round(v)} ms`,
  );
  add(
    'data_load',
    'data load and validation < 50 ms (in-process median)',
    raw.dataLoad?.medianMs,
    (v) => v < 50,
    (v) => `${v.toFixed(1)} ms`,
  );
  const counts = Object.keys(attache.guilds)
    .map(Number)
    .sort((a, b) => a - b);
  const most = counts.at(-1);
  const fewest = counts[0];
  add(
    'rss_10k_guilds',
    `attache RSS at ${most ?? 10000} servers ≤ 120 MB`,
    most === undefined ? undefined : attache.guilds[most]!.rssMb,
    (v) => v <= 120,
    (v) => `${v.toFixed(1)} MB`,
  );
  const growth =
    most !== undefined && fewest !== undefined && most !== fewest
      ? attache.guilds[most]!.rssMb - attache.guilds[fewest]!.rssMb
      : undefined;
  add(
    'rss_flat',
    `attache RSS flat in servers (${fewest ?? 100} → ${most ?? 10000}: ≤ 10% growth)`,
    growth,
    (v) => v <= 0.1 * attache.guilds[fewest!]!.rssMb,
    (v) => `+${v.toFixed(1)} MB (${((v / attache.guilds[fewest!]!.rssMb) * 100).toFixed(0)}%)`,
  );
  const sharded = raw.shardScale;
  add(
    'rss_sharded',
    `${sharded?.servers ?? 100000} servers on ${sharded?.shards ?? 40} shards in one process: ready, answering, RSS ≤ 150 MB`,
    sharded?.rssMb,
    (v) => v <= 150 && sharded!.answeredOnLastShard,
    (v) =>
      `${v.toFixed(1)} MB, ready in ${(sharded!.readyMs / 1000).toFixed(1)} s, ${sharded!.answeredOnLastShard ? 'answered' : 'NOT answered'} on shard ${sharded!.shards - 1}`,
  );
  const fan = raw.fanout;
  add(
    'fanout',
    `daily fan-out of ${fan?.servers ?? 1000} servers near the ${fan?.floorSeconds ?? 20} s floor (≤ 10% over, exactly one post each)`,
    fan?.seconds,
    (v) => v <= fan!.floorSeconds * 1.1 && fan!.exactlyOne === fan!.servers,
    (v) => `${v.toFixed(1)} s, ${fan!.exactlyOne}/${fan!.servers} exactly one`,
  );
  return list;
}
