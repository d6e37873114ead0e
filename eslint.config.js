// Lint rules: the recommended sets for JavaScript and TypeScript (type-checked), the type-aware rules that catch what the compiler
// lets through (a promise nobody awaits, a switch that misses a case), plus the one layering rule the house keeps.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'var/', 'coverage/', 'reports/', '.stryker-tmp/', 'stryker-setup-*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    // The fake Discord reads untyped wire JSON on purpose, as Discord does: a number compared with an enum, and any
    // value turned into text for an error message, are what it must do there.
    files: ['src/harness/**'],
    rules: {
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  {
    // Tests: fakes implement async interfaces without awaiting, data-file tests edit raw JSON, and vitest's
    // asymmetric matchers are typed any.
    files: ['tests/**'],
    rules: {
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // The domain never knows about Discord; nor do the maps, which run in a worker thread.
    files: ['src/facts/**', 'src/news/**', 'src/quiz/**', 'src/render/map/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['discord.js', '@discordjs/*', 'discord-api-types*'] }],
    },
  },
);
