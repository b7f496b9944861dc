/** The only reader of the environment: one zod schema, parsed once at start, every problem reported together. */
import { existsSync } from 'node:fs';
import { z } from 'zod';

/** Discord's own REST base; a deployment behind a REST proxy points DISCORD_API_URL elsewhere. */
export const DEFAULT_DISCORD_API_URL = 'https://discord.com/api';
/** @default claude-haiku-5-5 */
export const DEFAULT_ANTHROPIC_MODEL = 'claude-haiku-5-5';
/** @default sqlite://data/coach.sqlite */
export const DEFAULT_KEYV_URL = 'sqlite://data/coach.sqlite';
/** Claude's time per request: a chat user waits seconds, not minutes. @default 8000 */
export const CLAUDE_TIMEOUT_MS = 8000;
/** Retries after Claude's first attempt; the bot and `coach ask` share it. @default 1 */
export const CLAUDE_MAX_RETRIES = 1;
/**
 * The most one Claude answer may take in all (headers, body, retries and retry-after waits), in the bot and in
 * `coach ask`; past it the offline answer goes out, saying why. ASK_BUDGET_SECONDS changes it. @default 10000
 */
export const CLAUDE_BUDGET_MS = 10_000;

/** The most shard processes SHARDS may ask for (Discord recommends one per 1,000–2,500 servers). @default 1024 */
export const MAX_SHARDS = 1024;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

// Blank values count as unset, so a copied .env.example with empty lines still parses.
const optionalText = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().optional());
const snowflake = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.string().trim().regex(/^\d{15,22}$/, 'must be a Discord id (15–22 digits)').optional(),
);
const withDefault = <T extends z.ZodType>(schema: T, fallback: string) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : fallback), schema);
const positiveInt = (fallback: number, max: number) =>
  withDefault(z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(max, `must be at most ${max}`), String(fallback));

/** The host of a redis:// URL, or undefined when the URL cannot be read or names none. */
function redisHost(url: string): string | undefined {
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}

const shardNumber = z.coerce.number().int().min(0).max(MAX_SHARDS);
const SHARDS_PROBLEM = `must be auto or a whole number from 1 to ${MAX_SHARDS}`;

const envSchema = z
  .object({
  DISCORD_TOKEN: optionalText,
  DISCORD_APP_ID: snowflake,
  DISCORD_GUILD_ID: snowflake,
  DISCORD_API_URL: withDefault(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }), DEFAULT_DISCORD_API_URL),
  ANTHROPIC_API_KEY: optionalText,
  ANTHROPIC_MODEL: withDefault(z.string().min(1), DEFAULT_ANTHROPIC_MODEL),
  ANTHROPIC_BASE_URL: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional()),
  ASK_BUDGET_SECONDS: positiveInt(CLAUDE_BUDGET_MS / 1000, 120),
  KEYV_URL: withDefault(
    z
      .string()
      .regex(/^(sqlite|redis|rediss):\/\/.+/, 'must start with sqlite:// or redis://')
      .refine((url) => !/^rediss?:/.test(url) || redisHost(url) !== undefined, 'must be redis://[user:password@]host[:port][/db] with a host name or address'),
    DEFAULT_KEYV_URL,
  ),
  ASK_RATE_LIMIT: positiveInt(5, 1000),
  ASK_RATE_WINDOW_MINUTES: positiveInt(10, 24 * 60),
  DAILY_CATCHUP_MINUTES: positiveInt(180, 24 * 60),
  LOG_LEVEL: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim().toLowerCase() : undefined),
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).optional(),
  ),
  SHARDS: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim().toLowerCase() : '1'),
    z.union([z.literal('auto'), z.coerce.number({ error: SHARDS_PROBLEM }).int(SHARDS_PROBLEM).min(1, SHARDS_PROBLEM).max(MAX_SHARDS, SHARDS_PROBLEM)], { error: SHARDS_PROBLEM }),
  ),
  // Set by discord.js's ShardingManager in the child processes it starts (SHARDS then holds the child's shard id).
  SHARDING_MANAGER: optionalText,
  SHARD_COUNT: optionalText,
})
  .superRefine((e, ctx) => {
    if (e.SHARDING_MANAGER || e.SHARDS === 1) return;
    if (!e.DISCORD_TOKEN) ctx.addIssue({ code: 'custom', path: ['SHARDS'], message: 'shards are Discord processes: set DISCORD_TOKEN too (the console playground is one process)' });
    if (e.KEYV_URL.startsWith('sqlite:')) {
      ctx.addIssue({
        code: 'custom',
        path: ['SHARDS'],
        message: `${e.SHARDS} shards need one store they all share: set KEYV_URL=redis://host:6379 (a SQLite file belongs to one machine's processes)`,
      });
    }
  });

