// Start-up as an admin meets it: command registration, and what happens when configuration is missing.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FatalGatewayError, startBot } from '../../src/bot/app.js';
import { configFromEnv } from '../../src/config.js';
import { FakeDiscord } from '../../src/harness/index.js';
import { createLogger } from '../../src/logger.js';
import { projectRoot } from '../../src/paths.js';
import { startWorld, type World } from './world.js';

const run = promisify(execFile);
const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx');
/** Runs an entry point from an empty folder, so no .env on this machine leaks in. */
async function runEntry(
  entry: string,
  env: Record<string, string>,
): Promise<{ stdout: string; stderr: string; code: number }> {
  const cwd = mkdtempSync(join(tmpdir(), 'attache-cwd-'));
  try {
    const { stdout, stderr } = await run(tsx, [join(projectRoot, entry)], {
      cwd,
      env: { PATH: process.env.PATH!, ...env },
      timeout: 20_000,
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    return error as { stdout: string; stderr: string; code: number };
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world?.close());

describe('command registration', () => {
  it('registers every command with Korean localizations when the bot starts', () => {
    const commands = world.discord.registeredCommands();
    expect(commands.map((command) => command.name).sort()).toEqual([
      'country',
      'daily',
      'help',
      'news',
      'quiz',
      'relations',
      'settings',
    ]);
    for (const command of commands) {
      expect(command.name_localizations?.ko).toBeTruthy();
      expect(command.description_localizations?.ko).toBeTruthy();
    }
    const relations = commands.find((command) => command.name === 'relations');
    expect(relations?.options?.map((option) => option.name)).toEqual(['country', 'with']);
  });

  it('does not register again on a restart when nothing changed', async () => {
    const puts = () =>
      world.discord.requests.filter((request) => request.method === 'PUT' && request.path.endsWith('/commands'));
    const before = puts().length;
    await world.restart();
    expect(puts().length).toBe(before);
  });

  it('npm run deploy-commands registers every command in one server and exits 0', async () => {
    const guildId = world.discord.defaultGuildId;
    const result = await runEntry('src/deploy-commands.ts', {
      DISCORD_TOKEN: world.discord.token,
      DISCORD_API_URL: world.discord.apiUrl,
      DISCORD_GUILD_ID: guildId,
    });
    expect(result.stdout).toContain(`Registered 7 commands (guild ${guildId})`);
    expect(world.discord.registeredCommands(guildId)).toHaveLength(7);
  });
});

describe('memory that stays flat in the number of servers', () => {
  it('asks for no gateway intents and answers in the last of 300 servers (memory per server: npm run bench)', async () => {
    const big = await startWorld({ fake: { guilds: 300 } });
    try {
      expect(big.discord.identifiedIntents).toBe(0);
      expect(big.discord.gatewayStats.dispatched).toBeGreaterThan(0);
      const reply = await big.discord.slash('/relations country:Syria', { guildId: big.discord.guilds[299]!.id });
      expect(reply.data.embeds?.[0]?.title).toContain('Syria');
    } finally {
      await big.close();
    }
  });
});

describe('configuration', () => {
  it('a missing token stops start-up with one clear line and exit code 1', async () => {
    const result = await runEntry('src/main.ts', {});
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('DISCORD_TOKEN is required');
  });

  it('a malformed value is named without printing the token', async () => {
    const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.secret-part.never-print-me';
    const result = await runEntry('src/main.ts', {
      DISCORD_TOKEN: token,
      DISCORD_API_URL: 'not a url',
      DEFAULT_COUNTRY: 'korea',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DISCORD_API_URL');
    expect(result.stderr).toContain('DEFAULT_COUNTRY');
    expect(result.stderr).not.toContain('never-print-me');
  });
});

describe('shards at start-up', () => {
  it('too few shards for the servers (close 4011) stops start-up with a line that says what to set', async () => {
    const discord = await FakeDiscord.start({ guilds: 2501 });
    try {
      const config = configFromEnv({
        DISCORD_TOKEN: discord.token,
        DISCORD_API_URL: discord.apiUrl,
        STORE_URL: 'memory://',
        SHARD_COUNT: '1',
        LOG_LEVEL: 'silent',
      });
      const started = startBot({ config, log: createLogger('silent', [config.DISCORD_TOKEN]), schedule: false });
      await expect(started).rejects.toBeInstanceOf(FatalGatewayError);
      await expect(started).rejects.toThrow(/close 4011.*SHARD_COUNT=auto/);
    } finally {
      await discord.close();
    }
  });

  it('paces its IDENTIFYs as Discord requires: two shards at max_concurrency 1 are both ready, none refused', async () => {
    const world = await startWorld({ fake: { guilds: 1001, identifyPacing: true } });
    try {
      expect(world.bot.gateway!.shards).toEqual({ count: 2, ids: [0, 1] });
      expect(world.discord.gatewayStats).toMatchObject({ identifies: 2, identifiesTooSoon: 0 });
    } finally {
      await world.close();
    }
  });

  it('SHARD_COUNT=auto takes Discord’s recommendation and answers in a server of the last shard', async () => {
    const world = await startWorld({ fake: { guilds: 2501, maxConcurrency: 3 } });
    try {
      expect(world.bot.gateway!.shards).toEqual({ count: 3, ids: [0, 1, 2] });
      // The plan and the connection share one answer: Discord is asked once, not once for each.
      const asked = world.discord.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/gateway/bot'));
      expect(asked).toHaveLength(1);
      const guildId = world.discord.guildIds([2, 3])[0]!;
      const channelId = world.discord.guild(guildId)!.channels[0]!.id;
      const reply = await world.discord.slash('/relations country:Syria', { guildId, channelId });
      expect(reply.shard).toEqual([2, 3]);
      expect(reply.data.embeds?.[0]?.title).toContain('Syria');
    } finally {
      await world.close();
    }
  });
});
