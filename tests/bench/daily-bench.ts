/**
 * Daily posts: the scheduler's tick at 1,000, 10,000 and 100,000 servers on the SQLite store (settings, change log
 * and claims in one file): the start-up tick (lists every server once), a tick with nothing due, the tick after one
 * `/daily set` (re-reads that server only), and a tick with 1,000 due posting through a fake Poster; then 100,000
 * servers on one real Redis split over 2 shards (two schedulers, each on its own connection, as two shard
 * processes would run them).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDailyScheduler } from '../../src/app/daily-scheduler.ts';
import type { Poster } from '../../src/app/ports.ts';
import type { DailySettings } from '../../src/core/daily-settings.ts';
import { openStore, type OpenStore } from '../../src/adapters/keyv/open-store.ts';
import { openClaimStore } from '../../src/adapters/open-claim-store.ts';
import { openDailySettingsStore } from '../../src/adapters/keyv/daily-settings-store.ts';
import { ManualClock, fakeCompose } from '../fakes/daily-fakes.ts';
import { withRedisServer } from './bench-processes.ts';
import { figure, percentile, section } from './bench-kit.ts';

const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland', 'America/Los_Angeles', 'Europe/London', 'Asia/Tokyo', 'UTC'];
const NOW = new Date('2026-06-10T12:00:30Z');
/** Ticks timed per figure (one a minute, as the job runs them). */
const TICKS = 20;

