/** What a keyv backend (SQLite or Redis) gives the store: keyv instances per namespace and the work keyv cannot do. */
import type Keyv from 'keyv';
import type { RedisClient } from '../redis/redis-connection.ts';

/** Raw SQL on the SQLite file, for work keyv cannot do (atomic claims). */
export type SqlQuery = (sql: string, ...params: unknown[]) => Promise<Record<string, unknown>[]>;

/** One open backend. */
export interface KeyvBackend {
  /** Raw SQL on the SQLite file (undefined for Redis). */
  sql: SqlQuery | undefined;
  /** The shared Redis client (undefined for SQLite). */
  redis: RedisClient | undefined;
  /** A new keyv instance for one namespace. */
  makeKeyv(name: string): Keyv;
  /** Deletes every key of a namespace that starts with `prefix`; `keyv` is that namespace's instance. */
  deletePrefix(name: string, prefix: string, keyv: Keyv): Promise<void>;
  /** Deletes expired entries; the number deleted. */
  purgeExpired(): Promise<number>;
  close(): Promise<void>;
}
