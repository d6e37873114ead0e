// What `npm start` runs: the bundle (dist/bundle). It is built here into a folder of its own, started as a process
// against the fake Discord, and asked what users ask, a map included: the bundle must find its commands and the map
// worker, and load the native packages it leaves in node_modules.
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bundle } from '../../src/bundle.js';
import { FakeDiscord } from '../../src/harness/index.js';
import { projectRoot } from '../../src/paths.js';

// Inside the project, as dist/bundle is: the packages left out of the bundle are found in node_modules from there.
const outdir = join(projectRoot, 'dist', `bundle-test-${process.pid}`);
const commandFiles = readdirSync(join(projectRoot, 'commands')).filter((file) => file.endsWith('.ts'));
let discord: FakeDiscord;
let cwd: string;
let child: ChildProcessWithoutNullStreams;
let output = '';

beforeAll(async () => {
  await bundle(outdir);
  discord = await FakeDiscord.start();
  cwd = mkdtempSync(join(tmpdir(), 'attache-bundle-'));
  child = spawn(process.execPath, [join(outdir, 'src', 'main.js')], {
    cwd,
    env: {
      PATH: process.env.PATH!,
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
      STORE_URL: `sqlite://${join(cwd, 'store.sqlite')}`,
      MAPS: 'on',
      LOG_LEVEL: 'info',
    },
  });
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  await vi.waitFor(() => expect(output).toContain('attache is ready'), { timeout: 15_000, interval: 20 });
}, 30_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await discord?.close();
  rmSync(outdir, { recursive: true, force: true });
  if (cwd) rmSync(cwd, { recursive: true, force: true });
});

describe('the bundle npm start runs', () => {
  it('holds one file per command, the map worker and the three programs, with shared code in src/chunks', () => {
    for (const file of commandFiles)
      expect(existsSync(join(outdir, 'commands', file.replace(/\.ts$/, '.js')))).toBe(true);
    for (const program of ['main', 'deploy-commands', 'rest-proxy'])
      expect(existsSync(join(outdir, 'src', `${program}.js`))).toBe(true);
    expect(existsSync(join(outdir, 'src', 'render', 'map', 'worker.js'))).toBe(true);
    expect(readdirSync(join(outdir, 'src', 'chunks')).length).toBeGreaterThan(0);
  });

  it('starts with every command and registers them all', () => {
    const ready = JSON.parse(output.split('\n').find((line) => line.includes('attache is ready'))!) as {
      commands: number;
    };
    expect(ready.commands).toBe(commandFiles.length);
    expect(
      discord
        .registeredCommands()
        .map((command) => command.name)
        .sort(),
    ).toEqual(commandFiles.map((file) => file.replace(/\.ts$/, '')).sort());
  });

  it('answers /relations, suggests countries, and draws the map of /country in its worker', async () => {
    const relations = await discord.slash('/relations country:Syria', {}, { timeoutMs: 5000 });
    expect(relations.data.embeds?.[0]?.title).toContain('Syria');

    const choices = await discord.autocomplete('/relations country:syr', 'country');
    expect(choices[0]?.name).toBe('Syria (SY)');

    const country = await discord.slash('/country country:Japan', {}, { timeoutMs: 5000 });
    expect(country.data.embeds?.[0]?.title).toContain('Japan');
    await discord.waitFor(() => country.message.attachments.length > 0, 15_000, 'the map');
    const png = discord.attachmentData(country.message.attachments[0]!);
    expect(png?.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('registers the commands with npm run deploy-commands (its bundled program)', async () => {
    const other = await FakeDiscord.start();
    try {
      const { stdout } = await promisify(execFile)(process.execPath, [join(outdir, 'src', 'deploy-commands.js')], {
        cwd,
        env: { PATH: process.env.PATH!, DISCORD_TOKEN: other.token, DISCORD_API_URL: other.apiUrl },
      });
      expect(stdout).toContain(`Registered ${commandFiles.length} commands (global)`);
      expect(other.registeredCommands()).toHaveLength(commandFiles.length);
    } finally {
      await other.close();
    }
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('stopped cleanly');
    expect(output).not.toContain(discord.token);
  });
});
