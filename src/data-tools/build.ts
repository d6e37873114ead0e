// npm run data:build: regenerates the built data files from their inputs. With --check, changes nothing and
// fails when a committed file differs from what its inputs build (CI runs this through data:check).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../paths.js';
import { buildWorldLayer, formatWorldLayer } from './world-layer.js';

/** The date the world table's pages were taken (see data/inputs/README.md). */
const worldAsOf = '2025-11';

export interface BuiltFile {
  path: string;
  text: string;
}

export function buildDataFiles(dir = dataDir): BuiltFile[] {
  const csv = readFileSync(join(dir, 'inputs', 'world-pairs.csv'), 'utf8');
  const { countries } = JSON.parse(readFileSync(join(dir, 'countries.json'), 'utf8')) as {
    countries: { alpha2: string }[];
  };
  const codes = countries.map((country) => country.alpha2);
  return [{ path: join(dir, 'world.json'), text: formatWorldLayer(buildWorldLayer(csv, codes, worldAsOf)) }];
}

/** The built files whose committed text differs from what the inputs build now. */
export function staleDataFiles(dir = dataDir): string[] {
  return buildDataFiles(dir)
    .filter(({ path, text }) => {
      try {
        return readFileSync(path, 'utf8') !== text;
      } catch {
        return true;
      }
    })
    .map(({ path }) => path);
}

function main(): void {
  if (process.argv.includes('--check')) {
    const stale = staleDataFiles();
    if (stale.length > 0) {
      console.error(`Out of date (run npm run data:build and commit): ${stale.join(', ')}`);
      process.exit(1);
    }
    console.log('built data files match their inputs');
    return;
  }
  for (const { path, text } of buildDataFiles()) {
    writeFileSync(path, text);
    console.log(`wrote ${path} (${text.length} bytes)`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
