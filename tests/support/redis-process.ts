/**
 * Starting and stopping a real `redis-server` on a free loopback port with no persistence (`--save ''
 * --appendonly no`): used by the tests (tests/support/redis-server.ts, one per test file) and the benchmarks.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';

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

