// The vitest config for mutation runs only (npm run mutation), kept apart from the everyday one (vitest.config.ts).
// Unit tests only: they reach the scored code directly and in milliseconds. The end-to-end tests start a fake
// Discord per file, which is too slow to run per mutant and gave false kills here (see TESTING.md).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 20_000,
    // Lets a heavy sweep take a lighter sample when it runs once per mutant (tests/unit/daily.test.ts).
    env: { MUTATION_RUN: '1' },
    reporters: ['default', './tests/mutation/load-errors-as-failures.ts'],
  },
});
