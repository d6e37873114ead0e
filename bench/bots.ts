// How each bot of the benchmark is started: compiled JavaScript in a child process, against a given fake Discord.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FakeDiscord } from '../src/harness/index.js';
import { loadCommands } from '../src/bot/registry.js';
import { projectRoot } from '../src/paths.js';
import { spawnBot, type BotProcess } from './proc.js';

export type BotName = 'baseline' | 'attache';
export const BOTS: readonly BotName[] = ['baseline', 'attache'];

const distDir = join(projectRoot, 'dist');

export interface LaunchOptions {
  /** Written into error messages and profile names. */
  label: string;
  /** When set, the child runs with --cpu-prof and writes its profile into this folder. */
  profileDir?: string;
  readyTimeoutMs?: number;
  /** More environment for the child (attache: SHARD_COUNT, say). */
  env?: Record<string, string>;
}

export interface RunningChild extends BotProcess {
  /** Stops the child and removes its working folder. */
  close(): Promise<void>;
}

let commandsFile: string | undefined;

/** Removes the definitions file written for the baseline, if any. */
export function cleanUp(): void {
  if (commandsFile) rmSync(dirname(commandsFile), { recursive: true, force: true });
  commandsFile = undefined;
}

/** attache's command definitions as JSON, for the baseline to register the same commands. */
async function definitionsFile(): Promise<string> {
  if (commandsFile) return commandsFile;
  const registry = await loadCommands();
  const dir = mkdtempSync(join(tmpdir(), 'attache-bench-defs-'));
  commandsFile = join(dir, 'commands.json');
  writeFileSync(commandsFile, JSON.stringify(registry.definitions));
  return commandsFile;
}

/**
 * Settings every attache child gets. MAPS is off by default: the baseline answers with a word and no picture, so the
 * comparison is like for like; `--attache-maps on` measures attache with its maps.
 */
export const attacheEnv: Record<string, string> = { MAPS: 'off' };

/** attache's entries: the bundle `npm start` runs, or (`--attache-build tsc`) tsc's output, one file per module. */
export const attacheEntries = {
  bundle: join(distDir, 'bundle', 'src', 'main.js'),
  tsc: join(distDir, 'src', 'main.js'),
} as const;
/** The entry the attache children run (the bundle unless the bench is told otherwise). */
export const attacheBuild = { entry: attacheEntries.bundle };

/** Starts one bot against the fake and resolves once it is ready (its ready line printed). */
export async function launch(bot: BotName, discord: FakeDiscord, options: LaunchOptions): Promise<RunningChild> {
  const cwd = mkdtempSync(join(tmpdir(), `attache-bench-${bot}-`));
  const base = { PATH: process.env.PATH ?? '', DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl };
  const nodeArgs = options.profileDir
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${options.profileDir}`,
        `--cpu-prof-name=${options.label.replace(/[^\w.-]+/g, '_')}.cpuprofile`,
      ]
    : [];
  const spec =
    bot === 'attache'
      ? {
          script: attacheBuild.entry,
          // The default store of a deployment (SQLite), in a fresh folder; info level for the ready line only.
          env: {
            ...base,
            ...attacheEnv,
            STORE_URL: `sqlite://${join(cwd, 'store.sqlite')}`,
            LOG_LEVEL: 'info',
            ...options.env,
          },
          isReady: (line: Record<string, unknown>) => line.msg === 'attache is ready',
        }
      : {
          script: join(distDir, 'bench', 'baseline-bot.js'),
          env: { ...base, BASELINE_COMMANDS_FILE: await definitionsFile(), BASELINE_INTENTS: 'guilds' },
          isReady: (line: Record<string, unknown>) => line.msg === 'baseline is ready',
        };
  let child: BotProcess;
  try {
    child = await spawnBot({
      label: options.label,
      nodeArgs,
      cwd,
      readyTimeoutMs: options.readyTimeoutMs ?? 30_000,
      ...spec,
    });
  } catch (error) {
    rmSync(cwd, { recursive: true, force: true });
    throw error;
  }
  return {
    ...child,
    async close() {
      await child.stop();
      rmSync(cwd, { recursive: true, force: true });
    },
  };
}
