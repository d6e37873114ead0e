// Child processes of the benchmark: spawn a compiled bot, wait for its ready line, read its RSS, stop it.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

/** Resident set size of a process in MB (VmRSS of /proc/<pid>/status), undefined once it is gone. */
export function rssMb(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Samples a process's RSS at a fixed interval until stopped. */
export class RssSampler {
  private readonly samples: number[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    everyMs = 50,
  ) {
    this.take();
    this.timer = setInterval(() => this.take(), everyMs);
  }

  stop(): { peakMb: number; lastMb: number; count: number } {
    clearInterval(this.timer);
    this.take();
    return {
      peakMb: Math.max(...this.samples, 0),
      lastMb: this.samples.at(-1) ?? Number.NaN,
      count: this.samples.length,
    };
  }

  private take(): void {
    const mb = rssMb(this.pid);
    if (mb !== undefined) this.samples.push(mb);
  }
}

/** The median RSS over a short window: a steadier figure than one sample. */
export async function steadyRssMb(pid: number, windowMs = 1000, everyMs = 100): Promise<number> {
  const values: number[] = [];
  for (let t = 0; t < windowMs; t += everyMs) {
    const mb = rssMb(pid);
    if (mb !== undefined) values.push(mb);
    await sleep(everyMs);
  }
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)] ?? Number.NaN;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface SpawnSpec {
  /** A label for errors, e.g. "attache (10000 guilds)". */
  label: string;
  script: string;
  nodeArgs?: string[];
  env: Record<string, string>;
  cwd: string;
  /** True for the JSON stdout line that means "ready". */
  isReady(line: Record<string, unknown>): boolean;
  readyTimeoutMs?: number;
}

export interface BotProcess {
  readonly pid: number;
  /** Spawn → ready line received, in ms. */
  readonly readyMs: number;
  /** The parsed ready line. */
  readonly readyLine: Record<string, unknown>;
  /** Highest RSS from spawn to ready, MB (sampled every 100 ms). */
  readonly startupPeakMb: number;
  /** Sends SIGTERM and waits for the exit (SIGKILL after 10 s); resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Spawns `node [nodeArgs] script` and resolves once it prints its ready line on stdout (JSON lines). */
export function spawnBot(spec: SpawnSpec): Promise<BotProcess> {
  const started = performance.now();
  const child = spawn(process.execPath, [...(spec.nodeArgs ?? []), spec.script], {
    cwd: spec.cwd,
    env: spec.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  const remember = (line: string) => {
    tail.push(line);
    if (tail.length > 20) tail.shift();
  };
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  createInterface({ input: child.stderr }).on('line', remember);
  const sampler = new RssSampler(child.pid!, 100);

  return new Promise<BotProcess>((resolve, reject) => {
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      sampler.stop();
      child.kill('SIGKILL');
      reject(new Error(`${spec.label}: ${why}\n${tail.join('\n')}`));
    };
    const timer = setTimeout(
      () => fail(`no ready line within ${spec.readyTimeoutMs ?? 30_000} ms`),
      spec.readyTimeoutMs ?? 30_000,
    );
    void exited.then((code) => fail(`exited with code ${code} before it was ready`));
    createInterface({ input: child.stdout }).on('line', (line) => {
      remember(line);
      if (settled) return;
      const parsed = parseJsonLine(line);
      if (!parsed || !spec.isReady(parsed)) return;
      settled = true;
      const readyMs = performance.now() - started;
      clearTimeout(timer);
      const { peakMb } = sampler.stop();
      resolve({ pid: child.pid!, readyMs, readyLine: parsed, startupPeakMb: peakMb, stop: () => stop(child, exited) });
    });
  });
}

async function stop(child: ChildProcess, exited: Promise<number | null>): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  const code = await exited;
  clearTimeout(killer);
  return code;
}

function parseJsonLine(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
