// The map worker: loads the atlas and the font once, then draws each request it is sent, one at a time, off the
// bot's main thread. Messages: { id, request } in; { id, png } or { id, error } out; { id, memory: true } asks for
// this thread's heap (for the benchmark).
import { parentPort, workerData } from 'node:worker_threads';
import { loadAtlas } from './atlas.js';
import { drawPairMap, drawWorldMap, registerMapFont } from './draw.js';
import type { MapCountry, MapRequest } from './request.js';

export interface MapWorkerData {
  countries: MapCountry[];
}

export type ToMapWorker = { id: number; request: MapRequest } | { id: number; memory: true };

export type FromMapWorker =
  | { id: number; png: Uint8Array }
  | { id: number; error: string }
  | { id: number; memory: { heapUsed: number; rss: number } }
  | { ready: true };

const port = parentPort;
if (port) {
  const { countries } = workerData as MapWorkerData;
  registerMapFont();
  const atlas = loadAtlas(countries);
  port.on('message', (message: ToMapWorker) => {
    if ('memory' in message) {
      const { heapUsed, rss } = process.memoryUsage();
      port.postMessage({ id: message.id, memory: { heapUsed, rss } } satisfies FromMapWorker);
      return;
    }
    const { id, request } = message;
    try {
      const png = request.kind === 'world' ? drawWorldMap(atlas, request) : drawPairMap(atlas, request);
      const bytes = new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
      port.postMessage({ id, png: bytes } satisfies FromMapWorker);
    } catch (error) {
      port.postMessage({ id, error: String(error) } satisfies FromMapWorker);
    }
  });
  port.postMessage({ ready: true } satisfies FromMapWorker);
}
