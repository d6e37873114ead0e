// The only reader of process.env: turns the environment into a typed, validated config.
import { z } from 'zod';

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17-20 digits)');

const envSchema = z.object({
  DISCORD_TOKEN: z
    .string({ error: 'is required (the bot token from the Discord developer portal)' })
    .trim()
    .min(1, 'is required (the bot token from the Discord developer portal)')
    .regex(/^[\w.-]+$/, 'does not look like a bot token'),
  DISCORD_APPLICATION_ID: snowflake.optional(),
  DISCORD_API_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://discord.com/api' })
    .default('https://discord.com/api')
    .transform((url) => url.replace(/\/+$/, '')),
  DISCORD_GUILD_ID: snowflake.optional(),
  STORE_URL: z
    .string()
    .default('sqlite://var/attache.sqlite')
    .refine((url) => /^(sqlite|redis|rediss|postgres|postgresql|memory):/.test(url), {
      error: 'must start with sqlite://, redis://, postgres:// or memory://',
    }),
  DEFAULT_COUNTRY: z
    .string()
    .default('KR')
    .transform((code) => code.trim().toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{2}$/, 'must be an ISO alpha-2 code such as KR')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof envSchema>;

/** What went wrong with the environment, in one line a person can act on. Never includes a value. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Treats empty strings as unset, so `DISCORD_GUILD_ID=` in .env means "not set". */
function withoutEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined && value !== '') out[key] = value;
  return out;
}

export function configFromEnv(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(withoutEmpty(env));
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
  throw new ConfigError(`Invalid configuration: ${problems.join('; ')}. See .env.example.`);
}

/** The application id is the first part of a bot token, base64-encoded; used when DISCORD_APPLICATION_ID is unset. */
export function applicationIdFromToken(token: string): string | undefined {
  const first = token.split('.')[0];
  if (!first) return undefined;
  const decoded = Buffer.from(first, 'base64').toString('utf8');
  return /^\d{17,20}$/.test(decoded) ? decoded : undefined;
}