/** HH:MM of an instant in a zone. */
function localTime(at: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

/** Server i: the first `due` servers have a slot a minute ago; the rest post an hour to 21 hours from now. */
function serverSettings(i: number, due: number): DailySettings {
  const zone = ZONES[i % ZONES.length] as string;
  const slot = i < due ? new Date(NOW.getTime() - 60_000) : new Date(NOW.getTime() + (60 + ((i * 7919) % (20 * 60))) * 60_000);
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

/** Writes `count` servers' settings straight into keyv in chunks (as many `/daily set`s would, without the change log). */
async function seed(store: OpenStore, count: number, due: number): Promise<void> {
  const keyv = store.namespace('daily');
  for (let first = 0; first < count; first += 2000) {
    const chunk = Array.from({ length: Math.min(2000, count - first) }, (_, k) => serverSettings(first + k, due));
    await Promise.all(chunk.map((settings) => keyv.set(`guild:${settings.guildId}`, settings)));
  }
}

const refuse: Poster = { checkChannel: async () => ({ ok: true }), post: async () => ({ ok: false, kind: 'transient', reason: 'nothing is due' }) };

/** One scheduler over `store`; its clock starts three minutes before NOW (before any seeded slot). */
async function scheduler(store: OpenStore, poster: Poster, shard?: { id: number; count: number }) {
  const claims = await openClaimStore(store);
  const settings = await openDailySettingsStore(store);
  const clock = new ManualClock(new Date(NOW.getTime() - 3 * 60_000));
  const service = createDailyScheduler({ settings, claims, poster, clock, compose: fakeCompose, owner: `bench-${shard?.id ?? 0}`, ...(shard ? { shard } : {}) });
  return { service, settings, claims, clock };
}

type Scheduler = Awaited<ReturnType<typeof scheduler>>;

/** Times one tick and checks it did only what `expect` allows. */
async function timedTick(s: Scheduler, check: (report: Awaited<ReturnType<Scheduler['service']['tick']>>) => boolean, what: string): Promise<number> {
  const start = performance.now();
  const report = await s.service.tick();
  const ms = performance.now() - start;
  if (!check(report)) throw new Error(`${what}: the tick did other work than expected: ${JSON.stringify(report).slice(0, 300)}`);
  return ms;
}

const idle = (r: { posted: string[]; missed: string[]; retrying: string[] }) => !r.posted.length && !r.missed.length && !r.retrying.length;

/** No-op ticks a minute apart, then `/daily set` on one server followed by the tick that takes it in, `TICKS` times each. */
async function noopAndReload(s: Scheduler, servers: number, dueCount = 0): Promise<{ noop: number[]; reload: number[] }> {
  const noop: number[] = [];
  for (let i = 0; i < TICKS; i++) {
    s.clock.advanceMinutes(1);
    noop.push(await timedTick(s, idle, 'no-op'));
  }
  const reload: number[] = [];
  for (let i = 0; i < TICKS; i++) {
    // A server moves its post to another time later today: one write, one change-log entry, one server re-read.
    const settings = serverSettings(dueCount + ((i * 997) % (servers - dueCount)), 0);
    await s.settings.set({ ...settings, time: localTime(new Date(NOW.getTime() + (45 + i) * 60_000), settings.timezone) });
    s.clock.advanceMinutes(1);
    reload.push(await timedTick(s, idle, 'reload'));
  }
  return { noop, reload };
}

/** One SQLite store with `servers` servers, none due: start-up, no-op and reload ticks. */
async function onSqlite(servers: number) {
  const dir = mkdtempSync(join(tmpdir(), 'daily-bench-'));
  const store = await openStore(`sqlite://${join(dir, 'coach.sqlite')}`);
  try {
    await seed(store, servers, 0);
    const s = await scheduler(store, refuse);
    const startup = await timedTick(s, idle, 'start-up');
    s.clock.set(NOW);
    const { noop, reload } = await noopAndReload(s, servers);
    await s.claims.close();
    return { startup, noop, reload };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** 10,000 servers on SQLite with 1,000 due a minute ago: the tick that posts them (claim + post + mark). */
async function dueOnSqlite(servers: number, due: number) {
  const dir = mkdtempSync(join(tmpdir(), 'daily-bench-'));
  const store = await openStore(`sqlite://${join(dir, 'coach.sqlite')}`);
  try {
    await seed(store, servers, due);
    let sent = 0;
    const poster: Poster = { checkChannel: async () => ({ ok: true }), post: async () => ({ ok: true, messageId: String(++sent) }) };
    const s = await scheduler(store, poster);
    await timedTick(s, idle, 'start-up');
    s.clock.set(NOW);
    const posting = await timedTick(s, (r) => r.posted.length === due, 'posting');
    if (sent !== due) throw new Error(`expected ${due} posts, sent ${sent}`);
    const after: number[] = [];
    for (let i = 0; i < TICKS; i++) {
      s.clock.advanceMinutes(1);
      after.push(await timedTick(s, idle, 'after posting'));
    }
    await s.claims.close();
    return { posting, after };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** 100,000 servers on one Redis, none due, ticked by the two shards' schedulers. */
async function shardedOnRedis(url: string, servers: number) {
  const seeding = await openStore(url);
  await seed(seeding, servers, 0);
  await seeding.close();
  const result = [];
  for (const id of [0, 1]) {
    const store = await openStore(url);
    const s = await scheduler(store, refuse, { id, count: 2 });
    const startup = await timedTick(s, idle, 'start-up');
    s.clock.set(NOW);
    const { noop, reload } = await noopAndReload(s, servers);
    await store.close();
    result.push({ startup, noop, reload });
  }
  return result;
}

/** Runs the daily-post section of `npm run bench`. */
export async function run(): Promise<void> {
  section(`daily posts on SQLite: tick with nothing due and tick after one /daily set (median and p95 of ${TICKS})`);
  for (const servers of [1_000, 10_000, 100_000]) {
    const r = await onSqlite(servers);
    const n = servers.toLocaleString('en-US');
    figure(`${n} servers: start-up tick (lists every server once)`, r.startup, 'ms');
    figure(`${n} servers: no-op tick, median`, percentile(r.noop, 50), 'ms', { max: 5 });
    figure(`${n} servers: no-op tick, p95`, percentile(r.noop, 95), 'ms', { max: 5 });
    figure(`${n} servers: tick after one change (reload), median`, percentile(r.reload, 50), 'ms', { max: 10 });
    figure(`${n} servers: tick after one change (reload), p95`, percentile(r.reload, 95), 'ms', { max: 10 });
  }
  const some = await dueOnSqlite(10_000, 1_000);
  figure('10,000 servers: tick with 1,000 due (claim + post + mark, fake Poster)', some.posting, 'ms');
  figure('per due server', some.posting / 1_000, 'ms');
  figure('10,000 servers: no-op tick after those posts, median', percentile(some.after, 50), 'ms', { max: 5 });

  section('daily posts: 100,000 servers on one Redis, split over 2 shards');
  await withRedisServer(async (redis) => {
    const shards = await shardedOnRedis(redis.url, 100_000);
    shards.forEach((r, id) => {
      figure(`shard ${id}/2: start-up tick (lists 100k, keeps its ~50k)`, r.startup, 'ms');
      figure(`shard ${id}/2: no-op tick, median`, percentile(r.noop, 50), 'ms', { max: 5 });
      figure(`shard ${id}/2: no-op tick, p95`, percentile(r.noop, 95), 'ms', { max: 5 });
      figure(`shard ${id}/2: tick after one change (reload), median`, percentile(r.reload, 50), 'ms', { max: 10 });
      figure(`shard ${id}/2: tick after one change (reload), p95`, percentile(r.reload, 95), 'ms', { max: 10 });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
