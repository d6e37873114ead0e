// Many processes on one token behind the shared REST proxy (npm run rest-proxy): two bot processes, one shard each,
// send every REST request through one proxy, so one rate-limit state covers them all.
import { RESTEvents, type RateLimitData } from '@discordjs/rest';
import { Routes } from 'discord-api-types/v10';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/bot/app.js';
import { configFromEnv, proxyConfigFromEnv } from '../../src/config.js';
import { FakeDiscord } from '../../src/harness/index.js';
import { createLogger } from '../../src/logger.js';
import { projectRoot } from '../../src/paths.js';
import { startRestProxy, type RestProxy } from '../../src/proxy/server.js';

interface Seen {
  method: string;
  path: string;
  status: number;
}

let discord: FakeDiscord;
let proxy: RestProxy;
const bots: RunningBot[] = [];
let dir: string;
/** Every request the proxy's REST client sent upstream (retries too), with the status it got. */
const forwarded: Seen[] = [];
/** Each time the proxy held a request back for a rate limit it knew of. */
const held: RateLimitData[] = [];
/** What each bot process's own REST client sent and got (to the proxy). */
const seenByBot: Seen[][] = [[], []];
const proxyLogs: string[] = [];

const line = (r: Seen) => `${r.method.toUpperCase()} ${r.path} ${r.status}`;
const callbackPath = (r: { id: string; token: string }) => `/interactions/${r.id}/${r.token}/callback`;

beforeAll(async () => {
  discord = await FakeDiscord.start({ guilds: 8 });
  const proxyLog = createLogger('trace', [discord.token], { write: (text: string) => void proxyLogs.push(text) });
  proxy = await startRestProxy(
    proxyConfigFromEnv({ DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl, PROXY_PORT: '0' }),
    proxyLog,
  );
  proxy.rest.on(RESTEvents.Response, (request, response) =>
    forwarded.push({ method: request.method, path: request.path, status: response.status }),
  );
  proxy.rest.on(RESTEvents.RateLimited, (limit) => held.push(limit));
  dir = mkdtempSync(join(tmpdir(), 'attache-proxy-'));
  for (const shard of [0, 1]) {
    const config = configFromEnv({
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: proxy.apiUrl,
      STORE_URL: `sqlite://${join(dir, 'store.sqlite')}`,
      SHARD_COUNT: '2',
      SHARD_IDS: String(shard),
      LOG_LEVEL: 'silent',
    });
    const bot = await startBot({ config, schedule: false });
    bots.push(bot);
    bot.rest.on(RESTEvents.Response, (request, response) =>
      seenByBot[shard]!.push({ method: request.method, path: request.path, status: response.status }),
    );
  }
});

afterAll(async () => {
  for (const bot of bots) await bot.stop();
  await proxy?.close();
  await discord?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  const secret = discord.token.split('.').slice(1).join('.');
  const leaked = proxyLogs.filter((text) => text.includes(secret));
  if (leaked.length) throw new Error(`the proxy logged the token: ${leaked[0]!.slice(0, 200)}`);
  if (discord.violations.length)
    throw new Error(`invalid payloads reached Discord: ${JSON.stringify(discord.violations.slice(0, 3))}`);
});

