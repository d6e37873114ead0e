// Mutation testing (npm run mutation; see TESTING.md). Not part of npm test or CI: it takes minutes per folder.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  checkers: [],
  mutate: [
    'src/facts/**/*.ts',
    'src/news/**/*.ts',
    'src/quiz/**/*.ts',
    'src/store/**/*.ts',
    'src/bot/scheduler.ts',
    'src/bot/daily-poster.ts',
    'src/bot/quiz-runner.ts',
  ],
  coverageAnalysis: 'perTest',
  // One worker: the machines have 2 cores, and one stays free for the rest of the work.
  concurrency: 1,
  // Mutants in module-level code (zod schemas, constant tables) run while a test file loads, so each costs a full
  // reload of every test file: about half the mutants and most of the time. They are skipped by default;
  // `npm run mutation -- --ignoreStatic false` scores them too.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 85, low: 70, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
