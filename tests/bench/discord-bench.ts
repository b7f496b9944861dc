/**
 * Discord figures, Pump Coach beside a bare discord.js bot (tests/bench/bare-bot.mjs) in the same run, against one
 * fake Discord in its own process (real Discord is remote). Pump Coach runs exactly as `npm start` runs it (the start
 * script's command: the built dist/main.js with its Node flags); the bare bot answers each interaction with the reply
 * Pump Coach gave to one like it (same embed and buttons), so the difference is the work behind the reply.
 *
 * Both bots run at once, each on its own fake Discord (in its own process). Per bot: a warm-up until V8 has optimised
 * the reply path (3,400 interactions; the first burst reported apart), then
 * /workout at 1 in flight (1,000 one after another), 200 in flight (5 bursts of 200) and 1,000 in flight (4 bursts of
 * 1,000), in rounds the two bots take in turn: CPU per interaction (the bot process's user + system time, from
 * /proc) and callback latency p50/p99; /ask at 50 in flight (20 bursts): time to the final answer. Then start-up to
 * ready (cold processes, alternating), RSS after 10,000 mixed interactions, and the CLI's start against `node -e 0`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { figure, percentile, section } from './bench-kit.ts';
import { BARE_BOT, cpuMsOf, ensureBuilt, root, rssOf, spawnBot, START, startHost } from './bench-processes.ts';
import type { BatchItem } from './fake-discord-host.ts';

type Host = Awaited<ReturnType<typeof startHost>>;

/** Latency percentiles of one scenario, with CPU per interaction when measured. */
interface Scenario {
  p50: number;
  p99: number;
  samples: number;
  cpuMs?: number;
}

const IN_FLIGHT = [1, 200, 1000] as const;
/**
 * Rounds per in-flight level, each bot in turn (the order alternating), so drift on a busy machine hits both alike:
 * 1 in flight, 4 rounds of 250 one after another; 200, 5 rounds of one burst; 1,000, 4 rounds of one burst. At
 * least 1,000 samples per bot and level.
 */
const ROUNDS: Record<number, { rounds: number; perRound: number }> = { 1: { rounds: 4, perRound: 250 }, 200: { rounds: 5, perRound: 200 }, 1000: { rounds: 4, perRound: 1000 } };
const ASK_IN_FLIGHT = 50;
const ASK_BURSTS = 20;

let n = 0;
const items = (kind: BatchItem['kind'], count: number): BatchItem[] => Array.from({ length: count }, () => ({ kind, n: n++ }));
const stats = (values: number[], cpuMs?: number): Scenario => ({ p50: percentile(values, 50), p99: percentile(values, 99), samples: values.length, ...(cpuMs === undefined ? {} : { cpuMs }) });

/** One bot under test: its fake Discord and its process id. */
interface Subject {
  host: Host;
  pid: number;
}

/**
 * Warm-up of one bot (JIT, connections, caches), until V8 has optimised what a reply runs: two bursts of 200 (the
 * first burst's latencies are reported apart), then 2,000 one after another and 5 more bursts of 200. After only
 * the first 400, both bots were still compiling: ~70 optimising compilations per 1,000 interactions (`--trace-opt`),
 * a quarter of their CPU in `perf` and more for the bot with more code; after the whole warm-up, ~16. A bot runs for
 * days, so the figures that follow are its steady state.
 */
async function warmUp(bot: Subject): Promise<Scenario> {
  const warm = await bot.host.batch(items('workout', 200));
  await bot.host.batch(items('workout', 200));
  await bot.host.sequence('workout', 2000);
  for (let burst = 0; burst < 5; burst++) await bot.host.batch(items('workout', 200));
  return stats(warm.callback.workout);
}

/** One round of /workout at `level` in flight: the latencies, and the bot's CPU time over the round. */
async function workoutRound(bot: Subject, level: number, count: number): Promise<{ latencies: number[]; cpuMs: number }> {
  const before = cpuMsOf(bot.pid);
  const latencies = level === 1 ? (await bot.host.sequence('workout', count)).callback.workout : (await bot.host.batch(items('workout', count))).callback.workout;
  return { latencies, cpuMs: cpuMsOf(bot.pid) - before };
}

