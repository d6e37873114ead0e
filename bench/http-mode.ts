// HTTP interactions next to the gateway: attache as 1 or 3 compiled replicas (INTERACTIONS_MODE=http) behind the
// fake Discord's round-robin, on one Redis, and attache on the gateway on the same Redis, under the same loads.
// Latency is the fake's POST sent → the HTTP response read (the callback); for the gateway, dispatch → callback.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
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
      if (mode === 'http') {
        Object.assign(env, { INTERACTIONS_MODE: 'http', DISCORD_PUBLIC_KEY: discord.publicKey });
        env.PORT = String(await freePort());
        urls.push(`http://127.0.0.1:${env.PORT}/interactions`);
      }
      children.push(await launch('attache', discord, { label: `attache-${mode}-${replicas}-${i}`, env }));
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
