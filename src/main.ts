// `npm start`: read the environment, start the bot, and stop cleanly on SIGINT/SIGTERM.
import dotenv from 'dotenv';
import { startBot } from './bot/app.js';
import { ConfigError, configFromEnv } from './config.js';
import { DataError } from './facts/load.js';
import { createLogger } from './logger.js';

dotenv.config({ quiet: true });

/** Known start-up failures get one clear line and exit code 1; nothing secret is printed. */
function fail(message: string): never {
  process.stderr.write(`attache: ${message}\n`);
  process.exit(1);
}

let config;
try {
  config = configFromEnv(process.env);
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}

const log = createLogger(config.LOG_LEVEL, [config.DISCORD_TOKEN]);
try {
  const bot = await startBot({ config, log });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    bot.stop().then(
      () => process.exit(0),
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
  const message = error instanceof Error ? error.message : String(error);
  log.fatal({ err: error }, 'start-up failed');
  fail(`start-up failed: ${message.split(config.DISCORD_TOKEN).join('[redacted]')}`);
}
