// Registers the slash commands with Discord: to one server when DISCORD_GUILD_ID is set (instant, for
// development), otherwise globally.
import { REST } from '@discordjs/rest';
import { Agent } from 'undici';
import { Routes, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { applicationIdFromToken, type Config } from '../config.js';

/**
 * Connections the bot keeps to Discord (or to the REST proxy) at most. A burst of interactions then reuses warm
 * keep-alive connections instead of opening one per answer: against Discord each new one costs a TLS handshake (CPU,
 * and round trips before the answer can leave). 128 answers in flight at ~50 ms each is ~2,500 a second; more wait
 * their turn in the client for a moment.
 */
export const restConnections = 128;

export function restFor(config: Pick<Config, 'DISCORD_API_URL' | 'DISCORD_TOKEN'>): REST {
  // Without an agent, @discordjs/rest uses undici's global one, which opens as many connections as requests wait.
  const agent = new Agent({ connections: restConnections });
  return new REST({ api: config.DISCORD_API_URL, agent }).setToken(config.DISCORD_TOKEN);
}

/** DISCORD_APPLICATION_ID, else the id inside the token, else asked of Discord. */
export async function resolveApplicationId(config: Config, rest: REST): Promise<string> {
  const known = config.DISCORD_APPLICATION_ID ?? applicationIdFromToken(config.DISCORD_TOKEN);
  if (known) return known;
  const application = (await rest.get(Routes.currentApplication())) as { id: string };
  return application.id;
}

export async function registerCommands(
  rest: REST,
  applicationId: string,
  guildId: string | undefined,
  definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
): Promise<{ scope: string; count: number }> {
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  const registered = (await rest.put(route, { body: definitions })) as unknown[];
  return { scope: guildId ? `guild ${guildId}` : 'global', count: registered.length };
}
