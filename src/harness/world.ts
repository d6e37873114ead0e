/** The fake's state: application, bot user, guilds, channels, users, messages; and their API payloads. */
import {
  ChannelType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  OverwriteType,
  type APIGuildForumChannel,
  type APIGuildMember,
  type APIGuildTextChannel,
  type APIOverwrite,
  type APIThreadChannel,
  type ThreadAutoArchiveDuration,
  type APIMessage,
  type APIRole,
  type APIUser,
  type ChannelFlags,
  type GatewayGuildCreateDispatchData,
  type GuildMemberFlags,
  type RoleFlags,
  type UserFlags,
} from 'discord-api-types/v10';
import { BOT_PERMISSIONS, MEMBER_PERMISSIONS, botChannelPermissions } from './permissions.js';
import { CommandStore } from './commands.js';
import { shardOf, type ShardKey } from './sharding.js';
import { DISCORD_EPOCH, SnowflakeGenerator, fakeBotToken, fixedSnowflakes } from './snowflake.js';
import type { FakeChannel, FakeChannelSpec, FakeDiscordOptions, FakeGuild } from './types.js';

/** A thread the bot opened: a forum post, or a thread started from one of its messages. */
export interface FakeThread {
  id: string;
  parentId: string;
  guildId: string;
  name: string;
  type: ChannelType.PublicThread | ChannelType.AnnouncementThread;
  ownerId: string;
  appliedTags: string[];
  autoArchiveDuration: number;
  createdAt: string;
}

const JOINED_AT = '2024-01-01T00:00:00.000000+00:00';

export class World {
  /** Ids of things created at run time (messages, interactions, command versions). */
  readonly ids = new SnowflakeGenerator();
  readonly applicationId: string;
  readonly token: string;
  readonly botUser: APIUser;
  readonly defaultUser: APIUser;
  readonly commands: CommandStore;
  readonly users = new Map<string, APIUser>();
  /** Every message the bot created (channel posts, interaction replies, follow-ups), by id. */
  readonly messages = new Map<string, APIMessage>();
  /** Messages posted through POST /channels/:id/messages, per channel, in order. */
  readonly channelPosts = new Map<string, APIMessage[]>();
  private readonly channelsById = new Map<string, FakeChannel>();
  /** Servers given as specs, in order (bulk servers come after them). */
  private readonly listed: FakeGuild[] = [];
  /** Listed servers, and the bulk servers built so far, by id. */
  private readonly guildsById = new Map<string, FakeGuild>();
  /** How many bulk servers there are: server i of them is built from i alone, when first needed. */
  private bulkCount = 0;

  constructor(options: FakeDiscordOptions = {}) {
    const fixed = fixedSnowflakes();
    const defaultAppId = fixed.next();
    this.applicationId = options.applicationId ?? defaultAppId;
    this.token = options.token ?? fakeBotToken(this.applicationId);
    this.botUser = {
      id: this.applicationId,
      username: options.botName ?? 'Attache',
      global_name: null,
      discriminator: '0000',
      avatar: null,
      bot: true,
      system: false,
      mfa_enabled: false,
      verified: true,
      flags: 0 as UserFlags,
      public_flags: 0 as UserFlags,
    };
    this.defaultUser = user(fixed.next(), 'tester', 'Test User');
    this.users.set(this.defaultUser.id, this.defaultUser);
    this.commands = new CommandStore(this.applicationId, this.ids);

    if (typeof options.guilds === 'number') {
      if (!Number.isInteger(options.guilds) || options.guilds < 1)
        throw new Error(`FakeDiscord needs at least one guild (got ${options.guilds})`);
      this.bulkCount = options.guilds;
      return;
    }
    const specs = options.guilds ?? [{}];
    if (specs.length === 0) throw new Error('FakeDiscord needs at least one guild');
    for (const [gi, spec] of specs.entries()) {
      const guildId = spec.id ?? fixed.next();
      if (this.guildsById.has(guildId)) throw new Error(`duplicate guild id ${guildId}`);
      const channelSpecs = spec.channels ?? [{}];
      const roleSpecs = typeof spec.roles === 'number' ? [] : (spec.roles ?? []);
      const roleIds =
        typeof spec.roles === 'number'
          ? Array.from({ length: spec.roles }, () => fixed.next())
          : roleSpecs.map((r) => r.id ?? fixed.next());
      const guild: FakeGuild = {
        id: guildId,
        name: spec.name ?? guildName(gi),
        ownerId: this.defaultUser.id,
        roleIds,
        channels: channelSpecs.map((c, ci) => fakeChannel(c, ci, guildId, () => fixed.next())),
      };
      if (roleSpecs.length)
        guild.roleSpecs = new Map(
          roleSpecs.map((r, i) => [roleIds[i]!, { name: r.name, mentionable: r.mentionable ?? true }]),
        );
      this.listed.push(guild);
      this.remember(guild);
    }
  }

