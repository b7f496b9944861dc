/** The daily-claim store that lives beside the keyv store KEYV_URL names: a SQLite table, or SET NX on Redis. */
import type { ClaimStore } from '../app/ports.ts';
import type { OpenStore } from './keyv/open-store.ts';
import { createRedisClaimStore, type RedisClaimClient } from './redis/claim-store.ts';
import { createSqlClaimStore, openSqliteClaimStore } from './sqlite/claim-store.ts';

/** Opens the claim store on the same backend as `store` (sharing its connection where it offers one). */
export async function openClaimStore(store: OpenStore): Promise<ClaimStore> {
  if (store.location.kind === 'sqlite') {
    // Share keyv's connection when it offers one: a second connection would contend for the file's write lock.
    return store.sql ? createSqlClaimStore(store.sql) : openSqliteClaimStore(store.location.path);
  }
  if (!store.redis) throw new Error('the Redis store has no client');
  return createRedisClaimStore(store.redis as unknown as RedisClaimClient);
}
