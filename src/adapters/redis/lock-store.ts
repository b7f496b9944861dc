/** Short locks on Redis: `SET key token NX PX ttl` takes a lock, a Lua script frees it only for the token that holds it. */
import { randomUUID } from 'node:crypto';
import type { LockStore } from '../../app/ports.ts';

/** The node-redis v5 calls the store uses (the shared client from openStore satisfies it). */
export interface RedisLockClient {
  set(key: string, value: string, options: { condition: 'NX'; expiration: { type: 'PX'; value: number } }): Promise<unknown>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/** Key prefix of locks. @default lock: */
export const REDIS_LOCK_PREFIX = 'lock:';

// Check and delete in one step: a lock that expired and was taken by another must not be freed by its old holder.
const RELEASE_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/** The lock store on a connected Redis client. */
export function createRedisLockStore(client: RedisLockClient): LockStore {
  return {
    async acquire(key, ttlMs) {
      const token = randomUUID();
      const taken = await client.set(`${REDIS_LOCK_PREFIX}${key}`, token, { condition: 'NX', expiration: { type: 'PX', value: ttlMs } });
      return taken === 'OK' ? token : undefined;
    },
    async release(key, token) {
      await client.eval(RELEASE_SCRIPT, { keys: [`${REDIS_LOCK_PREFIX}${key}`], arguments: [token] });
    },
  };
}
