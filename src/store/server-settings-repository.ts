// A server's own settings (/settings): the country /relations compares with, and a fixed language for its replies
// and posts. Read on every interaction in a server, so kept in memory for a minute; a change made here is seen at
// once, and one made by another process within the minute.
import type { Store } from './open-store.js';

export type ServerLanguage = 'en' | 'ko';

export interface ServerSettings {
  /** Alpha-2 code. Unset: the bot's DEFAULT_COUNTRY. */
  defaultCountry?: string;
  /** Unset: each reader's own Discord language. */
  language?: ServerLanguage;
}

const cacheMs = 60_000;
const failureCacheMs = 5_000;

export class ServerSettingsRepository {
  private readonly cache = new Map<string, { settings: ServerSettings; until: number }>();
  /** Reads under way: interactions arriving together for one server share one read instead of each making one. */
  private readonly reading = new Map<string, Promise<ServerSettings>>();

  constructor(
    private readonly store: Store,
    private readonly clock: () => number = Date.now,
  ) {}

  private namespace() {
    return this.store.namespace<ServerSettings>('server-settings');
  }

  async of(guildId: string): Promise<ServerSettings> {
    const cached = this.cache.get(guildId);
    if (cached && cached.until > this.clock()) return cached.settings;
    let read = this.reading.get(guildId);
    if (!read) {
      read = this.read(guildId).finally(() => this.reading.delete(guildId));
      this.reading.set(guildId, read);
    }
    return read;
  }

  private async read(guildId: string): Promise<ServerSettings> {
    const settings = (await (await this.namespace()).get(guildId)) ?? {};
    this.cache.set(guildId, { settings, until: this.clock() + cacheMs });
    return settings;
  }

  /**
   * For the router, on every interaction: the settings if the store answers within `limitMs`, else none (each
   * reader's language, the bot's default country) rather than a slow or failed reply. A failure is remembered for a
   * few seconds so a store that is down does not slow every interaction.
   */
  async quickly(guildId: string, limitMs: number): Promise<ServerSettings> {
    const cached = this.cache.get(guildId);
    if (cached && cached.until > this.clock()) return cached.settings;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), limitMs)));
    const settings = await Promise.race([this.of(guildId).catch(() => undefined), late]).finally(() =>
      clearTimeout(timer),
    );
    if (settings) return settings;
    this.cache.set(guildId, { settings: {}, until: this.clock() + failureCacheMs });
    return {};
  }

  /** Applies a change; `undefined` in the change removes that setting. Returns the settings after it. */
  async update(guildId: string, change: { [K in keyof ServerSettings]?: ServerSettings[K] | undefined }) {
    const current = await (await this.namespace()).get(guildId);
    const settings: ServerSettings = { ...current, ...change };
    for (const key of Object.keys(settings) as (keyof ServerSettings)[]) {
      if (settings[key] === undefined) delete settings[key];
    }
    await (await this.namespace()).set(guildId, settings);
    this.cache.set(guildId, { settings, until: this.clock() + cacheMs });
    return settings;
  }
}
