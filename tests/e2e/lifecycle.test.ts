// The real entry point (`npm start`) as a supervisor sees it: exit codes and messages on a bad token, on Discord
// ending the session for good, and a clean exit on SIGTERM with interactions in flight answered.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeDiscord } from '../../src/harness/index.js';
import { projectRoot } from '../../src/paths.js';

const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx');
let discord: FakeDiscord;
let cwd: string;

beforeEach(async () => {
  discord = await FakeDiscord.start();
  cwd = mkdtempSync(join(tmpdir(), 'attache-main-'));
});
afterEach(async () => {
  await discord.close();
  rmSync(cwd, { recursive: true, force: true });
});

interface Running {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<number | null>;
}

function startMain(env: Record<string, string> = {}): Running {
  const child = spawn(tsx, [join(projectRoot, 'src/main.ts')], {
    cwd,
    env: {
      PATH: process.env.PATH!,
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
      STORE_URL: `sqlite://${join(cwd, 'store.sqlite')}`,
      LOG_LEVEL: 'info',
      ...env,
    },
  });
  let text = '';
  child.stdout.on('data', (chunk) => (text += chunk));
  child.stderr.on('data', (chunk) => (text += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

async function untilOutput(main: Running, text: string): Promise<void> {
  await vi.waitFor(() => expect(main.output()).toContain(text), { timeout: 10_000, interval: 20 });
}
const untilReady = (main: Running) => untilOutput(main, 'attache is ready');

describe('the process, as a supervisor sees it', () => {
  it('a rejected token (401 at login) exits 1 with a clear line, without printing the token', async () => {
    const main = startMain({ DISCORD_TOKEN: 'MTE5MTE2ODkxNDIyNzQ2NjI0MA.wrong.token-that-is-not-accepted' });
    expect(await main.exited).toBe(1);
    expect(main.output()).toContain('Discord rejected the bot token (401)');
    expect(main.output()).not.toContain('token-that-is-not-accepted');
  });

  it.each([
    [4004, 'Discord rejected the bot token (gateway close 4004)'],
    [4014, 'Discord refused the gateway intents (close 4014)'],
  ])('gateway close %i mid-session exits 1 with a clear line', async (code, message) => {
    const main = startMain();
    await untilReady(main);
    discord.closeGateway(code);
    expect(await main.exited).toBe(1);
    expect(main.output()).toContain(message);
  });

  it('SIGTERM: stops taking work, answers what is in flight, closes the store and exits 0', async () => {
    const main = startMain();
    await untilReady(main);
    // A slow answer from Discord keeps this interaction in flight while the signal arrives.
    const callback = { method: 'POST', path: /\/interactions\/.*\/callback/ };
    discord.inject(callback, { delayMs: 800 });
    const inFlight = discord.slash('/relations country:Syria', {}, { timeoutMs: 5000 });
    await discord.waitForArrival(callback);
    main.child.kill('SIGTERM');
    await untilOutput(main, 'shutting down');
    const newcomer = await discord.slash('/relations country:Cuba', {}, { timeoutMs: 5000 });
    expect(newcomer.ephemeral).toBe(true);
    expect(newcomer.data.content).toContain('restarting');
    expect((await inFlight).data.embeds?.[0]?.title).toContain('Syria');
    expect(await main.exited).toBe(0);
    expect(main.output()).toContain('stopped cleanly');
  });
});
