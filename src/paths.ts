// Where the project's own folders are, whether running from src/ (tsx, vitest), from compiled dist/ (tsc), or from
// the bundle in dist/bundle/ (`npm start`).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findUp(start: string, holds: (dir: string) => boolean, what: string): string {
  let dir = start;
  while (!holds(dir)) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No ${what} above ${start}`);
    dir = parent;
  }
  return dir;
}

const here = dirname(fileURLToPath(import.meta.url));

export const projectRoot = findUp(here, (dir) => existsSync(join(dir, 'package.json')), 'package.json');
export const dataDir = join(projectRoot, 'data');

/**
 * The folder holding the running code's src/ and commands/: the project itself (tsx, vitest), dist/ (tsc), or
 * dist/bundle/ (the bundle, whose shared code sits in src/chunks/).
 */
export const codeRoot = findUp(
  here,
  (dir) => existsSync(join(dir, 'src')) && existsSync(join(dir, 'commands')),
  'folder with src/ and commands/',
);

/** The extension of the running code's files: .ts under tsx and vitest, .js once compiled. */
export const codeExtension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
