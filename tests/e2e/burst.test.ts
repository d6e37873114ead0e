// A burst of interactions at once: every one answered in time, over a bounded number of connections to Discord
// (restConnections), instead of one new connection (a TLS handshake, against Discord) per answer in flight.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restConnections } from '../../src/bot/deploy.js';
import { startWorld, type World } from './world.js';

let world: World;
beforeAll(async () => {
  // The first answer goes through REST only over the gateway (over HTTP it is the response itself).
  world = await startWorld({ mode: 'gateway', maps: false });
});
afterAll(() => world?.close());

describe('a burst of interactions', () => {
  it(`400 at once, each answer held 50 ms by Discord: all answered within 3 s over at most ${restConnections} connections`, async () => {
    const callback = { method: 'POST', path: /\/interactions\/.*\/callback/ };
    // Slow answers pile up: a client without a cap opens a connection for nearly every one of them.
    world.discord.inject(callback, { delayMs: 50 }, 400);
    const before = world.discord.connections.opened;
    const countries = ['Syria', 'Cuba', 'Japan', 'Chile', 'Kenya', 'Peru', 'Norway', 'Egypt'];
    const results = await Promise.all(
      Array.from({ length: 400 }, (_, i) =>
        world.discord.slash(`/relations country:${countries[i % countries.length]}`, {}, { timeoutMs: 10_000 }),
      ),
    );
    for (const [i, result] of results.entries()) {
      expect(result.data.embeds?.[0]?.title).toContain(countries[i % countries.length]);
    }
    const stats = world.discord.interactionStats();
    expect(stats.late).toBe(0);
    const opened = world.discord.connections.opened - before;
    expect(opened).toBeGreaterThan(1);
    expect(opened).toBeLessThanOrEqual(restConnections);
  });
});