/** Every /workout level for both bots, round by round in turn; CPU per interaction is each bot's CPU over all its rounds. */
async function measureInTurn(coach: Subject, bare: Subject): Promise<{ coach: Map<number, Scenario>; bare: Map<number, Scenario> }> {
  const result = { coach: new Map<number, Scenario>(), bare: new Map<number, Scenario>() };
  for (const level of IN_FLIGHT) {
    const { rounds, perRound } = ROUNDS[level] as { rounds: number; perRound: number };
    const sums = { coach: { latencies: [] as number[], cpuMs: 0 }, bare: { latencies: [] as number[], cpuMs: 0 } };
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? (['coach', 'bare'] as const) : (['bare', 'coach'] as const);
      for (const name of order) {
        const { latencies, cpuMs } = await workoutRound(name === 'coach' ? coach : bare, level, perRound);
        sums[name].latencies.push(...latencies);
        sums[name].cpuMs += cpuMs;
      }
    }
    for (const name of ['coach', 'bare'] as const) result[name].set(level, stats(sums[name].latencies, sums[name].cpuMs / sums[name].latencies.length));
  }
  return result;
}

/** /ask at 50 in flight: time to the first response and to the final answer. */
async function measureAsk(bot: Subject): Promise<{ askFinal: Scenario; askFirst: Scenario }> {
  const final: number[] = [];
  const first: number[] = [];
  for (let burst = 0; burst < ASK_BURSTS; burst++) {
    const result = await bot.host.batch(items('ask', ASK_IN_FLIGHT));
    final.push(...result.edit);
    first.push(...result.callback.ask);
  }
  return { askFinal: stats(final), askFirst: stats(first) };
}

/** Prints one figure for both bots with their ratio. */
function pair(name: string, coach: number, bare: number, unit: string, targetRatio?: number): void {
  const shown = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
  const ratio = coach / bare;
  const verdict = targetRatio === undefined ? '' : ` (target ≤ ${targetRatio}×: ${ratio <= targetRatio ? 'met' : 'MISSED'})`;
  console.log(`${name.padEnd(46)} coach ${shown(coach).padStart(7)} ${unit} · bare ${shown(bare).padStart(7)} ${unit} · ratio ${ratio.toFixed(2)}×${verdict}`);
}

/** Milliseconds from spawning `command` to its "bot ready" line (a fresh process, stopped after). */
async function coldStart(env: Record<string, string>, command: string): Promise<number> {
  const start = performance.now();
  const bot = await spawnBot(env, 'bot ready', command);
  const elapsed = performance.now() - start;
  await bot.stop();
  return elapsed;
}

