// The outside services some tests need: Redis and PostgreSQL for the store, and the redis-server program for the
// test that stops and restarts its own Redis. A vitest global setup looks for them once per run. Without them,
// those tests are skipped and one line says so; with REQUIRE_SERVICES=1 (as CI sets it) a missing one fails the run.
import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import type { TestProject } from 'vitest/node';

export const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const postgresUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface Services {
  redis: boolean;
  postgres: boolean;
  redisServer: boolean;
}

declare module 'vitest' {
  export interface ProvidedContext {
    services: Services;
  }
}

/** Whether something accepts connections at the URL's host and port. */
function answers(url: string, defaultPort: number): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname || '127.0.0.1', port: Number(port || defaultPort), timeout: 1_000 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

export default async function findServices(project: TestProject): Promise<void> {
  const services: Services = {
    redis: await answers(redisUrl, 6379),
    postgres: await answers(postgresUrl, 5432),
    redisServer: spawnSync('redis-server', ['--version']).status === 0,
  };
  const missing = [
    ...(services.redis ? [] : [`Redis at ${redisUrl} (TEST_REDIS_URL)`]),
    ...(services.postgres ? [] : [`PostgreSQL at ${postgresUrl} (TEST_POSTGRES_URL)`]),
    ...(services.redisServer ? [] : ['the redis-server program']),
  ];
  if (missing.length && process.env.REQUIRE_SERVICES === '1') {
    throw new Error(`REQUIRE_SERVICES=1, but these are missing: ${missing.join(', ')}`);
  }
  if (missing.length) {
    console.log(
      `Skipping the tests that need ${missing.join(', ')}: start them to run those tests (see TESTING.md); REQUIRE_SERVICES=1 makes a missing service fail the run.`,
    );
  }
  project.provide('services', services);
}
