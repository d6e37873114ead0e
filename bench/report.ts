// The printed tables and bench/last-run.json.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { guildCreateShape, type GuildCreateShape } from './guild-scale.js';
import { formatProfile, type ProfileSummary } from './profile.js';
import type { BotSummary, RawResults, Target } from './summary.js';

export function machine() {
  const cores = cpus();
  return {
    cpu: cores[0]?.model ?? 'unknown',
    cores: cores.length,
    totalMemGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${platform()} ${release()}`,
  };
}

/** 1, 5 and 15 minute load averages: other work on the machine shows here. */
export function load(): number[] {
  return loadavg().map((l) => Math.round(l * 100) / 100);
}

type Row = [string, string, number | undefined, number | undefined, number | undefined];

function fmt(v: number | undefined, digits = 2): string {
  if (v === undefined || Number.isNaN(v)) return '–';
  return Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(digits);
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function formatComparison(baseline: BotSummary, attache: BotSummary, ratio: Record<string, number>): string {
  const rows: Row[] = [];
  const loads = [
    ['sequential', 'sequential', 'sequential /relations'],
    ['concurrent', 'concurrent', 'concurrent /relations'],
    ['autocomplete', 'autocomplete', 'concurrent autocomplete'],
    ['sequentialCodes', 'sequential_codes', 'diagnostic: sequential by code'],
    ['concurrentCodes', 'concurrent_codes', 'diagnostic: concurrent by code'],
  ] as const;
  for (const [key, ratioKey, label] of loads) {
    const b = baseline[key];
    const a = attache[key];
    if (!a && !b) continue;
    const name = `${label} (${a?.sent ?? b?.sent})`;
    rows.push([name, 'p50 ms', b?.p50, a?.p50, ratio[`${ratioKey}_p50`]]);
    rows.push(['', 'p95 ms', b?.p95, a?.p95, ratio[`${ratioKey}_p95`]]);
    rows.push(['', 'p99 ms', b?.p99, a?.p99, ratio[`${ratioKey}_p99`]]);
    rows.push(['', 'answers/s', b?.throughput, a?.throughput, ratio[`${ratioKey}_throughput`]]);
    rows.push(['', 'bot CPU ms per call', b?.botCpuMsPerCall, a?.botCpuMsPerCall, ratio[`${ratioKey}_cpu_per_call`]]);
    if (key.startsWith('concurrent') || key === 'autocomplete')
      rows.push(['', 'answered ≤ 3 s (worst run)', b?.answeredIn3sMin, a?.answeredIn3sMin, undefined]);
  }
  rows.push(['RSS idle (1 server)', 'MB', baseline.rssIdleMb, attache.rssIdleMb, ratio.rss_idle]);
  rows.push(['RSS under load (peak)', 'MB', baseline.rssUnderLoadMb, attache.rssUnderLoadMb, ratio.rss_under_load]);
  rows.push(['start → ready (1 server)', 'ms', baseline.startToReadyMs, attache.startToReadyMs, ratio.start_to_ready]);
  const counts = [...new Set([...Object.keys(baseline.guilds), ...Object.keys(attache.guilds)])]
    .map(Number)
    .sort((x, y) => x - y);
  for (const n of counts) {
    const label = n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n);
    rows.push([
      `${n} servers`,
      'RSS MB',
      baseline.guilds[n]?.rssMb,
      attache.guilds[n]?.rssMb,
      ratio[`rss_${label}_guilds`],
    ]);
    rows.push([
      '',
      'start → ready ms',
      baseline.guilds[n]?.readyMs,
      attache.guilds[n]?.readyMs,
      ratio[`ready_${label}_guilds`],
    ]);
  }
  return table(
    ['scenario', 'figure', 'baseline', 'attache', 'ratio'],
    rows.map(([s, f, b, a, r]) => [
      s,
      f,
      fmt(b, f.startsWith('answered') ? 0 : 2),
      fmt(a, f.startsWith('answered') ? 0 : 2),
      r === undefined ? '' : `${r.toFixed(2)}×`,
    ]),
  );
}

export function formatInProcess(raw: RawResults): string {
  const rows: string[][] = [];
  const d = raw.dataLoad;
  if (d) {
    rows.push(['data load + validation', 'median ms', fmt(d.medianMs)]);
    rows.push(['', 'p95 ms', fmt(d.p95Ms)]);
    rows.push(['', 'first (cold) ms', fmt(d.firstMs)]);
    rows.push(['', 'facts / news ms', `${fmt(d.factsMedianMs)} / ${fmt(d.newsMedianMs)}`]);
  }
  const cold = raw.startup.filter((r) => r.dataLoadMs !== undefined).map((r) => r.dataLoadMs!);
  if (cold.length) rows.push(['', 'in attache start (cold) ms', cold.join(', ')]);
  const s = raw.search;
  if (s) {
    rows.push(['country search index build', 'ms', fmt(s.buildMs, 3)]);
    if (s.foreignCpuCores !== undefined) rows.push(['', 'other processes meanwhile', `${s.foreignCpuCores} cores`]);
    for (const key of ['exact', 'prefixes', 'typos', 'empty', 'all'] as const) {
      const l = s[key];
      rows.push([
        key === 'exact' ? 'country search, per query' : '',
        `${key} (n=${l.count}) p50/p99/max ms`,
        `${fmt(l.p50, 3)} / ${fmt(l.p99, 3)} / ${fmt(l.max, 3)}`,
      ]);
    }
  }
  const f = raw.fanout;
  if (f) {
    rows.push([`daily fan-out, ${f.servers} servers`, 's (floor)', `${f.seconds.toFixed(2)} (${f.floorSeconds})`]);
    rows.push([
      '',
      'posts/s, exactly one, 429s',
      `${f.postsPerSecond}, ${f.exactlyOne}/${f.servers}, ${f.answered429}`,
    ]);
  }
  return rows.length ? table(['in-process (attache)', 'figure', 'value'], rows) : '';
}

export function formatTargets(list: Target[]): string {
  return table(
    ['target', 'result', 'value'],
    list.map((t) => [t.goal, t.pass === undefined ? 'n/a' : t.pass ? 'PASS' : 'MISS', t.value]),
  );
}

export interface RunFile {
  timestamp: string;
  machine: ReturnType<typeof machine>;
  /** Load averages when the run started and ended. */
  loadAverage: { start: number[]; end: number[] };
  command: string;
  options: Record<string, unknown>;
  durationSeconds: number;
  ratios: Record<string, number>;
  targets: Target[];
  bots: { baseline: BotSummary; attache: BotSummary };
  guildCreate?: GuildCreateShape;
  raw: RawResults;
  profiles?: ProfileSummary[];
}

export function writeRunFile(path: string, run: RunFile): void {
  writeFileSync(path, `${JSON.stringify(run, null, 2)}\n`);
}

export interface ReportParts {
  info: ReturnType<typeof machine>;
  runs: number;
  startRuns: number;
  loadAtStart: number[];
  baseline: BotSummary;
  attache: BotSummary;
  ratio: Record<string, number>;
  raw: RawResults;
  goals: Target[];
  profiles: ProfileSummary[];
  /** Whether the servers section ran (it reports GUILD_CREATE's shape, which only the baseline receives). */
  guildsMeasured: boolean;
  profileDir: string | undefined;
  /** How attache ran: its entry file and its MAPS setting. */
  attacheRun: string;
}

/** Everything `npm run bench` prints at the end. */
export function formatReport(p: ReportParts): string {
  const out = [
    `\nattache benchmarks — ${p.info.cpu} × ${p.info.cores}, ${p.info.totalMemGb} GB, Node ${p.info.node}, ${p.info.os}`,
    `latency: median of ${p.runs} run(s) per bot; start: median of ${p.startRuns}`,
    `attache ran as ${p.attacheRun}\n`,
    formatComparison(p.baseline, p.attache, p.ratio),
  ];
  if (p.baseline.foreignCpuCoresMax !== undefined || p.attache.foreignCpuCoresMax !== undefined) {
    out.push(
      `(other processes used at most ${p.baseline.foreignCpuCoresMax ?? '–'} / ${p.attache.foreignCpuCoresMax ?? '–'} cores during a counted baseline / attache latency run; ${p.raw.latencyNoisy.length} noisier attempt(s) set aside; load average ${p.loadAtStart.join(' ')} at start)`,
    );
  }
  const inProcess = formatInProcess(p.raw);
  if (inProcess) out.push(`\n${inProcess}`);
  if (p.guildsMeasured) {
    const shape = guildCreateShape();
    out.push(
      `\nGUILD_CREATE as the fake sends it (baseline only): ${shape.bytes} bytes, ${shape.channels} channels, ${shape.roles} role(s), ${shape.members} members`,
    );
  }
  out.push(`\n${formatTargets(p.goals)}`);
  for (const profile of p.profiles) out.push(`\n${formatProfile(profile)}`);
  if (p.profileDir) out.push(`\nprofiles: ${p.profileDir}`);
  return out.join('\n');
}
