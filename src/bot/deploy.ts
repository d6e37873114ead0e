// Registers the slash commands with Discord: to one server when DISCORD_GUILD_ID is set (instant, for
// development), otherwise globally.
import { REST } from '@discordjs/rest';
import { Routes, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { applicationIdFromToken, type Config } from '../config.js';

export function restFor(config: Pick<Config, 'DISCORD_API_URL' | 'DISCORD_TOKEN'>): REST {
  return new REST({ api: config.DISCORD_API_URL }).setToken(config.DISCORD_TOKEN);
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
