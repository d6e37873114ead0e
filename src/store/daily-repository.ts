// Daily-post settings and records per server, in the store. Settings change by command; records only after
// Discord confirmed a post. Claims mark a post in flight, so a restart knows to check before sending again. The
// delivery history is written after the record (or the pause, or the skip) and never decides whether to post: it
// only tells admins what happened, so exactly-once rests on records and claims alone.
import type { DailyRecord, DailySettings } from '../news/daily.js';
import { emptyRecord } from '../news/daily.js';
import { withEntry, type DeliveryEntry } from '../news/daily-history.js';
import type { Store } from './open-store.js';

export interface DailyClaim {
  day: string;
  /** ISO time the first attempt started: after a few minutes Discord forgets the nonce, so the bot looks first. */
  startedAt: string;
}

export class DailyRepository {
  constructor(private readonly store: Store) {}

  private settings() {
    return this.store.namespace<DailySettings>('daily-settings');
  }
  private records() {
    return this.store.namespace<DailyRecord>('daily-records');
  }
  private claims() {
    return this.store.namespace<DailyClaim>('daily-claims');
  }
  private history() {
    return this.store.namespace<DeliveryEntry[]>('daily-history');
  }

  /** The last 30 days of what happened to the server's post, newest first. Kept when the post is turned off. */
  async historyOf(guildId: string): Promise<DeliveryEntry[]> {
    return (await (await this.history()).get(guildId)) ?? [];
  }

  /** Records what happened on a day; a second entry for the same day replaces the first. */
  async addHistory(guildId: string, entry: DeliveryEntry): Promise<void> {
    const history = await this.history();
    await history.set(guildId, withEntry((await history.get(guildId)) ?? [], entry));
  }

  async settingsOf(guildId: string): Promise<DailySettings | undefined> {
    return (await this.settings()).get(guildId);
  }

  async saveSettings(guildId: string, settings: DailySettings): Promise<void> {
    await (await this.settings()).set(guildId, settings);
  }

  async removeSettings(guildId: string): Promise<boolean> {
    return (await this.settings()).delete(guildId);
  }

  /** Every server with a daily post configured. */
  async allSettings(): Promise<[string, DailySettings][]> {
    return (await this.settings()).entries();
  }

  async recordOf(guildId: string): Promise<DailyRecord> {
    return (await (await this.records()).get(guildId)) ?? emptyRecord();
  }

  async saveRecord(guildId: string, record: DailyRecord): Promise<void> {
    await (await this.records()).set(guildId, record);
  }

  async claimOf(guildId: string): Promise<DailyClaim | undefined> {
    return (await this.claims()).get(guildId);
  }

  async saveClaim(guildId: string, claim: DailyClaim): Promise<void> {
    await (await this.claims()).set(guildId, claim);
  }

  async clearClaim(guildId: string): Promise<void> {
    await (await this.claims()).delete(guildId);
  }
}
