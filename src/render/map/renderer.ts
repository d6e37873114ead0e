// Maps for the bot: drawn in one worker thread (a map is ~40–100 ms of CPU that must not stall the gateway or other
// answers), kept in a small LRU cache of PNGs keyed by what is drawn, the language and the data version (mapKey).
// A second request for a map being drawn waits for the same drawing. The worker starts with the first map and stops
// after 10 idle minutes: it costs ~40 MB of RSS once up (its V8 isolate, the atlas, the 6 MB font), which a bot
// nobody asks for maps should not carry. The cache outlives it. If the worker dies, the next request starts another.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { codeExtension, codeRoot } from '../../paths.js';
import { mapKey, type MapCountry, type MapRequest } from './request.js';
import type { FromMapWorker, MapWorkerData, ToMapWorker } from './worker.js';

/** What the bot asks of maps; tests can put a failing or slow one in its place. */
export interface MapMaker {
  render(request: MapRequest): Promise<Buffer>;
  close(): Promise<void>;
}

export interface MapRendererOptions {
  /** PNGs kept (default 64: a world map is ~110 kB, so about 7 MB at most). */
  cacheSize?: number;
  /** A drawing that takes longer fails (default 20 s): the worker is then replaced. */
  timeoutMs?: number;
  /** The worker stops after this long without a request (default 10 minutes). */
  idleMs?: number;
}

interface Pending {
  resolve: (value: FromMapWorker) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** Under tsx or vitest this file is TypeScript, and so is the worker: register tsx in it before loading it. */
function spawnWorker(data: MapWorkerData): Worker {
  const url = pathToFileURL(join(codeRoot, 'src', 'render', 'map', `worker${codeExtension}`));
  if (url.pathname.endsWith('.js')) return new Worker(url, { workerData: data });
  // tsx's ESM entry, found from this file; a bare name (resolved from the working directory) where resolve is missing.
  const tsx = typeof import.meta.resolve === 'function' ? import.meta.resolve('tsx/esm/api') : 'tsx/esm/api';
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true, workerData: data });
}

export class MapRenderer implements MapMaker {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private readonly cache = new Map<string, Buffer>();
  private readonly drawing = new Map<string, Promise<Buffer>>();
  private nextId = 1;
  private closed = false;
  private idleTimer: NodeJS.Timeout | undefined;
  /** Drawings done by the worker (not answered from the cache): for tests and the benchmark. */
  drawn = 0;

  constructor(
    private readonly countries: readonly MapCountry[],
    private readonly options: MapRendererOptions = {},
  ) {}

  /** Starts the worker now rather than with the first map (the benchmark measures a cold start this way). */
  start(): void {
    this.ensureWorker();
  }

  /** Whether the worker is running. */
  get running(): boolean {
    return this.worker !== undefined;
  }

  async render(request: MapRequest): Promise<Buffer> {
    const key = mapKey(request);
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key);
      this.cache.set(key, cached); // most recently used last
      return cached;
    }
    const inFlight = this.drawing.get(key);
    if (inFlight) return inFlight;
    const drawing = this.ask({ id: this.nextId++, request })
      .then((answer) => {
        if ('error' in answer) throw new Error(`map drawing failed: ${answer.error}`);
        if (!('png' in answer)) throw new Error('map worker answered something else');
        this.drawn += 1;
        const png = Buffer.from(answer.png.buffer, answer.png.byteOffset, answer.png.byteLength);
        this.remember(key, png);
        return png;
      })
      .finally(() => this.drawing.delete(key));
    this.drawing.set(key, drawing);
    return drawing;
  }

  /** The worker thread's own heap, and the process's RSS, as the worker sees them. */
  async workerMemory(): Promise<{ heapUsed: number; rss: number }> {
    const answer = await this.ask({ id: this.nextId++, memory: true });
    if (!('memory' in answer)) throw new Error('map worker answered something else');
    return answer.memory;
  }

  get cached(): number {
    return this.cache.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new Error('the map renderer was closed'));
    await worker?.terminate();
  }

  private remember(key: string, png: Buffer): void {
    this.cache.set(key, png);
    const limit = this.options.cacheSize ?? 64;
    while (this.cache.size > limit) this.cache.delete(this.cache.keys().next().value!);
  }

  private ask(message: ToMapWorker): Promise<FromMapWorker> {
    if (this.closed) return Promise.reject(new Error('the map renderer was closed'));
    const worker = this.ensureWorker();
    clearTimeout(this.idleTimer);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(message.id);
        reject(new Error(`map drawing took longer than ${this.options.timeoutMs ?? 20_000} ms`));
        // A stuck worker would hold every later map: replace it.
        if (this.worker === worker) this.replaceWorker(new Error('the map worker was stuck and was replaced'));
      }, this.options.timeoutMs ?? 20_000);
      this.pending.set(message.id, { resolve, reject, timer });
      worker.postMessage(message);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = spawnWorker({ countries: [...this.countries] });
    // The bot's shutdown does not wait for a worker that has nothing to do.
    worker.unref();
    worker.on('message', (answer: FromMapWorker) => {
      if ('ready' in answer) return;
      const pending = this.pending.get(answer.id);
      if (!pending) return;
      clearTimeout(pending.timer);
      this.pending.delete(answer.id);
      pending.resolve(answer);
      if (this.pending.size === 0) this.stopWhenIdle(worker);
    });
    worker.on('error', (error) => {
      if (this.worker === worker) this.replaceWorker(error);
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) this.replaceWorker(new Error(`the map worker exited with code ${code}`));
    });
    this.worker = worker;
    return worker;
  }

  private stopWhenIdle(worker: Worker): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(
      () => {
        if (this.worker !== worker || this.pending.size > 0) return;
        this.worker = undefined;
        void worker.terminate();
      },
      this.options.idleMs ?? 10 * 60_000,
    );
    this.idleTimer.unref();
  }

  /** Fails what the worker was doing; the next request starts a new one. */
  private replaceWorker(error: Error): void {
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(error);
    void worker?.terminate();
  }

  private failAll(error: Error): void {
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(error);
      this.pending.delete(id);
    }
  }
}
