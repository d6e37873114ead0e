// The discord.js client, configured for a bot that answers interactions and posts through REST:
// no gateway intents and no caches that grow with the number of servers.
import { Client, Events, Options, type ClientOptions } from 'discord.js';
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
      EntitlementManager: 0,
    }),
  };
}

export function createClient(config: Pick<Config, 'DISCORD_API_URL'>): Client {
  const client = new Client(clientOptions(config));
  // READY lists every server the bot is in, and discord.js builds a Guild stub for each even without the Guilds
  // intent (about 4 KB apiece: 40 MB at 10,000 servers). Nothing here reads them. The raw event comes first, with
  // the packet discord.js is about to handle, so emptying the list there means they are never built; the cache is
  // cleared on ready as well, in case a future discord.js builds them some other way.
  client.on(Events.Raw, (packet: { t?: string; d?: { guilds?: unknown[] } }) => {
    if (packet.t === 'READY' && packet.d?.guilds) packet.d.guilds = [];
  });
  client.on(Events.ShardReady, () => client.guilds.cache.clear());
  return client;
}
