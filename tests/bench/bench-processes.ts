/** The processes the Discord benchmarks drive: the fake Discord in its own process, and the bot as `npm start` runs it. */
import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BatchItem, BatchResult, ThroughputResult, ThroughputRound } from './fake-discord-host.ts';
import { startRedisServer, type RedisServer } from '../support/redis-process.ts';

/** Starts the fake Discord host process (recommending `shards` shards, one server each) and returns its runners. */
export async function startHost(shards = 1) {
  const child = fork(fileURLToPath(new URL('./fake-discord-host.ts', import.meta.url)), ['--shards', String(shards)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting = new Map<number, (r: unknown) => void>();
  let seq = 0;
  const ready = await new Promise<{ apiUrl: string; token: string }>((resolve) => {
    child.on('message', (message: { ready?: boolean; apiUrl: string; token: string; seq?: number; result?: unknown }) => {
      if (message.ready) resolve(message);
      else if (message.seq !== undefined && message.result) waiting.get(message.seq)?.(message.result);
    });
  });
  /** Sends one command and resolves with the host's result for it. */
  const ask = <T>(command: Record<string, unknown>) =>
    new Promise<T>((resolve) => {
      const id = ++seq;
      waiting.set(id, (r) => {
        waiting.delete(id);
        resolve(r as T);
      });
      child.send({ ...command, seq: id });
    });
  return {
    ...ready,
    pid: child.pid as number,
    batch: (items: BatchItem[], capture = false) => ask<BatchResult>({ cmd: 'batch', items, capture }),
    sequence: (kind: BatchItem['kind'], total: number) => ask<BatchResult>({ cmd: 'sequence', kind, total }),
    throughput: (round: ThroughputRound) => ask<ThroughputResult>({ cmd: 'throughput', round }),
    close: () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.send({ cmd: 'close' }))),
  };
}

/**
 * Forks a benchmark host script (a fake in its own process) that answers `{ cmd, seq, … }` messages with
 * `{ seq, result }` and says `{ ready: true, … }` once listening; returns what it said when ready, a way to send it
 * a command and wait for the result, and a close that waits for it to exit.
 */
export async function startIpcHost<Ready extends object>(file: string, args: string[] = []) {
  const child = fork(file, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting = new Map<number, (r: unknown) => void>();
  let seq = 0;
  const ready = await new Promise<Ready>((resolve) => {
    child.on('message', (message: { ready?: boolean; seq?: number; result?: unknown }) => {
      if (message.ready) resolve(message as Ready);
      else if (message.seq !== undefined) waiting.get(message.seq)?.(message.result);
    });
  });
  const ask = <T>(command: Record<string, unknown>) =>
    new Promise<T>((resolve) => {
      const id = ++seq;
      waiting.set(id, (r) => (waiting.delete(id), resolve(r as T)));
      child.send({ ...command, seq: id });
    });
  const close = () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.send({ cmd: 'close' })));
  return { ready, pid: child.pid as number, ask, close };
}

export const root = fileURLToPath(new URL('../../', import.meta.url));
/** Exactly what `npm start` runs, read from package.json, so the figures are the production process's. */
export const START = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;

/** The bare discord.js bot the Discord bench sets beside Pump Coach (plain JavaScript, no loader). */
export const BARE_BOT = `node ${join('tests', 'bench', 'bare-bot.mjs')}`;

/** A running bot process. */
export interface BotProcess {
  child: ChildProcess;
  stop: () => Promise<void>;
  log: () => string;
}

/** Builds dist/ if a source is newer (what npm's prestart hook does), so START runs the checkout's code. */
export function ensureBuilt(): void {
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--if-stale'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
}

/**
 * Starts the bot as `npm start` does (exec'd so the pid is npm start's own), or another `command`; resolves once it
 * logs `readyLine`.
 */
export async function spawnBot(env: Record<string, string>, readyLine = 'bot ready', command = START): Promise<BotProcess> {
  const child = spawn('sh', ['-c', `exec ${command}`], {
    cwd: root,
    env: { ...process.env, ...env, LOG_LEVEL: 'info', PATH: `${join(root, 'node_modules', '.bin')}:${process.env.PATH ?? ''}` },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (chunk) => {
      log += String(chunk);
      if (log.includes(readyLine)) resolve();
    });
    child.on('exit', (code) => reject(new Error(`bot exited (${code}) before ready:\n${log}`)));
  });
  child.removeAllListeners('exit');
  const stop = () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGTERM')));
  return { child, stop, log: () => log };
}

/** CPU time (ms) another process has used so far, summed over its threads, from /proc (Linux). */
export function cpuMsOf(pid: number): number {
  // Each thread's time on a CPU in nanoseconds (/proc/<pid>/task/<tid>/schedstat): /proc/<pid>/stat counts in clock
  // ticks of 10 ms, too coarse for a round of 250 interactions of a millisecond each.
  try {
    let ns = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    return ns / 1e6;
  } catch {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // After "pid (comm) ", utime and stime are the 12th and 13th fields.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  }
}

/** Resident memory of another process, from /proc (Linux). */
export function rssOf(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}


/** Runs `work` with a fresh redis-server (stopped after); without one, prints why the section is skipped. */
export async function withRedisServer(work: (redis: RedisServer) => Promise<void>): Promise<void> {
  let redis: RedisServer;
  try {
    redis = await startRedisServer(process.env.REDIS_SERVER ?? 'redis-server');
  } catch (error) {
    console.log(`skipped: no redis-server to run (${(error as Error).message}); apt-get install -y redis-server`);
    return;
  }
  try {
    await work(redis);
  } finally {
    await redis.stop();
  }
}