describe('two bot processes behind one REST proxy', () => {
  it('both log in through the proxy, one shard each, and Discord sees only what the proxy sent', () => {
    expect(bots.map((bot) => bot.gateway!.shards)).toEqual([
      { count: 2, ids: [0] },
      { count: 2, ids: [1] },
    ]);
    const shards = discord.gatewaySessions().map((session) => session.shard);
    expect(shards.sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    // Each process asked for the gateway (@discordjs/ws does) and registered the commands, through the proxy.
    expect(forwarded.filter((r) => r.path === '/gateway/bot').map(line)).toEqual([
      'GET /gateway/bot 200',
      'GET /gateway/bot 200',
    ]);
    // The proxy strips /api/v10 and its client adds it back: a wrong prefix would land on no route of the fake.
    expect(discord.unhandledRequests()).toEqual([]);
    expect(discord.requests.map(line).sort()).toEqual(forwarded.map(line).sort());
  });

  it('answers /relations in a server on each shard, each from the process that runs the shard', async () => {
    for (const shard of [0, 1]) {
      const guildId = discord.guildIds([shard, 2])[0]!;
      const result = await discord.slash('/relations country:Syria', { guildId });
      expect(result.shard).toEqual([shard, 2]);
      expect(result.data.embeds?.[0]?.title).toContain('Syria');
      // The fake has the answer as soon as it arrives; the bot's client hears back from the proxy just after.
      const answer = `POST ${callbackPath(result)} 204`;
      await discord.waitFor(() => seenByBot[shard]!.map(line).includes(answer), 3000, 'the answer back at the bot');
      expect(seenByBot[1 - shard]!.map(line)).not.toContain(answer);
      expect(forwarded.map(line)).toContain(answer);
    }
  });

  it('waits out a 429 in the proxy and sends the request again with its body: the bot sees only the answer', async () => {
    discord.rateLimit({ method: 'POST', path: /^\/interactions\/\d+\/[^/]+\/callback$/, retryAfter: 0.2 });
    const guildId = discord.guildIds([1, 2])[0]!;
    const result = await discord.slash('/relations country:Cuba', { guildId });
    expect(result.data.embeds?.[0]?.title).toContain('Cuba');
    const path = callbackPath(result);
    const statuses = (requests: Seen[]) => requests.filter((r) => r.path === path).map((r) => r.status);
    await discord.waitFor(() => statuses(seenByBot[1]!).length, 3000, 'the answer back at the bot');
    expect(statuses(discord.requests)).toEqual([429, 204]);
    expect(statuses(forwarded)).toEqual([429, 204]);
    expect(statuses(seenByBot[1]!)).toEqual([204]);
  });

  it("holds one process's requests while a global limit another process hit lasts", async () => {
    discord.rateLimit({ path: '/users/@me', global: true, retryAfter: 1 });
    const first = bots[0]!.rest.get(Routes.user());
    await discord.waitFor(() => forwarded.some((r) => r.path === '/users/@me' && r.status === 429));
    // Another route, from the other process: only the shared global limit can hold it.
    const second = bots[1]!.rest.get(Routes.gatewayBot());
    await Promise.all([first, second]);
    expect(held.filter((limit) => limit.route === '/gateway/bot').map((limit) => limit.global)).toEqual([true]);
    expect(seenByBot[1]!.filter((r) => r.path === '/gateway/bot').map(line)).toEqual(['GET /gateway/bot 200']);
  });

  it('refuses a request with another token and sends it nowhere', async () => {
    const before = discord.requests.length;
    const response = await fetch(`${proxy.apiUrl}/v10/users/@me`, { headers: { authorization: 'Bot not.this.token' } });
    expect(response.status).toBe(401);
    expect(discord.requests.length).toBe(before);
  });

  it('answers 502, not 200, when Discord drops the connection', async () => {
    discord.inject({ path: '/users/@me' }, { drop: true });
    const response = await fetch(`${proxy.apiUrl}/v10/users/@me`, {
      headers: { authorization: `Bot ${discord.token}` },
    });
    expect(response.status).toBe(502);
  });
});

describe('npm run rest-proxy', () => {
  it("starts from the environment, forwards with the caller's token, logs no token and stops 0 on SIGTERM", async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'attache-cwd-')); // no .env of this machine leaks in
    const child = spawn(join(projectRoot, 'node_modules', '.bin', 'tsx'), [join(projectRoot, 'src/rest-proxy.ts')], {
      cwd,
      env: { PATH: process.env.PATH!, DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl, PROXY_PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      let output = '';
      child.stdout.setEncoding('utf8');
      const listening = new Promise<{ port: number }>((resolve, reject) => {
        child.stdout.on('data', (chunk: string) => {
          output += chunk;
          const started = output.split('\n').find((text) => text.includes('REST proxy listening'));
          if (started) resolve(JSON.parse(started) as { port: number });
        });
        child.once('exit', (code) => reject(new Error(`rest-proxy exited with ${code} before listening: ${output}`)));
      });
      const { port } = await listening;
      const response = await fetch(`http://127.0.0.1:${port}/api/v10/gateway/bot`, {
        headers: { authorization: `Bot ${discord.token}` },
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { shards: number }).shards).toBe(discord.recommendedShards);
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      expect((await exited)[0]).toBe(0);
      expect(output).not.toContain(discord.token.split('.').slice(1).join('.'));
    } finally {
      child.kill();
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
