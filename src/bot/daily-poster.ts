// Sends one server's daily post exactly once. Discord's own dedupe (a nonce with enforce_nonce) covers retries
// within minutes, a second process, and a crash right after sending; a claim in the store, written before the
// first attempt, tells a later restart to look for the post before sending again. A forum post takes no nonce, so
// in a forum a claimed day is always looked for first (among the server's active threads).
import { DiscordAPIError, type REST } from '@discordjs/rest';
import { Routes, type APIMessage, type APIThreadChannel } from 'discord-api-types/v10';
import type { Facts } from '../facts/facts.js';
import type { Logger } from '../logger.js';
import {
  contentChoiceOf,
  dailyPostContent,
  newsTagOf,
  type DailySettings,
  type PauseReason,
  type PermissionName,
} from '../news/daily.js';
import type { DeliveryEntry } from '../news/daily-history.js';
import type { NewsDesk } from '../news/items.js';
import { dailyPostReply, postTitle } from '../render/daily.js';
import { newsStrings } from '../render/news-strings.js';
import type { Language } from '../render/i18n.js';
import type { DailyRepository } from '../store/daily-repository.js';
import type { Reply } from '../render/reply.js';
import { channelAccess, missingFrom, neededFor, type ChannelFacts } from './channel-access.js';
import { channelMessageBody } from './channel-post.js';

/** The clock, the log and the facts: what the poster needs besides its collaborators. */
export interface PosterEnvironment {
  now: () => Date;
  log: Logger;
  facts: Facts;
}

/** Discord remembers a nonce for "the past few minutes"; past this, look before sending again. */
const nonceTrustMs = 2 * 60 * 1000;
/** Threads the posts open archive after a day without messages, as Discord's default. */
const threadArchiveMinutes = 1440;

export type PostOutcome = 'posted' | 'already-posted' | 'skipped' | 'paused' | 'failed';

/** Why Discord refused a post, when retrying will not help. */
export function pauseReasonOf(error: unknown): PauseReason | undefined {
  if (!(error instanceof DiscordAPIError)) return undefined;
  if (error.status === 404 || error.code === 10003) return 'channel-missing';
  if (error.status === 403 || error.code === 50001 || error.code === 50013) return 'missing-permissions';
  if (error.code === 40067) return 'forum-needs-tag';
  return undefined;
}

/** Why the bot may not post there as asked, and which permissions it lacks when it can tell. */
export interface Refusal {
  reason: PauseReason | 'not-text';
  missing?: PermissionName[];
}

export function nonceFor(guildId: string, day: string): string {
  return `d${day.replace(/-/g, '')}${guildId.slice(-16)}`;
}

/** Where a post landed: the channel (or forum post) that holds its message. */
interface Delivered {
  channelId: string;
  messageId: string;
  threadFailed?: { missing?: PermissionName[] };
}

export class DailyPoster {
  constructor(
    private readonly ctx: PosterEnvironment,
    private readonly rest: REST,
    private readonly repository: DailyRepository,
    private readonly news: NewsDesk,
    /** The bot's own user id (from READY), to recognise its earlier posts. */
    private readonly botUserId: () => string | undefined,
    /**
     * A client that does not retry a request whose answer was lost (5xx, a reset connection): Discord takes no nonce
     * for a forum post, so a blind retry could open a second one. The next run looks for the post before trying again.
     */
    private readonly onceRest: REST = rest,
  ) {}

  /** What the next post for this server holds, rendered; `empty` when the chosen topics have nothing that day. */
  async render(
    guildId: string,
    settings: DailySettings,
    day: string,
  ): Promise<{ reply: Reply; newsId?: string; empty: boolean }> {
    const record = await this.repository.recordOf(guildId);
    const content = dailyPostContent(this.news, this.ctx.facts, record, day, contentChoiceOf(settings));
    const language: Language = settings.language ?? 'en';
    if (!content.main && !content.quiz)
      return { reply: { content: newsStrings[language].daily.skippedNothingNew(day) }, empty: true };
    const keyFacts = content.main?.kind === 'news' ? this.news.keyFacts(content.main.item) : [];
    const reply = dailyPostReply(content, keyFacts, language, day, this.ctx.now(), this.ctx.facts.sources);
    const newsId = content.main?.kind === 'news' ? content.main.item.id : undefined;
    return newsId ? { reply, newsId, empty: false } : { reply, empty: false };
  }

