// Interaction load through the fake Discord. Latency is dispatch sent → the bot's callback received by the fake,
// taken in this process around slash()/autocomplete() (they resolve when the fake handles the first response).
import type { FakeDiscord } from '../src/harness/index.js';
import { round, summarize, type LatencySummary } from './stats.js';

/** Discord's window for the first callback; the fake refuses later callbacks. */
export const CALLBACK_WINDOW_MS = 3000;

export interface LoadResult {
  sent: number;
  /** Answered at all (before the call timed out). */
  answered: number;
  /** Answered within Discord's 3 s window. */
  answeredIn3s: number;
  /** Latency of the answered ones, ms. */
  latency: LatencySummary;
  /** First dispatch → last answer, s. */
  seconds: number;
  /** Answered per second over that time. */
  throughput: number;
}

type Call = () => Promise<unknown>;

function result(sent: number, latencies: (number | undefined)[], seconds: number): LoadResult {
  const answered = latencies.filter((l): l is number => l !== undefined);
  return {
    sent,
    answered: answered.length,
    answeredIn3s: answered.filter((l) => l <= CALLBACK_WINDOW_MS).length,
    latency: summarize(answered),
    seconds: round(seconds, 3),
    throughput: round(answered.length / seconds, 1),
  };
}

async function timed(call: Call): Promise<number | undefined> {
  const t0 = performance.now();
  try {
    await call();
    return performance.now() - t0;
  } catch {
    return undefined;
  }
}

/** One call at a time, each after the previous answer. */
export async function sequential(calls: readonly Call[]): Promise<LoadResult> {
  const started = performance.now();
  const latencies: (number | undefined)[] = [];
  for (const call of calls) latencies.push(await timed(call));
  return result(calls.length, latencies, (performance.now() - started) / 1000);
}

/** Every call dispatched at once (in one tick), then waiting for all answers. */
export async function concurrent(calls: readonly Call[]): Promise<LoadResult> {
  const started = performance.now();
  const latencies = await Promise.all(calls.map((call) => timed(call)));
  return result(calls.length, latencies, (performance.now() - started) / 1000);
}

/** Generous per-call timeout: a late answer is refused by the fake anyway, and then counts as unanswered. */
const callOptions = { timeoutMs: 10_000 };

export function relationsCalls(discord: FakeDiscord, values: readonly string[]): Call[] {
  return values.map((value) => () => discord.slash(`/relations country:${value}`, {}, callOptions));
}

export function autocompleteCalls(discord: FakeDiscord, partials: readonly string[]): Call[] {
  return partials.map(
    (partial) => () => discord.autocomplete(`/relations country:${partial}`, 'country', {}, callOptions),
  );
}
