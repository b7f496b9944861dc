/**
 * Daily posts: one tick over 10,000 configured servers on the SQLite store (keyv settings + claims table),
 * with none due and with 1,000 due, posting through a fake Poster that answers at once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDailyScheduler } from '../../src/app/daily-scheduler.ts';
import type { Poster } from '../../src/app/ports.ts';
import type { DailySettings } from '../../src/core/daily-settings.ts';
import { openStore } from '../../src/adapters/keyv/open-store.ts';
import { openClaimStore } from '../../src/adapters/open-claim-store.ts';
import { createKeyvDailySettingsStore } from '../../src/adapters/keyv/daily-settings-store.ts';
import { ManualClock, fakeCompose } from '../fakes/daily-fakes.ts';
import { figure, percentile, section } from './bench-kit.ts';

const SERVERS = 10_000;
const DUE = 1_000;
const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland', 'America/Los_Angeles', 'Europe/London', 'Asia/Tokyo', 'UTC'];
const NOW = new Date('2026-06-10T12:00:30Z');

/** HH:MM of an instant in a zone. */
function localTime(at: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

/** Server i: the first `due` servers have a slot a minute ago; the rest post 30 minutes to 20 hours from now. */
function serverSettings(i: number, due: number): DailySettings {
  const zone = ZONES[i % ZONES.length] as string;
  const slot = i < due ? new Date(NOW.getTime() - 60_000) : new Date(NOW.getTime() + (30 + ((i * 7919) % (20 * 60))) * 60_000);
  return {
    guildId: `${100000000000000000n + BigInt(i)}`,
    channelId: `${200000000000000000n + BigInt(i)}`,
    time: localTime(slot, zone),
    timezone: zone,
    split: ['legs', 'back', 'glutes'],
    thread: false,
    // Set up five minutes before the run: no earlier slot is owed, so the warm-up tick posts and records nothing.
    activeFrom: new Date(NOW.getTime() - 5 * 60_000).toISOString(),
  };
}

async function scenario(due: number) {
  const dir = mkdtempSync(join(tmpdir(), 'daily-bench-'));
  const file = join(dir, 'coach.sqlite');
  const store = await openStore(`sqlite://${file}`);
  const claims = await openClaimStore(store);
  const settings = createKeyvDailySettingsStore(store.namespace('daily'));
  const keyv = store.namespace('daily');
  // Seed the rows in one go (the settings store would bump the version 10,000 times), then bump once.
  await Promise.all(Array.from({ length: SERVERS }, (_, i) => keyv.set(`guild:${serverSettings(i, due).guildId}`, serverSettings(i, due))));
  await keyv.set('version', 'seeded');
  let sent = 0;
  const poster: Poster = { checkChannel: async () => ({ ok: true }), post: async () => ({ ok: true, messageId: String(++sent) }) };
  // Start-up tick three minutes early (before the due servers' slot): loads settings, computes every slot.
  const clock = new ManualClock(new Date(NOW.getTime() - 3 * 60_000));
  const service = createDailyScheduler({ settings, claims, poster, clock, compose: fakeCompose, owner: 'bench' });
  let start = performance.now();
  const warmup = await service.tick();
  const startupMs = performance.now() - start;
  if (warmup.posted.length || warmup.missed.length) throw new Error('the start-up tick did work: the scenario is wrong');
  clock.set(NOW);
  start = performance.now();
  const first = await service.tick();
  const tickMs = performance.now() - start;
  const warm: number[] = [];
  for (let minute = 0; minute < 20; minute += 1) {
    clock.advanceMinutes(minute === 0 ? 0 : 1);
    start = performance.now();
    const report = await service.tick();
    warm.push(performance.now() - start);
    if (report.posted.length) throw new Error('a warm tick posted: the scenario is wrong');
  }
  await claims.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return { startupMs, tickMs, warm, posted: first.posted.length, sent };
}

/** Runs the daily-post section of `npm run bench`. */
export async function run(): Promise<void> {
  section('daily posts: one tick over 10,000 servers on SQLite');
  const none = await scenario(0);
  figure('tick, none due', none.tickMs, 'ms', { max: 50 });
  figure('tick, none due (median of the next 20 minutes)', percentile(none.warm, 50), 'ms', { max: 50 });
  figure('tick, none due (p95 of the next 20 minutes)', percentile(none.warm, 95), 'ms', { max: 50 });
  figure('start-up tick (lists 10k settings, croner per time+zone)', none.startupMs, 'ms');
  const some = await scenario(DUE);
  if (some.posted !== DUE || some.sent !== DUE) throw new Error(`expected ${DUE} posts, got ${some.posted}/${some.sent}`);
  figure('tick with 1,000 due (claim + post + mark, fake Poster)', some.tickMs, 'ms');
  figure('per due server', some.tickMs / DUE, 'ms');
  figure('tick after those posts, none due (median of 20)', percentile(some.warm, 50), 'ms', { max: 50 });
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
