/**
 * The training-log store's behaviour on a real Redis (a private redis-server on a free port of 127.0.0.1), the same
 * tests as on SQLite. Skipped where redis-server is not installed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe } from 'vitest';
import { openStore } from '../../src/adapters/keyv/open-store.ts';
import { trainingLogStoreBehaviour } from './training-log-store-behaviour.ts';

const installed = spawnSync('redis-server', ['--version']).status === 0;

/** A free TCP port on 127.0.0.1. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe.skipIf(!installed)('on a real Redis', () => {
  let redis: ChildProcess | undefined;
  let url = '';
  beforeAll(async () => {
    const port = await freePort();
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      redis!.stdout!.on('data', (chunk) => {
        out += String(chunk);
        if (out.includes('Ready to accept connections')) resolve();
      });
      redis!.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out}`)));
    });
    url = `redis://127.0.0.1:${port}`;
  });
  afterAll(() => {
    redis?.kill();
  });

  trainingLogStoreBehaviour('Redis', () => openStore(url));
});
