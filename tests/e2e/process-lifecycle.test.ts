import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fakes/fake-discord.ts';

const root = join(import.meta.dirname, '..', '..');
/** Exactly what `npm start` runs, read from package.json. */
const START = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;

/** Runs the `npm start` command (exec'd, so signals reach the app itself) with the given environment and stdin. */
function runMain(env: Record<string, string>, stdin: string | null) {
  const child = spawn('sh', ['-c', `exec ${START}`], { cwd: root, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  if (stdin !== null) child.stdin.end(stdin);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

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

  test('GIVEN no DISCORD_TOKEN and commands on stdin THEN the console prints the replies and exits at end of input', async () => {
    const run = runMain({ KEYV_URL: `sqlite://${join(dir, 'console.sqlite')}` }, '/workout legs level:beginner\n2\n/ask does a pump mean growth?\n/nope\n');
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
