import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { keyvProfileStore } from '../../src/adapters/keyv/keyv-member-stores.ts';
import { openStore } from '../../src/adapters/keyv/open-store.ts';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { startApp, startShards } from '../../src/main.ts';
import { startFakeDiscord, type FakeDiscord } from '../fakes/fake-discord.ts';
import { freePort } from '../support/redis-server.ts';
import { overwritePage, pagesOf } from '../support/sqlite-pages.ts';
import { logged, plainLines, runMain } from './run-main.ts';

/** Long enough for a few attempts, far shorter than the old "retry forever". */
const GIVES_UP_WITHIN_MS = 15_000;

describe('start-up that fails clearly, as npm start runs it', () => {
  let fake: FakeDiscord;
  let closedPort: number;
  beforeAll(async () => {
    fake = await startFakeDiscord();
    closedPort = await freePort();
  });
  afterAll(async () => {
    await fake.close();
  });
  const bot = (env: Record<string, string> = {}) => ({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, KEYV_URL: 'sqlite://:memory:', LOG_LEVEL: 'info', ...env });
  /** GET /gateway/bot names a gateway nobody listens on. */
  const closedGateway = () =>
    fake.route('GET', /^\/gateway\/bot$/, () => ({
      status: 200,
      body: { url: `ws://127.0.0.1:${closedPort}`, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } },
    }));

  test('GIVEN a gateway on a closed port THEN npm start gives up after a few attempts with one error line and exit 1', async () => {
    const unroute = closedGateway();
    try {
      const started = Date.now();
      const run = runMain(bot(), null);
      expect(await run.exited).toBe(1);
      expect(Date.now() - started).toBeLessThan(GIVES_UP_WITHIN_MS);
      expect(plainLines(run.err())).toEqual([expect.stringMatching(/^pump-coach could not start: Discord's gateway could not be reached \(5 attempts failed\)\. Check/)]);
      expect(run.err()).not.toContain(fake.token);
    } finally {
      unroute();
    }
  });

  test('GIVEN the first SIGTERM arrives while start-up is still retrying the gateway THEN the process stops at once', async () => {
    const unroute = closedGateway();
    try {
      const run = runMain(bot(), null);
      await logged(run.err, 'gateway reconnecting');
      const signalled = Date.now();
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(Date.now() - signalled).toBeLessThan(2000);
      expect(plainLines(run.err())).toEqual([]);
    } finally {
      unroute();
    }
  });

  test('GIVEN a store file with a garbage page in the middle of its table THEN npm start stops with one line saying how to restore it or move it aside', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pump-coach-start-'));
    try {
      const file = join(dir, 'coach.sqlite');
      const store = await openStore(`sqlite://${file}`);
      for (let i = 0; i < 300; i++) await keyvProfileStore(store).set(`14000000000002${String(i).padStart(5, '0')}`, { level: 'advanced', updatedAt: '2026-01-01T00:00:00.000Z' });
      await store.close();
      const leaves = pagesOf(file, 'table-leaf');
      overwritePage(file, leaves[leaves.length >> 1]!);
      const run = runMain(bot({ KEYV_URL: `sqlite://${file}` }), null);
      expect(await run.exited).toBe(1);
      expect(plainLines(run.err())).toEqual([expect.stringMatching(/^pump-coach could not start: The store at .* is damaged .*restore .* from a backup, or move it aside/)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('GIVEN an HTML page from GET /gateway/bot THEN start-up fails with a DiscordStartError naming DISCORD_API_URL, not "reading \'reset_after\'"', async () => {
    const unroute = fake.route('GET', /^\/gateway\/bot$/, () => ({ status: 200, text: '<!doctype html><html><body>Welcome to nginx!</body></html>', headers: { 'content-type': 'text/html' } }));
    try {
      const failed = (await startApp(bot({ LOG_LEVEL: 'silent' }), { stdin: Readable.from([]), stdout: () => undefined }).catch((error: unknown) => error)) as Error;
      expect(failed.name).toBe('DiscordStartError');
      expect(failed.message).toMatch(/^GET \/gateway\/bot on http:\/\/127\.0\.0\.1:\d+\/api answered with an HTML page, not Discord's gateway information\. Check DISCORD_API_URL/);
    } finally {
      unroute();
    }
  });

  test('GIVEN SHARDS=2 and a REST base nobody listens on THEN the shard manager gives up after 3 attempts with a DiscordStartError', async () => {
    const started = startShards(bot({ SHARDS: '2', KEYV_URL: 'redis://127.0.0.1:6379', DISCORD_API_URL: `http://127.0.0.1:${closedPort}/api`, LOG_LEVEL: 'silent' }));
    const failed = (await started.catch((error: unknown) => error)) as Error;
    expect(failed.name).toBe('DiscordStartError');
    expect(failed.message).toMatch(/^Could not start the shard processes: Discord's REST API at http:\/\/127\.0\.0\.1:\d+\/api could not be reached \(3 attempts; connect ECONNREFUSED/);
  });

  test('GIVEN KEYV_URL=redis://:::: THEN the configuration is refused with a config-style line (exit 2), not a stack trace', () => {
    expect(() => loadConfig({ KEYV_URL: 'redis://::::' })).toThrow(ConfigError);
    expect(() => loadConfig({ KEYV_URL: 'redis://::::' })).toThrow(/\n {2}- KEYV_URL: must be redis:\/\/\[user:password@\]host\[:port\]\[\/db\] with a host name or address$/);
  });
});
