import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fakes/fake-discord.ts';
import { describeWithRedis, useRedisServer } from '../support/redis-server.ts';
import { FROM_SOURCE, logged, runMain, START } from './run-main.ts';

const root = join(import.meta.dirname, '..', '..');

describe('the process, as npm start runs it', () => {
  let dir: string;
  let fake: FakeDiscord;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pump-coach-proc-'));
    fake = await startFakeDiscord();
  });
  afterAll(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('GIVEN the built entry (npm start) THEN it is there: npm install and npm test build it', () => {
    expect(START).toContain('dist/main.js');
    expect(existsSync(join(root, 'dist', 'main.js')), 'dist/main.js is missing: run npm run build').toBe(true);
    expect(existsSync(join(root, 'dist', 'knowledge.snapshot.json')), 'the knowledge snapshot is missing: run npm run build').toBe(true);
  });

  test.each([
    ['the built entry (npm start)', START],
    ['the source entry (tsx, as npm run dev)', FROM_SOURCE],
  ])('GIVEN %s with no DISCORD_TOKEN and commands on stdin THEN the console prints the replies and exits at end of input', async (_name, command) => {
    const run = runMain({ KEYV_URL: `sqlite://${join(dir, `console-${command.length}.sqlite`)}` }, '/workout legs level:beginner\n2\n/ask does a pump mean growth?\n/nope\n', command);
    expect(await run.exited).toBe(0);
    const out = run.out();
    expect(out).toMatch(/^# Legs/m);
    expect(out).toContain('[1] Another variation   [2] Swap exercise   [3] Log this workout');
    expect(out).toMatch(/Pick an exercise to swap in:\n\[4\] 1\. /);
    expect(out).toMatch(/\[1\]/);
    expect(out).toContain('Unknown command /nope');
    // Logs stay on stderr and are quiet at the default level.
    expect(run.err().replace(/npm warn[^\n]*\n/g, '')).toBe('');
  });

  test('GIVEN a running bot WHEN SIGTERM arrives THEN the gateway closes, the store is closed and the process exits 0', async () => {
    const run = runMain({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, KEYV_URL: `sqlite://${join(dir, 'bot.sqlite')}`, LOG_LEVEL: 'info' }, null);
    await new Promise<void>((resolve) => {
      const check = () => (run.err().includes('bot ready') ? resolve() : setTimeout(check, 50));
      check();
    });
    expect(fake.connections).toBe(1);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(fake.connections).toBe(0);
    const logs = run.err();
    expect(logs).toContain('shutting down');
    expect(logs).not.toContain(fake.token);
  });
});

/** Whether a process is still alive. */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm start with SHARDS', () => {
  test('GIVEN SHARDS=2 on the SQLite store THEN start-up refuses with a message pointing to a Redis KEYV_URL', async () => {
    const run = runMain({ DISCORD_TOKEN: 'tok', SHARDS: '2', KEYV_URL: 'sqlite://data/never.sqlite' }, null);
    expect(await run.exited).toBe(2);
    expect(run.err()).toMatch(/SHARDS: 2 shards need one store they all share: set KEYV_URL=redis:\/\/host:6379/);
  });
});

describeWithRedis('npm start with SHARDS on Redis', () => {
  const redis = useRedisServer();

  test('GIVEN SHARDS=auto THEN the count comes from the fake\'s /gateway/bot, one process per shard identifies as its shard, and SIGTERM stops them all', async () => {
    const fake = await startFakeDiscord();
    fake.gatewayBot.shards = 2;
    fake.gatewayBot.maxConcurrency = 2;
    const run = runMain({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, KEYV_URL: redis.url, SHARDS: 'auto', LOG_LEVEL: 'info' }, null);
    try {
      await logged(run.err, 'all shards ready', 30_000);
      expect(fake.connectedShards.sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);
      // The manager asked the configured REST base (a proxy would see it), not discord.com.
      expect(fake.requests.filter((r) => r.path === '/gateway/bot').length).toBeGreaterThanOrEqual(1);
      const pids = [...run.err().matchAll(/"pid":(\d+)[^\n]*shard process started/g)].map((m) => Number(m[1]));
      expect(pids).toHaveLength(2);
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(pids.filter(alive)).toEqual([]);
      expect(fake.connections).toBe(0);
      expect(run.err()).not.toContain(fake.token);
    } finally {
      run.child.kill('SIGKILL');
      await fake.close();
    }
  });
});
