// Drives the daily posts: once a minute (and once at start-up, for posts missed while down) it asks each server's
// schedule what is due and sends those posts. Many due at once go out side by side, started at an even pace just
// under Discord's global limit of 50 requests a second: not one by one, and not in bursts that earn 429s.
import { dailyActions } from '../news/daily.js';
import type { DailyRepository } from '../store/daily-repository.js';
import type { Logger } from '../logger.js';
import type { DailyPoster, PostOutcome } from './daily-poster.js';

/** Posts in flight at once. */
const concurrency = 50;
/** Posts started per second: under Discord's global 50/s, leaving room for the bot's other requests. */
const postsPerSecond = 48;

export interface DueRun {
  posted: number;
  skipped: number;
  paused: number;
  failed: number;
  /** HTTP replicas: due posts another replica claimed (and sends, or sent). */
  elsewhere?: number;
}

/**
 * HTTP replicas all run the schedule; this claim lets one of them send a server's post of a day. It is a lease: if
 * its holder dies before recording the post, another replica takes it once it expires (the post's nonce and the
 * look in the channel still keep that to one message).
 */
export type DailyClaimer = (guildId: string, day: string) => Promise<boolean>;

/**
 * Runs `work` over items with at most `limit` in flight, starting at most `perSecond` a second, evenly spaced, until
 * the items run out or `stopped()` says to start no more.
 */
async function paced<T>(
  items: T[],
  limit: number,
  perSecond: number,
  stopped: () => boolean,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let nextStart = performance.now();
  const gap = 1000 / perSecond;
  const worker = async () => {
    while (next < items.length && !stopped()) {
      const item = items[next++]!;
      const wait = nextStart - performance.now();
      nextStart = Math.max(nextStart, performance.now()) + gap;
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (stopped()) return; // shutting down: the next process sends the rest (their claims keep it to one each)
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<DueRun> | undefined;
  private stopped = false;

  constructor(
    private readonly ctx: { now: () => Date; log: Logger },
    private readonly repository: DailyRepository,
    private readonly poster: DailyPoster,
    /** Whether this process posts for a server: with shards, only for the servers on its own shards. */
    private readonly owns: (guildId: string) => boolean = () => true,
    /** Posts started per second (tests raise it; Discord's global limit is what sets the default). */
    private readonly perSecond = postsPerSecond,
    /** HTTP replicas: who sends each post (undefined: this process sends all it owns). */
    private readonly claim?: DailyClaimer,
  ) {}

  /** Runs now, then at the start of every minute. */
  start(): void {
    this.stopped = false;
    void this.runDue();
    const tick = () => {
      if (this.stopped) return;
      void this.runDue();
      this.timer = setTimeout(tick, 60_000 - (Date.now() % 60_000) + 50);
    };
    this.timer = setTimeout(tick, 60_000 - (Date.now() % 60_000) + 50);
  }

  /** Stops ticking and starting posts, and waits for the posts in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Sends what is due at the clock's "now". Runs never overlap: a second call waits for the first. */
  runDue(): Promise<DueRun> {
    const previous = this.running ?? Promise.resolve(undefined);
    const run = previous.catch(() => undefined).then(() => this.runOnce());
    this.running = run;
    return run;
  }

  private async runOnce(): Promise<DueRun> {
    const result: DueRun = { posted: 0, skipped: 0, paused: 0, failed: 0 };
    if (this.stopped) return result;
    const now = this.ctx.now();
    let all;
    try {
      all = await this.repository.allSettings();
    } catch (error) {
      this.ctx.log.warn({ err: error }, 'store unavailable; daily posts wait for the next minute');
      return result;
    }
    const due: { guildId: string; day: string; post: () => Promise<PostOutcome> }[] = [];
    for (const [guildId, settings] of all) {
      if (!this.owns(guildId)) continue;
      const record = await this.repository.recordOf(guildId);
      for (const action of dailyActions(settings, record, now)) {
        if (action.kind === 'skip') {
          await this.repository.saveRecord(guildId, {
            ...record,
            skipped: { day: action.day, lateMinutes: action.lateMinutes },
          });
          const skip = { day: action.day, at: now.toISOString(), lateMinutes: action.lateMinutes };
          await this.repository.addHistory(guildId, { kind: 'skipped', reason: 'late', ...skip });
          this.ctx.log.info(
            { guildId, day: action.day, lateMinutes: action.lateMinutes },
            'daily post skipped: too late',
          );
          result.skipped++;
        } else {
          due.push({ guildId, day: action.day, post: () => this.poster.post(guildId, settings, action.day) });
        }
      }
    }
    await paced(
      due,
      concurrency,
      this.perSecond,
      () => this.stopped,
      async ({ guildId, day, post }) => {
        try {
          if (this.claim && !(await this.elsewhere(guildId, day))) {
            result.elsewhere = (result.elsewhere ?? 0) + 1;
            return;
          }
          const outcome = await post();
          if (outcome === 'posted' || outcome === 'already-posted') result.posted++;
          else result[outcome]++;
        } catch (error) {
          result.failed++;
          this.ctx.log.error({ guildId, err: error }, 'daily post crashed');
        }
      },
    );
    if (due.length) this.ctx.log.info(result, 'daily posts done');
    return result;
  }

  /** Whether this replica sends the post: it holds the claim, and the post was not recorded meanwhile. */
  private async elsewhere(guildId: string, day: string): Promise<boolean> {
    if (!(await this.claim!(guildId, day))) return false;
    // The list of due posts was read before: another replica may have sent this one since.
    return (await this.repository.recordOf(guildId)).lastPostedDay !== day;
  }
}
