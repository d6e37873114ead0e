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
  type APIGuildMember,
  type APIGuildTextChannel,
  type APIMessage,
  type APIRole,
  type APIUser,
  type ChannelFlags,
  type GatewayGuildCreateDispatchData,
  type GuildMemberFlags,
  type RoleFlags,
  type UserFlags,
} from 'discord-api-types/v10';
import { MEMBER_PERMISSIONS } from './permissions.js';
import { CommandStore } from './commands.js';
import { SnowflakeGenerator, fakeBotToken, fixedSnowflakes } from './snowflake.js';
import type { FakeChannel, FakeDiscordOptions, FakeGuild, FakeGuildSpec } from './types.js';

const JOINED_AT = '2024-01-01T00:00:00.000000+00:00';

export class World {
  /** Ids of things created at run time (messages, interactions, command versions). */
  readonly ids = new SnowflakeGenerator();
  readonly applicationId: string;
  readonly token: string;
  readonly botUser: APIUser;
  readonly defaultUser: APIUser;
  readonly guilds: FakeGuild[];
  readonly commands: CommandStore;
  readonly users = new Map<string, APIUser>();
  /** Every message the bot created (channel posts, interaction replies, follow-ups), by id. */
  readonly messages = new Map<string, APIMessage>();
  /** Messages posted through POST /channels/:id/messages, per channel, in order. */
  readonly channelPosts = new Map<string, APIMessage[]>();
  private readonly channelsById = new Map<string, FakeChannel>();

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

    const specs: FakeGuildSpec[] =
      typeof options.guilds === 'number' || options.guilds === undefined
        ? Array.from({ length: options.guilds ?? 1 }, () => ({}))
        : options.guilds;
    if (specs.length === 0) throw new Error('FakeDiscord needs at least one guild');
    this.guilds = specs.map((spec, gi) => {
      const guildId = spec.id ?? fixed.next();
      const channelSpecs = spec.channels ?? [{}];
      const guild: FakeGuild = {
        id: guildId,
        name: spec.name ?? (gi === 0 ? 'Test Server' : `Test Server ${gi + 1}`),
        ownerId: this.defaultUser.id,
        roleIds: Array.from({ length: spec.roles ?? 0 }, () => fixed.next()),
        channels: channelSpecs.map((c, ci) => ({
          id: c.id ?? fixed.next(),
          name: c.name ?? (ci === 0 ? 'general' : `channel-${ci + 1}`),
          guildId,
          botCanPost: c.botCanPost ?? true,
          position: ci,
        })),
      };
      for (const ch of guild.channels) {
        if (this.channelsById.has(ch.id)) throw new Error(`duplicate channel id ${ch.id}`);
        this.channelsById.set(ch.id, ch);
      }
      return guild;
    });
  }

  get defaultGuild(): FakeGuild {
    return this.guilds[0]!;
  }

  get defaultChannel(): FakeChannel {
    const ch = this.defaultGuild.channels[0];
    if (!ch) throw new Error('the default guild has no channel');
    return ch;
  }

  channel(id: string): FakeChannel | undefined {
    return this.channelsById.get(id);
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

  channelByName(guildId: string, name: string): FakeChannel | undefined {
    return this.guild(guildId)?.channels.find((c) => c.name === name);
  }

  guild(id: string): FakeGuild | undefined {
    return this.guilds.find((g) => g.id === id);
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

  apiChannel(ch: FakeChannel): APIGuildTextChannel<ChannelType.GuildText> {
    const last = this.channelPosts.get(ch.id)?.at(-1);
    return {
      id: ch.id,
      type: ChannelType.GuildText,
      guild_id: ch.guildId,
      name: ch.name,
      position: ch.position,
      permission_overwrites: [],
      nsfw: false,
      parent_id: null,
      topic: null,
      last_message_id: last?.id ?? null,
      rate_limit_per_user: 0,
      default_thread_rate_limit_per_user: 0,
      flags: 0 as ChannelFlags,
    };
  }

  /** A plain role without permissions of its own. */
  extraRole(guild: FakeGuild, id: string, index: number): APIRole {
    return { ...this.everyoneRole(guild), id, name: `role-${index + 1}`, position: index + 1, permissions: '0' };
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
      roles: [this.everyoneRole(guild), ...guild.roleIds.map((id, i) => this.extraRole(guild, id, i))],
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