  /**
   * Adds servers in bulk and returns their ids. They cost nothing until something asks for one: each has one text
   * channel ("general"), no extra roles, and ids one millisecond apart, so they spread evenly over any shard count.
   */
  addGuilds(count: number): string[] {
    if (!Number.isInteger(count) || count < 0) throw new Error(`addGuilds: not a count: ${count}`);
    if (this.bulkCount + count > MAX_BULK_GUILDS) throw new Error(`at most ${MAX_BULK_GUILDS} bulk guilds`);
    const first = this.bulkCount;
    this.bulkCount += count;
    return Array.from({ length: count }, (_, i) => bulkId(BULK_GUILD_WORKER, first + i));
  }

  /** How many servers the bot is in. */
  get guildCount(): number {
    return this.listed.length + this.bulkCount;
  }

  /** Every server, in order (building every bulk one: with many, prefer guildCount, guildIds() or guild(id)). */
  get guilds(): FakeGuild[] {
    return Array.from({ length: this.guildCount }, (_, i) => this.guildAt(i));
  }

  /** The server at that position (listed ones first, then bulk ones). */
  guildAt(index: number): FakeGuild {
    if (index < this.listed.length) return this.listed[index]!;
    const bulk = index - this.listed.length;
    if (!Number.isInteger(bulk) || bulk >= this.bulkCount) throw new RangeError(`no guild at position ${index}`);
    const id = bulkId(BULK_GUILD_WORKER, bulk);
    const built = this.guildsById.get(id);
    if (built) return built;
    const guild: FakeGuild = {
      id,
      name: guildName(index),
      ownerId: this.defaultUser.id,
      roleIds: [],
      channels: [fakeChannel({ id: bulkId(BULK_CHANNEL_WORKER, bulk), name: 'general' }, 0, id, () => '')],
    };
    this.remember(guild);
    return guild;
  }

  /** The ids of the servers a shard [id, count] owns (all of them for [0, 1]), without building bulk servers. */
  *guildIds(shard: ShardKey = [0, 1]): Generator<string> {
    const [shardId, count] = shard;
    for (const g of this.listed) if (count === 1 || shardOf(g.id, count) === shardId) yield g.id;
    // Bulk server i's id holds (BULK_MS_OFFSET + i) << 22, so it belongs to shard (BULK_MS_OFFSET + i) % count.
    const firstOwned = (((shardId - Number(BULK_MS_OFFSET % BigInt(count))) % count) + count) % count;
    for (let i = firstOwned; i < this.bulkCount; i += count) yield bulkId(BULK_GUILD_WORKER, i);
  }

  private remember(guild: FakeGuild): void {
    this.guildsById.set(guild.id, guild);
    for (const ch of guild.channels) {
      if (this.channelsById.has(ch.id)) throw new Error(`duplicate channel id ${ch.id}`);
      this.channelsById.set(ch.id, ch);
    }
  }

  /** The position of a bulk server or channel from its id, if it is one. */
  private bulkIndex(id: string, worker: number): number | undefined {
    if (!/^\d{1,20}$/.test(id)) return undefined;
    const n = BigInt(id);
    if (((n >> 17n) & 31n) !== BigInt(worker) || (n & 0x1ffffn) !== BULK_LOW_BITS) return undefined;
    const index = Number((n >> 22n) - BULK_MS_OFFSET);
    return index >= 0 && index < this.bulkCount ? index : undefined;
  }

