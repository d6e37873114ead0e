// Structured logs (pino). The token is redacted wherever it could appear.
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Logs JSON lines to stdout (or `destination`), with every given secret masked. */
export function createLogger(level: string, secrets: string[] = [], destination?: DestinationStream): Logger {
  const hidden = secrets.filter((secret) => secret.length >= 8);
  const options = {
    level,
    base: { app: 'attache' },
    redact: {
      paths: ['token', '*.token', 'config.DISCORD_TOKEN', 'headers.authorization', '*.headers.authorization'],
      censor: '[redacted]',
    },
    hooks: {
      // Last line of defence: a secret that slipped into a message or error text is masked before writing.
      streamWrite: (line: string) => hidden.reduce((text, secret) => text.split(secret).join('[redacted]'), line),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