/** A pino level name. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The validated configuration, as plain values passed down from main.ts. */
export interface Config {
  discord: {
    /** Unset → the console playground starts instead of the bot. */
    token: string | undefined;
    appId: string | undefined;
    /** Set → `npm run register` registers to this guild only (instant); unset → globally. */
    guildId: string | undefined;
    /** REST base; the gateway URL then comes from GET /gateway/bot on it. @default https://discord.com/api */
    apiUrl: string;
  };
  anthropic: {
    /** Unset → the offline answerer. */
    apiKey: string | undefined;
    /** @default claude-haiku-5-5 */
    model: string;
    /** Another Messages API base (a proxy, or a local fake in tests). @default the SDK's */
    baseUrl: string | undefined;
    /** @default CLAUDE_TIMEOUT_MS */
    timeoutMs: number;
    /** @default CLAUDE_MAX_RETRIES */
    maxRetries: number;
    /** One answer's whole time, retries and waits included (ASK_BUDGET_SECONDS). @default CLAUDE_BUDGET_MS */
    budgetMs: number;
  };
  /** @default sqlite://data/coach.sqlite */
  keyvUrl: string;
  ask: {
    /** Questions per member per window. @default 5 */
    rateLimit: number;
    /** @default 10 */
    rateWindowMinutes: number;
  };
  daily: {
    /** How late a missed daily post may still go out. @default 180 */
    catchupMinutes: number;
  };
  /** Unset → main.ts picks a default suited to the mode (quiet in the console). */
  logLevel: LogLevel | undefined;
  /** How this process takes part in sharding (SHARDS). @default { role: 'single' } */
  sharding: Sharding;
}

/** How a process takes part in sharding. */
export type Sharding =
  /** One process serves every server (SHARDS=1). */
  | { role: 'single' }
  /** This process starts discord.js's ShardingManager, one child process per shard, and serves nothing itself (SHARDS=N>1 or auto). */
  | { role: 'manager'; shards: number | 'auto' }
  /** A child the manager started: it serves shard `id` of `count` (SHARDING_MANAGER, SHARDS and SHARD_COUNT set by discord.js). */
  | { role: 'shard'; id: number; count: number };

/** Every problem with the environment, one per line. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration (fix these in the environment or .env):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** The process environment, after loading `.env` from the working directory when there is one (set variables win). */
export function processEnvironment(): Record<string, string | undefined> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  return process.env;
}

/** Parses the environment once; throws ConfigError listing every problem together. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // In a shard child, SHARDS is the child's own shard id (discord.js writes it), read by shardingOf instead.
  const parsed = envSchema.safeParse(env.SHARDING_MANAGER?.trim() ? { ...env, SHARDS: undefined } : env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(environment)'}: ${issue.message}`));
  }
  const e = parsed.data;
  return {
    discord: {
      token: e.DISCORD_TOKEN,
      appId: e.DISCORD_APP_ID,
      guildId: e.DISCORD_GUILD_ID,
      apiUrl: e.DISCORD_API_URL.replace(/\/+$/, ''),
    },
    anthropic: {
      apiKey: e.ANTHROPIC_API_KEY,
      model: e.ANTHROPIC_MODEL,
      baseUrl: e.ANTHROPIC_BASE_URL,
      timeoutMs: CLAUDE_TIMEOUT_MS,
      maxRetries: CLAUDE_MAX_RETRIES,
      budgetMs: e.ASK_BUDGET_SECONDS * 1000,
    },
    keyvUrl: e.KEYV_URL,
    ask: { rateLimit: e.ASK_RATE_LIMIT, rateWindowMinutes: e.ASK_RATE_WINDOW_MINUTES },
    daily: { catchupMinutes: e.DAILY_CATCHUP_MINUTES },
    logLevel: e.LOG_LEVEL,
    sharding: shardingOf(env, e.SHARDS, e.SHARDING_MANAGER),
  };
}

/** What no log line, stored text or message may show: the bot token, the API key and the store's password. */
export function secretsOf(config: Pick<Config, 'discord' | 'anthropic' | 'keyvUrl'>): string[] {
  const secrets = [config.discord.token, config.anthropic.apiKey];
  if (/^rediss?:/.test(config.keyvUrl)) {
    try {
      secrets.push(decodeURIComponent(new URL(config.keyvUrl).password));
    } catch {
      // An unreadable URL was refused by loadConfig already.
    }
  }
  return secrets.filter((secret): secret is string => Boolean(secret));
}

/** The process's part in sharding; a child's SHARDS/SHARD_COUNT (written by discord.js) must name a valid shard. */
function shardingOf(env: Record<string, string | undefined>, shards: number | 'auto', manager: string | undefined): Sharding {
  if (manager) {
    const id = shardNumber.safeParse(env.SHARDS);
    const count = shardNumber.safeParse(env.SHARD_COUNT);
    if (!id.success || !count.success || id.data >= count.data) {
      throw new ConfigError([`SHARDS/SHARD_COUNT: a shard process needs a shard id below its count (got ${env.SHARDS}/${env.SHARD_COUNT})`]);
    }
    return { role: 'shard', id: id.data, count: count.data };
  }
  return shards === 1 ? { role: 'single' } : { role: 'manager', shards };
}