  get defaultGuild(): FakeGuild {
    return this.guildAt(0);
  }

  get defaultChannel(): FakeChannel {
    const ch = this.defaultGuild.channels[0];
    if (!ch) throw new Error('the default guild has no channel');
    return ch;
  }

  channel(id: string): FakeChannel | undefined {
    const known = this.channelsById.get(id);
    if (known) return known;
    const bulk = this.bulkIndex(id, BULK_CHANNEL_WORKER);
    if (bulk === undefined) return undefined;
    // A bulk channel: build its server (a deleted channel stays deleted: the built server no longer lists it).
    return this.guildAt(this.listed.length + bulk).channels.find((c) => c.id === id);
  }

  /** Removes a channel, as when a server admin deletes it: posts to it then answer 404. */
  deleteChannel(id: string): void {
    const channel = this.channelsById.get(id);
    if (!channel) return;
    this.channelsById.delete(id);
    const guild = this.guild(channel.guildId);
    if (guild) guild.channels = guild.channels.filter((c) => c.id !== id);
  }

  private readonly nonces = new Map<string, { message: APIMessage; at: number }>();
  /** How long Discord remembers a nonce ("the past few minutes"). */
  static readonly nonceWindowMs = 5 * 60 * 1000;

  messageByNonce(channelId: string, nonce: string): APIMessage | undefined {
    const seen = this.nonces.get(`${channelId}:${nonce}`);
    return seen && Date.now() - seen.at < World.nonceWindowMs ? seen.message : undefined;
  }

  forgetNonces(): void {
    this.nonces.clear();
  }

  rememberNonce(channelId: string, nonce: string, message: APIMessage): void {
    this.nonces.set(`${channelId}:${nonce}`, { message, at: Date.now() });
  }

  private readonly dmChannels = new Map<string, string>();
  private readonly dmChannelOfUser = new Map<string, string>();

  /** The id of the bot's DM channel with a user, opened on first use. */
  dmChannelId(userId: string): string {
    let id = this.dmChannelOfUser.get(userId);
    if (!id) {
      id = this.ids.next();
      this.dmChannelOfUser.set(userId, id);
      this.dmChannels.set(id, userId);
    }
    return id;
  }

  /** The user of the bot's DM channel with that id, if it is one. */
  dmUserId(channelId: string): string | undefined {
    return this.dmChannels.get(channelId);
  }

  channelByName(guildId: string, name: string): FakeChannel | undefined {
    return this.guild(guildId)?.channels.find((c) => c.name === name);
  }

  guild(id: string): FakeGuild | undefined {
    const known = this.guildsById.get(id);
    if (known) return known;
    const bulk = this.bulkIndex(id, BULK_GUILD_WORKER);
    return bulk === undefined ? undefined : this.guildAt(this.listed.length + bulk);
  }

  /** The user with that id, creating (and remembering) one when needed. */
  userFor(id: string, username?: string, globalName?: string | null): APIUser {
    const known = this.users.get(id);
    if (known && username === undefined && globalName === undefined) return known;
    const u = user(
      id,
      username ?? known?.username ?? `user${id.slice(-4)}`,
      globalName === undefined ? (known?.global_name ?? null) : globalName,
    );
    this.users.set(id, u);
    return u;
  }

  member(u: APIUser): APIGuildMember {
    return {
      user: u,
      roles: [],
      joined_at: JOINED_AT,
      deaf: false,
      mute: false,
      flags: 0 as GuildMemberFlags,
      pending: false,
      nick: null,
      avatar: null,
      premium_since: null,
    };
  }

