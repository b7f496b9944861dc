/** Opens the keyv store named by KEYV_URL (SQLite by default, Redis for redis://) and proves it is usable. */
import { randomUUID } from 'node:crypto';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type Keyv from 'keyv';
import { openRedisBackend, type RedisClient } from '../redis/redis-connection.ts';
import { openSqliteBackend, SqliteDamage } from '../sqlite/sqlite-keyv.ts';
import type { KeyvBackend, SqlQuery } from './keyv-backend.ts';
import { parseStoreUrl, redactStoreUrl, type StoreLocation } from './store-url.ts';

/** A JSON string value that starts with ":" (after a value's colon, an array's bracket or a comma, or as the whole text). */
export const ESCAPED_STRING = /(?:^|[:[,])\s*":/;

export type { SqlQuery } from './keyv-backend.ts';

/** The store could not be opened or used; the message says what to do. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
}

/** An open store: one keyv namespace per kind of data, closed together. */
export interface OpenStore {
  location: StoreLocation;
  /** A keyv instance for one kind of data (profiles, votes, …); the same name returns the same instance. */
  namespace<T = unknown>(name: string): Keyv<T>;
  /** Raw SQL on the SQLite file (undefined for Redis). */
  sql: SqlQuery | undefined;
  /** The shared Redis client (undefined for SQLite), e.g. for SET NX. */
  redis: RedisClient | undefined;
  /** Deletes every key of a namespace that starts with `prefix` (e.g. all of one member's entries). */
  deletePrefix(namespace: string, prefix: string): Promise<void>;
  /** Deletes expired entries (SQLite keeps them until read; Redis expires them itself). */
  purgeExpired(): Promise<number>;
  /** Flushes and closes every connection. */
  close(): Promise<void>;
}

/** How often an open store deletes its expired entries (a bot may run for months between restarts). @default 6 hours */
export const SWEEP_INTERVAL_MS = 6 * 60 * 60 * 1000;

function explain(location: StoreLocation, error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const where = redactStoreUrl(location.url);
  if (location.kind === 'sqlite' && (error instanceof SqliteDamage || /SQLITE_NOTADB|not a database|malformed|SQLITE_CORRUPT/i.test(raw))) {
    const file = location.path;
    return (
      `The store at ${where} is damaged (${raw}). Nothing was changed. Stop every bot using it, then restore ${file} from a backup, ` +
      `or move it aside to start with an empty store (mv ${file} ${file}.damaged, and its -wal and -shm files with it); ` +
      `sqlite3 ${file}.damaged .recover can rescue what is still readable.`
    );
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
  if (location.kind === 'sqlite' && location.path !== ':memory:') {
    try {
      mkdirSync(dirname(location.path), { recursive: true });
      accessSync(dirname(location.path), constants.W_OK);
    } catch (error) {
      throw new StoreError(explain(location, error));
    }
  }
  let backend: KeyvBackend;
  try {
    backend = location.kind === 'sqlite' ? await openSqliteBackend(location.path) : await openRedisBackend(location.url, onError);
  } catch (error) {
    throw new StoreError(explain(location, error));
  }

  const instances = new Map<string, Keyv>();
  /**
   * keyv reads every stored value with JSON.parse and a reviver (to undo its escaping of strings that start with ":"
   * and of Buffers), and a reviver makes V8 call back into JavaScript for every value: for a member with a long
   * training log, two thirds of a /workout. A value whose text has no string starting with ":" reads the same with
   * plain JSON.parse; any other still goes through keyv's own reader.
   */
  const withoutReviverWhenPlain = (keyvReader: Keyv['deserialize']): Keyv['deserialize'] =>
    keyvReader && (<Value>(data: string) => (ESCAPED_STRING.test(data) ? keyvReader<Value>(data) : (JSON.parse(data) as ReturnType<typeof keyvReader<Value>>)));
  const namespace = <T>(name: string): Keyv<T> => {
    let keyv = instances.get(name);
    if (!keyv) {
      keyv = backend.makeKeyv(name);
      keyv.deserialize = withoutReviverWhenPlain(keyv.deserialize);
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
    await backend.close().catch(onError);
  };

  // Prove the store reads and writes before the bot starts relying on it.
  try {
    const probe = namespace<string>('health');
    // A key of its own: several stores opened at once (by this process or another host with the same pid) must not
    // delete each other's probe.
    const key = `probe:${process.pid}:${randomUUID()}`;
    const value = `ok ${Date.now()}`;
    await probe.set(key, value);
    if ((await probe.get(key)) !== value) throw new Error('a value written could not be read back');
    await probe.delete(key);
  } catch (error) {
    await close().catch(() => undefined);
    throw new StoreError(explain(location, error));
  }

  // Expired workout sessions and rate-limit hits stay in a SQLite file until read; sweep them now and then, not only at start.
  if (backend.sql) sweeper = setInterval(() => void backend.purgeExpired().catch(onError), options.sweepEveryMs ?? SWEEP_INTERVAL_MS).unref();

  return {
    location,
    namespace,
    sql: backend.sql,
    redis: backend.redis,
    deletePrefix: (name, prefix) => backend.deletePrefix(name, prefix, namespace(name)),
    purgeExpired: () => backend.purgeExpired(),
    close,
  };
}
