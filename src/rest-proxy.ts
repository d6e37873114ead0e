// `npm run rest-proxy`: one REST proxy in front of Discord for every bot process on the same token, so they share
// one rate-limit state. Bot processes set DISCORD_API_URL=http://<this host>:<PROXY_PORT>/api.
// Exit codes: 0 after SIGINT/SIGTERM; 1 when the configuration is invalid or the port cannot be opened.
import dotenv from 'dotenv';
import { ConfigError, proxyConfigFromEnv, type ProxyConfig } from './config.js';
import { createLogger } from './logger.js';
import { startRestProxy } from './proxy/server.js';

dotenv.config({ quiet: true });

/** One clear line on stderr, never the token. */
function fail(message: string): never {
  process.stderr.write(`attache rest-proxy: ${message}\n`);
  process.exit(1);
}

let config: ProxyConfig;
try {
  config = proxyConfigFromEnv(process.env);
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}

const log = createLogger(config.LOG_LEVEL, [config.DISCORD_TOKEN]);
process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection'));

try {
  const proxy = await startRestProxy(config, log);
  const shutdown = (signal: string) => {
    log.info({ signal }, 'REST proxy shutting down');
    proxy.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  fail(`could not start: ${message.split(config.DISCORD_TOKEN).join('[redacted]')}`);
}
