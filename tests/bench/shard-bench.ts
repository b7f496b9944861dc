/**
 * Shards on one Redis: /workout interactions per second served by `npm start` with SHARDS=1 (one process) and
 * SHARDS=2 (the shard manager and two shard processes), side by side, against the fake Discord in its own process
 * (one server per shard; interaction n goes to server n % shards) and a real redis-server.
 */
import { availableParallelism } from 'node:os';
import { figure, section } from './bench-kit.ts';
import { cpuMsOf, spawnBot, startHost, withRedisServer } from './bench-processes.ts';
import type { ThroughputResult } from './fake-discord-host.ts';

/** Interactions per measured round, and how many wait for their callback at once. */
const TOTAL = 3000;
const IN_FLIGHT = 100;

/** What one configuration's round measured, with CPU per interaction: the bot's processes (summed) and the fake Discord's. */
type Measured = ThroughputResult & { cpuMs: number; fakeCpuMs: number };

/** One configuration's round. */
async function measure(shards: number, redisUrl: string): Promise<Measured> {
  const host = await startHost(shards);
  const bot = await spawnBot(
    { DISCORD_TOKEN: host.token, DISCORD_API_URL: host.apiUrl, KEYV_URL: redisUrl, SHARDS: String(shards) },
    shards > 1 ? 'all shards ready' : 'bot ready',
  );
  // The processes serving interactions: npm start itself, or the shard processes its manager started.
  const servers = shards > 1 ? [...bot.log().matchAll(/"pid":(\d+)[^\n]*"shard process started"/g)].map((m) => Number(m[1])) : [bot.child.pid as number];
  const cpu = () => servers.reduce((sum, pid) => sum + cpuMsOf(pid), 0);
  try {
    // A warm-up round (JIT, connections, caches; as many interactions per process), then the measured one.
    await host.throughput({ kind: 'workout', total: 1000 * shards, inFlight: IN_FLIGHT });
    const [before, fakeBefore] = [cpu(), cpuMsOf(host.pid)];
    const result = await host.throughput({ kind: 'workout', total: TOTAL, inFlight: IN_FLIGHT });
    return { ...result, cpuMs: (cpu() - before) / TOTAL, fakeCpuMs: (cpuMsOf(host.pid) - fakeBefore) / TOTAL };
  } finally {
    await bot.stop();
    await host.close();
  }
}

/** Runs the shard section of `npm run bench`. */
export async function run(): Promise<void> {
  section(`shards on one Redis: /workout throughput, ${TOTAL} interactions with ${IN_FLIGHT} in flight (${availableParallelism()} CPUs here)`);
  await withRedisServer(async (redis) => {
    const results: [number, Measured][] = [];
    for (const shards of [1, 2]) {
      await redis.flush();
      results.push([shards, await measure(shards, redis.url)]);
    }
    for (const [shards, r] of results) figure(`/workout interactions per second, ${shards} shard${shards > 1 ? 's' : ''}`, r.perSecond, '/s');
    for (const [shards, r] of results) figure(`/workout callback p99, ${shards} shard${shards > 1 ? 's' : ''} (${IN_FLIGHT} in flight)`, r.p99, 'ms');
    // Flat CPU per interaction means each added shard (given its own core) adds its share of capacity.
    for (const [shards, r] of results) figure(`/workout bot CPU per interaction, ${shards} shard${shards > 1 ? 's' : ''} (all processes)`, r.cpuMs, 'ms');
    for (const [shards, r] of results) figure(`fake Discord CPU per interaction, ${shards} shard${shards > 1 ? 's' : ''}`, r.fakeCpuMs, 'ms');
    console.log(`side by side → ${results.map(([shards, r]) => `${shards} shard${shards > 1 ? 's' : ''}: ${r.perSecond.toFixed(0)}/s (p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms)`).join(' · ')}`);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
