// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time by function and by area (package or folder).
// Run on its own: node dist/bench/profile.js <file.cpuprofile> [top]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  file: string;
  /** Sampled time that was not idle, ms. */
  busyMs: number;
  topFunctions: { frame: string; selfMs: number; percent: number }[];
  byArea: { area: string; selfMs: number; percent: number }[];
  /** attache's own functions by total time (themselves and what they call). */
  ownInclusive: { frame: string; totalMs: number; percent: number }[];
}

const IDLE = new Set(['(idle)', '(program)']);

/** Where a frame's code lives: a package, node's internals, attache's own code, or a V8 pseudo-frame. */
export function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return 'node:internal';
  const own = /\/dist\/(src\/[^/]+|commands|bench)\//.exec(url);
  if (own) return `attache ${own[1]}`;
  return url;
}

function frameName(frame: ProfileNode['callFrame']): string {
  const short = frame.url
    .replace(/^.*node_modules\//, '')
    .replace(/^.*\/dist\//, 'dist/')
    .replace(/^file:\/\//, '');
  return `${frame.functionName || '(anonymous)'} ${short ? `${short}:${frame.lineNumber + 1}` : ''}`.trim();
}

export function summarizeProfile(file: string, top = 12): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const functions = new Map<string, number>();
  const areas = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let busyUs = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    if (IDLE.has(frame.functionName)) continue;
    busyUs += us;
    const name = frameName(frame);
    functions.set(name, (functions.get(name) ?? 0) + us);
    const area = areaOf(frame.url, frame.functionName);
    areas.set(area, (areas.get(area) ?? 0) + us);
    const onStack = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)!.callFrame;
      if (areaOf(f.url, f.functionName).startsWith('attache ')) onStack.add(frameName(f));
    }
    for (const name of onStack) inclusive.set(name, (inclusive.get(name) ?? 0) + us);
  }
  const rank = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({
        name,
        selfMs: Math.round(us / 100) / 10,
        percent: Math.round((us / busyUs) * 1000) / 10,
      }));
  return {
    file,
    busyMs: Math.round(busyUs / 1000),
    topFunctions: rank(functions).map(({ name, ...rest }) => ({ frame: name, ...rest })),
    byArea: rank(areas).map(({ name, ...rest }) => ({ area: name, ...rest })),
    ownInclusive: rank(inclusive).map(({ name, selfMs, percent }) => ({ frame: name, totalMs: selfMs, percent })),
  };
}

export function formatProfile(summary: ProfileSummary): string {
  const lines = [`${summary.file}: ${summary.busyMs} ms busy`, '  by area:'];
  for (const a of summary.byArea)
    lines.push(`    ${a.percent.toFixed(1).padStart(5)}%  ${a.selfMs.toFixed(0).padStart(6)} ms  ${a.area}`);
  lines.push('  top functions (self time):');
  for (const f of summary.topFunctions)
    lines.push(`    ${f.percent.toFixed(1).padStart(5)}%  ${f.selfMs.toFixed(0).padStart(6)} ms  ${f.frame}`);
  if (summary.ownInclusive.length) lines.push('  attache functions (total time, with callees):');
  for (const f of summary.ownInclusive)
    lines.push(`    ${f.percent.toFixed(1).padStart(5)}%  ${f.totalMs.toFixed(0).padStart(6)} ms  ${f.frame}`);
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node dist/bench/profile.js <file.cpuprofile> [top]');
    process.exit(2);
  }
  console.log(formatProfile(summarizeProfile(file, Number(top ?? 12))));
}
