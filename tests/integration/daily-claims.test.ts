import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openSqliteClaimStore } from '../../src/adapters/sqlite/claim-store.ts';
import { openStore } from '../../src/adapters/keyv/open-store.ts';
import { openDailySettingsStore } from '../../src/adapters/keyv/daily-settings-store.ts';
import { dailySettings } from '../fakes/daily-fakes.ts';

const child = fileURLToPath(new URL('./daily-race-child.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'daily-claims-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Waits until both racers have opened the store and sit at the start line, then starts them together. */
async function startRace(go: string): Promise<void> {
  while (!existsSync(`${go}.a.ready`) || !existsSync(`${go}.b.ready`)) await new Promise((resolve) => setTimeout(resolve, 10));
  writeFileSync(go, '');
}

/** Starts a racing process; resolves with its JSON line. */
function racer(args: string[]): Promise<{ name: string; won: string[]; lost?: string[] }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(tsx, [child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.on('data', (chunk) => (out += chunk));
    proc.stderr.on('data', (chunk) => (err += chunk));
    proc.on('error', reject);
    proc.on('close', (code) => {
      if (code !== 0) reject(new Error(`racer exited ${code}: ${err}`));
      else resolve(JSON.parse(out.trim().split('\n').pop() ?? '{}'));
    });
  });
}

describe('SQLite claims', () => {
  test('GIVEN a claim store reopened after a restart THEN earlier claims are still there', async () => {
    const path = join(dir, 'store.sqlite');
    const first = await openSqliteClaimStore(path);
    await first.claim('g1:2026-06-10', 'a', new Date());
    await first.close();
    const second = await openSqliteClaimStore(path);
    expect(await second.claim('g1:2026-06-10', 'b', new Date())).toBe(false);
    await second.close();
  });

  test('GIVEN two OS processes claiming the same 300 keys on one SQLite file THEN every key is won exactly once', async () => {
    const file = join(dir, 'store.sqlite');
    const go = join(dir, 'go');
    const racing = [racer(['claims', file, go, 'a', '300']), racer(['claims', file, go, 'b', '300'])];
    await startRace(go);
    const [a, b] = await Promise.all(racing);
    const all = [...(a?.won ?? []), ...(b?.won ?? [])];
    console.info(`claims race: a won ${a?.won.length}, b won ${b?.won.length}`);
    expect(all).toHaveLength(300);
    expect(new Set(all).size).toBe(300);
  });

  test('GIVEN two bot processes ticking at the same due minute on one store THEN each server gets exactly one post', async () => {
    const file = join(dir, 'store.sqlite');
    const store = await openStore(`sqlite://${file}`);
    const settings = await openDailySettingsStore(store);
    for (let i = 0; i < 40; i += 1) await settings.set(dailySettings({ guildId: `g${i}`, channelId: `c${i}` }));
    await store.close();
    const go = join(dir, 'go');
    const racing = [racer(['tick', file, go, 'a', '2026-06-10T05:01:00Z']), racer(['tick', file, go, 'b', '2026-06-10T05:01:00Z'])];
    await startRace(go);
    const [a, b] = await Promise.all(racing);
    const lines = readFileSync(`${file}.posts`, 'utf8').trim().split('\n');
    const channels = lines.map((line) => line.split(' ')[1]);
    expect(channels).toHaveLength(40);
    expect(new Set(channels).size).toBe(40);
    expect((a?.won.length ?? 0) + (b?.won.length ?? 0)).toBe(40);
    expect((a?.lost?.length ?? 0) + (b?.lost?.length ?? 0)).toBe(40);
  });
});
