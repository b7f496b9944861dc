/**
 * A real `redis-server` for the tests: one per test file, on a free loopback port, with no persistence, stopped
 * after the file. Whether the binary is installed is decided once per run by redis-global-setup.ts: under CI a
 * missing server fails the run; elsewhere the Redis tests skip (and the run prints one line saying how to install it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The redis-server binary to run, or null when it is not installed (the Redis tests then skip). */
    redisServer: string | null;
  }
}

/** A running redis-server. */
export interface RedisServer {
  port: number;
  /** `redis://127.0.0.1:<port>` */
  url: string;
  /** Sends one command on a fresh connection and returns the raw reply (e.g. `+OK\r\n`). */
  command(...args: string[]): Promise<string>;
  /** Deletes every key. */
  flush(): Promise<void>;
  /** Closes every client connection, as a Redis restart or a network blip would (the server keeps running). */
  dropClients(): Promise<void>;
  stop(): Promise<void>;
}

/** A port nobody listens on right now (the kernel's choice, released at once). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** RESP for one command. */
function encode(args: string[]): string {
  return `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
}

/** One command on a fresh connection; resolves with the first reply's raw text. */
function sendCommand(port: number, args: string[], timeoutMs = 2000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`redis on ${port}: no reply to ${args[0]}`));
    }, timeoutMs);
    socket.on('connect', () => socket.write(encode(args)));
    socket.on('data', (chunk) => {
      reply += String(chunk);
      if (reply.endsWith('\r\n')) {
        clearTimeout(timer);
        socket.end();
        resolve(reply);
      }
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

const running = new Set<ChildProcess>();
// A crashed test worker must not leave servers behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Starts `binary` on a free port (retrying if another process took the port first) and waits for PONG. */
export async function startRedisServer(binary = 'redis-server'): Promise<RedisServer> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const port = await freePort();
    const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    running.add(child);
    let stderr = '';
    child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    let up = false;
    for (let i = 0; i < 200 && child.exitCode === null; i += 1) {
      if ((await sendCommand(port, ['PING'], 500).catch(() => '')).startsWith('+PONG')) {
        up = true;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    if (!up) {
      child.kill('SIGKILL');
      await exited;
      running.delete(child);
      lastError = new Error(`redis-server did not start on port ${port}: ${stderr.trim() || 'no PONG'}`);
      continue;
    }
    const server: RedisServer = {
      port,
      url: `redis://127.0.0.1:${port}`,
      command: (...args) => sendCommand(port, args),
      flush: async () => void (await sendCommand(port, ['FLUSHALL'])),
      dropClients: async () => void (await sendCommand(port, ['CLIENT', 'KILL', 'TYPE', 'normal'])),
      async stop() {
        if (child.exitCode === null) {
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
          await exited;
          clearTimeout(timer);
        }
        running.delete(child);
      },
    };
    return server;
  }
  throw lastError;
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
