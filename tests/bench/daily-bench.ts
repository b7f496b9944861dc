/**
 * Daily posts: one tick over 10,000 configured servers on the SQLite store (keyv settings + claims table),
 * with none due and with 1,000 due, posting through a fake Poster that answers at once; and the tick with
 * 100,000 servers on one real Redis split over 2 shards (two schedulers, each on its own connection, as two shard
 * processes would run them).
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
import type { OpenStore } from '../../src/adapters/keyv/open-store.ts';
import { ManualClock, fakeCompose } from '../fakes/daily-fakes.ts';
import { withRedisServer } from './bench-processes.ts';
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
    // Ids whose timestamp parts are consecutive, so (id >> 22) % shards spreads the servers over the shards.
    guildId: String((BigInt(20_000_000_000 + i) << 22n) | 1n),
    channelId: `${200000000000000000n + BigInt(i)}`,
    time: localTime(slot, zone),
    timezone: zone,
    split: ['legs', 'back', 'glutes'],
    thread: false,
    // Set up five minutes before the run: no earlier slot is owed, so the warm-up tick posts and records nothing.
    activeFrom: new Date(NOW.getTime() - 5 * 60_000).toISOString(),
  };
}

/** Writes `count` servers' settings in chunks (the settings store would bump the version each time), then bumps once. */
async function seed(store: OpenStore, count: number, due: number): Promise<void> {
  const keyv = store.namespace('daily');
  for (let first = 0; first < count; first += 2000) {
    const chunk = Array.from({ length: Math.min(2000, count - first) }, (_, k) => serverSettings(first + k, due));
    await Promise.all(chunk.map((settings) => keyv.set(`guild:${settings.guildId}`, settings)));
  }
  await keyv.set('version', 'seeded');
}

async function scenario(due: number) {
  const dir = mkdtempSync(join(tmpdir(), 'daily-bench-'));
  const file = join(dir, 'coach.sqlite');
  const store = await openStore(`sqlite://${file}`);
  const claims = await openClaimStore(store);
  const settings = createKeyvDailySettingsStore(store.namespace('daily'));
  await seed(store, SERVERS, due);
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

/** 100,000 servers on one Redis, none due, ticked by the two shards' schedulers. */
async function shardedOnRedis(url: string) {
  const seeding = await openStore(url);
  await seed(seeding, SHARDED_SERVERS, 0);
  await seeding.close();
  const shards = await Promise.all(
    [0, 1].map(async (id) => {
      const store = await openStore(url);
      const claims = await openClaimStore(store);
      const clock = new ManualClock(new Date(NOW.getTime() - 3 * 60_000));
      const scheduler = createDailyScheduler({
        settings: createKeyvDailySettingsStore(store.namespace('daily')),
        claims,
        poster: { checkChannel: async () => ({ ok: true }), post: async () => ({ ok: false, kind: 'transient', reason: 'nothing is due' }) },
        clock,
        compose: fakeCompose,
        owner: `bench-shard-${id}`,
        shard: { id, count: 2 },
      });
      return { store, clock, scheduler };
    }),
  );
  const result = [];
  for (const shard of shards) {
    let start = performance.now();
    const warmup = await shard.scheduler.tick();
    const startupMs = performance.now() - start;
    if (warmup.posted.length || warmup.missed.length || warmup.retrying.length) throw new Error('the start-up tick did work: the scenario is wrong');
    const warm: number[] = [];
    shard.clock.set(NOW);
    for (let minute = 0; minute < 20; minute += 1) {
      shard.clock.advanceMinutes(minute === 0 ? 0 : 1);
      start = performance.now();
      const report = await shard.scheduler.tick();
      warm.push(performance.now() - start);
      if (report.posted.length || report.retrying.length) throw new Error('a no-op tick did work: the scenario is wrong');
    }
    result.push({ startupMs, warm });
  }
  for (const shard of shards) await shard.store.close();
  return result;
}

/** Servers in the sharded Redis scenario. */
const SHARDED_SERVERS = 100_000;

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

  section('daily posts: one tick over 100,000 servers on one Redis, split over 2 shards');
  await withRedisServer(async (redis) => {
    const shards = await shardedOnRedis(redis.url);
    shards.forEach((shard, id) => figure(`shard ${id}/2: tick, none due (median of 20)`, percentile(shard.warm, 50), 'ms', { max: 50 }));
    shards.forEach((shard, id) => figure(`shard ${id}/2: tick, none due (p95 of 20)`, percentile(shard.warm, 95), 'ms', { max: 50 }));
    shards.forEach((shard, id) => figure(`shard ${id}/2: start-up tick (lists 100k, keeps its ~50k)`, shard.startupMs, 'ms'));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
