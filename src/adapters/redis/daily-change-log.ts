/**
 * The daily settings' change log on Redis: a counter and a sorted set of servers scored by the number of their latest
 * change, written together by one script, so a scheduler reads only what changed since it last looked.
 */
import type { DailyChangeLog } from '../keyv/daily-settings-store.ts';

/** The one node-redis call the log uses (the shared client from openStore satisfies it). */
export interface RedisChangeLogClient {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/** Keys of the counter and the sorted set. */
export const REDIS_CHANGE_KEYS = ['daily-changes:seq', 'daily-changes:log'];

// Draws the next number and scores the server with it in one step: readers never see a later number before an earlier one.
const RECORD_SCRIPT = `
local seq = redis.call('INCR', KEYS[1])
redis.call('ZADD', KEYS[2], seq, ARGV[1])
return seq`;

// The servers scored above the cursor, with their scores, oldest first.
const SINCE_SCRIPT = `return redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. ARGV[1], '+inf', 'WITHSCORES')`;

const HEAD_SCRIPT = `return tonumber(redis.call('GET', KEYS[1]) or '0')`;

/** The change log on a connected Redis client. */
export function createRedisDailyChangeLog(client: RedisChangeLogClient): DailyChangeLog {
  const run = (script: string, args: string[] = []) => client.eval(script, { keys: REDIS_CHANGE_KEYS, arguments: args });
  return {
    async record(guildId) {
      await run(RECORD_SCRIPT, [guildId]);
    },
    async since(cursor) {
      const flat = (await run(SINCE_SCRIPT, [String(cursor)])) as string[];
      const changed: string[] = [];
      for (let i = 0; i < flat.length; i += 2) changed.push(flat[i] as string);
      return { cursor: flat.length ? Number(flat[flat.length - 1]) : cursor, changed };
    },
    head: async () => Number(await run(HEAD_SCRIPT)),
  };
}
