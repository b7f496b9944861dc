import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fakes/fake-discord.ts';
import { freePort } from '../support/redis-server.ts';
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

  test.each<[string, Record<string, string>, number, RegExp]>([
    ['an HTML page from GET /gateway/bot', {}, 1, /^pump-coach could not start: GET \/gateway\/bot on http:\/\/127\.0\.0\.1:\d+\/api answered with an HTML page, not Discord's gateway information\. Check DISCORD_API_URL/],
    ['KEYV_URL=redis://::::', { KEYV_URL: 'redis://::::' }, 2, /^\s+- KEYV_URL: must be redis:\/\/\[user:password@\]host\[:port\]\[\/db\] with a host name or address$/],
    ['SHARDS=2 and a REST base nobody listens on', { SHARDS: '2', KEYV_URL: 'redis://127.0.0.1:6379', DISCORD_API_URL: 'http://127.0.0.1:CLOSED/api' }, 1, /^pump-coach could not start: Could not start the shard processes: Discord's REST API at http:\/\/127\.0\.0\.1:\d+\/api could not be reached \(3 attempts; connect ECONNREFUSED/],
  ])('GIVEN %s THEN one line says what to fix, with no stack trace', async (_label, env, code, line) => {
    const unroute = fake.route('GET', /^\/gateway\/bot$/, () => ({ status: 200, text: '<!doctype html><html><body>Welcome to nginx!</body></html>', headers: { 'content-type': 'text/html' } }));
    try {
      const run = runMain(bot({ ...env, ...(env.DISCORD_API_URL ? { DISCORD_API_URL: env.DISCORD_API_URL.replace('CLOSED', String(closedPort)) } : {}) }), null);
      expect(await run.exited).toBe(code);
      const lines = plainLines(run.err());
      expect(lines.some((l) => line.test(l))).toBe(true);
      expect(lines.filter((l) => /^\s+at /.test(l))).toEqual([]);
    } finally {
      unroute();
    }
  });
});
