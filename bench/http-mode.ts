// HTTP interactions next to the gateway: attache as 1 or 3 compiled replicas (INTERACTIONS_MODE=http) behind the
// fake Discord's round-robin, on one Redis, and attache on the gateway on the same Redis, under the same loads.
// Latency is the fake's POST sent → the HTTP response read (the callback); for the gateway, dispatch → callback.
import { spawnSync } from 'node:child_process';
import { FakeDiscord } from '../src/harness/index.js';
import { launch, type RunningChild } from './bots.js';
import { concurrent, relationsCalls, sequential, type LoadResult } from './load.js';
import { sleep } from './proc.js';

export interface HttpModeRun {
  mode: 'gateway' | 'http';
  replicas: number;
  sequential: LoadResult;
  concurrent: LoadResult;
}

export async function httpModeRun(
  mode: 'gateway' | 'http',
  replicas: number,
  inputs: { sequential: string[]; concurrent: string[]; warmup: string[] },
  storeUrl: string,
): Promise<HttpModeRun> {
  // Each run's fake Discord starts with no commands: the store must not remember registering them.
  spawnSync('redis-cli', ['-u', storeUrl, 'flushdb'], { stdio: 'ignore' });
  const discord = await FakeDiscord.start({ responseTimeoutMs: 10_000, strict: false });
  const children: RunningChild[] = [];
  const urls: string[] = [];
  try {
    for (let i = 0; i < replicas; i++) {
      const env: Record<string, string> = { STORE_URL: storeUrl };
      // PORT=0: each replica takes a free port and names it in its ready line.
      if (mode === 'http')
        Object.assign(env, { INTERACTIONS_MODE: 'http', DISCORD_PUBLIC_KEY: discord.publicKey, PORT: '0' });
      const child = await launch('attache', discord, { label: `attache-${mode}-${replicas}-${i}`, env });
      children.push(child);
      if (mode === 'http') urls.push(`http://127.0.0.1:${String(child.readyLine.port)}/interactions`);
    }
    if (mode === 'http') await discord.setInteractionsEndpoint(urls);
    await sleep(500);
    await sequential(relationsCalls(discord, inputs.warmup));
    const seq = await sequential(relationsCalls(discord, inputs.sequential));
    const conc = await concurrent(relationsCalls(discord, inputs.concurrent));
    return { mode, replicas, sequential: seq, concurrent: conc };
  } finally {
    for (const child of children) await child.close();
    await discord.close();
  }
}
