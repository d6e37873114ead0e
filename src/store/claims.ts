// Claims: the one atomic primitive the store offers, for what several processes (HTTP replicas, shards sharing a
// store) must do exactly once. A claim is a field of a group, taken by a holder until a time (of the injected clock):
// acquire() takes it only when no one holds it or the last hold has expired, in one atomic step of the database
// (a Lua script on Redis, an INSERT … ON CONFLICT DO UPDATE … WHERE on PostgreSQL and SQLite). keyv's set is a plain
// write, so it cannot serve here. A group is the unit that expires on its own (a Redis hash with a TTL; rows swept
// by age in SQL), so many claims of one thing (the answers of one quiz round) can be read back together.

/** A claim as stored: who holds it and until when (ms since the epoch, of the bot's clock). */
export interface Claim {
  holder: string;
  until: number;
}

export interface ClaimBackend {
  /** Takes group/field for `holder` until `until`, unless someone holds it past `now`. True when taken. */
  acquire(group: string, field: string, holder: string, until: number, now: number): Promise<boolean>;
  /** Every claim of a group, expired ones included (the caller knows what "now" is). */
  all(group: string): Promise<Map<string, Claim>>;
  /** Gives up a claim, only if `holder` still holds it. */
  release(group: string, field: string, holder: string): Promise<void>;
  close(): Promise<void>;
}

/** How long a group outlives its last claim's expiry before it is swept (real time): a safety margin only. */
export const groupGraceMs = 10 * 60 * 1000;

/** One process's claims (memory:// stores): a Map, which JavaScript already makes atomic. */
export class MemoryClaims implements ClaimBackend {
  private readonly groups = new Map<string, Map<string, Claim>>();

  acquire(group: string, field: string, holder: string, until: number, now: number): Promise<boolean> {
    const claims = this.groups.get(group) ?? new Map<string, Claim>();
    this.groups.set(group, claims);
    const held = claims.get(field);
    if (held && held.until > now) return Promise.resolve(false);
    claims.set(field, { holder, until });
    return Promise.resolve(true);
  }

  all(group: string): Promise<Map<string, Claim>> {
    return Promise.resolve(new Map(this.groups.get(group) ?? []));
  }