  /**
   * Posts a message in a channel to learn whether the bot may post there: the honest test is to try. Returns why it
   * may not (naming the missing permissions when it can), or undefined when the message went out.
   */
  async tryPost(guildId: string, channelId: string, reply: Reply): Promise<Refusal | undefined> {
    try {
      await this.rest.post(Routes.channelMessages(channelId), { body: channelMessageBody(reply) });
      return undefined;
    } catch (error) {
      const reason = pauseReasonOf(error);
      if (!reason) throw error;
      return this.refusal(reason, guildId, channelId, 'message');
    }
  }

  /**
   * Before /daily set saves a thread or forum post: the channel as Discord has it (type, tags) and whether the bot has
   * every permission that way of posting needs, worked out from the channel's overwrites and the bot's roles.
   */
  async checkChannel(
    guildId: string,
    channelId: string,
    delivery: 'thread' | 'forum',
  ): Promise<{ channel: ChannelFacts } | { refused: Refusal }> {
    const access = await channelAccess(this.rest, guildId, channelId, this.requireBotId());
    if (access.kind === 'missing') return { refused: { reason: 'channel-missing' } };
    if (access.kind === 'hidden') return { refused: { reason: 'missing-permissions', missing: ['ViewChannel'] } };
    const missing = missingFrom(access.channel.permissions, neededFor(delivery));
    if (missing.length) return { refused: { reason: 'missing-permissions', missing } };
    if (delivery === 'forum' && access.channel.requireTag && !newsTagOf(access.channel.tags))
      return { refused: { reason: 'forum-needs-tag' } };
    return { channel: access.channel };
  }

