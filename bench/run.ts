// `npm run bench`: the fake Discord runs here; the baseline bot and attache run in turn as compiled child
// processes on the same load. Prints the tables and writes bench/last-run.json. Options: --help.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { loadFacts } from '../src/facts/load.js';
import { dataDir, projectRoot } from '../src/paths.js';
import { attacheBuild, attacheEntries, attacheEnv, BOTS, cleanUp, type BotName } from './bots.js';
import { dailyFanout } from './fanout.js';
import { guildCreateShape, guildScaleRun } from './guild-scale.js';
import { measureDataLoad, measureSearch } from './in-process.js';
import { autocompletePartials, cycle, relationValues, shuffled } from './inputs.js';
import { httpModeRun } from './http-mode.js';
import { latencyRun, type LatencyInputs } from './latency.js';
import { formatMaps, mapsRun } from './maps.js';
import { parseOptions } from './options.js';
import { quietest, type QuietOptions } from './quiet.js';
import { summarizeProfile, type ProfileSummary } from './profile.js';
import { formatReport, load, machine, writeRunFile } from './report.js';
import { shardScaleRun } from './shard-scale.js';
import { startupRun } from './startup.js';
import { ratios, summarizeBot, targets, type RawResults } from './summary.js';

const options = parseOptions(process.argv.slice(2));
const started = performance.now();
const loadAtStart = load();
const progress = (message: string) =>
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
attacheEnv.MAPS = options.attacheMaps;
attacheBuild.entry = attacheEntries[options.attacheBuild];
const profileDir = options.profile ? mkdtempSync(join(tmpdir(), 'attache-bench-profiles-')) : undefined;
/** Alternates which bot goes first, so neither always runs on a warmer (or more tired) machine. */
const order = (run: number): BotName[] => (run % 2 === 1 ? [...BOTS] : [...BOTS].reverse());
const raw: RawResults = { startup: [], latency: [], latencyNoisy: [], guilds: [] };
const quiet = (what: string): QuietOptions => ({
  ...options,
  onNoisy: (cores, again) =>
    progress(`${what}: other processes used ${cores} cores meanwhile${again ? '; measuring again' : ''}`),
});

if (options.sections.has('inprocess')) {
  raw.dataLoad = measureDataLoad();
  progress(`data load: median ${raw.dataLoad.medianMs} ms (first ${raw.dataLoad.firstMs} ms)`);
  raw.search = (await quietest(() => measureSearch(), quiet('country search'))).best;
  progress(
    `country search: p50 ${raw.search.all.p50} ms, p99 ${raw.search.all.p99} ms over ${raw.search.all.count} queries`,
  );
}

if (options.sections.has('startup')) {
  for (let run = 1; run <= options.startRuns; run++) {
    for (const bot of order(run)) {
      const r = await startupRun(bot, run, profileDir);
      raw.startup.push(r);
      progress(`start ${run}/${options.startRuns} ${bot}: ready in ${r.readyMs} ms, RSS ${r.rssIdleMb} MB`);
    }
  }
}

if (options.sections.has('latency')) {
  const { countries } = loadFacts(dataDir);
  const values = relationValues(countries);
  const partials = autocompletePartials(countries);
  const inputs: LatencyInputs = {
    sequential: cycle(values, options.sequential),
    concurrent: cycle(values.slice(500), options.concurrent),
    autocomplete: cycle(partials, options.autocomplete),
    codes: cycle(
      shuffled(
        countries.map((c) => c.code),
        5,
      ),
      options.codes,
    ),
    warmup: { relations: cycle(values.slice(100), 300), autocomplete: cycle(partials.slice(100), 300) },
  };
  for (let run = 1; run <= options.runs; run++) {
    for (const bot of order(run)) {
      const { best: r, noisy } = await quietest(
        () => latencyRun(bot, run, inputs, profileDir),
        quiet(`latency ${run} ${bot}`),
      );
      raw.latency.push(r);
      raw.latencyNoisy.push(...noisy);
      progress(
        `latency ${run}/${options.runs} ${bot}: sequential p50 ${r.sequential.latency.p50} p99 ${r.sequential.latency.p99} ms; ` +
          `concurrent p50 ${r.concurrent.latency.p50} p99 ${r.concurrent.latency.p99} ms (${r.concurrent.answeredIn3s} in 3 s); ` +
          `autocomplete p50 ${r.autocomplete.latency.p50} p99 ${r.autocomplete.latency.p99} ms (${r.autocomplete.answeredIn3s} in 3 s); ` +
          `other processes: ${r.foreignCpuCores ?? '?'} cores`,
      );
    }
  }
}