  release(group: string, field: string, holder: string): Promise<void> {
    const claims = this.groups.get(group);
    if (claims?.get(field)?.holder === holder) claims.delete(field);
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

const encode = (claim: Claim) => `${claim.until}|${claim.holder}`;
function decode(value: string): Claim {
  const bar = value.indexOf('|');
  return { until: Number(value.slice(0, bar)), holder: value.slice(bar + 1) };
}

/** The node-redis client calls the claims need (the store's own connection). */
export interface RedisLike {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  hGetAll(key: string): Promise<Record<string, string>>;
}

// KEYS[1] the group's hash; ARGV: field, encoded claim, now, ttl (ms, real time, for the hash).
const acquireScript = `
local held = redis.call('HGET', KEYS[1], ARGV[1])
if held then
  local untilMs = tonumber(string.match(held, '^(%-?%d+)|'))
  if untilMs and untilMs > tonumber(ARGV[3]) then return 0 end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[4]) then redis.call('PEXPIRE', KEYS[1], ARGV[4]) end
return 1`;
// KEYS[1] the group's hash; ARGV: field, holder.
const releaseScript = `
local held = redis.call('HGET', KEYS[1], ARGV[1])
if held and string.sub(held, string.find(held, '|', 1, true) + 1) == ARGV[2] then redis.call('HDEL', KEYS[1], ARGV[1]) end
return 0`;

export class RedisClaims implements ClaimBackend {
  constructor(private readonly redis: () => Promise<RedisLike>) {}

  private key(group: string) {
    return `attache-claims:${group}`;
  }

  async acquire(group: string, field: string, holder: string, until: number, now: number): Promise<boolean> {
    const ttl = Math.max(0, Math.min(until - now, 30 * groupGraceMs)) + groupGraceMs;
    const taken = await (
      await this.redis()
    ).eval(acquireScript, {
      keys: [this.key(group)],
      arguments: [field, encode({ holder, until }), String(now), String(Math.round(ttl))],
    });
    return Number(taken) === 1;
  }

  async all(group: string): Promise<Map<string, Claim>> {
    const fields = await (await this.redis()).hGetAll(this.key(group));
    return new Map(Object.entries(fields).map(([field, value]) => [field, decode(value)]));
  }

  async release(group: string, field: string, holder: string): Promise<void> {
    await (await this.redis()).eval(releaseScript, { keys: [this.key(group)], arguments: [field, holder] });
  }

  close(): Promise<void> {
    return Promise.resolve(); // the connection is the store's
  }
}

/** `query` of @keyv/postgres or @keyv/sqlite: SQL with positional parameters, resolving to the rows. */
export type SqlQuery = (sql: string, parameters: unknown[]) => Promise<unknown[]>;

/** PostgreSQL and SQLite: one table, one row per claim; an upsert whose WHERE lets it win only over an expired row. */
export class SqlClaims implements ClaimBackend {
  private ready: Promise<void> | undefined;
  private acquired = 0;

  constructor(
    private readonly query: SqlQuery,
    /** `$n` (PostgreSQL) or `?n` (SQLite). */
    private readonly placeholder: (n: number) => string,
    private readonly disconnect: () => Promise<void> = () => Promise.resolve(),
    private readonly realNow: () => number = Date.now,
  ) {}

  private table(): Promise<void> {
    const create = () =>
      this.query(
        `CREATE TABLE IF NOT EXISTS attache_claims (claim_group VARCHAR(255) NOT NULL, field VARCHAR(255) NOT NULL,
          holder TEXT NOT NULL, until_ms BIGINT NOT NULL, written_ms BIGINT NOT NULL, PRIMARY KEY (claim_group, field))`,
        [],
      );
    // Two processes creating it at once: PostgreSQL lets one of them fail on its catalog; the table is then there.
    this.ready ??= create()
      .catch(create)
      .then(
        () => undefined,
        (error: unknown) => {
          this.ready = undefined;
          throw error;
        },
      );
    return this.ready;
  }

  async acquire(group: string, field: string, holder: string, until: number, now: number): Promise<boolean> {
    await this.table();
    const $ = this.placeholder;
    const rows = await this.query(
      `INSERT INTO attache_claims (claim_group, field, holder, until_ms, written_ms) VALUES (${$(1)}, ${$(2)}, ${$(3)}, ${$(4)}, ${$(6)})
       ON CONFLICT (claim_group, field) DO UPDATE SET holder = excluded.holder, until_ms = excluded.until_ms,
         written_ms = excluded.written_ms
       WHERE attache_claims.until_ms <= ${$(5)} RETURNING field`,
      [group, field, holder, until, now, this.realNow()],
    );
    if (++this.acquired % 500 === 0) void this.sweep().catch(() => undefined);
    return rows.length === 1;
  }

  async all(group: string): Promise<Map<string, Claim>> {
    await this.table();
    const rows = (await this.query(
      `SELECT field, holder, until_ms FROM attache_claims WHERE claim_group = ${this.placeholder(1)}`,
      [group],
    )) as { field: string; holder: string; until_ms: string | number }[];
    return new Map(rows.map((row) => [row.field, { holder: row.holder, until: Number(row.until_ms) }]));
  }

  async release(group: string, field: string, holder: string): Promise<void> {
    await this.table();
    const $ = this.placeholder;
    await this.query(
      `DELETE FROM attache_claims WHERE claim_group = ${$(1)} AND field = ${$(2)} AND holder = ${$(3)}`,
      [group, field, holder],
    );
  }

  /** Rows written long ago: their claims are long over (the longest lives a few hours). */
  private async sweep(): Promise<void> {
    await this.query(`DELETE FROM attache_claims WHERE written_ms < ${this.placeholder(1)}`, [
      this.realNow() - 36 * groupGraceMs,
    ]);
  }

  close(): Promise<void> {
    return this.disconnect();
  }
}
