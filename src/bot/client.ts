// The discord.js client, configured for a bot that answers interactions and posts through REST:
// no gateway intents and no caches that grow with the number of servers.
import { Client, Options, type ClientOptions } from 'discord.js';
import type { Config } from '../config.js';

export function clientOptions(config: Pick<Config, 'DISCORD_API_URL'>): ClientOptions {
  return {
    // Interactions arrive without any intent; permissions and resolved options come inside each one.
    intents: [],
    rest: { api: config.DISCORD_API_URL },
    // Users and members arrive with every interaction; keeping them would only grow memory.
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      UserManager: 0,
      GuildMemberManager: 0,
      PresenceManager: 0,
      ReactionManager: 0,
      ThreadMemberManager: 0,
      VoiceStateManager: 0,
    }),
  };
}

export function createClient(config: Pick<Config, 'DISCORD_API_URL'>): Client {
  return new Client(clientOptions(config));
}