  apiChannel(ch: FakeChannel): APIGuildTextChannel<ChannelType.GuildText> | APIGuildForumChannel {
    const last = this.channelPosts.get(ch.id)?.at(-1);
    const common = {
      id: ch.id,
      guild_id: ch.guildId,
      name: ch.name,
      position: ch.position,
      permission_overwrites: this.overwrites(ch),
      nsfw: false,
      parent_id: null,
      topic: null,
      rate_limit_per_user: 0,
      default_thread_rate_limit_per_user: 0,
    };
    if (ch.type === ChannelType.GuildForum) {
      return {
        ...common,
        type: ChannelType.GuildForum,
        last_message_id: this.threads.lastIn(ch.id)?.id ?? null,
        available_tags: ch.tags.map((tag) => ({
          id: tag.id,
          name: tag.name,
          moderated: false,
          emoji_id: null,
          emoji_name: null,
        })),
        default_reaction_emoji: null,
        default_sort_order: null,
        default_forum_layout: 0,
        // REQUIRE_TAG (1 << 4)
        flags: ch.requireTag ? 1 << 4 : 0,
      };
    }
    return {
      ...common,
      // An announcement channel is shaped like a text channel.
      type: ch.type as ChannelType.GuildText,
      last_message_id: last?.id ?? null,
      flags: 0 as ChannelFlags,
    };
  }

  /** What the bot may do in a channel: its server permissions less what the channel denies it. */
  botPermissionsIn(ch: FakeChannel): bigint {
    return botChannelPermissions(ch.botCanPost) & ~ch.botDenied;
  }

  /** A member overwrite denying the bot what it may not do there, as a server admin would set it. */
  private overwrites(ch: FakeChannel): APIOverwrite[] {
    const denied = BOT_PERMISSIONS & ~this.botPermissionsIn(ch);
    return denied ? [{ id: this.botUser.id, type: OverwriteType.Member, allow: '0', deny: denied.toString() }] : [];
  }

  /** Threads the bot opened (forum posts and threads from messages). */
  readonly threads = new ThreadStore();

  apiThread(thread: FakeThread): APIThreadChannel {
    return {
      id: thread.id,
      type: thread.type,
      guild_id: thread.guildId,
      parent_id: thread.parentId,
      name: thread.name,
      owner_id: thread.ownerId,
      last_message_id: this.channelPosts.get(thread.id)?.at(-1)?.id ?? null,
      rate_limit_per_user: 0,
      message_count: this.channelPosts.get(thread.id)?.length ?? 0,
      member_count: 1,
      total_message_sent: this.channelPosts.get(thread.id)?.length ?? 0,
      applied_tags: thread.appliedTags,
      flags: 0 as ChannelFlags,
      thread_metadata: {
        archived: false,
        auto_archive_duration: thread.autoArchiveDuration as ThreadAutoArchiveDuration,
        archive_timestamp: thread.createdAt,
        locked: false,
        create_timestamp: thread.createdAt,
      },
    };
  }

  /** The roles of a server as GET /guilds/:id/roles lists them, @everyone first. */
  roles(guild: FakeGuild): APIRole[] {
    return [this.everyoneRole(guild), ...guild.roleIds.map((id, i) => this.extraRole(guild, id, i))];
  }

  /** A plain role without permissions of its own. */
  extraRole(guild: FakeGuild, id: string, index: number): APIRole {
    const spec = guild.roleSpecs?.get(id);
    return {
      ...this.everyoneRole(guild),
      id,
      name: spec?.name ?? `role-${index + 1}`,
      position: index + 1,
      permissions: '0',
      mentionable: spec?.mentionable ?? false,
    };
  }

  everyoneRole(guild: FakeGuild): APIRole {
    return {
      id: guild.id,
      name: '@everyone',
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position: 0,
      permissions: MEMBER_PERMISSIONS.toString(),
      managed: false,
      mentionable: false,
      flags: 0 as RoleFlags,
    };
  }

