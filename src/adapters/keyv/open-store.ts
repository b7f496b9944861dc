/** Opens the keyv store named by KEYV_URL (SQLite by default, Redis for redis://) and proves it is usable. */
import { accessSync, constants, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Keyv from 'keyv';
import KeyvSqlite from '@keyv/sqlite';
import type { createClient } from '@keyv/redis';
import { parseStoreUrl, redactStoreUrl, type StoreLocation } from './store-url.ts';

/** The store could not be opened or used; the message says what to do. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
}

/** Raw SQL on the SQLite file, for work keyv cannot do (atomic claims). */
export type SqlQuery = (sql: string, ...params: unknown[]) => Promise<Record<string, unknown>[]>;

/** An open store: one keyv namespace per kind of data, closed together. */
export interface OpenStore {
  location: StoreLocation;
  /** A keyv instance for one kind of data (profiles, votes, …); the same name returns the same instance. */
  namespace<T = unknown>(name: string): Keyv<T>;
  /** Raw SQL on the SQLite file (undefined for Redis). */
  sql: SqlQuery | undefined;
  /** The shared Redis client (undefined for SQLite), e.g. for SET NX. */
  redis: ReturnType<typeof createClient> | undefined;
  /** Deletes every key of a namespace that starts with `prefix` (e.g. all of one member's entries). */
  deletePrefix(namespace: string, prefix: string): Promise<void>;
  /** Deletes expired entries (SQLite keeps them until read; Redis expires them itself). */
  purgeExpired(): Promise<number>;
  /** Flushes and closes every connection. */
  close(): Promise<void>;
}

/** How often an open SQLite store deletes its expired entries (a bot may run for months between restarts). @default 6 hours */
export const SWEEP_INTERVAL_MS = 6 * 60 * 60 * 1000;

/** Milliseconds SQLite waits on a lock held by another connection or process. @default 5000 */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** Longest wait between Redis reconnection attempts. @default 5000 */
export const REDIS_MAX_RECONNECT_DELAY_MS = 5000;

/**
 * When to retry a lost Redis connection: never while starting (an unreachable store stops start-up with a clear
 * message), but always once the store has been up, with a growing delay, so a Redis restart is survived.
 */
export function redisReconnectDelay(connectedOnce: boolean, retries: number): number | false {
  return connectedOnce ? Math.min(100 * 2 ** retries, REDIS_MAX_RECONNECT_DELAY_MS) : false;
}

function explain(location: StoreLocation, error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const where = redactStoreUrl(location.url);
  if (/SQLITE_NOTADB|not a database|malformed|SQLITE_CORRUPT/i.test(raw)) {
    return `The store at ${where} is not a readable SQLite database (${raw}). Nothing was changed: move the file aside or set KEYV_URL to another path, then start again.`;
  }
  if (/SQLITE_READONLY|SQLITE_CANTOPEN|EACCES|EROFS|EPERM|ENOTDIR|EEXIST/i.test(raw)) {
    return `The store at ${where} cannot be written (${raw}). Check the file and folder permissions, or set KEYV_URL to a writable path.`;
  }
  if (location.kind === 'redis') return `Cannot reach Redis at ${where} (${raw}). Start Redis or fix KEYV_URL.`;
  return `The store at ${where} is not usable (${raw}). Fix KEYV_URL and start again.`;
}

/** Opens KEYV_URL, creating the SQLite folder if needed; an unwritable or corrupt store throws StoreError. */
export async function openStore(
  url: string,
  options: { cwd?: string; onError?: (error: unknown) => void; /** @default SWEEP_INTERVAL_MS */ sweepEveryMs?: number } = {},
): Promise<OpenStore> {
  let location: StoreLocation;
  try {
    location = parseStoreUrl(url, options.cwd);
  } catch (error) {
    throw new StoreError((error as Error).message);
  }
  const onError = options.onError ?? (() => undefined);
  const instances = new Map<string, Keyv>();
  let sql: SqlQuery | undefined;
  let redis: ReturnType<typeof createClient> | undefined;
  let makeKeyv: (name: string) => Keyv;
  let closeShared: () => Promise<void> = async () => undefined;

  if (location.kind === 'sqlite') {
    const path = location.path;
    if (path !== ':memory:') {
      try {
        mkdirSync(dirname(path), { recursive: true });
        accessSync(dirname(path), constants.W_OK);
      } catch (error) {
        throw new StoreError(explain(location, error));
      }
    }
    // One connection for every namespace: several connections to one file contend for its write lock, and
    // SQLite's busy handler then sleeps for milliseconds at a time. Each namespace gets a view of the shared
    // adapter with its own `namespace` (keyv sets it on the adapter it is given).
    // iterationLimit: listing pages with LIMIT/OFFSET, and the default page of 10 makes listing the 10,000 daily
    // settings a scheduler reads take ~2 s instead of ~0.1 s.
    const shared = new KeyvSqlite({ uri: `sqlite://${path}`, busyTimeout: SQLITE_BUSY_TIMEOUT_MS, iterationLimit: 1000 });
    shared.on('error', onError);
    // Every namespace's keyv listens for the shared adapter's errors.
    shared.setMaxListeners(100);
    sql = (statement, ...params) => shared.query(statement, ...params) as Promise<Record<string, unknown>[]>;
    closeShared = () => shared.disconnect();
    makeKeyv = (name) => {
      const view = Object.create(shared) as KeyvSqlite;
      view.namespace = name;
      return new Keyv({ store: view, namespace: name, throwOnErrors: true });
    };
    try {
      if (path !== ':memory:') {
        // WAL lets a second process (another bot on the same file) read while this one writes; NORMAL sync in WAL
        // mode survives a crash of the process (only a power cut can lose the last commits) and avoids an fsync per write.
        await sql('PRAGMA journal_mode=WAL');
        await sql('PRAGMA synchronous=NORMAL');
      }
    } catch (error) {
      await shared.disconnect().catch(() => undefined);
      throw new StoreError(explain(location, error));
    }
  } else {
    // Loaded only when used: the Redis client adds ~17 MB to a process that never talks to Redis.
    const { createClient: createRedisClient, createKeyv: createRedisKeyv } = await import('@keyv/redis');
    let connected = false;
    redis = createRedisClient({
      url: location.url,
      // While Redis is away, commands fail at once (the member gets "try again") instead of queueing past
      // Discord's 3 seconds.
      disableOfflineQueue: true,
      socket: { connectTimeout: 5000, reconnectStrategy: (retries) => redisReconnectDelay(connected, retries) },
    });
    redis.on('error', onError);
    try {
      await redis.connect();
      connected = true;
    } catch (error) {
      throw new StoreError(explain(location, error));
    }
    const client = redis;
    makeKeyv = (name) => {
      const keyv = createRedisKeyv(client as never, { namespace: name, throwOnErrors: true });
      keyv.throwOnErrors = true;
      return keyv;
    };
  }

  const namespace = <T>(name: string): Keyv<T> => {
    let keyv = instances.get(name);
    if (!keyv) {
      keyv = makeKeyv(name);
      keyv.on('error', onError);
      instances.set(name, keyv);
    }
    return keyv as Keyv<T>;
  };

  let closed = false;
  let sweeper: NodeJS.Timeout | undefined;
  const close = async () => {
    if (closed) return;
    closed = true;
    clearInterval(sweeper);
    instances.clear();
    if (location.kind === 'sqlite') await closeShared().catch(onError);
    else await redis?.close().catch(onError);
  };

  // Prove the store reads and writes before the bot starts relying on it.
  try {
    const probe = namespace<string>('health');
    const value = `ok ${Date.now()}`;
    await probe.set(`probe:${process.pid}`, value);
    if ((await probe.get(`probe:${process.pid}`)) !== value) throw new Error('a value written could not be read back');
    await probe.delete(`probe:${process.pid}`);
  } catch (error) {
    await close().catch(() => undefined);
    throw new StoreError(explain(location, error));
  }

  const likePrefix = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const deletePrefix = async (name: string, prefix: string) => {
    if (sql) {
      await sql(`DELETE FROM keyv WHERE key LIKE ? ESCAPE '\\'`, likePrefix(`${name}:${prefix}`));
      return;
    }
    // Redis: walk the namespace (keyv yields keys without the namespace) and delete the matching ones.
    const keyv = namespace(name);
    const doomed: string[] = [];
    for await (const [key] of keyv.iterator?.(undefined) ?? []) if (String(key).startsWith(prefix)) doomed.push(String(key));
    if (doomed.length) await keyv.deleteMany(doomed);
  };
  const purgeExpired = async () => {
    if (!sql) return 0;
    const rows = await sql(
      `DELETE FROM keyv WHERE json_valid(value) AND json_extract(value, '$.expires') IS NOT NULL AND json_extract(value, '$.expires') < ? RETURNING key`,
      Date.now(),
    );
    return rows.length;
  };

  // Expired workout sessions and rate-limit hits stay in the file until read; sweep them now and then, not only at start.
  if (sql) sweeper = setInterval(() => void purgeExpired().catch(onError), options.sweepEveryMs ?? SWEEP_INTERVAL_MS).unref();

  return { location, namespace, sql, redis, deletePrefix, purgeExpired, close };
}
