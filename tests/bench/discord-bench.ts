/**
 * Discord figures against the local fake Discord, which runs in its own process (real Discord is remote):
 * /workout INTERACTION_CREATE → callback latency with 200 in flight, /ask time to the defer, start-up to ready,
 * and RSS over 10,000 interactions. The bot runs in this process through startApp, as `npm start` runs it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { startApp, type RunningApp } from '../../src/main.ts';
import { figure, percentile, section } from './bench-kit.ts';
import { rssOf, spawnBot, START, startHost } from './bench-processes.ts';
import type { BatchItem } from './fake-discord-host.ts';

/** Milliseconds from spawning the `npm start` command to its "bot ready" log line; the process is then stopped. */
async function coldStart(env: Record<string, string>): Promise<number> {
  const start = performance.now();
  const bot = await spawnBot(env);
  const elapsed = performance.now() - start;
  await bot.stop();
  return elapsed;
}

/** Runs the Discord benchmarks and prints their figures. */
export async function run(): Promise<void> {
  section('discord (fake Discord in its own process; latency with the bot in this process, memory in the npm start process)');
  const host = await startHost();
  const dir = mkdtempSync(join(tmpdir(), 'pump-coach-bench-'));
  const env = {
    DISCORD_TOKEN: host.token,
    DISCORD_API_URL: host.apiUrl,
    KEYV_URL: `sqlite://${join(dir, 'coach.sqlite')}`,
    LOG_LEVEL: 'silent',
    ASK_RATE_LIMIT: '1000',
  };
  const launch = () => startApp(env, { stdin: Readable.from([]), stdout: () => undefined });

  // Cold start as `npm start` does it: a fresh process until the bot logs that it is ready.
  const cold = await coldStart(env);
  figure(`start-up to ready (fresh process: ${START})`, cold, 'ms');

  // Start-up to ready: configuration, store, knowledge, search index, login, READY + GUILD_CREATE.
  const startups: number[] = [];
  let app: RunningApp | undefined;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    app = await launch();
    startups.push(performance.now() - start);
    if (i < 2) await app.stop();
  }
  figure('start-up to ready (p50 of 3, modules already loaded)', percentile(startups, 50), 'ms');

  let n = 0;
  const items = (kind: BatchItem['kind'], count: number): BatchItem[] => Array.from({ length: count }, () => ({ kind, n: n++ }));
  try {
    // /workout: 200 dispatched at once, 5 rounds after a warm-up round.
    await host.batch(items('workout', 200));
    const workout: number[] = [];
    const cpuBefore = process.cpuUsage();
    for (let round = 0; round < 5; round++) workout.push(...(await host.batch(items('workout', 200))).callback.workout);
    const cpu = process.cpuUsage(cpuBefore);
    // Work per interaction bounds the latency of a burst: the last of 200 waits for the 199 before it.
    figure('/workout bot CPU per interaction (user + system)', (cpu.user + cpu.system) / 1000 / 1000, 'ms');
    figure('/workout INTERACTION_CREATE → callback p50 (200 in flight)', percentile(workout, 50), 'ms');
    figure('/workout INTERACTION_CREATE → callback p99 (200 in flight)', percentile(workout, 99), 'ms', { max: 50 });
    // The same 200, arriving evenly over one second (200/s sustained) rather than in one instant.
    const paced: number[] = [];
    for (let round = 0; round < 3; round++) {
      const batch = items('workout', 200).map((item, i) => ({ ...item, delayMs: i * 5 }));
      paced.push(...(await host.batch(batch)).callback.workout);
    }
    figure('/workout INTERACTION_CREATE → callback p99 (200 over 1 s)', percentile(paced, 99), 'ms', { max: 50 });
    const single: number[] = [];
    for (let i = 0; i < 200; i++) single.push(...(await host.batch(items('workout', 1))).callback.workout);
    figure('/workout INTERACTION_CREATE → callback p99 (1 in flight)', percentile(single, 99), 'ms', { max: 50 });

    // /ask: time to the defer with 50 in flight, and to the edited answer (offline answerer).
    const defer: number[] = [];
    const edit: number[] = [];
    for (let round = 0; round < 4; round++) {
      const result = await host.batch(items('ask', 50));
      defer.push(...result.callback.ask);
      edit.push(...result.edit);
    }
    figure('/ask INTERACTION_CREATE → defer p99 (50 in flight)', percentile(defer, 99), 'ms', { max: 100 });
    figure('/ask INTERACTION_CREATE → answer p50 (50 in flight, offline)', percentile(edit, 50), 'ms');

  } finally {
    await app?.stop();
  }

  // Memory: the production process (`npm start`) serves 10,000 mixed interactions, 200 at a time; RSS read from /proc.
  const bot = await spawnBot(env);
  try {
    const mix: BatchItem['kind'][] = ['workout', 'workout', 'workout', 'workout', 'workout', 'workout', 'stranger', 'stranger', 'help', 'ask'];
    const samples = [`0: ${rssOf(bot.child.pid!).toFixed(0)} MB`];
    let last = Number.NaN;
    for (let done = 0; done < 10_000; ) {
      const batch: BatchItem[] = [];
      for (let k = 0; k < 200; k++, done++) batch.push({ kind: mix[done % mix.length]!, n: n++ });
      await host.batch(batch);
      if (done % 2000 === 0) {
        last = rssOf(bot.child.pid!);
        samples.push(`${done}: ${last.toFixed(0)} MB`);
      }
    }
    console.log(`bot RSS samples (npm start process) → ${samples.join(' · ')}`);
    figure('RSS after 10,000 interactions (npm start process)', last, 'MB', { max: 150 });
  } finally {
    await bot.stop();
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
