// Start → ready of each bot (spawn → its ready line on stdout), and the RSS right after, with one guild.
import { FakeDiscord } from '../src/harness/index.js';
import { launch, type BotName } from './bots.js';
import { sleep, steadyRssMb } from './proc.js';
import { round } from './stats.js';

export interface StartupRun {
  bot: BotName;
  run: number;
  readyMs: number;
  /** RSS 1 s after ready, MB. */
  rssIdleMb: number;
  /** attache only: facts + news load, validation and search index, as it logs in its ready line (a cold run). */
  dataLoadMs?: number;
}

export async function startupRun(bot: BotName, run: number, profileDir?: string): Promise<StartupRun> {
  const discord = await FakeDiscord.start({ strict: false });
  const child = await launch(bot, discord, { label: `${bot}-startup-run${run}`, ...(profileDir && { profileDir }) });
  try {
    await sleep(1000);
    const out: StartupRun = {
      bot,
      run,
      readyMs: round(child.readyMs, 1),
      rssIdleMb: round(await steadyRssMb(child.pid, 500), 1),
    };
    if (typeof child.readyLine.dataLoadMs === 'number') out.dataLoadMs = child.readyLine.dataLoadMs;
    return out;
  } finally {
    await child.close();
    await discord.close();
  }
}
