// How much CPU other processes on the machine used during a measurement (other engineers' test runs, say), so
// a noisy run can be told from a slow bot. Linux /proc only; undefined elsewhere.
import { readFileSync } from 'node:fs';

/** Busy jiffies of the whole machine (all cores), from the first line of /proc/stat. */
function machineBusy(): { busy: number; total: number } | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
    const busy = user + nice + system + irq + softirq + steal;
    return { busy, total: busy + idle + iowait };
  } catch {
    return undefined;
  }
}

/** CPU time a process has used so far (user + system, all its threads), ms; 0 once it is gone. */
export function cpuMs(pid: number): number {
  return processBusy(pid) * (1000 / USER_HZ);
}

/** Linux reports /proc times in USER_HZ ticks, 100 a second on every common platform. */
const USER_HZ = 100;

/** utime + stime of a process in jiffies (its threads included), 0 once it is gone. */
function processBusy(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** Starts counting; stop() gives the cores' worth of CPU used by processes other than `ours` meanwhile. */
export class ForeignCpu {
  private readonly start = machineBusy();
  private readonly ownStart: number;

  constructor(private readonly ours: readonly number[]) {
    this.ownStart = this.own();
  }

  /** Average number of cores other processes kept busy (e.g. 0.4), or undefined without /proc. */
  stop(): number | undefined {
    const end = machineBusy();
    if (!this.start || !end || end.total === this.start.total) return undefined;
    const cores = Math.max(1, (readFileSync('/proc/stat', 'utf8').match(/^cpu\d+ /gm) ?? []).length);
    const foreign = end.busy - this.start.busy - (this.own() - this.ownStart);
    return Math.max(0, Math.round((foreign / (end.total - this.start.total)) * cores * 100) / 100);
  }

  private own(): number {
    return this.ours.reduce((sum, pid) => sum + processBusy(pid), 0);
  }
}
