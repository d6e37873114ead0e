import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // End-to-end tests start a fake Discord and a real client per file; give them room on 2 cores.
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Looks for Redis and PostgreSQL once: tests that need a missing one are skipped (or fail with REQUIRE_SERVICES=1).
    globalSetup: ['tests/services.ts'],
  },
});