  /** The GUILD_CREATE payload of a guild. */
  apiGuild(guild: FakeGuild): GatewayGuildCreateDispatchData {
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: guild.ownerId,
      region: 'us-east',
      afk_channel_id: null,
      afk_timeout: 300,
      widget_enabled: false,
      widget_channel_id: null,
      verification_level: GuildVerificationLevel.None,
      default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
      explicit_content_filter: GuildExplicitContentFilter.Disabled,
      roles: this.roles(guild),
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: GuildMFALevel.None,
      application_id: null,
      system_channel_id: guild.channels[0]?.id ?? null,
      system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
      rules_channel_id: null,
      public_updates_channel_id: null,
      safety_alerts_channel_id: null,
      vanity_url_code: null,
      premium_tier: GuildPremiumTier.None,
      premium_subscription_count: 0,
      premium_progress_bar_enabled: false,
      preferred_locale: Locale.EnglishUS,
      max_members: 500000,
      max_video_channel_users: 25,
      max_stage_video_channel_users: 50,
      nsfw_level: GuildNSFWLevel.Default,
      hub_type: null,
      incidents_data: null,
      joined_at: JOINED_AT,
      large: false,
      unavailable: false,
      member_count: 2,
      voice_states: [],
      members: [this.member(this.botUser), this.member(this.defaultUser)],
      channels: guild.channels.map((ch) => this.apiChannel(ch)),
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  /** Stores a message the bot created; `channelPost` adds it to channelPosts too. */
  storeMessage(message: APIMessage, channelPost = false): APIMessage {
    this.messages.set(message.id, message);
    if (channelPost) {
      const list = this.channelPosts.get(message.channel_id) ?? [];
      list.push(message);
      this.channelPosts.set(message.channel_id, list);
    }
    return message;
  }

  deleteMessage(id: string): boolean {
    const message = this.messages.get(id);
    if (!message) return false;
    this.messages.delete(id);
    const list = this.channelPosts.get(message.channel_id);
    const i = list?.indexOf(message) ?? -1;
    if (list && i >= 0) list.splice(i, 1);
    return true;
  }
}

/** Threads by id, in the order they were opened. */
export class ThreadStore {
  private readonly byId = new Map<string, FakeThread>();

  add(thread: FakeThread): FakeThread {
    this.byId.set(thread.id, thread);
    return thread;
  }

  get(id: string): FakeThread | undefined {
    return this.byId.get(id);
  }

  /** Every thread, or those of one parent channel, oldest first. */
  list(parentId?: string): FakeThread[] {
    return [...this.byId.values()].filter((t) => parentId === undefined || t.parentId === parentId);
  }

  lastIn(parentId: string): FakeThread | undefined {
    return this.list(parentId).at(-1);
  }
}

function fakeChannel(c: FakeChannelSpec, index: number, guildId: string, nextId: () => string): FakeChannel {
  return {
    id: c.id ?? nextId(),
    name: c.name ?? (index === 0 ? 'general' : `channel-${index + 1}`),
    guildId,
    botCanPost: c.botCanPost ?? true,
    position: index,
    type: c.type ?? ChannelType.GuildText,
    tags: (c.tags ?? []).map((tag) => ({ id: tag.id ?? nextId(), name: tag.name })),
    requireTag: c.requireTag ?? false,
    botDenied: c.botDenied ?? 0n,
  };
}

function guildName(index: number): string {
  return index === 0 ? 'Test Server' : `Test Server ${index + 1}`;
}

/** Bulk ids: worker bits apart from the fixed ids (2) and run-time ids (1), one millisecond per server. */
const BULK_GUILD_WORKER = 4;
const BULK_CHANNEL_WORKER = 5;
const MAX_BULK_GUILDS = 10_000_000;
/** Milliseconds since the Discord epoch of bulk server 0: 2024-02-01T00:00:00Z. */
const BULK_MS_OFFSET = 1_706_745_600_000n - DISCORD_EPOCH;
/** The low 17 bits of every bulk id: process 1, increment 0 (as SnowflakeGenerator lays them out). */
const BULK_LOW_BITS = 1n << 12n;

function bulkId(worker: number, index: number): string {
  return (((BULK_MS_OFFSET + BigInt(index)) << 22n) | (BigInt(worker) << 17n) | BULK_LOW_BITS).toString();
}

function user(id: string, username: string, globalName: string | null): APIUser {
  return {
    id,
    username,
    global_name: globalName,
    discriminator: '0',
    avatar: null,
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
  };
}
