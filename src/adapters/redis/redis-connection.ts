/** The Redis side of the keyv store: the shared node-redis client, its reconnect policy, and prefix deletes. */
import type { createClient } from '@keyv/redis';
import type { KeyvBackend } from '../keyv/keyv-backend.ts';

/** The shared node-redis client. */
export type RedisClient = ReturnType<typeof createClient>;

/** Longest wait between Redis reconnection attempts. @default 5000 */
export const REDIS_MAX_RECONNECT_DELAY_MS = 5000;

/**
 * When to retry a lost Redis connection: never while starting (an unreachable store stops start-up with a clear
 * message), but always once the store has been up, with a growing delay, so a Redis restart is survived.
 */
export function redisReconnectDelay(connectedOnce: boolean, retries: number): number | false {
  return connectedOnce ? Math.min(100 * 2 ** retries, REDIS_MAX_RECONNECT_DELAY_MS) : false;
}

/** Connects to Redis; throws what the client said when it cannot. */
export async function openRedisBackend(url: string, onError: (error: unknown) => void): Promise<KeyvBackend> {
  // Loaded only when used: the Redis client adds ~17 MB to a process that never talks to Redis.
  const { createClient: createRedisClient, createKeyv: createRedisKeyv } = await import('@keyv/redis');
  let connected = false;
  const redis: RedisClient = createRedisClient({
    url,
    // While Redis is away, commands fail at once (the member gets "try again") instead of queueing past
    // Discord's 3 seconds.
    disableOfflineQueue: true,
    socket: { connectTimeout: 5000, reconnectStrategy: (retries) => redisReconnectDelay(connected, retries) },
  });
  redis.on('error', onError);
  await redis.connect();
  connected = true;
  return {
    sql: undefined,
    redis,
    makeKeyv(name) {
      const keyv = createRedisKeyv(redis as never, { namespace: name, throwOnErrors: true });
      keyv.throwOnErrors = true;
      return keyv;
    },
    async deletePrefix(name, prefix, keyv) {
      // Walk the namespace (keyv yields keys without the namespace) and delete the matching ones.
      const doomed: string[] = [];
      for await (const [key] of keyv.iterator?.(undefined) ?? []) if (String(key).startsWith(prefix)) doomed.push(String(key));
      if (doomed.length) await keyv.deleteMany(doomed);
    },
    // Redis expires entries itself.
    purgeExpired: async () => 0,
    close: async () => {
      await redis.close();
    },
  };
}
