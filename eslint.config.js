// Lint rules: the recommended sets for JavaScript and TypeScript, the type-aware rules that catch what the compiler
// lets through (a promise nobody awaits, a switch that misses a case), plus the one layering rule the house keeps.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'var/', 'coverage/', 'reports/', '.stryker-tmp/', 'stryker-setup-*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
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
    // The domain never knows about Discord.
    files: ['src/facts/**', 'src/news/**', 'src/quiz/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['discord.js', '@discordjs/*', 'discord-api-types*'] }],
    },
  },
);