if (options.sections.has('http')) {
  const { countries } = loadFacts(dataDir);
  const values = relationValues(countries);
  const inputs = {
    sequential: cycle(values, Math.min(options.sequential, 1000)),
    concurrent: cycle(values.slice(500), options.concurrent),
    warmup: cycle(values.slice(100), 200),
  };
  // One shared store, as replicas need: a Redis database of its own (emptied before each run).
  const storeUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/7';
  raw.http = [];
  for (const [mode, replicas] of [
    ['gateway', 1],
    ['http', 1],
    ['http', 3],
  ] as const) {
    const r = await httpModeRun(mode, replicas, inputs, storeUrl);
    raw.http.push(r);
    progress(
      `${mode} ×${replicas}: sequential p50 ${r.sequential.latency.p50} p99 ${r.sequential.latency.p99} ms, ` +
        `${r.sequential.throughput}/s; concurrent (${r.concurrent.sent}) p50 ${r.concurrent.latency.p50} ` +
        `p99 ${r.concurrent.latency.p99} ms, ${r.concurrent.throughput}/s, ${r.concurrent.answeredIn3s} in 3 s`,
    );
  }
}

if (options.sections.has('guilds')) {
  for (let run = 1; run <= options.guildRuns; run++) {
    for (const count of options.guilds) {
      for (const bot of order(run)) {
        const r = await guildScaleRun(bot, count, run, profileDir);
        raw.guilds.push(r);
        progress(
          `servers ${run}/${options.guildRuns} ${count} ${bot}: ready in ${r.readyMs} ms, RSS ${r.rssMb} MB (peak ${r.rssPeakMb} MB)`,
        );
      }
    }
  }
}

if (options.sections.has('fanout') && options.fanout > 0) {
  progress(`daily fan-out of ${options.fanout} servers (floor ${options.fanout / 50} s)…`);
  raw.fanout = await dailyFanout(options.fanout);
  progress(`daily fan-out: ${raw.fanout.seconds} s, ${raw.fanout.exactlyOne}/${raw.fanout.servers} exactly one`);
}

if (options.sections.has('shards') && options.shardServers > 0) {
  progress(`${options.shardServers} servers on ${options.shards} shards in one attache process…`);
  raw.shardScale = await shardScaleRun(options.shardServers, options.shards);
  progress(
    `sharded: ready in ${raw.shardScale.readyMs} ms, RSS ${raw.shardScale.rssMb} MB (peak ${raw.shardScale.rssPeakMb} MB), answered on the last shard: ${raw.shardScale.answeredOnLastShard}`,
  );
}

if (options.sections.has('maps')) {
  raw.maps = await mapsRun(options.maps);
  progress(
    `maps: cold ${raw.maps.coldMs} ms; world p50 ${raw.maps.world.p50} p99 ${raw.maps.world.p99} ms; cached p50 ${raw.maps.cached.p50} ms; RSS +${raw.maps.rssExtraMb} MB`,
  );
}

const baseline = summarizeBot(raw, 'baseline');
const attache = summarizeBot(raw, 'attache');
const ratio = ratios(baseline, attache);
const goals = targets(raw, attache, ratio);
const profiles: ProfileSummary[] = profileDir
  ? readdirSync(profileDir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .sort()
      .map((f) => summarizeProfile(join(profileDir, f)))
  : [];
const info = machine();
console.log(
  formatReport({
    info,
    runs: options.runs,
    startRuns: options.startRuns,
    loadAtStart,
    baseline,
    attache,
    ratio,
    raw,
    goals,
    profiles,
    profileDir,
    guildsMeasured: raw.guilds.length > 0,
    attacheRun: `${relative(projectRoot, attacheBuild.entry)} (--attache-build ${options.attacheBuild}), MAPS=${options.attacheMaps}`,
  }),
);

if (raw.maps) console.log(`\n${formatMaps(raw.maps)}`);

const durationSeconds = Math.round((performance.now() - started) / 1000);
writeRunFile(options.out, {
  timestamp: new Date().toISOString(),
  machine: info,
  loadAverage: { start: loadAtStart, end: load() },
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  options: { ...options, sections: [...options.sections] },
  durationSeconds,
  ratios: ratio,
  targets: goals,
  bots: { baseline, attache },
  guildCreate: guildCreateShape(),
  raw,
  ...(profiles.length && { profiles }),
});
cleanUp();
progress(`done in ${durationSeconds} s; wrote ${options.out}`);
process.exit(0);
