// `npm start`: read the environment, start the bot, and stop cleanly on SIGINT/SIGTERM.
// Exit codes: 0 after a clean shutdown; 1 when it cannot start or Discord ends the session for good (bad token,
// disallowed intents), so a supervisor restarts it or alerts someone.
import dotenv from 'dotenv';
import { DiscordAPIError } from '@discordjs/rest';
import { FatalGatewayError, startBot } from './bot/app.js';
import { ConfigError, configFromEnv, type Config } from './config.js';
import { DataError } from './facts/load.js';
import { createLogger } from './logger.js';

dotenv.config({ quiet: true });

/** One clear line on stderr, never the token. */
function fail(message: string): never {
  process.stderr.write(`attache: ${message}\n`);
  process.exit(1);
}

let config: Config;
try {
  config = configFromEnv(process.env);
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}

const log = createLogger(config.LOG_LEVEL, [config.DISCORD_TOKEN]);
const hideToken = (text: string) => text.split(config.DISCORD_TOKEN).join('[redacted]');

// A stray promise must not take the bot down for everyone: log it and carry on.
process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection'));

try {
  const bot = await startBot({
    config,
    log,
    onFatal: (error) => {
      void bot.stop().finally(() => fail(error.message));
    },
  });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing interactions in flight');
    bot.stop().then(
      () => {
        log.info('stopped cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
} catch (error) {
  if (error instanceof DataError) fail(`bad data file: ${error.message}`);
  if (error instanceof FatalGatewayError) fail(error.message);
  if (error instanceof DiscordAPIError && error.status === 401)
    fail('Discord rejected the bot token (401). Check DISCORD_TOKEN.');
  const message = error instanceof Error ? error.message : String(error);
  log.fatal({ err: error }, 'start-up failed');
  fail(`start-up failed: ${hideToken(message)}`);
}
