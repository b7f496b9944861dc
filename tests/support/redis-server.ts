/**
 * A real `redis-server` for the tests: one per test file, on a free loopback port, with no persistence, stopped
 * after the file. Whether the binary is installed is decided once per run by redis-global-setup.ts: under CI a
 * missing server fails the run; elsewhere the Redis tests skip (and the run prints one line saying how to install it).
 */
import { afterAll, beforeAll, beforeEach, describe, inject } from 'vitest';
import { startRedisServer, type RedisServer } from './redis-process.ts';

export { freePort, startRedisServer, type RedisServer } from './redis-process.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The redis-server binary to run, or null when it is not installed (the Redis tests then skip). */
    redisServer: string | null;
  }
}

/** The redis-server binary for this run, or null when the Redis tests skip. */
export function redisBinary(): string | null {
  return inject('redisServer');
}

/**
 * Registers a redis-server for the enclosing file or describe block: started before its first test, flushed before
 * each test (so tests stand alone), stopped after the last. The handle forwards to the running server.
 */
export function useRedisServer(options: { flushEachTest?: boolean } = {}): RedisServer {
  let server: RedisServer | undefined;
  beforeAll(async () => {
    const binary = redisBinary();
    if (!binary) throw new Error('useRedisServer needs redis-server: wrap the tests in describeWithRedis');
    server = await startRedisServer(binary);
  });
  if (options.flushEachTest ?? true) beforeEach(async () => server?.flush());
  afterAll(async () => {
    await server?.stop();
    server = undefined;
  });
  const current = (): RedisServer => {
    if (!server) throw new Error('redis-server is not running: use the handle inside tests');
    return server;
  };
  return {
    get port() {
      return current().port;
    },
    get url() {
      return current().url;
    },
    command: (...args) => current().command(...args),
    flush: () => current().flush(),
    dropClients: () => current().dropClients(),
    stop: () => current().stop(),
  };
}

/** A describe block that runs only when redis-server is installed (always under CI, where a missing one fails the run). */
export const describeWithRedis = (name: string, body: () => void) => describe.skipIf(!redisBinary())(name, body);
