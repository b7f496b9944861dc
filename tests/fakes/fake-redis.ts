/**
 * A tiny Redis on 127.0.0.1 speaking RESP2: enough of GET/SET/DEL/PING for the keyv store's probe and values,
 * and a way to drop every connection, as a Redis restart would.
 */
import { createServer, type Server, type Socket } from 'node:net';

/** A running fake Redis. */
export interface FakeRedis {
  url: string;
  /** Closes every client connection; the server keeps listening, like Redis coming back at once. */
  dropConnections(): void;
  close(): Promise<void>;
}

/** Parses complete RESP arrays of bulk strings off the front of `buffer`; returns them and what is left. */
function parseCommands(buffer: string): { commands: string[][]; rest: string } {
  const commands: string[][] = [];
  let at = 0;
  for (;;) {
    const start = at;
    if (buffer[at] !== '*') break;
    const lineEnd = buffer.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const count = Number(buffer.slice(at + 1, lineEnd));
    at = lineEnd + 2;
    const parts: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const headerEnd = buffer.indexOf('\r\n', at);
      if (headerEnd < 0) break;
      const length = Number(buffer.slice(at + 1, headerEnd));
      if (buffer.length < headerEnd + 2 + length + 2) break;
      parts.push(buffer.slice(headerEnd + 2, headerEnd + 2 + length));
      at = headerEnd + 2 + length + 2;
    }
    if (parts.length < count) {
      at = start;
      break;
    }
    commands.push(parts);
  }
  return { commands, rest: buffer.slice(at) };
}

const bulk = (value: string | undefined) => (value === undefined ? '$-1\r\n' : `$${Buffer.byteLength(value)}\r\n${value}\r\n`);

/** Starts the fake on a free port. */
export async function startFakeRedis(): Promise<FakeRedis> {
  const data = new Map<string, string>();
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let pending = '';
    socket.on('data', (chunk) => {
      const { commands, rest } = parseCommands(pending + chunk.toString('utf8'));
      pending = rest;
      for (const [name = '', ...args] of commands) {
        const command = name.toUpperCase();
        if (command === 'GET') socket.write(bulk(data.get(args[0] ?? '')));
        else if (command === 'SET') {
          data.set(args[0] ?? '', args[1] ?? '');
          socket.write('+OK\r\n');
        } else if (command === 'DEL') socket.write(`:${args.filter((key) => data.delete(key)).length}\r\n`);
        else if (command === 'PING') socket.write('+PONG\r\n');
        else socket.write('+OK\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `redis://127.0.0.1:${port}`,
    dropConnections: () => {
      for (const socket of sockets) socket.destroy();
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
