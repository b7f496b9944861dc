import { describe, expect, test } from 'vitest';
import { ConfigError, DEFAULT_KEYV_URL, loadConfig, secretsOf } from '../../src/config.ts';

describe('loadConfig', () => {
  test('GIVEN an empty environment THEN every default applies and the console mode is implied', () => {
    const config = loadConfig({});
    expect(config).toEqual({
      discord: { token: undefined, appId: undefined, guildId: undefined, apiUrl: 'https://discord.com/api' },
      anthropic: { apiKey: undefined, model: 'claude-haiku-5-5', baseUrl: undefined, timeoutMs: 8000, maxRetries: 1, budgetMs: 10_000 },
      keyvUrl: DEFAULT_KEYV_URL,
      ask: { rateLimit: 5, rateWindowMinutes: 10 },
      daily: { catchupMinutes: 180 },
      logLevel: undefined,
      sharding: { role: 'single' },
    });
  });

  test('GIVEN blank values copied from .env.example THEN they count as unset', () => {
    const config = loadConfig({ DISCORD_TOKEN: '', DISCORD_GUILD_ID: '  ', ASK_RATE_LIMIT: '', LOG_LEVEL: '' });
    expect(config.discord.token).toBeUndefined();
    expect(config.discord.guildId).toBeUndefined();
    expect(config.ask.rateLimit).toBe(5);
  });

  test('GIVEN every variable set THEN each is parsed to a plain value', () => {
    const config = loadConfig({
      DISCORD_TOKEN: 'tok',
      DISCORD_APP_ID: '110000000000000001',
      DISCORD_GUILD_ID: '120000000000000001',
      DISCORD_API_URL: 'http://127.0.0.1:9999/api/',
      ANTHROPIC_API_KEY: 'sk-test',
      ANTHROPIC_MODEL: 'claude-sonnet-5-5',
      ANTHROPIC_BASE_URL: 'http://127.0.0.1:9998',
      ASK_BUDGET_SECONDS: '4',
      KEYV_URL: 'redis://localhost:6379',
      ASK_RATE_LIMIT: '3',
      ASK_RATE_WINDOW_MINUTES: '1',
      DAILY_CATCHUP_MINUTES: '60',
      LOG_LEVEL: 'DEBUG',
    });
    expect(config.discord.apiUrl).toBe('http://127.0.0.1:9999/api');
    expect(config.ask).toEqual({ rateLimit: 3, rateWindowMinutes: 1 });
    expect(config.daily.catchupMinutes).toBe(60);
    expect(config.logLevel).toBe('debug');
    expect(config.keyvUrl).toBe('redis://localhost:6379');
    expect(config.anthropic).toMatchObject({ baseUrl: 'http://127.0.0.1:9998', budgetMs: 4000 });
  });

  test('GIVEN a token, a key and a Redis password THEN they are the secrets the scrubber looks for', () => {
    const config = loadConfig({ DISCORD_TOKEN: 'tok-123456789', ANTHROPIC_API_KEY: 'sk-123456789', KEYV_URL: 'redis://app:p%40ss-word-9@cache:6379' });
    expect(secretsOf(config)).toEqual(['tok-123456789', 'sk-123456789', 'p@ss-word-9']);
    expect(secretsOf(loadConfig({}))).toEqual([]);
  });

  test('GIVEN several bad variables THEN one ConfigError lists every problem together', () => {
    let error: unknown;
    try {
      loadConfig({ DISCORD_APP_ID: 'abc', ASK_RATE_LIMIT: '0', ASK_RATE_WINDOW_MINUTES: 'ten', KEYV_URL: 'mysql://x', DISCORD_API_URL: 'ftp://x', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['DISCORD_APP_ID', 'ASK_RATE_LIMIT', 'ASK_RATE_WINDOW_MINUTES', 'KEYV_URL', 'DISCORD_API_URL', 'LOG_LEVEL']) {
      expect(problems).toContain(name);
    }
    expect((error as ConfigError).problems).toHaveLength(6);
    expect(problems).toContain('ASK_RATE_WINDOW_MINUTES: must be a whole number');
  });

  test.each([
    [{ SHARDS: '2' }, { role: 'manager', shards: 2 }],
    [{ SHARDS: ' AUTO ' }, { role: 'manager', shards: 'auto' }],
    [{ SHARDS: '1' }, { role: 'single' }],
    // What discord.js's ShardingManager gives its children: SHARDS is then the child's own shard id.
    [{ SHARDING_MANAGER: 'true', SHARDS: '0', SHARD_COUNT: '2' }, { role: 'shard', id: 0, count: 2 }],
    [{ SHARDING_MANAGER: 'true', SHARDS: '1', SHARD_COUNT: '2' }, { role: 'shard', id: 1, count: 2 }],
  ])('GIVEN %j on Redis THEN the process is %j', (env, sharding) => {
    expect(loadConfig({ DISCORD_TOKEN: 'tok', KEYV_URL: 'redis://cache:6379', ...env }).sharding).toEqual(sharding);
  });

  test('GIVEN SHARDS above 1 on the SQLite store THEN start-up refuses and points to a Redis KEYV_URL', () => {
    expect(() => loadConfig({ DISCORD_TOKEN: 'tok', SHARDS: '2' })).toThrow(/SHARDS: 2 shards need one store they all share: set KEYV_URL=redis:\/\//);
    expect(() => loadConfig({ DISCORD_TOKEN: 'tok', SHARDS: 'auto', KEYV_URL: 'sqlite://data/x.sqlite' })).toThrow(/KEYV_URL=redis:\/\//);
  });

  test.each([
    [{ SHARDS: 'two', DISCORD_TOKEN: 'tok', KEYV_URL: 'redis://r' }, 'SHARDS: must be auto or a whole number'],
    [{ SHARDS: '0', DISCORD_TOKEN: 'tok', KEYV_URL: 'redis://r' }, 'SHARDS: must be auto or a whole number'],
    [{ SHARDS: '2', KEYV_URL: 'redis://r' }, 'SHARDS: shards are Discord processes: set DISCORD_TOKEN'],
    [{ SHARDING_MANAGER: 'true', SHARDS: '2', SHARD_COUNT: '2' }, 'a shard process needs a shard id below its count'],
  ])('GIVEN %j THEN the problem says %s', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
