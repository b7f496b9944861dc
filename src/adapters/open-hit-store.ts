/** The rate-limit hit store beside the keyv store KEYV_URL names: a SQLite table, or a Lua script on Redis. */
import type { HitStore } from '../app/ports.ts';
import type { OpenStore } from './keyv/open-store.ts';
import { createRedisHitStore, type RedisHitClient } from './redis/hit-store.ts';
import { createSqlHitStore } from './sqlite/hit-store.ts';

/** Opens the hit store on the same backend (and connection) as `store`. */
export async function openHitStore(store: OpenStore): Promise<HitStore> {
  if (store.sql) return createSqlHitStore(store.sql);
  if (!store.redis) throw new Error('the store offers neither SQL nor a Redis client');
  return createRedisHitStore(store.redis as unknown as RedisHitClient);
}