/** Milliseconds from spawning a command to its exit. */
function runTime(command: string, args: string[]): number {
  const start = performance.now();
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}`);
  return performance.now() - start;
}

/** 10,000 mixed interactions (mostly /workout), 200 at a time; the bot's RSS after them. */
async function rssAfter(host: Host, pid: number): Promise<{ samples: string[]; last: number }> {
  const mix: BatchItem['kind'][] = ['workout', 'workout', 'workout', 'workout', 'workout', 'workout', 'stranger', 'stranger', 'help', 'ask'];
  const samples = [`0: ${rssOf(pid).toFixed(0)} MB`];
  let last = Number.NaN;
  for (let done = 0; done < 10_000; ) {
    const batch: BatchItem[] = [];
    for (let k = 0; k < 200; k++, done++) batch.push({ kind: mix[done % mix.length] as BatchItem['kind'], n: n++ });
    await host.batch(batch);
    if (done % 2000 === 0) {
      last = rssOf(pid);
      samples.push(`${done}: ${last.toFixed(0)} MB`);
    }
  }
  return { samples, last };
}

/** Runs the Discord benchmarks and prints their figures. */
export async function run(): Promise<void> {
  ensureBuilt();
  section(`discord: Pump Coach (\`${START}\`) beside a bare discord.js bot, each on a fake Discord in its own process, taking turns`);
  // One fake Discord per bot, both bots running at once, so their rounds can take turns.
  const host = await startHost();
  const bareHost = await startHost();
  const dir = mkdtempSync(join(tmpdir(), 'pump-coach-bench-'));
  const replies = join(dir, 'bare-replies.json');
  const env = (name: string, on: Host = host) => ({
    DISCORD_TOKEN: on.token,
    DISCORD_API_URL: on.apiUrl,
    KEYV_URL: `sqlite://${join(dir, `${name}.sqlite`)}`,
    ASK_RATE_LIMIT: '1000',
    BARE_REPLIES: replies,
  });
  try {
    // Pump Coach first: one interaction of each kind gives the replies the bare bot sends.
    const coachBot = await spawnBot(env('coach'));
    const captured = await host.batch([...items('workout', 1), ...items('help', 1), ...items('stranger', 1), ...items('ask', 1)], true);
    writeFileSync(replies, JSON.stringify(captured.bodies));
    const bareBot = await spawnBot(env('bare', bareHost), 'bot ready', BARE_BOT);
    const coachSubject = { host, pid: coachBot.child.pid as number };
    const bareSubject = { host: bareHost, pid: bareBot.child.pid as number };
    const warmups = { coach: await warmUp(coachSubject), bare: await warmUp(bareSubject) };
    const inFlight = await measureInTurn(coachSubject, bareSubject);
    const coach = { ...(await measureAsk(coachSubject)), inFlight: inFlight.coach, warmup: warmups.coach };
    const bare = { ...(await measureAsk(bareSubject)), inFlight: inFlight.bare, warmup: warmups.bare };
    await coachBot.stop();
    await bareBot.stop();

    console.log(`warm-up (3,400 /workout; its first burst of 200, reported apart): coach p50 ${coach.warmup.p50.toFixed(1)} / p99 ${coach.warmup.p99.toFixed(1)} ms · bare p50 ${bare.warmup.p50.toFixed(1)} / p99 ${bare.warmup.p99.toFixed(1)} ms`);
    for (const level of IN_FLIGHT) {
      const [c, b] = [coach.inFlight.get(level) as Scenario, bare.inFlight.get(level) as Scenario];
      pair(`/workout CPU per interaction, ${level} in flight`, c.cpuMs as number, b.cpuMs as number, 'ms', 1.3);
      pair(`/workout callback p50, ${level} in flight (${c.samples})`, c.p50, b.p50, 'ms', 1.3);
      pair(`/workout callback p99, ${level} in flight (${c.samples})`, c.p99, b.p99, 'ms', 1.3);
    }
    pair(`/ask first response p99, ${ASK_IN_FLIGHT} in flight (${coach.askFirst.samples})`, coach.askFirst.p99, bare.askFirst.p99, 'ms');
    pair(`/ask final answer p50, ${ASK_IN_FLIGHT} in flight (${coach.askFinal.samples})`, coach.askFinal.p50, bare.askFinal.p50, 'ms');
    pair(`/ask final answer p99, ${ASK_IN_FLIGHT} in flight (${coach.askFinal.samples})`, coach.askFinal.p99, bare.askFinal.p99, 'ms');
    figure(`/ask final answer p99, ${ASK_IN_FLIGHT} in flight (offline answerer)`, coach.askFinal.p99, 'ms', { max: 200 });
    console.log(`/ask replies: Pump Coach ${(captured.bodies?.ask as { type?: number } | undefined)?.type === 5 ? 'defers, then edits in the answer' : 'answers in its first response'}`);

    // Start-up: fresh processes, alternating so drift on a busy machine hits both alike.
    const starts = { coach: [] as number[], bare: [] as number[] };
    for (let round = 0; round < 5; round++) {
      starts.coach.push(await coldStart(env('coach'), START));
      starts.bare.push(await coldStart(env('bare'), BARE_BOT));
    }
    pair('start-up to ready (median of 5 fresh processes)', percentile(starts.coach, 50), percentile(starts.bare, 50), 'ms', 1.3);
    console.log(`start-up runs → coach ${starts.coach.map((v) => v.toFixed(0)).join(', ')} ms · bare ${starts.bare.map((v) => v.toFixed(0)).join(', ')} ms`);

    // Memory: the production process after 10,000 mixed interactions, beside the bare bot's.
    const memory: Record<string, { samples: string[]; last: number }> = {};
    for (const [name, command] of [
      ['coach', START],
      ['bare', BARE_BOT],
    ] as const) {
      const on = name === 'coach' ? host : bareHost;
      const bot = await spawnBot(env(name, on), 'bot ready', command);
      memory[name] = await rssAfter(on, bot.child.pid as number);
      await bot.stop();
    }
    console.log(`RSS samples → coach ${memory.coach?.samples.join(' · ')}; bare ${memory.bare?.samples.join(' · ')}`);
    figure('RSS after 10,000 interactions (npm start process)', memory.coach?.last ?? Number.NaN, 'MB', { max: 150 });
    figure('RSS after 10,000 interactions (bare bot)', memory.bare?.last ?? Number.NaN, 'MB');
  } finally {
    await host.close();
    await bareHost.close();
    rmSync(dir, { recursive: true, force: true });
  }

  // The CLI: `coach workout legs --json` (the built entry, as npm run coach runs it) against `node -e 0`.
  const cli = { coach: [] as number[], node: [] as number[] };
  for (let round = 0; round < 10; round++) {
    cli.node.push(runTime(process.execPath, ['-e', '0']));
    cli.coach.push(runTime(process.execPath, [join('dist', 'cli', 'coach.js'), 'workout', 'legs', '--json']));
  }
  const [cliCoach, cliNode] = [percentile(cli.coach, 50), percentile(cli.node, 50)];
  console.log(`CLI start (median of 10): coach workout legs --json ${cliCoach.toFixed(0)} ms · node -e 0 ${cliNode.toFixed(0)} ms · ratio ${(cliCoach / cliNode).toFixed(2)}× (target ≤ 3×: ${cliCoach / cliNode <= 3 ? 'met' : 'MISSED'})`);
}
