// The HTTP interactions endpoint from the outside, with 3 replicas on one store: PING, and every request that must be
// refused before anything runs (no or bad signature, a stale or future timestamp, a replay to the same or another
// replica, a body over 1 MB, garbage, other routes); /healthz; and handlers slower than the HTTP answer's deadline.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { startWorld, type World } from './world.js';

let world: World;
beforeAll(async () => {
  world = await startWorld({ mode: 'http', replicas: 3 });
}, 60_000);
afterAll(() => world?.close());

const urls = () => world.replicas.map((bot) => bot.interactionsUrl!);
async function post(url: string, body: string | Buffer, headers: Record<string, string>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: response.status, text: await response.text() };
}
const ping = (id: string) =>
  JSON.stringify({ id, application_id: world.discord.applicationId, type: 1, token: 't', version: 1 });
const now = () => Math.floor(Date.now() / 1000);

describe('POST /interactions on 3 replicas', () => {
  it('answers a signed PING with PONG', async () => {
    const body = ping('1000000000000000001');
    const answer = await post(urls()[0]!, body, { ...world.discord.signInteraction(body) });
    expect(answer).toEqual({ status: 200, text: '{"type":1}' });
  });

  it('refuses a missing, malformed or wrong signature with 401, and nothing runs', async () => {
    const body = ping('1000000000000000002');
    const signed = world.discord.signInteraction(body);
    const before = world.discord.requests.length;
    expect((await post(urls()[0]!, body, {})).status).toBe(401);
    expect((await post(urls()[0]!, body, { 'x-signature-timestamp': signed['x-signature-timestamp'] })).status).toBe(
      401,
    );
    expect((await post(urls()[0]!, body, { ...signed, 'x-signature-ed25519': 'zz' })).status).toBe(401);
    expect((await post(urls()[0]!, body, { ...signed, 'x-signature-ed25519': 'ab'.repeat(64) })).status).toBe(401);
    // The right signature over another body, or another timestamp: refused.
    expect((await post(urls()[1]!, ping('1000000000000000003'), { ...signed })).status).toBe(401);
    expect(
      (
        await post(urls()[1]!, body, {
          ...signed,
          'x-signature-timestamp': String(Number(signed['x-signature-timestamp']) + 1),
        })
      ).status,
    ).toBe(401);
    // A slash command with a forged signature never reaches a handler: no callback, no message.
    const command = JSON.stringify({ id: '1000000000000000004', application_id: '1', token: 'x', type: 2, data: {} });
    expect(
      (
        await post(urls()[2]!, command, {
          'x-signature-ed25519': '00'.repeat(64),
          'x-signature-timestamp': String(now()),
        })
      ).status,
    ).toBe(401);
    expect(world.discord.requests.length).toBe(before);
  });

  it('refuses a timestamp older than 5 minutes, or as far in the future', async () => {
    // Ten seconds past the limit: timestamps are whole seconds, and the request takes a moment to arrive.
    for (const [id, at] of [
      ['1000000000000000005', now() - 310],
      ['1000000000000000006', now() + 310],
    ] as const) {
      const body = ping(id);
      expect((await post(urls()[0]!, body, { ...world.discord.signInteraction(body, at) })).status).toBe(401);
    }
    const body = ping('1000000000000000007');
    expect((await post(urls()[0]!, body, { ...world.discord.signInteraction(body, now() - 240) })).status).toBe(200);
  });

  it('refuses a replay, to the same replica and to each other one (the store keeps what was seen)', async () => {
    const body = ping('1000000000000000008');
    const headers = { ...world.discord.signInteraction(body) };
    const statuses = [];
    for (const url of [urls()[0]!, urls()[0]!, urls()[1]!, urls()[2]!])
      statuses.push((await post(url, body, headers)).status);
    expect(statuses).toEqual([200, 401, 401, 401]);
  });

  it('refuses a replayed slash command on another replica: it runs once', async () => {
    const first = await world.discord.slash('/relations country:Syria');
    const callback = world.discord.requests.find((r) => r.path === `/interactions/${first.id}/${first.token}/callback`);
    expect(callback?.inHttpResponse).toBeDefined();
    // The request exactly as Discord sent it (body and signature), sent again to every replica.
    const { body, headers } = world.discord.lastSignedRequest!;
    const statuses = [];
    for (const url of urls()) statuses.push((await post(url, body, { ...headers })).status);
    expect(statuses).toEqual([401, 401, 401]);
    const callbacks = world.discord.requests.filter((r) => r.path.startsWith(`/interactions/${first.id}/`));
    expect(callbacks).toHaveLength(1);
  });

  it('refuses a body over 1 MB with 413 (declared, or streamed without a length)', async () => {
    const big = Buffer.alloc(1024 * 1024 + 1, 0x20);
    expect((await post(urls()[0]!, big, { ...world.discord.signInteraction(big) })).status).toBe(413);
    const chunks = async function* () {
      for (let i = 0; i < 17; i++) yield Buffer.alloc(64 * 1024, 0x20);
    };
    const streamed = await fetch(urls()[1]!, {
      method: 'POST',
      body: ReadableStream.from(chunks()),
      duplex: 'half',
    }).then(
      (response) => response.status,
      () => 413, // the server may close the connection before fetch finishes sending
    );
    expect(streamed).toBe(413);
    // The replicas still answer.
    expect((await world.discord.slash('/help')).data.embeds?.length ?? 0).toBeGreaterThan(0);
  });

  it('answers garbage that is signed with 400, never a crash', async () => {
    for (const body of [
      'not json',
      '[]',
      '{"type":2}',
      '{"type":99,"id":"1","token":"t","application_id":"1","data":{}}',
      'null',
    ]) {
      const answer = await post(urls()[0]!, body, { ...world.discord.signInteraction(body) });
      expect(answer.status).toBe(400);
    }
    expect((await world.discord.slash('/relations country:France')).data.embeds?.[0]?.title).toContain('France');
  });

  it('refuses other routes (404) and other methods (405)', async () => {
    const base = new URL(urls()[0]!).origin;
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/interactions/extra`, { method: 'POST' })).status).toBe(404);
    const get = await fetch(`${base}/interactions`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405);
  });

  it('GET /healthz: 200 while the store answers', async () => {
    const answer = await fetch(`${new URL(urls()[0]!).origin}/healthz`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ store: 'ok' });
  });

  it('sends interactions round-robin, and each is answered once, in the HTTP response', async () => {
    const results = await Promise.all(
      ['Syria', 'France', 'Japan', 'Cuba', 'Brazil', 'Kenya'].map((country) =>
        world.discord.slash(`/relations country:${country}`),
      ),
    );
    expect(new Set(results.map((result) => result.replica))).toEqual(new Set([0, 1, 2]));
    const callbacks = world.discord.requests.filter((r) =>
      results.some((result) => r.path.startsWith(`/interactions/${result.id}/`)),
    );
    expect(callbacks).toHaveLength(6);
    expect(callbacks.every((request) => request.inHttpResponse !== undefined)).toBe(true);
    expect(world.discord.interactionStats()).toMatchObject({ late: 0, lost: 0 });
  });
});

describe('/healthz with the store down', () => {
  it('answers 503 when the store does not answer', async () => {
    const down = await startWorld({ mode: 'http', env: { STORE_URL: 'redis://127.0.0.1:1' } });
    try {
      const answer = await fetch(`${new URL(down.bot.interactionsUrl!).origin}/healthz`);
      expect(answer.status).toBe(503);
      // Facts still work without the store (replays are then refused per replica).
      expect((await down.discord.slash('/relations country:Syria')).data.embeds?.[0]?.title).toContain('Syria');
    } finally {
      await down.close();
    }
  }, 30_000);
});

describe('a replica that stops', () => {
  it('says 503 on /healthz from the moment it begins to stop, and still finishes the answer in flight', async () => {
    const own = await startWorld({
      mode: 'http',
      deferAfterMs: 50,
      commandsDir: join(projectRoot, 'tests/e2e/fixtures/slow-commands'),
    });
    try {
      const health = () => fetch(`${new URL(own.bot.interactionsUrl!).origin}/healthz`);
      expect((await health()).status).toBe(200);
      // Deferred in the HTTP response after 50 ms; the handler answers about 250 ms later, while the replica stops.
      const pending = own.discord.slash('/slow how:public');
      const deferred = () => own.discord.requests.some((r) => r.path.endsWith('/callback') && r.inHttpResponse);
      await own.discord.waitFor(deferred);
      const stopped = own.bot.stop();
      const answer = await health();
      expect(answer.status).toBe(503);
      expect(await answer.json()).toEqual({ state: 'stopping' });
      await stopped;
      expect((await pending).message.content).toBe('late and public');
    } finally {
      await own.close();
    }
  }, 30_000);
});

describe('a handler slower than the HTTP answer may be', () => {
  let slow: World;
  beforeAll(async () => {
    slow = await startWorld({
      mode: 'http',
      replicas: 2,
      deferAfterMs: 50,
      commandsDir: join(projectRoot, 'tests/e2e/fixtures/slow-commands'),
    });
  }, 60_000);
  afterAll(() => slow?.close());

  it('a public answer: deferred in the HTTP response, then the "thinking…" message becomes the answer', async () => {
    const result = await slow.discord.slash('/slow how:public');
    expect(result.type).toBe(5);
    expect(result.deferred).toBe(true);
    expect(result.message.content).toBe('late and public');
    expect(result.ephemeral).toBe(false);
  });

  it('a private answer stays private: the public placeholder goes, a private follow-up comes', async () => {
    const result = await slow.discord.slash('/slow how:private');
    expect(result.type).toBe(5);
    const answer = result.followups.at(-1)!;
    expect(answer.content).toBe('late and private');
    expect((answer.flags ?? 0) & 64).toBe(64);
    expect(slow.discord.requests.some((r) => r.method === 'DELETE' && r.path.endsWith('/messages/@original'))).toBe(
      true,
    );
  });

  it('the handler’s own private deferral after ours: its answer is private', async () => {
    const result = await slow.discord.slash('/slow how:deferred-private');
    const answer = result.followups.at(-1)!;
    expect(answer.content).toBe('late and private, after deferring');
    expect((answer.flags ?? 0) & 64).toBe(64);
  });

  it('a click: deferred update, then a private follow-up or an edit of the clicked message', async () => {
    const base = await slow.discord.slash('/slow how:public');
    const replied = await slow.discord.click(base.message, 'slow:reply');
    expect(replied.type).toBe(6);
    expect(replied.followups.at(-1)?.content).toBe('clicked, answered late');
    expect((replied.followups.at(-1)?.flags ?? 0) & 64).toBe(64);
    const updated = await slow.discord.click(base.message, 'slow:update');
    expect(updated.type).toBe(6);
    await slow.discord.waitFor(() => slow.discord.message(base.message.id)?.content === 'updated late');
    expect(slow.discord.interactionStats()).toMatchObject({ late: 0, lost: 0 });
  });
});
