/**
 * Rate-limit hits on Redis, each request one Lua script over a sorted set (score = time): drop the hits outside the
 * window, add this one only if the budget allows, renew the expiry, so every process shares one budget.
 */
import { randomUUID } from 'node:crypto';
import type { HitStore } from '../../app/ports.ts';

/** The node-redis v5 calls the store uses (the shared client from openStore satisfies it). */
export interface RedisHitClient {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  del(key: string): Promise<unknown>;
}

/** Key prefix of hit sets. @default rate-hits: */
export const REDIS_HITS_PREFIX = 'rate-hits:';

// KEYS[1] the set; ARGV: now, window, limit, a unique member (two processes may record the same millisecond).
// Replies { recorded (0/1), score, score, … } with scores as strings (Lua numbers would be truncated to integers anyway).
const HIT_SCRIPT = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
-- Hits later than now (the clock was stepped back) count as made now, as recordHit does.
for _, member in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. ARGV[1], '+inf')) do
  redis.call('ZADD', KEYS[1], now, member)
end
local recorded = 0
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
  redis.call('ZADD', KEYS[1], now, ARGV[4])
  redis.call('PEXPIRE', KEYS[1], window)
  recorded = 1
end
local reply = { recorded }
local scored = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
for i = 2, #scored, 2 do reply[#reply + 1] = scored[i] end
return reply`;

/** The hit store on a connected Redis client. */
export function createRedisHitStore(client: RedisHitClient): HitStore {
  return {
    async hit(key, nowMs, window) {
      const reply = (await client.eval(HIT_SCRIPT, {
        keys: [`${REDIS_HITS_PREFIX}${key}`],
        arguments: [String(nowMs), String(window.windowMs), String(window.limit), `${nowMs}:${randomUUID()}`],
      })) as [number, ...string[]];
      const [recorded, ...scores] = reply;
      return { recorded: recorded === 1, hits: scores.map(Number) };
    },
    async delete(key) {
      await client.del(`${REDIS_HITS_PREFIX}${key}`);
    },
  };
}
