// `npm run build`, second step: bundles what `npm start` runs into dist/bundle/, with the layout of the project
// (src/main.js, commands/*.js, src/render/map/worker.js, …) and the code they share in src/chunks/. Loading a few
// files instead of ~350 small ones makes a start about 100 ms faster; what runs is the same code.
// Packages with native parts or optional native add-ons stay in node_modules and are loaded from there.
import { build, type BuildOptions } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectRoot } from './paths.js';

/** Loaded from node_modules at run time: native code, or optional add-ons that are not installed. */
const externalPackages = ['sqlite3', '@napi-rs/canvas', 'pg-native', 'bufferutil', 'utf-8-validate', 'zlib-sync'];

/** The programs and the modules loaded by path at run time (each command, the map worker). */
function entryPoints(): string[] {
  const commands = readdirSync(join(projectRoot, 'commands'))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => join('commands', file));
  return ['src/main.ts', 'src/deploy-commands.ts', 'src/rest-proxy.ts', 'src/render/map/worker.ts', ...commands];
}

export async function bundle(outdir = join(projectRoot, 'dist', 'bundle')): Promise<void> {
  rmSync(outdir, { recursive: true, force: true });
  const options: BuildOptions = {
    absWorkingDir: projectRoot,
    entryPoints: entryPoints(),
    outdir,
    outbase: '.',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: externalPackages,
    // Shared code sits at the depth of src/bot, so `../../commands/` from it still finds the commands.
    chunkNames: 'src/chunks/[name]-[hash]',
    sourcemap: true,
    // Packages written as CommonJS still call require(): give every file of the bundle a real one.
    banner: {
      js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
    },
    logLevel: 'warning',
  };
  await build(options);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outdir = process.argv[2] ?? join(projectRoot, 'dist', 'bundle');
  await bundle(outdir);
  process.stdout.write(`bundled into ${relative(process.cwd(), outdir) || '.'}\n`);
}
