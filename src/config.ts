// The only reader of process.env: turns the environment into a typed, validated config.
import { z } from 'zod';

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17-20 digits)');

// Shared by the bot and the REST proxy (npm run rest-proxy).
const discordToken = z
  .string({ error: 'is required (the bot token from the Discord developer portal)' })
  .trim()
  .min(1, 'is required (the bot token from the Discord developer portal)')
  .regex(/^[\w.-]+$/, 'does not look like a bot token');
const discordApiUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://discord.com/api' })
  .default('https://discord.com/api')
  .transform((url) => url.replace(/\/+$/, ''));
const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info');

function port(fallback: string) {
  return z
    .string()
    .default(fallback)
    .pipe(z.string().regex(/^\d{1,5}$/, 'must be a port number (0-65535)'))
    .transform(Number)
    .pipe(z.number().int().max(65535, 'must be a port number (0-65535)'));
}

const envSchema = z
  .object({
    DISCORD_TOKEN: discordToken,
    DISCORD_APPLICATION_ID: snowflake.optional(),
    DISCORD_API_URL: discordApiUrl,
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
    SHARD_COUNT: z
      .string()
      .default('auto')
      .transform((value) => value.trim().toLowerCase())
      .pipe(
        z.union([
          z.literal('auto'),
          z
            .string()
            .regex(/^\d+$/, 'must be auto or a whole number of shards (1 or more)')
            .transform(Number)
            .pipe(z.number().int().min(1, 'must be at least 1')),
        ]),
      ),
    SHARD_IDS: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined) return undefined;
        const ids = shardIdList(value);
        if (!ids) {
          ctx.addIssue({ code: 'custom', message: 'must list shard ids such as 0,1 or a range such as 0-3' });
          return z.NEVER;
        }
        return ids;
      }),
    LOG_LEVEL: logLevel,
    INTERACTIONS_MODE: z.enum(['gateway', 'http'], { error: 'must be gateway or http' }).default('gateway'),
    PORT: port('8080'),
    MAPS: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
    DISCORD_PUBLIC_KEY: z
      .string()
      .trim()
      .regex(
        /^[0-9a-fA-F]{64}$/,
        'must be the application public key: 64 hex digits (developer portal, General Information)',
      )
      .transform((hex) => hex.toLowerCase())
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (env.INTERACTIONS_MODE === 'http' && env.DISCORD_PUBLIC_KEY === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['DISCORD_PUBLIC_KEY'],
        message: 'is required when INTERACTIONS_MODE=http (the application public key from the developer portal)',
      });
    }
  });

export type Config = z.infer<typeof envSchema>;

/** "0,1", "4-7" or "0-3,8": the ids in order, each once; undefined when the text is not such a list. */
export function shardIdList(text: string): number[] | undefined {
  const ids = new Set<number>();
  for (const part of text.split(',').map((p) => p.trim())) {
    const range = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(part);
    if (!range) return undefined;
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    if (to < from) return undefined;
    for (let id = from; id <= to; id++) ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}

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

function parseEnv<T>(schema: z.ZodType<T>, env: NodeJS.ProcessEnv): T {
  const parsed = schema.safeParse(withoutEmpty(env));
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
  throw new ConfigError(`Invalid configuration: ${problems.join('; ')}. See .env.example.`);
}

export function configFromEnv(env: NodeJS.ProcessEnv): Config {
  return parseEnv(envSchema, env);
}

const proxyEnvSchema = z.object({
  DISCORD_TOKEN: discordToken,
  /** Where the proxy sends requests: Discord's API. */
  DISCORD_API_URL: discordApiUrl,
  PROXY_HOST: z.string().trim().min(1).default('127.0.0.1'),
  PROXY_PORT: port('8090'),
  LOG_LEVEL: logLevel,
});

/** The shared REST proxy's settings (npm run rest-proxy). */
export type ProxyConfig = z.infer<typeof proxyEnvSchema>;

export function proxyConfigFromEnv(env: NodeJS.ProcessEnv): ProxyConfig {
  return parseEnv(proxyEnvSchema, env);
}

/** The application id is the first part of a bot token, base64-encoded; used when DISCORD_APPLICATION_ID is unset. */
export function applicationIdFromToken(token: string): string | undefined {
  const first = token.split('.')[0];
  if (!first) return undefined;
  const decoded = Buffer.from(first, 'base64').toString('utf8');
  return /^\d{17,20}$/.test(decoded) ? decoded : undefined;
}
