// The maps section: one MapRenderer (its worker thread, its cache) in this process, as the bot runs it. Cold: from
// starting the worker to the first map. Then N distinct world maps (200 countries × 2 languages cycle past the
// 64-map cache, so none is a hit), N distinct pair maps, and N cached answers; the RSS the worker added, and its heap.
import { loadFacts } from '../src/facts/load.js';
import { dataDir } from '../src/paths.js';
import { MapRenderer } from '../src/render/map/renderer.js';
import { mapCountries, pairMapRequest, worldMapRequest, type MapRequest } from '../src/render/map/request.js';
import { round, summarize, type LatencySummary } from './stats.js';

export interface MapsResult {
  renders: number;
  /** Start of the worker (atlas, font) to the first world map. */
  coldMs: number;
  world: LatencySummary;
  pair: LatencySummary;
  cached: LatencySummary;
  /** Mean PNG sizes. */
  worldPngKb: number;
  pairPngKb: number;
  /** This process's RSS before the worker started, and the growth after every render (worker and cache). */
  rssBeforeMb: number;
  rssExtraMb: number;
  /** The worker thread's own V8 heap after the renders. */
  workerHeapMb: number;
  cachedMaps: number;
}

const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);

async function timed(renderer: MapRenderer, requests: readonly MapRequest[]) {
  const samples: number[] = [];
  let bytes = 0;
  for (const request of requests) {
    const started = performance.now();
    const png = await renderer.render(request);
    samples.push(performance.now() - started);
    bytes += png.length;
  }
  return { latency: summarize(samples), meanKb: round(bytes / requests.length / 1024, 1) };
}

export async function mapsRun(renders: number): Promise<MapsResult> {
  const facts = loadFacts(dataDir);
  const countries = facts.countries;
  const world = (i: number) => worldMapRequest(facts, countries[i % countries.length]!, i % 2 ? 'ko' : 'en');
  const pair = (i: number) =>
    pairMapRequest(countries[i % countries.length]!, countries[(i * 7 + 3) % countries.length]!, i % 2 ? 'ko' : 'en');
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const renderer = new MapRenderer(mapCountries(countries));
  const coldStart = performance.now();
  renderer.start();
  await renderer.render(world(0));
  const coldMs = round(performance.now() - coldStart, 1);
  const worldRun = await timed(
    renderer,
    Array.from({ length: renders }, (_, i) => world(i + 1)),
  );
  const pairRun = await timed(
    renderer,
    Array.from({ length: renders }, (_, i) => pair(i + 1)),
  );
  const recent = world(renders);
  const cachedRun = await timed(
    renderer,
    Array.from({ length: renders }, () => recent),
  );
  const rssAfter = process.memoryUsage().rss;
  const workerMemory = await renderer.workerMemory();
  const result: MapsResult = {
    renders,
    coldMs,
    world: worldRun.latency,
    pair: pairRun.latency,
    cached: cachedRun.latency,
    worldPngKb: worldRun.meanKb,
    pairPngKb: pairRun.meanKb,
    rssBeforeMb: mb(rssBefore),
    rssExtraMb: mb(rssAfter - rssBefore),
    workerHeapMb: mb(workerMemory.heapUsed),
    cachedMaps: renderer.cached,
  };
  await renderer.close();
  return result;
}

export function formatMaps(r: MapsResult): string {
  const row = (name: string, l: LatencySummary) =>
    `| ${name} | ${l.count} | ${l.p50} | ${l.p95} | ${l.p99} | ${l.max} |`;
  return [
    `Maps (one worker thread; ${r.renders} renders each; ms)`,
    '',
    '| | renders | p50 | p95 | p99 | max |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    row('world map, not cached', r.world),
    row('pair map, not cached', r.pair),
    row('cached', r.cached),
    '',
    `cold (worker start to first map): ${r.coldMs} ms; PNG: world ${r.worldPngKb} kB, pair ${r.pairPngKb} kB`,
    `RSS ${r.rssBeforeMb} MB before the worker, +${r.rssExtraMb} MB after the renders (${r.cachedMaps} maps cached); worker heap ${r.workerHeapMb} MB`,
  ].join('\n');
}
