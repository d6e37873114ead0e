/**
 * Snowflake ids and fake bot tokens.
 *
 * Ids follow Discord's layout (ms since the Discord epoch << 22 | worker | process | increment),
 * so they sort by creation time and `SnowflakeUtil.timestampFrom()` gives a sensible date.
 */

export const DISCORD_EPOCH = 1_420_070_400_000n;

/** A fixed instant (2024-01-01T00:00:00Z) used for the ids of the fake's fixed entities. */
export const FIXED_EPOCH_MS = 1_704_067_200_000;

export class SnowflakeGenerator {
  private increment = 0n;
  private lastMs = 0n;

  /**
   * @param clock returns the current time in ms; pass a fixed-start counter for deterministic ids.
   * @param worker 0..31, keeps ids from different generators apart.
   */
  constructor(
    private readonly clock: () => number = Date.now,
    private readonly worker = 1,
  ) {}

  next(): string {
    let ms = BigInt(Math.floor(this.clock()));
    if (ms < this.lastMs) ms = this.lastMs;
    if (ms === this.lastMs) {
      this.increment = (this.increment + 1n) & 0xfffn;
      if (this.increment === 0n) ms += 1n; // 4096 ids in one ms: borrow the next ms
    } else {
      this.increment = 0n;
    }
    this.lastMs = ms;
    const id = ((ms - DISCORD_EPOCH) << 22n) | (BigInt(this.worker & 31) << 17n) | (1n << 12n) | this.increment;
    return id.toString();
  }
}

/** A generator whose ids are the same on every run: its clock starts at FIXED_EPOCH_MS and ticks 1 ms per id. */
export function fixedSnowflakes(worker = 2): SnowflakeGenerator {
  let t = FIXED_EPOCH_MS;
  return new SnowflakeGenerator(() => t++, worker);
}

/** Timestamp (ms) encoded in a snowflake. */
export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}

/**
 * A realistic-looking bot token: base64(application id) . 6 chars . 38 chars.
 * Deterministic for a given id, so tests can print it without leaking anything real.
 */
export function fakeBotToken(applicationId: string): string {
  const first = Buffer.from(applicationId, 'utf8').toString('base64').replace(/=+$/, '');
  const tail = 'fake-token-for-tests'.padEnd(38, 'x');
  return `${first}.GfAkE0.${tail}`;
}
