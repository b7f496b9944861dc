/**
 * The shard manager (`SHARDS` above 1): discord.js's ShardingManager starts one child process per shard, each
 * running the whole app for its shard, and starts a child again if it dies. This process serves nothing itself.
 * The shard count and identify concurrency come from GET /gateway/bot on the configured REST base: the manager's
 * own 'auto' would ask discord.com, past any REST proxy.
 */
import type { ChildProcess } from 'node:child_process';
import type { Shard } from 'discord.js';
import { ShardingManager } from './discord-js.ts';
import type { Log } from '../app/ports.ts';
import { DiscordStartError, readGatewayBot } from './gateway-info.ts';

export { DiscordStartError } from './gateway-info.ts';

/** What a shard child runs: the entry file and the Node flags it is started with. */
export interface ShardEntry {
  file: string;
  execArgv: string[];
}

/** What the manager needs. */
export interface ShardManagerOptions {
  token: string;
  /** REST base (DISCORD_API_URL): asked for the recommended shard count and identify concurrency. */
  apiUrl: string;
  /** A count, or 'auto' for Discord's recommendation. */
  shards: number | 'auto';
  entry: ShardEntry;
  /** The children's environment; the manager adds SHARDING_MANAGER, SHARDS (the shard id) and SHARD_COUNT. */
  env: Record<string, string | undefined>;
  log: Log;
  /** How long a child may take from spawn to gateway ready. @default 60_000 */
  readyTimeoutMs?: number;
  /** How long stop() waits for a child to exit after SIGTERM before SIGKILL. @default 15_000 */
  stopGraceMs?: number;
  /** Aborting it stops the start under way: the children started so far are stopped and the start rejects. */
  signal?: AbortSignal;
}

/** Running shard processes. */
export interface ShardFleet {
  /** Shards started (the resolved count). */
  count: number;
  manager: ShardingManager;
  /** The pid of each shard's current process (changes when a dead shard is started again). */
  pids(): Map<number, number>;
  /** Stops every child (SIGTERM: each finishes its in-flight work) and starts none again. */
  stop(): Promise<void>;
}

/** Discord lets `max_concurrency` shards identify together, then the next group after 5 s. */
export const IDENTIFY_INTERVAL_MS = 5_500;

/** Attempts at GET /gateway/bot before the shard manager gives up on an unreachable REST base. @default 3 */
export const GATEWAY_BOT_ATTEMPTS = 3;

/**
 * GET /gateway/bot on the REST base: the recommended shard count and how many may identify at once. A base that
 * cannot be reached (after GATEWAY_BOT_ATTEMPTS), refuses, or answers with anything but Discord's JSON is a
 * DiscordStartError saying what to check.
 */
export async function fetchGatewayBot(apiUrl: string, token: string): Promise<{ shards: number; maxConcurrency: number }> {
  let response: Response | undefined;
  for (let attempt = 1; !response; attempt++) {
    try {
      response = await fetch(`${apiUrl}/v10/gateway/bot`, { headers: { authorization: `Bot ${token}` } });
    } catch (error) {
      if (attempt >= GATEWAY_BOT_ATTEMPTS) {
        const cause = (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message;
        throw new DiscordStartError(`Discord's REST API at ${apiUrl} could not be reached (${attempt} attempts; ${cause}). Check the network and DISCORD_API_URL.`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
    }
  }
  if (!response.ok) throw new DiscordStartError(`GET /gateway/bot on ${apiUrl} answered ${response.status}. Check DISCORD_TOKEN and DISCORD_API_URL.`);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: readGatewayBot says what it was.
  }
  const { shards, maxConcurrency } = readGatewayBot(body, apiUrl);
  return { shards, maxConcurrency };
}

/** Starts the children and resolves once every shard's gateway is ready. */
export async function startShardManager(options: ShardManagerOptions): Promise<ShardFleet> {
  const { log } = options;
  const gateway = await fetchGatewayBot(options.apiUrl, options.token);
  const count = options.shards === 'auto' ? gateway.shards : options.shards;
  const manager = new ShardingManager(options.entry.file, {
    totalShards: count,
    shardList: Array.from({ length: count }, (_, id) => id),
    token: options.token,
    mode: 'process',
    respawn: true,
    execArgv: options.entry.execArgv,
  });
  manager.on('shardCreate', (shard: Shard) => {
    // The children get the given environment, not this process's (which discord.js would copy), plus what
    // discord.js's client reads in a child: SHARDING_MANAGER_MODE wires its ready/disconnect messages to the manager.
    shard.env = {
      ...options.env,
      SHARDING_MANAGER: 'true',
      SHARDING_MANAGER_MODE: 'process',
      SHARDS: String(shard.id),
      SHARD_COUNT: String(count),
      DISCORD_TOKEN: options.token,
    };
    // Process mode: each shard's "process" is a ChildProcess.
    shard.on('spawn', (child) => log.info({ shard: shard.id, pid: (child as ChildProcess).pid }, 'shard process started'));
    shard.on('ready', () => log.info({ shard: shard.id }, 'shard ready'));
    shard.on('death', (process) => {
      const child = process as ChildProcess;
      if (manager.respawn) log.warn({ shard: shard.id, pid: child.pid, code: child.exitCode, signal: child.signalCode }, 'shard process died; starting it again');
    });
    shard.on('error', (error: Error) => log.error({ shard: shard.id, err: error }, 'shard could not be started again'));
  });
  log.info({ shards: count, maxConcurrency: gateway.maxConcurrency }, 'starting shard processes');

  const stop = async () => {
    manager.respawn = false;
    const grace = options.stopGraceMs ?? 15_000;
    await Promise.all(
      [...manager.shards.values()].map(async (shard) => {
        const child = shard.process;
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), grace);
        await exited;
        clearTimeout(timer);
      }),
    );
  };

  const { signal } = options;
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) onAbort();
  });
  // Only ever raced: a rejection nobody awaits any more must not count as unhandled.
  aborted.catch(() => undefined);
  try {
    // Shards identify in groups of max_concurrency, one group per identify interval.
    for (let first = 0; first < count; first += gateway.maxConcurrency) {
      if (first > 0) await Promise.race([new Promise((resolve) => setTimeout(resolve, IDENTIFY_INTERVAL_MS)), aborted]);
      const group = Array.from({ length: Math.min(gateway.maxConcurrency, count - first) }, (_, i) => first + i);
      await Promise.race([Promise.all(group.map((id) => manager.createShard(id).spawn(options.readyTimeoutMs ?? 60_000))), aborted]);
    }
  } catch (error) {
    await stop();
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  return {
    count,
    manager,
    pids: () => new Map([...manager.shards.values()].flatMap((shard) => (shard.process?.pid ? [[shard.id, shard.process.pid] as [number, number]] : []))),
    stop,
  };
}
