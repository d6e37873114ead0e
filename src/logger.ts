// Structured logs (pino). The token is redacted wherever it could appear.
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, secrets: string[] = []): Logger {
  const hidden = secrets.filter((secret) => secret.length >= 8);
  return pino({
    level,
    base: { app: 'attache' },
    redact: { paths: ['token', '*.token', 'config.DISCORD_TOKEN', 'headers.authorization', '*.headers.authorization'], censor: '[redacted]' },
    hooks: {
      // Last line of defence: a secret that slipped into a message or error text is masked before writing.
      streamWrite: (line) => hidden.reduce((text, secret) => text.split(secret).join('[redacted]'), line),
    },
  });
}
