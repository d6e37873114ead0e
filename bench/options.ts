// Command-line options of `npm run bench -- [options]`.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../src/paths.js';

export const SECTIONS = ['startup', 'latency', 'guilds', 'inprocess', 'fanout', 'shards', 'maps', 'http'] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchOptions {
  /** Latency runs per bot (fresh fake and child each); medians are reported. */
  runs: number;
  /** Start → ready runs per bot. */
  startRuns: number;
  sequential: number;
  concurrent: number;
  autocomplete: number;
  /** Diagnostic /relations by alpha-2 code, sequential and concurrent (0: skip). */
  codes: number;
  /** Server counts of the memory test. */
  guilds: number[];
  /** Runs per bot and server count of the memory test. */
  guildRuns: number;
  /** Servers of the daily fan-out. */
  fanout: number;
  /** Servers and shards of the sharded memory test (one attache process). */
  shardServers: number;
  shards: number;
  /** Renders of each kind in the maps section. */
  maps: number;
  sections: Set<Section>;
  /** A latency run during which other processes used more cores than this is run again (up to `retries` times). */
  maxForeign: number;
  retries: number;
  /** Run the children with --cpu-prof and summarise their profiles. */
  profile: boolean;
  /** MAPS of the attache children (off: like for like with the baseline, which sends no picture). */
  attacheMaps: 'on' | 'off';
  /** Which build of attache runs: the bundle `npm start` runs (default), or tsc's files in dist/src. */
  attacheBuild: 'bundle' | 'tsc';
  out: string;
}

const HELP = `npm run bench -- [options]
  --runs N            latency runs per bot (default 3)
  --start-runs N      start → ready runs per bot (default 5)
  --sequential N      sequential /relations per run (default 2000)
  --concurrent N      concurrent /relations per run (default 1000)
  --autocomplete N    concurrent autocomplete queries per run (default 1000)
  --codes N           diagnostic /relations by alpha-2 code, sequential and concurrent (default 1000; 0 skips)
  --guilds A,B,C      server counts of the memory test (default 100,1000,10000)
  --guild-runs N      runs per bot and server count of the memory test (default 3)
  --fanout N          servers of the daily fan-out (default 1000)
  --shard-servers N   servers of the sharded memory test (default 100000)
  --shards N          shards of the sharded memory test, all in one attache process (default 40)
  --maps N            renders of each kind in the maps section (default 200)
  --only S,S          sections: ${SECTIONS.join(', ')} (default all)
  --max-foreign C     rerun a latency run when other processes used more than C cores meanwhile (default 0.3)
  --retries N         at most N reruns per latency run (default 2); the quietest attempt is kept
  --profile           run the bots with node --cpu-prof and summarise the top frames
  --attache-maps M    MAPS of attache's processes: off (default; the baseline sends no picture) or on
  --attache-build B   attache's code: bundle (default; what npm start runs, dist/bundle) or tsc (dist/src)
  --out FILE          where to write the JSON (default bench/last-run.json)`;

function positive(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number (got ${text})`);
  return value;
}

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string', default: '3' },
      'start-runs': { type: 'string', default: '5' },
      sequential: { type: 'string', default: '2000' },
      concurrent: { type: 'string', default: '1000' },
      autocomplete: { type: 'string', default: '1000' },
      codes: { type: 'string', default: '1000' },
      guilds: { type: 'string', default: '100,1000,10000' },
      'guild-runs': { type: 'string', default: '3' },
      fanout: { type: 'string', default: '1000' },
      'shard-servers': { type: 'string', default: '100000' },
      shards: { type: 'string', default: '40' },
      maps: { type: 'string', default: '200' },
      only: { type: 'string', default: SECTIONS.join(',') },
      'max-foreign': { type: 'string', default: '0.3' },
      retries: { type: 'string', default: '2' },
      profile: { type: 'boolean', default: false },
      'attache-maps': { type: 'string', default: 'off' },
      'attache-build': { type: 'string', default: 'bundle' },
      out: { type: 'string', default: join(projectRoot, 'bench', 'last-run.json') },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const sections = values.only
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const attacheMaps = values['attache-maps'];
  if (attacheMaps !== 'on' && attacheMaps !== 'off') throw new Error(`--attache-maps must be on or off`);
  const attacheBuild = values['attache-build'];
  if (attacheBuild !== 'bundle' && attacheBuild !== 'tsc') throw new Error(`--attache-build must be bundle or tsc`);
  for (const s of sections)
    if (!(SECTIONS as readonly string[]).includes(s))
      throw new Error(`--only: unknown section ${s}; known: ${SECTIONS.join(', ')}`);
  return {
    runs: Math.max(1, positive('runs', values.runs)),
    startRuns: Math.max(1, positive('start-runs', values['start-runs'])),
    sequential: positive('sequential', values.sequential),
    concurrent: positive('concurrent', values.concurrent),
    autocomplete: positive('autocomplete', values.autocomplete),
    codes: positive('codes', values.codes),
    guilds: values.guilds
      .split(',')
      .map((g) => positive('guilds', g.trim()))
      .filter((g) => g > 0),
    guildRuns: Math.max(1, positive('guild-runs', values['guild-runs'])),
    fanout: positive('fanout', values.fanout),
    shardServers: positive('shard-servers', values['shard-servers']),
    shards: Math.max(1, positive('shards', values.shards)),
    maps: Math.max(1, positive('maps', values.maps)),
    sections: new Set(sections as Section[]),
    maxForeign: Number(values['max-foreign']),
    retries: positive('retries', values.retries),
    profile: values.profile,
    attacheMaps,
    attacheBuild,
    out: values.out,
  };
}
