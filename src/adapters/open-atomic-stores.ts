/**
 * The stores that need one atomic operation across processes, beside the keyv store KEYV_URL names (keyv has no
 * compare-and-set): rate-limit hits and short locks, as SQLite statements or Redis commands and scripts.
 */
import type { HitStore, LockStore } from '../app/ports.ts';
import type { OpenStore } from './keyv/open-store.ts';
import { createRedisHitStore, type RedisHitClient } from './redis/hit-store.ts';
import { createRedisLockStore, type RedisLockClient } from './redis/lock-store.ts';
import { createSqlHitStore } from './sqlite/hit-store.ts';
import { createSqlLockStore } from './sqlite/lock-store.ts';

/** The raw access `store` offers: SQL on its SQLite file, or its Redis client. */
function backendOf(store: OpenStore) {
  if (store.sql) return { sql: store.sql } as const;
  if (store.redis) return { redis: store.redis } as const;
  throw new Error('the store offers neither SQL nor a Redis client');
}

/** Opens the rate-limit hit store on the same backend (and connection) as `store`. */
export async function openHitStore(store: OpenStore): Promise<HitStore> {
  const backend = backendOf(store);
  return backend.sql ? createSqlHitStore(backend.sql) : createRedisHitStore(backend.redis as unknown as RedisHitClient);
}

/** Opens the lock store on the same backend (and connection) as `store`. */
export async function openLockStore(store: OpenStore): Promise<LockStore> {
  const backend = backendOf(store);
  return backend.sql ? createSqlLockStore(backend.sql) : createRedisLockStore(backend.redis as unknown as RedisLockClient);
}
