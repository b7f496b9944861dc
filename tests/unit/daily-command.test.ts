import { DiscordAPIError } from 'discord.js';
import { describe, expect, test } from 'vitest';
import { daily } from '../../src/discord/commands/daily.ts';
import { commands } from '../../src/discord/commands/index.ts';
import { classifyPostError } from '../../src/discord/jobs/daily-post-job.ts';
import { createRedisClaimStore, type RedisClaimClient } from '../../src/adapters/redis/claim-store.ts';

describe('the /daily command definition', () => {
  const json = daily.data.toJSON();

  test('GIVEN the registry THEN /daily is in it once', () => {
    expect(commands.filter((c) => c.data.name === 'daily')).toHaveLength(1);
  });

  test('GIVEN the definition THEN only Manage Server holders see it by default, and only in servers', () => {
    expect(json.default_member_permissions).toBe('32');
    expect(json.contexts).toEqual([0]);
  });

  test('GIVEN /daily set THEN channel, time and timezone are required, timezone autocompletes, and the plan options have choices', () => {
    const set = json.options?.find((o) => o.name === 'set') as { options: { name: string; required?: boolean; autocomplete?: boolean; choices?: unknown[] }[] };
    const byName = Object.fromEntries(set.options.map((o) => [o.name, o]));
    expect(['channel', 'time', 'timezone'].every((name) => byName[name]?.required)).toBe(true);
    expect(byName.timezone?.autocomplete).toBe(true);
    for (const name of ['goal', 'level', 'equipment']) expect(byName[name]?.choices?.length).toBeGreaterThan(0);
    expect(Object.keys(byName)).toEqual(['channel', 'time', 'timezone', 'split', 'rest_days', 'goal', 'level', 'equipment', 'thread']);
    expect(byName.rest_days?.choices?.length).toBe(2);
    expect(json.options?.map((o) => o.name)).toEqual(['set', 'show', 'preview', 'off']);
  });
});

describe('classifying a failed send', () => {
  const apiError = (status: number, code: number, message: string) =>
    new DiscordAPIError({ code, message }, code, status, 'POST', '/channels/1/messages', { body: undefined, files: undefined });

  test.each([
    [apiError(404, 10003, 'Unknown Channel'), 'gone'],
    [apiError(403, 50001, 'Missing Access'), 'forbidden'],
    [apiError(403, 50013, 'Missing Permissions'), 'forbidden'],
    [apiError(500, 0, 'Internal Server Error'), 'transient'],
    [new Error('socket hang up'), 'transient'],
  ])('GIVEN %s THEN it is %s', (error, kind) => {
    expect(classifyPostError(error).kind).toBe(kind);
  });
});

/**
 * The Redis claim store's own logic, against an in-memory stand-in for the three Redis calls it makes
 * (no Redis server is available here; the SET NX semantics below are Redis's documented ones).
 */
function memoryRedis(): RedisClaimClient & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    async set(key, value, options) {
      if (options.condition === 'NX' && data.has(key)) return null;
      if (options.condition === 'XX' && !data.has(key)) return null;
      data.set(key, value);
      return 'OK';
    },
    async get(key) {
      return data.get(key) ?? null;
    },
    async eval(_script, { keys, arguments: args }) {
      const raw = data.get(keys[0] ?? '');
      if (!raw) return 0;
      const record = JSON.parse(raw) as { owner: string; status: string };
      if (record.owner === args[0] && record.status === 'claimed') return data.delete(keys[0] ?? '') ? 1 : 0;
      return 0;
    },
  };
}

describe('the Redis claim store (logic only)', () => {
  test('GIVEN two claims on one key THEN the first wins; posted and missed records read back', async () => {
    const redis = memoryRedis();
    const claims = createRedisClaimStore(redis);
    const at = new Date('2026-06-10T05:00:00Z');
    expect(await claims.claim('g1:2026-06-10', 'a', at)).toBe(true);
    expect(await claims.claim('g1:2026-06-10', 'b', at)).toBe(false);
    await claims.release('g1:2026-06-10', 'b');
    expect(await claims.claim('g1:2026-06-10', 'b', at)).toBe(false);
    await claims.markPosted('g1:2026-06-10', 'm1', at);
    expect(await claims.get('g1:2026-06-10')).toMatchObject({ status: 'posted', owner: 'a', messageId: 'm1' });
    expect(await claims.recordMissed('g2:2026-06-10', 'late', at)).toBe(true);
    expect(await claims.recordMissed('g2:2026-06-10', 'late', at)).toBe(false);
    expect([...redis.data.keys()]).toEqual(['daily-claim:g1:2026-06-10', 'daily-claim:g2:2026-06-10']);
  });
});