  /** The bot's permissions in a channel, or undefined when it cannot tell (the channel is gone or hidden). */
  async permissionsIn(guildId: string, channelId: string): Promise<bigint | undefined> {
    try {
      const access = await channelAccess(this.rest, guildId, channelId, this.requireBotId());
      return access.kind === 'ok' ? access.channel.permissions : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Sends the post due on `day` now, as a test: marked as one in its text and footer, with no nonce, no claim and
   * nothing recorded, so the day's real post still goes out and the news item it shows stays unsent. Returns why it
   * could not be posted, if it could not; the schedule is left as it is, for the real post to find out for itself.
   */
  async postTest(guildId: string, settings: DailySettings, day: string): Promise<Refusal | undefined> {
    const { reply } = await this.render(guildId, settings, day);
    const n = newsStrings[settings.language ?? 'en'];
    // The footer no longer ends with the day, so a later look for the day's post (after a crash) passes it by.
    const marked: Reply = {
      ...reply,
      content: [`🧪 ${n.daily.testNote(day)}`, ...(reply.embeds ? [] : [reply.content])].filter(Boolean).join('\n'),
      embeds: reply.embeds?.map((embed) => ({
        ...embed,
        footer: { text: `${embed.footer?.text ?? n.dailyFooter(day)} · ${n.daily.testMark}` },
      })),
    };
    try {
      await this.deliver(guildId, settings, day, marked, undefined);
      return undefined;
    } catch (error) {
      const reason = pauseReasonOf(error);
      if (!reason) throw error;
      return this.refusal(reason, guildId, settings.channelId, settings.delivery ?? 'message');
    }
  }

  async post(guildId: string, settings: DailySettings, day: string): Promise<PostOutcome> {
    const now = this.ctx.now();
    const claim = await this.repository.claimOf(guildId);
    const nonce = nonceFor(guildId, day);
    const forum = settings.delivery === 'forum';
    if (claim?.day === day && (forum || now.getTime() - Date.parse(claim.startedAt) > nonceTrustMs)) {
      const found = await this.findEarlierPost(guildId, settings, day);
      if (found) {
        await this.recordPosted(guildId, day, found, undefined);
        return 'already-posted';
      }
    }
    if (claim?.day !== day) await this.repository.saveClaim(guildId, { day, startedAt: now.toISOString() });

    const { reply, newsId, empty } = await this.render(guildId, settings, day);
    if (empty) {
      const record = await this.repository.recordOf(guildId);
      await this.repository.saveRecord(guildId, { ...record, skipped: { day, lateMinutes: 0, reason: 'nothing-new' } });
      await this.repository.clearClaim(guildId);
      await this.history(guildId, { kind: 'skipped', day, at: now.toISOString(), reason: 'nothing-new' });
      return 'skipped';
    }
    try {
      const delivered = await this.deliver(guildId, settings, day, reply, nonce);
      await this.recordPosted(guildId, day, delivered, newsId);
      return 'posted';
    } catch (error) {
      const reason = pauseReasonOf(error);
      if (reason) {
        const { missing } = await this.refusal(reason, guildId, settings.channelId, settings.delivery ?? 'message');
        const since = now.toISOString();
        await this.repository.saveSettings(guildId, {
          ...settings,
          paused: { reason, since, ...(missing && { missing }) },
        });
        await this.repository.clearClaim(guildId);
        await this.history(guildId, { kind: 'paused', day, at: since, reason, ...(missing && { missing }) });
        this.ctx.log.warn({ guildId, reason, missing }, 'daily post paused');
        return 'paused';
      }
      this.ctx.log.warn({ guildId, err: error }, 'daily post failed; will retry');
      return 'failed';
    }
  }

  /** Sends the post the way the server chose: a message, a message that opens a thread, or a forum post. */
  private async deliver(
    guildId: string,
    settings: DailySettings,
    day: string,
    reply: Reply,
    nonce: string | undefined,
  ): Promise<Delivered> {
    const language = settings.language ?? 'en';
    const { channelId, roleId } = settings;
    if (settings.delivery === 'forum') {
      // Tags are read at each post, so a News tag added later is used from the next day on.
      const forum = (await this.rest.get(Routes.channel(channelId))) as {
        available_tags?: { id: string; name: string }[];
      };
      const tag = newsTagOf(forum.available_tags ?? []);
      const thread = (await this.onceRest.post(Routes.threads(channelId), {
        body: {
          name: postTitle(reply, language, day),
          auto_archive_duration: threadArchiveMinutes,
          ...(tag && { applied_tags: [tag.id] }),
          message: channelMessageBody(reply, undefined, roleId),
        },
      })) as APIThreadChannel & { message?: APIMessage };
      // A forum post and its first message share one id.
      return { channelId: thread.id, messageId: thread.message?.id ?? thread.id };
    }
    const message = (await this.rest.post(Routes.channelMessages(channelId), {
      body: channelMessageBody(reply, nonce, roleId),
    })) as APIMessage;
    const delivered: Delivered = { channelId, messageId: message.id };
    if (settings.delivery !== 'thread') return delivered;
    const threadFailed = await this.openThread(guildId, channelId, message.id, postTitle(reply, language, day));
    return threadFailed ? { ...delivered, threadFailed } : delivered;
  }

  /**
   * Opens the discussion thread of a post. A message has at most one thread, so a second try after a crash is
   * answered "already created" and counts as done. When Discord refuses, the post still stands: the history says so.
   */
  private async openThread(
    guildId: string,
    channelId: string,
    messageId: string,
    name: string,
  ): Promise<Delivered['threadFailed']> {
    try {
      await this.rest.post(Routes.threads(channelId, messageId), {
        body: { name, auto_archive_duration: threadArchiveMinutes },
      });
      return undefined;
    } catch (error) {
      if (error instanceof DiscordAPIError && error.code === 160004) return undefined;
      this.ctx.log.warn({ guildId, err: error }, 'daily post: could not open its thread');
      const { missing } = await this.refusal('missing-permissions', guildId, channelId, 'thread');
      return missing ? { missing } : {};
    }
  }

  /** A refusal with the permissions the bot lacks there, when it can work them out (it says nothing when it cannot). */
  private async refusal(
    reason: PauseReason,
    guildId: string,
    channelId: string,
    delivery: 'message' | 'thread' | 'forum',
  ): Promise<Refusal> {
    if (reason !== 'missing-permissions') return { reason };
    try {
      const access = await channelAccess(this.rest, guildId, channelId, this.requireBotId());
      if (access.kind === 'hidden') return { reason, missing: ['ViewChannel'] };
      if (access.kind === 'missing') return { reason: 'channel-missing' };
      const missing = missingFrom(access.channel.permissions, neededFor(delivery));
      return missing.length ? { reason, missing } : { reason };
    } catch {
      return { reason };
    }
  }

  private requireBotId(): string {
    const id = this.botUserId();
    if (!id) throw new Error('the bot user is not known yet (no READY)');
    return id;
  }

  private async history(guildId: string, entry: DeliveryEntry): Promise<void> {
    try {
      await this.repository.addHistory(guildId, entry);
    } catch (error) {
      // The history only informs admins: a store hiccup here must not turn a sent post into a retry.
      this.ctx.log.warn({ guildId, err: error }, 'daily history not written');
    }
  }

  private async recordPosted(
    guildId: string,
    day: string,
    delivered: Delivered,
    newsId: string | undefined,
  ): Promise<void> {
    const record = await this.repository.recordOf(guildId);
    const { skipped: _olderSkip, ...rest } = record; // a post went out since: an older skip is no longer news
    const at = this.ctx.now().toISOString();
    await this.repository.saveRecord(guildId, {
      ...rest,
      lastPostedDay: day,
      lastPostedAt: at,
      lastMessageId: delivered.messageId,
      sentNews: newsId && !record.sentNews.includes(newsId) ? [...record.sentNews, newsId] : record.sentNews,
    });
    await this.repository.clearClaim(guildId);
    await this.history(guildId, { kind: 'posted', day, at, ...delivered });
  }

  /**
   * A post of ours for that day already out (sent before a crash). In a channel: found by the day in its footer
   * among the latest 50 messages, not by time (Discord's clock and ours need not agree); a thread it should have
   * opened is opened now. In a forum: an active post of ours whose title starts with the day.
   */
  private async findEarlierPost(guildId: string, settings: DailySettings, day: string): Promise<Delivered | undefined> {
    const botId = this.botUserId();
    const { channelId } = settings;
    try {
      if (settings.delivery === 'forum') {
        const { threads } = (await this.rest.get(Routes.guildActiveThreads(guildId))) as {
          threads: APIThreadChannel[];
        };
        const prefix = postTitle({}, settings.language ?? 'en', day).split(' · ')[0]!;
        const thread = threads.find(
          (candidate) =>
            candidate.parent_id === channelId && candidate.owner_id === botId && candidate.name.startsWith(prefix),
        );
        return thread && { channelId: thread.id, messageId: thread.id };
      }
      const messages = (await this.rest.get(Routes.channelMessages(channelId), {
        query: new URLSearchParams({ limit: '50' }),
      })) as APIMessage[];
      const found = messages.find(
        (message) =>
          message.author.id === botId && message.embeds.some((embed) => embed.footer?.text.endsWith(` · ${day}`)),
      );
      if (!found) return undefined;
      const delivered: Delivered = { channelId, messageId: found.id };
      if (settings.delivery !== 'thread') return delivered;
      const threadFailed = await this.openThread(
        guildId,
        channelId,
        found.id,
        postTitle({ embeds: found.embeds }, settings.language ?? 'en', day),
      );
      return threadFailed ? { ...delivered, threadFailed } : delivered;
    } catch {
      return undefined; // Without Read Message History we cannot look; the nonce still guards recent retries.
    }
  }
}
