// `npm run deploy-commands`: registers every command in commands/ (to DISCORD_GUILD_ID if set, else globally).
import dotenv from 'dotenv';
import { ConfigError, configFromEnv } from './config.js';
import { registerCommands, resolveApplicationId, restFor } from './bot/deploy.js';
import { loadCommands } from './bot/registry.js';

dotenv.config({ quiet: true });

try {
  const config = configFromEnv(process.env);
  const rest = restFor(config);
  const registry = await loadCommands();
  const applicationId = await resolveApplicationId(config, rest);
  const { scope, count } = await registerCommands(rest, applicationId, config.DISCORD_GUILD_ID, registry.definitions);
  process.stdout.write(`Registered ${count} commands (${scope}).\n`);
} catch (error) {
  const message =
    error instanceof ConfigError ? error.message : `could not register commands: ${(error as Error).message}`;
  process.stderr.write(`attache: ${message}\n`);
  process.exit(1);
}
