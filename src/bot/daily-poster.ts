// Sends one server's daily post exactly once. Discord's own dedupe (a nonce with enforce_nonce) covers retries
// within minutes, a second process, and a crash right after sending; a claim in the store, written before the
// first attempt, tells a later restart to look in the channel for the post before sending again.
import { DiscordAPIError, type REST } from '@discordjs/rest';
import { Routes, type APIMessage } from 'discord-api-types/v10';
import type { Facts } from '../facts/facts.js';
import type { Logger } from '../logger.js';
import { dailyContent, type DailySettings, type PauseReason } from '../news/daily.js';
import type { NewsDesk } from '../news/items.js';
import { dailyPost } from '../render/news.js';
import { newsStrings } from '../render/news-strings.js';
import type { Language } from '../render/i18n.js';
import type { DailyRepository } from '../store/daily-repository.js';
import type { Reply } from '../render/reply.js';
import { channelMessageBody } from './channel-post.js';

/** The clock, the log and the facts: what the poster needs besides its collaborators. */
export interface PosterEnvironment {
  now: () => Date;
  log: Logger;
  facts: Facts;
}

/** Discord remembers a nonce for "the past few minutes"; past this, look before sending again. */
const nonceTrustMs = 2 * 60 * 1000;

export type PostOutcome = 'posted' | 'already-posted' | 'paused' | 'failed';

/** Why Discord refused a post, when retrying will not help. */
export function pauseReasonOf(error: unknown): PauseReason | undefined {
  if (!(error instanceof DiscordAPIError)) return undefined;
  if (error.status === 404 || error.code === 10003) return 'channel-missing';
  if (error.status === 403 || error.code === 50001 || error.code === 50013) return 'missing-permissions';
  return undefined;
}

export function nonceFor(guildId: string, day: string): string {
  return `d${day.replace(/-/g, '')}${guildId.slice(-16)}`;
}

export class DailyPoster {
  constructor(
    private readonly ctx: PosterEnvironment,
    private readonly rest: REST,
    private readonly repository: DailyRepository,
    private readonly news: NewsDesk,
    /** The bot's own user id (from READY), to recognise its earlier posts. */
    private readonly botUserId: () => string | undefined,
  ) {}

  /** What the next post for this server holds, rendered. */
  async render(guildId: string, settings: DailySettings, day: string): Promise<{ reply: Reply; newsId?: string }> {
    const record = await this.repository.recordOf(guildId);
    const content = dailyContent(this.news, this.ctx.facts, record, day);
    const keyFacts = content.kind === 'news' ? this.news.keyFacts(content.item) : [];
    const language: Language = settings.language ?? 'en';
    const reply = dailyPost(content, keyFacts, language, day, this.ctx.now(), this.ctx.facts.sources);
    return content.kind === 'news' ? { reply, newsId: content.item.id } : { reply };
  }

  /**
   * Posts a message in a channel to learn whether the bot may post there: the honest test is to try. Returns why it
   * may not, or undefined when the message went out.
   */
  async tryPost(channelId: string, reply: Reply): Promise<PauseReason | undefined> {
    try {
      await this.rest.post(Routes.channelMessages(channelId), { body: channelMessageBody(reply) });
      return undefined;
    } catch (error) {
      const reason = pauseReasonOf(error);
      if (!reason) throw error;
      return reason;
    }
  }

  /**
   * Sends the post due on `day` now, as a test: marked as one in its text and footer, with no nonce, no claim and
   * nothing recorded, so the day's real post still goes out and the news item it shows stays unsent. Returns why it
   * could not be posted, if it could not; the schedule is left as it is, for the real post to find out for itself.
   */
  async postTest(guildId: string, settings: DailySettings, day: string): Promise<PauseReason | undefined> {
    const { reply } = await this.render(guildId, settings, day);
    const n = newsStrings[settings.language ?? 'en'];
    // The footer no longer ends with the day, so a later look for the day's post (after a crash) passes it by.
    const marked: Reply = {
      ...reply,
      content: `🧪 ${n.daily.testNote(day)}`,
      embeds: reply.embeds?.map((embed) => ({
        ...embed,
        footer: { text: `${embed.footer?.text ?? n.dailyFooter(day)} · ${n.daily.testMark}` },
      })),
    };
    return this.tryPost(settings.channelId, marked);
  }

  async post(guildId: string, settings: DailySettings, day: string): Promise<PostOutcome> {
    const now = this.ctx.now();
    const claim = await this.repository.claimOf(guildId);
    const nonce = nonceFor(guildId, day);
    if (claim?.day === day && now.getTime() - Date.parse(claim.startedAt) > nonceTrustMs) {
      const found = await this.findEarlierPost(settings.channelId, day);
      if (found) {
        await this.recordPosted(guildId, day, found.id, undefined);
        return 'already-posted';
      }
    }
    if (claim?.day !== day) await this.repository.saveClaim(guildId, { day, startedAt: now.toISOString() });

    const { reply, newsId } = await this.render(guildId, settings, day);
    try {
      const message = (await this.rest.post(Routes.channelMessages(settings.channelId), {
        body: channelMessageBody(reply, nonce),
      })) as APIMessage;
      await this.recordPosted(guildId, day, message.id, newsId);
      return 'posted';
    } catch (error) {
      const reason = pauseReasonOf(error);
      if (reason) {
        await this.repository.saveSettings(guildId, { ...settings, paused: { reason, since: now.toISOString() } });
        await this.repository.clearClaim(guildId);
        this.ctx.log.warn({ guildId, reason }, 'daily post paused');
        return 'paused';
      }
      this.ctx.log.warn({ guildId, err: error }, 'daily post failed; will retry');
      return 'failed';
    }
  }

  private async recordPosted(
    guildId: string,
    day: string,
    messageId: string,
    newsId: string | undefined,
  ): Promise<void> {
    const record = await this.repository.recordOf(guildId);
    const { skipped: _olderSkip, ...rest } = record; // a post went out since: an older skip is no longer news
    await this.repository.saveRecord(guildId, {
      ...rest,
      lastPostedDay: day,
      lastPostedAt: this.ctx.now().toISOString(),
      lastMessageId: messageId,
      sentNews: newsId && !record.sentNews.includes(newsId) ? [...record.sentNews, newsId] : record.sentNews,
    });
    await this.repository.clearClaim(guildId);
  }

  /**
   * A post of ours for that day already in the channel (sent before a crash), found by the day in its footer among
   * the latest 50 messages. Not by time: Discord's clock and ours need not agree.
   */
  private async findEarlierPost(channelId: string, day: string): Promise<APIMessage | undefined> {
    try {
      const messages = (await this.rest.get(Routes.channelMessages(channelId), {
        query: new URLSearchParams({ limit: '50' }),
      })) as APIMessage[];
      const botId = this.botUserId();
      return messages.find(
        (message) =>
          message.author.id === botId && message.embeds.some((embed) => embed.footer?.text.endsWith(` · ${day}`)),
      );
    } catch {
      return undefined; // Without Read Message History we cannot look; the nonce still guards recent retries.
    }
  }
}
